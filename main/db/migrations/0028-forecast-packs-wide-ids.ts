import type { Migration } from './index.js';

/**
 * The forecast packs of 0027 held a SKU's id in 32 bits, but a connected desktop's ids reach beyond
 * (main/sync/ids.ts: client ranges below -2^32), and a forecast of such a SKU made on the team server
 * travels to every desktop: its pack would have been unreadable. Every pack is written again with
 * the id in 64 bits (main/forecast/demand-packs.ts).
 */
export const m0028ForecastPacksWideIds: Migration = {
  version: 28,
  name: 'forecast-packs-wide-ids',
  up(db) {
    db.exec(`
      DELETE FROM forecast_demand_packs;
      INSERT INTO forecast_demand_packs (distributor_id, packed)
        SELECT distributor_id, unhex(group_concat(printf('%016x%08x%016x%016x%016x', product_id,
            CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER),
            CAST(round(point * 1000) AS INTEGER), CAST(round(lo80 * 1000) AS INTEGER), CAST(round(hi80 * 1000) AS INTEGER)),
            '' ORDER BY product_id, month))
        FROM forecast_values GROUP BY distributor_id;
    `);
  },
};
