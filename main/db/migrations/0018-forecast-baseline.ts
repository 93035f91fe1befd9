import type { Migration } from './index.js';

/**
 * The forecast's baseline comparison and correlated ranges: every series keeps seasonal naive's
 * backtest error on the same origins beside its own; a run keeps the residual correlation between
 * series and the backtest coverage of the total's 80% range; the month totals also keep the sum of
 * the series' 95% range widths, from which the view widens a total's range for series that move
 * together (var = (1 - rho) sum sd^2 + rho (sum sd)^2).
 */
export const m0018ForecastBaseline: Migration = {
  version: 18,
  name: 'forecast-baseline',
  up(db) {
    db.exec(`
      ALTER TABLE forecast_series ADD COLUMN naive_mase REAL;
      ALTER TABLE forecast_series ADD COLUMN naive_wape REAL;
      ALTER TABLE forecast_runs ADD COLUMN residual_correlation REAL;
      ALTER TABLE forecast_runs ADD COLUMN total_coverage80 REAL;
      ALTER TABLE forecast_runs ADD COLUMN total_coverage80_independent REAL;
      ALTER TABLE forecast_month_totals ADD COLUMN width95_sum REAL NOT NULL DEFAULT 0;
      UPDATE forecast_month_totals SET width95_sum = coalesce((SELECT sum(hi95 - lo95) FROM forecast_values v WHERE v.month = forecast_month_totals.month), 0);
      DROP TRIGGER forecast_values_totals_insert;
      DROP TRIGGER forecast_values_totals_delete;
      DROP TRIGGER forecast_values_totals_update;
      CREATE TRIGGER forecast_values_totals_insert AFTER INSERT ON forecast_values BEGIN
        INSERT INTO forecast_month_totals (month, point, width95_squared, width95_sum, cells)
          VALUES (NEW.month, NEW.point, (NEW.hi95 - NEW.lo95) * (NEW.hi95 - NEW.lo95), NEW.hi95 - NEW.lo95, 1)
          ON CONFLICT (month) DO UPDATE SET point = point + excluded.point, width95_squared = width95_squared + excluded.width95_squared,
            width95_sum = width95_sum + excluded.width95_sum, cells = cells + 1;
      END;
      CREATE TRIGGER forecast_values_totals_delete AFTER DELETE ON forecast_values BEGIN
        UPDATE forecast_month_totals SET point = point - OLD.point, width95_squared = width95_squared - (OLD.hi95 - OLD.lo95) * (OLD.hi95 - OLD.lo95),
            width95_sum = width95_sum - (OLD.hi95 - OLD.lo95), cells = cells - 1
          WHERE month = OLD.month;
        DELETE FROM forecast_month_totals WHERE month = OLD.month AND cells = 0;
      END;
      CREATE TRIGGER forecast_values_totals_update AFTER UPDATE OF month, point, lo95, hi95 ON forecast_values BEGIN
        UPDATE forecast_month_totals SET point = point - OLD.point, width95_squared = width95_squared - (OLD.hi95 - OLD.lo95) * (OLD.hi95 - OLD.lo95),
            width95_sum = width95_sum - (OLD.hi95 - OLD.lo95), cells = cells - 1
          WHERE month = OLD.month;
        INSERT INTO forecast_month_totals (month, point, width95_squared, width95_sum, cells)
          VALUES (NEW.month, NEW.point, (NEW.hi95 - NEW.lo95) * (NEW.hi95 - NEW.lo95), NEW.hi95 - NEW.lo95, 1)
          ON CONFLICT (month) DO UPDATE SET point = point + excluded.point, width95_squared = width95_squared + excluded.width95_squared,
            width95_sum = width95_sum + excluded.width95_sum, cells = cells + 1;
        DELETE FROM forecast_month_totals WHERE month = OLD.month AND cells = 0;
      END;
    `);
  },
};
