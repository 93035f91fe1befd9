import { prepared, type Db } from '../db/open.js';

/**
 * The forecast of each distributor packed into one blob beside its rows (`forecast_demand_packs`,
 * migration 0027), for the readers that need the whole network at once: stock readiness reads
 * 1.5 million forecast months at national scale, and grouping them out of their rows took SQLite
 * about 0.7 s of the 0.9 s the read cost; 3,000 blobs read in under 0.1 s.
 *
 * The rows stay the truth. A trigger on forecast_values deletes the pack of any distributor whose
 * rows change, and a distributor without a pack is packed from its rows as it is read, with the same
 * statement that writes packs: a pack is never stale, only missing. The writers that change many
 * rows (a forecast run, a sync pull) pack again before they commit (`repackForecastDemand`).
 *
 * A pack is the distributor's rows in (SKU, month) order, 36 bytes each, big-endian: the SKU's id
 * as a 64-bit integer (a connected desktop's ids reach beyond 32 bits: main/sync/ids.ts), the
 * month's number (year x 12 + month) as a 32-bit one, then the point and the 80% range as 64-bit
 * integers in thousandths of a case (SQLite writes integers, not floating point, as hex). Migration
 * 0028 wrote every pack in this layout.
 */
export const PACK_ROW_BYTES = 36;

const PACK_OF_ROWS = `unhex(group_concat(printf('%016x%08x%016x%016x%016x', product_id,
    CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER),
    CAST(round(point * 1000) AS INTEGER), CAST(round(lo80 * 1000) AS INTEGER), CAST(round(hi80 * 1000) AS INTEGER)), '' ORDER BY product_id, month))`;

/** A month's number as packs hold it, from its 'YYYY-MM' text. */
export const packMonthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));

/** The 'YYYY-MM' text of a pack's month number. */
export const monthOfPackNumber = (n: number) => {
  const year = Math.floor((n - 1) / 12);
  return `${year}-${String(n - year * 12).padStart(2, '0')}`;
};

/** Packs every distributor that has forecast rows and no pack; returns how many it packed. */
export function repackForecastDemand(db: Db): number {
  return prepared(
    db,
    `INSERT INTO forecast_demand_packs (distributor_id, packed)
     SELECT distributor_id, ${PACK_OF_ROWS} FROM forecast_values
     WHERE distributor_id IN (SELECT distributor_id FROM forecast_series EXCEPT SELECT distributor_id FROM forecast_demand_packs)
     GROUP BY distributor_id`,
  ).run().changes;
}

/** One SKU's months of a pack, as views into reused arrays (valid until the next series is visited). */
export interface PackedSeries {
  distributorId: number;
  productId: number;
  /** Months present, in order: month numbers, and the numbers of each at the same index. */
  count: number;
  months: Int32Array;
  point: Float64Array;
  lo80: Float64Array;
  hi80: Float64Array;
}

/**
 * Every forecast series of the distributors with ids in `range` (all when absent), in (distributor,
 * SKU) order, with its months between `fromMonth` and `toMonth` (pack month numbers, inclusive). A
 * series with no month in the window is not visited.
 */
export function eachPackedSeries(
  db: Db,
  q: { fromMonth: number; toMonth: number; distributorRange?: readonly [number, number] },
  visit: (series: PackedSeries) => void,
): void {
  const range = q.distributorRange ?? [-Number.MAX_VALUE, Number.MAX_VALUE];
  const rows = prepared(
    db,
    // walks the distributors in key order (no sort: a sort would copy every pack once more)
    `SELECT d.id, coalesce(p.packed, (SELECT ${PACK_OF_ROWS} FROM forecast_values v WHERE v.distributor_id = d.id))
     FROM distributors d LEFT JOIN forecast_demand_packs p ON p.distributor_id = d.id
     WHERE d.id BETWEEN ? AND ? AND EXISTS (SELECT 1 FROM forecast_series s WHERE s.distributor_id = d.id)
     ORDER BY d.id`,
  )
    .raw()
    .iterate(range[0], range[1]) as Iterable<[number, Uint8Array | null]>;
  let size = 16;
  const series: PackedSeries = {
    distributorId: 0,
    productId: 0,
    count: 0,
    months: new Int32Array(size),
    point: new Float64Array(size),
    lo80: new Float64Array(size),
    hi80: new Float64Array(size),
  };
  const int64 = (view: DataView, at: number) => view.getInt32(at) * 4294967296 + view.getUint32(at + 4);
  for (const [distributorId, packed] of rows) {
    if (!packed) continue;
    const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
    series.distributorId = distributorId;
    const flush = () => {
      if (series.count > 0) visit(series);
      series.count = 0;
    };
    let product = Number.NaN;
    for (let at = 0; at + PACK_ROW_BYTES <= packed.byteLength; at += PACK_ROW_BYTES) {
      const productId = int64(view, at);
      if (productId !== product) {
        flush();
        product = productId;
        series.productId = productId;
      }
      const month = view.getInt32(at + 8);
      if (month < q.fromMonth || month > q.toMonth) continue;
      if (series.count === size) {
        size *= 2;
        for (const key of ['point', 'lo80', 'hi80'] as const) {
          const grown = new Float64Array(size);
          grown.set(series[key]);
          series[key] = grown;
        }
        const months = new Int32Array(size);
        months.set(series.months);
        series.months = months;
      }
      const k = series.count++;
      series.months[k] = month;
      series.point[k] = int64(view, at + 12) / 1000;
      series.lo80[k] = int64(view, at + 20) / 1000;
      series.hi80[k] = int64(view, at + 28) / 1000;
    }
    flush();
  }
}
