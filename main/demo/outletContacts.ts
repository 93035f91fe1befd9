import { prepared } from '../db/open.js';
import type { DemoStep } from './context.js';
import { personName } from './network.js';

/**
 * The terminals salespeople actually work with (in the pipeline, or visited) get the person to ask
 * for and a phone, as a customer file would give them, so routes and day sheets carry them.
 * Sub-dealers already have contacts from the network step.
 */
export const outletContactsDemoStep: DemoStep = {
  name: 'Outlet contacts',
  weight: 1,
  run(ctx) {
    const { db, rng } = ctx;
    const terminals = prepared(
      db,
      `SELECT id FROM terminals t WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.terminal_id = t.id)
         AND (EXISTS (SELECT 1 FROM pipeline p WHERE p.outlet_type = 'terminal' AND p.outlet_id = t.id)
           OR EXISTS (SELECT 1 FROM visits v WHERE v.outlet_type = 'terminal' AND v.outlet_id = t.id))
       ORDER BY id`,
    )
      .pluck()
      .all() as number[];
    const insert = prepared(
      db,
      'INSERT INTO contacts (terminal_id, name, role, level, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const now = ctx.today.toISOString();
    const roles: Array<[string, 'owner' | 'general_manager' | 'purchasing']> = [
      ['Owner', 'owner'],
      ['Store manager', 'general_manager'],
      ['Buyer', 'purchasing'],
    ];
    for (const id of terminals) {
      const [role, level] = rng.pick(roles);
      const phone = `+86 1${rng.int(30, 89)} ${String(rng.int(0, 9999)).padStart(4, '0')} ${String(rng.int(0, 9999)).padStart(4, '0')}`;
      insert.run(id, personName(ctx), role, level, phone, now, now);
    }
  },
};
