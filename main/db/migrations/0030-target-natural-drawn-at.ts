import type { Migration } from './index.js';

/**
 * When a target plan's natural volume was drawn (made, or updated from the latest forecast), so the
 * targets screen can say that the forecast has run since: a draft's "growth needed" is then
 * measured against an earlier forecast. Plans made before this know only when they were made.
 */
export const m0030TargetNaturalDrawnAt: Migration = {
  version: 30,
  name: 'target-natural-drawn-at',
  up(db) {
    db.exec(`
      ALTER TABLE target_plans ADD COLUMN natural_drawn_at TEXT;
      UPDATE target_plans SET natural_drawn_at = created_at;
    `);
  },
};
