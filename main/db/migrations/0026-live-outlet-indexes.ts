import type { Migration } from './index.js';

/**
 * Since archiving (0020) every list and count of outlets asks for `archived_at IS NULL`, which none of
 * their indexes held: SQLite looked up each terminal's row to check it. At national scale (1.19
 * million terminals) the terminal list's last page took 4 s, the dashboard's counts by area 0.6 s and
 * the distributor list sorted by terminals 0.5 s. With the column in the indexes the counts never
 * touch the table; the name order covers live terminals only (the list's own filter), so paging to
 * its end walks the index alone again.
 */
export const m0026LiveOutletIndexes: Migration = {
  version: 26,
  name: 'live-outlet-indexes',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS terminals_name;
      CREATE INDEX terminals_name ON terminals(name COLLATE NOCASE) WHERE archived_at IS NULL;
      DROP INDEX IF EXISTS terminals_area_status;
      CREATE INDEX terminals_area_status ON terminals(area_id, status, archived_at);
      DROP INDEX IF EXISTS terminals_distributor_status;
      CREATE INDEX terminals_distributor_status ON terminals(distributor_id, status, archived_at);
      DROP INDEX IF EXISTS terminals_sub_dealer_status;
      CREATE INDEX terminals_sub_dealer_status ON terminals(sub_dealer_id, status, archived_at);
      DROP INDEX IF EXISTS sub_dealers_area_status;
      CREATE INDEX sub_dealers_area_status ON sub_dealers(area_id, status, archived_at);
      DROP INDEX IF EXISTS sub_dealers_name;
      CREATE INDEX sub_dealers_name ON sub_dealers(name COLLATE NOCASE) WHERE archived_at IS NULL;
      DROP INDEX IF EXISTS sub_dealers_distributor;
      CREATE INDEX sub_dealers_distributor ON sub_dealers(distributor_id, archived_at);
    `);
  },
};
