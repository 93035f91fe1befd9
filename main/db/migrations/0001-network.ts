import type { Migration } from './index.js';

/** The distributor network: regions and their season calendar, areas, staff, outlets, contacts, products. */
export const m0001Network: Migration = {
  version: 1,
  name: 'network',
  up(db) {
    db.exec(`
      CREATE TABLE regions (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- The season calendar: which months are peak in each region (the rest are off-season).
      CREATE TABLE region_peak_months (
        region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE CASCADE,
        month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
        PRIMARY KEY (region_id, month)
      ) WITHOUT ROWID;

      CREATE TABLE areas (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE RESTRICT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX areas_region ON areas(region_id);

      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('regional_manager','logistics_coordinator','salesperson')),
        region_id INTEGER NOT NULL REFERENCES regions(id) ON DELETE RESTRICT,
        phone TEXT,
        email TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX staff_region ON staff(region_id);
      CREATE TABLE staff_areas (
        staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
        area_id INTEGER NOT NULL REFERENCES areas(id) ON DELETE CASCADE,
        PRIMARY KEY (staff_id, area_id)
      ) WITHOUT ROWID;
      CREATE INDEX staff_areas_area ON staff_areas(area_id);

      CREATE TABLE distributors (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        area_id INTEGER NOT NULL REFERENCES areas(id) ON DELETE RESTRICT,
        address TEXT,
        salesperson_id INTEGER REFERENCES staff(id) ON DELETE SET NULL,
        lead_time_days INTEGER NOT NULL CHECK (lead_time_days BETWEEN 0 AND 365),
        warehouse_capacity_cases INTEGER NOT NULL CHECK (warehouse_capacity_cases >= 0),
        relationship_level INTEGER NOT NULL CHECK (relationship_level IN (1,2,3)),
        status TEXT NOT NULL CHECK (status IN ('active','on_hold','ended')),
        start_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX distributors_area ON distributors(area_id);
      CREATE INDEX distributors_salesperson ON distributors(salesperson_id);
      CREATE INDEX distributors_name ON distributors(name COLLATE NOCASE);

      CREATE TABLE sub_dealers (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        distributor_id INTEGER NOT NULL REFERENCES distributors(id) ON DELETE RESTRICT,
        area_id INTEGER NOT NULL REFERENCES areas(id) ON DELETE RESTRICT,
        address TEXT,
        status TEXT NOT NULL CHECK (status IN ('prospect','active','lost')),
        competitor_brand TEXT,
        latitude REAL CHECK (latitude BETWEEN -90 AND 90),
        longitude REAL CHECK (longitude BETWEEN -180 AND 180),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX sub_dealers_distributor ON sub_dealers(distributor_id);
      -- (area, status): the dashboard counts outlets by both, from the index alone.
      CREATE INDEX sub_dealers_area_status ON sub_dealers(area_id, status);
      CREATE INDEX sub_dealers_name ON sub_dealers(name COLLATE NOCASE);

      CREATE TABLE terminals (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('restaurant','bar_night','supermarket','convenience','kiosk','other')),
        sub_dealer_id INTEGER REFERENCES sub_dealers(id) ON DELETE RESTRICT,
        distributor_id INTEGER REFERENCES distributors(id) ON DELETE RESTRICT,
        area_id INTEGER NOT NULL REFERENCES areas(id) ON DELETE RESTRICT,
        address TEXT,
        status TEXT NOT NULL CHECK (status IN ('prospect','active','lost')),
        competitor_brand TEXT,
        latitude REAL CHECK (latitude BETWEEN -90 AND 90),
        longitude REAL CHECK (longitude BETWEEN -180 AND 180),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- supplied by a sub-dealer or directly by a distributor: exactly one
        CHECK ((sub_dealer_id IS NULL) <> (distributor_id IS NULL))
      );
      CREATE INDEX terminals_sub_dealer ON terminals(sub_dealer_id);
      CREATE INDEX terminals_distributor ON terminals(distributor_id);
      CREATE INDEX terminals_area_status ON terminals(area_id, status);
      CREATE INDEX terminals_name ON terminals(name COLLATE NOCASE);

      CREATE TABLE contacts (
        id INTEGER PRIMARY KEY,
        distributor_id INTEGER REFERENCES distributors(id) ON DELETE CASCADE,
        sub_dealer_id INTEGER REFERENCES sub_dealers(id) ON DELETE CASCADE,
        terminal_id INTEGER REFERENCES terminals(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        role TEXT,
        level TEXT NOT NULL CHECK (level IN ('owner','general_manager','purchasing','warehouse','sales','other')),
        phone TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((distributor_id IS NOT NULL) + (sub_dealer_id IS NOT NULL) + (terminal_id IS NOT NULL) = 1)
      );
      CREATE INDEX contacts_distributor ON contacts(distributor_id);
      CREATE INDEX contacts_sub_dealer ON contacts(sub_dealer_id);
      CREATE INDEX contacts_terminal ON contacts(terminal_id);

      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        brand TEXT NOT NULL,
        pack TEXT NOT NULL CHECK (pack IN ('bottle','can','keg','other')),
        size_ml INTEGER NOT NULL CHECK (size_ml > 0),
        units_per_case INTEGER NOT NULL CHECK (units_per_case > 0),
        status TEXT NOT NULL CHECK (status IN ('new','active','phase_out')),
        launch_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX products_brand ON products(brand);

      -- User preferences and remembered import mappings, as JSON values.
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
