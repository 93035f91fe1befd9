import type { Migration } from './index.js';

/**
 * Target cells a person typed are kept apart from the cascade's arithmetic: `typed` marks them (the
 * grid highlights them) and they are locked when typed, so a later edit elsewhere re-spreads around
 * them instead of over them. Unlocking keeps the mark, so the grid still says who set the number.
 */
export const m0017TypedTargets: Migration = {
  version: 17,
  name: 'typed-targets',
  up(db) {
    db.exec(`ALTER TABLE target_cells ADD COLUMN typed INTEGER NOT NULL DEFAULT 0 CHECK (typed IN (0, 1));`);
  },
};
