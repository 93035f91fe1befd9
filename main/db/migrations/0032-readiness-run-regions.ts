import type { Migration } from './index.js';

/**
 * The regions an accepted readiness plan covers: a region has its own logistics coordinator, whose
 * acceptance replaces their regions' planned shipments and no other's. NULL: every region (every plan
 * accepted before this, and one accepted by an administrator or on a desktop without sign-in).
 */
export const m0032ReadinessRunRegions: Migration = {
  version: 32,
  name: 'readiness-run-regions',
  up(db) {
    db.exec('ALTER TABLE readiness_runs ADD COLUMN regions TEXT');
  },
};
