import type { Migration } from './index.js';

/** Stock readiness: stock snapshots, shipments on the way or planned, and shipping capacity. */
export const m0003Readiness: Migration = {
  version: 3,
  name: 'readiness',
  up(db) {
    db.exec(`
      ALTER TABLE products ADD COLUMN cases_per_pallet INTEGER NOT NULL DEFAULT 60 CHECK (cases_per_pallet > 0);

      -- A distributor's stock of a SKU as counted on a day; the latest count is the one that matters.
      CREATE TABLE stock_snapshots (
        distributor_id INTEGER NOT NULL REFERENCES distributors(id) ON DELETE CASCADE,
        product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        snapshot_date TEXT NOT NULL CHECK (snapshot_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
        cases INTEGER NOT NULL CHECK (cases >= 0),
        PRIMARY KEY (distributor_id, product_id, snapshot_date)
      ) WITHOUT ROWID;

      CREATE TABLE shipments (
        id INTEGER PRIMARY KEY,
        distributor_id INTEGER NOT NULL REFERENCES distributors(id) ON DELETE CASCADE,
        product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        cases INTEGER NOT NULL CHECK (cases > 0),
        ship_date TEXT NOT NULL,
        arrival_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('in_transit', 'planned')),
        source TEXT NOT NULL CHECK (source IN ('manual', 'plan')),
        created_at TEXT NOT NULL
      );
      CREATE INDEX shipments_cell ON shipments(distributor_id, product_id);
      CREATE INDEX shipments_arrival ON shipments(arrival_date);

      CREATE TABLE region_shipping_capacity (
        region_id INTEGER PRIMARY KEY REFERENCES regions(id) ON DELETE CASCADE,
        cases_per_week INTEGER NOT NULL CHECK (cases_per_week >= 0)
      );

      -- Each accepted plan keeps the statuses it was made from, so the board can say what changed.
      CREATE TABLE readiness_runs (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        statuses TEXT NOT NULL
      );
    `);
  },
};
