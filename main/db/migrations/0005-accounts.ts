import type { Migration } from './index.js';

/** Key-account retention: complaints, purchase-standard fit and known total purchases, prospect scores. */
export const m0005Accounts: Migration = {
  version: 5,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE account_profiles (
        distributor_id INTEGER PRIMARY KEY REFERENCES distributors(id) ON DELETE CASCADE,
        -- purchase-standard fit: only we meet it (safe), we and a competitor (watch), only a competitor (alarm)
        fit TEXT CHECK (fit IN ('safe', 'watch', 'alarm')),
        -- the customer's total beer purchases a year, known or estimated, for customer share
        total_purchases_cases INTEGER CHECK (total_purchases_cases >= 0),
        updated_at TEXT NOT NULL
      );
      CREATE TABLE complaints (
        id INTEGER PRIMARY KEY,
        distributor_id INTEGER NOT NULL REFERENCES distributors(id) ON DELETE CASCADE,
        category TEXT NOT NULL CHECK (category IN ('quality', 'service', 'logistics', 'price', 'other')),
        opened_on TEXT NOT NULL,
        owner_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
        description TEXT NOT NULL,
        closed_on TEXT,
        resolution TEXT,
        created_at TEXT NOT NULL,
        CHECK (closed_on IS NULL OR closed_on >= opened_on)
      );
      CREATE INDEX complaints_distributor ON complaints(distributor_id);
      CREATE INDEX complaints_open ON complaints(closed_on);
      CREATE TABLE prospect_scores (
        outlet_type TEXT NOT NULL CHECK (outlet_type IN ('sub_dealer', 'terminal')),
        outlet_id INTEGER NOT NULL,
        ratings TEXT NOT NULL,
        intention TEXT NOT NULL CHECK (intention IN ('high', 'low')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (outlet_type, outlet_id)
      ) WITHOUT ROWID;
    `);
  },
};
