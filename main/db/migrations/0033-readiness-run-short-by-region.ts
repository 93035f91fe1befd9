import type { Migration } from './index.js';

/**
 * The cases an accepted readiness plan could not deliver, by region (JSON `{ "regionId": cases }`): a
 * plan reopened in one region is kept for the others as a copy, which must count only their shortfall,
 * not the whole plan's. NULL for plans accepted before this (their split is not known).
 */
export const m0033ReadinessRunShortByRegion: Migration = {
  version: 33,
  name: 'readiness-run-short-by-region',
  up(db) {
    db.exec('ALTER TABLE readiness_runs ADD COLUMN short_by_region TEXT');
  },
};
