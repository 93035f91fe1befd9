import type { Migration } from './index.js';

/**
 * Sales history and forecasts. History is monthly shipments per distributor x SKU; a forecast run
 * stores each series' model and its monthly values; consensus overrides are kept beside the
 * statistical numbers, never instead of them.
 */
export const m0002Forecast: Migration = {
  version: 2,
  name: 'forecast',
  up(db) {
    db.exec(`
      CREATE TABLE sales_history (
        distributor_id INTEGER NOT NULL REFERENCES distributors(id) ON DELETE CASCADE,
        product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE RESTRICT,
        month TEXT NOT NULL CHECK (month GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
        cases INTEGER NOT NULL CHECK (cases >= 0),
        revenue_cents INTEGER CHECK (revenue_cents >= 0),
        PRIMARY KEY (distributor_id, product_id, month)
      ) WITHOUT ROWID;
      CREATE INDEX sales_history_product_month ON sales_history(product_id, month);
      -- covering: monthly totals for the forecast screen are read from the index alone
      CREATE INDEX sales_history_month ON sales_history(month, cases, distributor_id, product_id);

      CREATE TABLE forecast_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        first_month TEXT NOT NULL,
        horizon INTEGER NOT NULL,
        series_total INTEGER NOT NULL DEFAULT 0,
        series_recomputed INTEGER NOT NULL DEFAULT 0,
        seconds REAL,
        workers INTEGER
      );

      -- One row per distributor x SKU: the model of its latest forecast and its fingerprint.
      CREATE TABLE forecast_series (
        distributor_id INTEGER NOT NULL REFERENCES distributors(id) ON DELETE CASCADE,
        product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
        run_id INTEGER NOT NULL REFERENCES forecast_runs(id),
        history_hash TEXT NOT NULL,
        method TEXT NOT NULL,
        model TEXT NOT NULL,
        params TEXT NOT NULL,
        mase REAL,
        wape REAL,
        -- cases in the last 12 months of history: weights accuracy figures by what matters
        recent_volume INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (distributor_id, product_id)
      ) WITHOUT ROWID;

      CREATE TABLE forecast_values (
        distributor_id INTEGER NOT NULL,
        product_id INTEGER NOT NULL,
        month TEXT NOT NULL,
        point REAL NOT NULL,
        lo80 REAL NOT NULL,
        hi80 REAL NOT NULL,
        lo95 REAL NOT NULL,
        hi95 REAL NOT NULL,
        PRIMARY KEY (distributor_id, product_id, month),
        FOREIGN KEY (distributor_id, product_id) REFERENCES forecast_series(distributor_id, product_id) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX forecast_values_month ON forecast_values(month, point, lo95, hi95, distributor_id, product_id);

      -- Consensus: an agreed number for a month at any level, with who, when and why.
      CREATE TABLE forecast_overrides (
        id INTEGER PRIMARY KEY,
        level TEXT NOT NULL CHECK (level IN ('region','distributor','brand','sku','distributor_sku')),
        region_id INTEGER REFERENCES regions(id) ON DELETE CASCADE,
        distributor_id INTEGER REFERENCES distributors(id) ON DELETE CASCADE,
        product_id INTEGER REFERENCES products(id) ON DELETE CASCADE,
        brand TEXT,
        month TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('absolute','percent')),
        value REAL NOT NULL,
        note TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX forecast_overrides_month ON forecast_overrides(month);
    `);
  },
};
