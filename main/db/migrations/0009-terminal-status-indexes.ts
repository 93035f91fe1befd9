import type { Migration } from './index.js';

/**
 * Active outlets per distributor (targets' growth split, network counts) were counted by looking up
 * every terminal row for its status: 40 ms at 120,000 terminals. With the status in the index the
 * count never touches the table (5 ms). The composite indexes serve every query the single-column
 * ones did.
 */
export const m0009TerminalStatusIndexes: Migration = {
  version: 9,
  name: 'terminal-status-indexes',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS terminals_sub_dealer;
      CREATE INDEX terminals_sub_dealer_status ON terminals(sub_dealer_id, status);
      DROP INDEX IF EXISTS terminals_distributor;
      CREATE INDEX terminals_distributor_status ON terminals(distributor_id, status);
    `);
  },
};
