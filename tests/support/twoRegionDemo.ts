import type Database from 'better-sqlite3';
import { seedDemo } from '../../main/demo/generate.js';

export interface RegionPerson {
  code: string;
  regionId: number;
}

/**
 * The M demo, a network of two regions (North and East), and the active people of one role in it, by
 * region: what the tests of a region's own rules and plans act as.
 */
export function twoRegionDemo(
  db: Database.Database,
  role: 'regional_manager' | 'logistics_coordinator',
  today = '2026-11-22',
): [RegionPerson, RegionPerson] {
  seedDemo(db, { scale: 'M', today: new Date(`${today}T00:00:00Z`) });
  const people = db
    .prepare('SELECT code, region_id AS regionId FROM staff WHERE role = ? AND active = 1 ORDER BY region_id')
    .all(role) as RegionPerson[];
  if (people.length !== 2) throw new Error(`The M demo has ${people.length} active ${role}s, not one per region`);
  return people as [RegionPerson, RegionPerson];
}
