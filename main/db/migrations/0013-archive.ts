import type { Migration } from './index.js';

/**
 * Deleting what has history archives it: an archived distributor is hidden from lists and pickers but
 * keeps its sales history, targets, agreed versions and visits (reports and agreed totals unchanged).
 * People already have `staff.archived_at` (0012).
 */
export const m0013Archive: Migration = {
  version: 13,
  name: 'archive',
  up(db) {
    db.exec(`
      ALTER TABLE distributors ADD COLUMN archived_at TEXT;
      CREATE INDEX distributors_archived ON distributors(archived_at) WHERE archived_at IS NOT NULL;
    `);
  },
};
