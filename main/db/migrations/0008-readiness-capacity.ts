import type { Migration } from './index.js';

/**
 * Stock readiness, second step: warehouse limits in pallets, weekly shipping limits per SKU group
 * (pack) on top of a region's, and what each accepted plan amounted to.
 */
export const m0008ReadinessCapacity: Migration = {
  version: 8,
  name: 'readiness-capacity',
  up(db) {
    db.exec(`
      -- A warehouse's limit in pallets (the distributor's record holds it in cases); both apply when both are set.
      CREATE TABLE distributor_pallet_capacity (
        distributor_id INTEGER PRIMARY KEY REFERENCES distributors(id) ON DELETE CASCADE,
        pallets INTEGER NOT NULL CHECK (pallets >= 0)
      );

      -- Kegs, cans and bottles load and travel differently: a pack can have its own weekly limit in a region.
      CREATE TABLE group_shipping_capacity (
        region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
        pack TEXT NOT NULL CHECK (pack IN ('bottle', 'can', 'keg', 'other')),
        cases_per_week INTEGER NOT NULL CHECK (cases_per_week >= 0),
        PRIMARY KEY (region_id, pack)
      ) WITHOUT ROWID;

      ALTER TABLE readiness_runs ADD COLUMN shipments INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE readiness_runs ADD COLUMN cases INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE readiness_runs ADD COLUMN short_cases INTEGER NOT NULL DEFAULT 0;

      -- The shipments list (in transit / planned, by arrival) and the accepted plan's replacement.
      CREATE INDEX shipments_status ON shipments(status, source, arrival_date);
    `);
  },
};
