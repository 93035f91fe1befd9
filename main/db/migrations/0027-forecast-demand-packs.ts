import type { Migration } from './index.js';

/**
 * Each distributor's forecast packed into one blob (main/forecast/demand-packs.ts): stock readiness
 * reads the whole network's forecast at once, and grouping 1.5 million rows out of forecast_values
 * was most of its read at national scale. A pack is deleted whenever one of its distributor's rows
 * changes, so it is never stale; readers pack a missing one from the rows as they go. The packs of
 * an existing file are written by 0028, in the layout readers expect (this migration wrote them in
 * an earlier one, which 0028 replaced the same day: filling them here as well would be done twice).
 */
export const m0027ForecastDemandPacks: Migration = {
  version: 27,
  name: 'forecast-demand-packs',
  up(db) {
    db.exec(`
      CREATE TABLE forecast_demand_packs (
        distributor_id INTEGER PRIMARY KEY,
        packed BLOB NOT NULL
      );
      CREATE TRIGGER forecast_values_unpack_insert AFTER INSERT ON forecast_values BEGIN
        DELETE FROM forecast_demand_packs WHERE distributor_id = NEW.distributor_id;
      END;
      CREATE TRIGGER forecast_values_unpack_delete AFTER DELETE ON forecast_values BEGIN
        DELETE FROM forecast_demand_packs WHERE distributor_id = OLD.distributor_id;
      END;
      CREATE TRIGGER forecast_values_unpack_update AFTER UPDATE ON forecast_values BEGIN
        DELETE FROM forecast_demand_packs WHERE distributor_id IN (OLD.distributor_id, NEW.distributor_id);
      END;
    `);
  },
};
