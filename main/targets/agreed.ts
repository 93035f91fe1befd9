/** The numbers agreed with each distributor, brand by brand, beside the plan's targets. */
import { prepared, type Db } from '../db/open.js';
import { getPlan } from './plans.js';

export function setAgreed(db: Db, planId: number, distributorId: number, brand: string, cases: number | null) {
  getPlan(db, planId);
  if (cases === null)
    prepared(db, 'DELETE FROM target_agreed WHERE plan_id = ? AND distributor_id = ? AND brand = ?').run(planId, distributorId, brand);
  else
    prepared(
      db,
      'INSERT INTO target_agreed (plan_id, distributor_id, brand, cases) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET cases = excluded.cases',
    ).run(planId, distributorId, brand, cases);
  return { saved: true as const };
}
