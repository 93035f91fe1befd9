/**
 * Forecast demand per distributor x SKU, spread from months to ISO weeks, into two blocks of memory
 * (whole cases, and the forecast's variance, cell x week): what the readiness base is built on. A
 * part of the network (a range of distributor ids) can be read on another thread (demand-threads.ts),
 * which hands back the blocks instead of a hundred thousand objects.
 */
import type { Db } from '../db/open.js';
import { agreedByMonth } from '../forecast/demand.js';
import { eachPackedSeries, packMonthNumber } from '../forecast/demand-packs.js';
import { sdFromRange80 } from './status.js';
import { spreadToWeeks, wholeCases, type WeekGrid } from './weeks.js';

export interface DemandRequest {
  grid: WeekGrid;
  /** Distributors and SKUs on the board: a series of any other is read (it counts in `seriesRead`) but left out. */
  distributorIds: readonly number[];
  productIds: readonly number[];
  /** Only the distributors with ids in [from, to]; absent: all. */
  range?: readonly [number, number];
  /** Series expected (an upper bound sizes the blocks at once; they grow when passed). */
  expected: number;
}

export interface DemandBlocks {
  /** Series kept, in (distributor, SKU) order. */
  count: number;
  /** Series read, kept or not: none means nobody ran the forecast. */
  seriesRead: number;
  distributorId: Float64Array;
  productId: Float64Array;
  /** count x weeks: whole cases per week, then the weekly variance (cases²). */
  demand: Int32Array;
  variance: Float64Array;
}

/** Reads the request's part here. Each series is used as it is read and dropped: none is kept. */
export function readDemand(db: Db, request: DemandRequest): DemandBlocks {
  const { grid } = request;
  const weeks = grid.weeks.length;
  const monthCount = grid.months.length;
  const firstMonth = packMonthNumber(grid.months[0]!);
  const onBoard = new Set(request.distributorIds);
  const skus = new Set(request.productIds);
  const agreedIn = agreedByMonth(db, grid.months[0]!, grid.months[monthCount - 1]!);
  const agreed = new Float64Array(monthCount);
  const variance = new Float64Array(monthCount);
  const spread = new Float64Array(weeks);
  let size = Math.max(16, request.expected);
  let distributorId = new Float64Array(size);
  let productId = new Float64Array(size);
  let demandBlock = new Int32Array(size * weeks);
  let varianceBlock = new Float64Array(size * weeks);
  let count = 0;
  let seriesRead = 0;
  const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
  const window = {
    fromMonth: firstMonth,
    toMonth: firstMonth + monthCount - 1,
    ...(request.range ? { distributorRange: request.range } : {}),
  };
  eachPackedSeries(db, window, (s) => {
    seriesRead++;
    if (!onBoard.has(s.distributorId) || !skus.has(s.productId)) return;
    agreed.fill(0);
    variance.fill(0);
    const key = agreedIn.size > 0 ? `${s.distributorId}:${s.productId}` : '';
    for (let i = 0; i < s.count; i++) {
      const m = s.months[i]! - firstMonth;
      const agreedNumber = agreedIn.size > 0 ? agreedIn.get(s.months[i]!)?.get(key) : undefined;
      agreed[m] = Math.max(0, agreedNumber ?? s.point[i]!);
      // the agreed number moves the level, not the uncertainty: the forecast's own range is kept
      const sd = sdFromRange80(s.lo80[i]!, s.hi80[i]!);
      variance[m] = sd * sd;
    }
    if (count === size) {
      size *= 2;
      distributorId = grow(distributorId, new Float64Array(size));
      productId = grow(productId, new Float64Array(size));
      demandBlock = grow(demandBlock, new Int32Array(size * weeks));
      varianceBlock = grow(varianceBlock, new Float64Array(size * weeks));
    }
    const at = count * weeks;
    // straight into the blocks (a view per series was a quarter of a million objects a national pass)
    wholeCases(spreadToWeeks(grid, agreed, spread), demandBlock, at);
    spreadToWeeks(grid, variance, varianceBlock, at);
    distributorId[count] = s.distributorId;
    productId[count] = s.productId;
    count++;
  });
  return { count, seriesRead, distributorId, productId, demand: demandBlock, variance: varianceBlock };
}
