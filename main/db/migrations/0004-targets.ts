import type { Migration } from './index.js';

/** Off-season targets: peak-season plans per region, their target lines, and the cascaded cells. */
export const m0004Targets: Migration = {
  version: 4,
  name: 'targets',
  up(db) {
    db.exec(`
      CREATE TABLE target_plans (
        id INTEGER PRIMARY KEY,
        region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
        season_year INTEGER NOT NULL CHECK (season_year BETWEEN 2000 AND 2200),
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'agreed')),
        basis TEXT NOT NULL CHECK (basis IN ('forecast', 'last_year')),
        months TEXT NOT NULL,
        new_outlets INTEGER NOT NULL DEFAULT 0 CHECK (new_outlets >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (region_id, season_year, name)
      );
      -- What the peak must deliver: a volume per brand (product_id NULL) or per SKU.
      CREATE TABLE target_lines (
        plan_id INTEGER NOT NULL REFERENCES target_plans(id) ON DELETE CASCADE,
        brand TEXT NOT NULL,
        product_id INTEGER REFERENCES products(id) ON DELETE CASCADE,
        volume INTEGER NOT NULL CHECK (volume >= 0)
      );
      CREATE UNIQUE INDEX target_lines_key ON target_lines(plan_id, brand, coalesce(product_id, 0));
      CREATE TABLE target_cells (
        plan_id INTEGER NOT NULL REFERENCES target_plans(id) ON DELETE CASCADE,
        distributor_id INTEGER NOT NULL REFERENCES distributors(id) ON DELETE CASCADE,
        product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        month TEXT NOT NULL,
        target INTEGER NOT NULL CHECK (target >= 0),
        natural INTEGER NOT NULL,
        basis INTEGER NOT NULL,
        locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        PRIMARY KEY (plan_id, distributor_id, product_id, month)
      ) WITHOUT ROWID;
      -- Bottom-up: what a distributor agreed to, per brand, beside the cascaded target.
      CREATE TABLE target_agreed (
        plan_id INTEGER NOT NULL REFERENCES target_plans(id) ON DELETE CASCADE,
        distributor_id INTEGER NOT NULL REFERENCES distributors(id) ON DELETE CASCADE,
        brand TEXT NOT NULL,
        cases INTEGER NOT NULL CHECK (cases >= 0),
        PRIMARY KEY (plan_id, distributor_id, brand)
      ) WITHOUT ROWID;
      CREATE TABLE target_outlets (
        plan_id INTEGER NOT NULL REFERENCES target_plans(id) ON DELETE CASCADE,
        distributor_id INTEGER NOT NULL REFERENCES distributors(id) ON DELETE CASCADE,
        new_outlets INTEGER NOT NULL CHECK (new_outlets >= 0),
        PRIMARY KEY (plan_id, distributor_id)
      ) WITHOUT ROWID;
    `);
  },
};
