import type { Migration } from './index.js';

/**
 * The region's month totals of history and forecast, kept by triggers as rows change (imports,
 * corrections, forecast runs, deletions cascading from a distributor), so that the whole-region
 * forecast screen and the dashboard read a few dozen rows instead of summing 600,000 after every
 * change. Costs about 0.7 µs per history row written. The forecast keeps the sum of squared 95%
 * range widths, from which the view derives the total's spread.
 */
export const m0011MonthTotals: Migration = {
  version: 11,
  name: 'month-totals',
  up(db) {
    db.exec(`
      CREATE TABLE history_month_totals (
        month TEXT PRIMARY KEY,
        cases INTEGER NOT NULL,
        rows INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO history_month_totals (month, cases, rows) SELECT month, sum(cases), count(*) FROM sales_history GROUP BY month;
      CREATE TRIGGER sales_history_totals_insert AFTER INSERT ON sales_history BEGIN
        INSERT INTO history_month_totals (month, cases, rows) VALUES (NEW.month, NEW.cases, 1)
          ON CONFLICT (month) DO UPDATE SET cases = cases + excluded.cases, rows = rows + 1;
      END;
      CREATE TRIGGER sales_history_totals_delete AFTER DELETE ON sales_history BEGIN
        UPDATE history_month_totals SET cases = cases - OLD.cases, rows = rows - 1 WHERE month = OLD.month;
        DELETE FROM history_month_totals WHERE month = OLD.month AND rows = 0;
      END;
      CREATE TRIGGER sales_history_totals_update AFTER UPDATE OF month, cases ON sales_history BEGIN
        UPDATE history_month_totals SET cases = cases - OLD.cases, rows = rows - 1 WHERE month = OLD.month;
        INSERT INTO history_month_totals (month, cases, rows) VALUES (NEW.month, NEW.cases, 1)
          ON CONFLICT (month) DO UPDATE SET cases = cases + excluded.cases, rows = rows + 1;
        DELETE FROM history_month_totals WHERE month = OLD.month AND rows = 0;
      END;

      CREATE TABLE forecast_month_totals (
        month TEXT PRIMARY KEY,
        point REAL NOT NULL,
        width95_squared REAL NOT NULL,
        cells INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO forecast_month_totals (month, point, width95_squared, cells)
        SELECT month, sum(point), sum((hi95 - lo95) * (hi95 - lo95)), count(*) FROM forecast_values GROUP BY month;
      CREATE TRIGGER forecast_values_totals_insert AFTER INSERT ON forecast_values BEGIN
        INSERT INTO forecast_month_totals (month, point, width95_squared, cells) VALUES (NEW.month, NEW.point, (NEW.hi95 - NEW.lo95) * (NEW.hi95 - NEW.lo95), 1)
          ON CONFLICT (month) DO UPDATE SET point = point + excluded.point, width95_squared = width95_squared + excluded.width95_squared, cells = cells + 1;
      END;
      CREATE TRIGGER forecast_values_totals_delete AFTER DELETE ON forecast_values BEGIN
        UPDATE forecast_month_totals SET point = point - OLD.point, width95_squared = width95_squared - (OLD.hi95 - OLD.lo95) * (OLD.hi95 - OLD.lo95), cells = cells - 1
          WHERE month = OLD.month;
        DELETE FROM forecast_month_totals WHERE month = OLD.month AND cells = 0;
      END;
      CREATE TRIGGER forecast_values_totals_update AFTER UPDATE OF month, point, lo95, hi95 ON forecast_values BEGIN
        UPDATE forecast_month_totals SET point = point - OLD.point, width95_squared = width95_squared - (OLD.hi95 - OLD.lo95) * (OLD.hi95 - OLD.lo95), cells = cells - 1
          WHERE month = OLD.month;
        INSERT INTO forecast_month_totals (month, point, width95_squared, cells) VALUES (NEW.month, NEW.point, (NEW.hi95 - NEW.lo95) * (NEW.hi95 - NEW.lo95), 1)
          ON CONFLICT (month) DO UPDATE SET point = point + excluded.point, width95_squared = width95_squared + excluded.width95_squared, cells = cells + 1;
        DELETE FROM forecast_month_totals WHERE month = OLD.month AND cells = 0;
      END;
    `);
  },
};
