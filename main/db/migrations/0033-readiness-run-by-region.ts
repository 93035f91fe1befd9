import type { Migration } from './index.js';

/**
 * An accepted readiness plan's figures by region (JSON `{ "regionId": { shipments, cases, shortCases } }`):
 * a coordinator reads their regions' part of a whole-network plan, and a plan reopened in one region
 * is kept for the others as a copy that counts only theirs. NULL for plans accepted before this
 * (their split is not known: their totals stand).
 */
export const m0033ReadinessRunByRegion: Migration = {
  version: 33,
  name: 'readiness-run-by-region',
  up(db) {
    db.exec('ALTER TABLE readiness_runs ADD COLUMN by_region TEXT');
  },
};
