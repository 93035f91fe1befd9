/**
 * Stock readiness for the peak: a week-by-week projection of each distributor x SKU's stock, its
 * status at peak start, and a pre-build shipment plan that respects lead times, warehouse capacity
 * and weekly shipping capacity. Pure: no database, so it can be property-tested hard.
 */

export interface CellInput {
  distributorId: number;
  productId: number;
  /** Stock on hand at the start of week 0, cases. */
  onHand: number;
  /** Arrivals already on the way, cases by week index. */
  arrivals: number[];
  /** Forecast demand (agreed where agreed), cases by week index. */
  demand: number[];
  /** Standard deviation of weekly demand, from the forecast's range. */
  weeklySd: number;
}

export interface DistributorInput {
  distributorId: number;
  regionId: number;
  leadTimeWeeks: number;
  /** Total cases the warehouse holds across SKUs. */
  warehouseCapacity: number;
  /** Key accounts are served first when shipping capacity is short. */
  keyAccount: boolean;
  /** Share of the region's volume: the tie-break among equals. */
  volumeShare: number;
  /** Week index of the first peak week for this distributor's region. */
  peakStartWeek: number;
  serviceLevel: number;
}

export interface PlanSettings {
  /** Days of demand that must be in stock when the peak starts. */
  requiredCoverDays: number;
  /** Shipping capacity per region per week, cases. */
  shippingCapacity: Map<number, number>;
  priorityRule: 'key_accounts_then_volume' | 'volume';
}

export type Status = 'green' | 'amber' | 'red';

export interface Shipment {
  distributorId: number;
  productId: number;
  shipWeek: number;
  arrivalWeek: number;
  cases: number;
}

export interface Shortfall {
  distributorId: number;
  productId: number;
  /** The week by which the cases should have arrived. */
  dueWeek: number;
  cases: number;
  reason: 'shipping_capacity' | 'warehouse_capacity' | 'lead_time';
}

export interface CellResult {
  distributorId: number;
  productId: number;
  status: Status;
  reason: string;
  /** Stock at the start of each week with nothing more shipped. */
  projected: number[];
  /** Stock at the start of each week with the plan's shipments. */
  withPlan: number[];
  required: number;
  coverDaysAtPeak: number | null;
  firstStockoutWeek: number | null;
}

export interface PlanResult {
  cells: CellResult[];
  shipments: Shipment[];
  shortfalls: Shortfall[];
  /** Cases shipped per region per week by the plan. */
  shippingUse: Map<number, number[]>;
}

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628274631];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = Math.min(Math.max(p, 1e-10), 1 - 1e-10);
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    return (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) / ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1);
  }
  if (q > 1 - 0.02425) return -normalQuantile(1 - q);
  const r = q - 0.5;
  const s = r * r;
  return ((((((a[0]! * s + a[1]!) * s + a[2]!) * s + a[3]!) * s + a[4]!) * s + a[5]!) * r) / (((((b[0]! * s + b[1]!) * s + b[2]!) * s + b[3]!) * s + b[4]!) * s + 1);
}

const coverWeeksOf = (days: number) => Math.max(1, Math.ceil(days / 7));

/**
 * Required stock at peak start: the demand of the required cover period plus safety stock for
 * the forecast's uncertainty over that period at the chosen service level
 * (safety = z(service level) x weekly sd x sqrt(weeks of cover)).
 */
export function requiredStock(cell: CellInput, d: DistributorInput, requiredCoverDays: number): number {
  const weeks = coverWeeksOf(requiredCoverDays);
  let demand = 0;
  for (let w = d.peakStartWeek; w < d.peakStartWeek + weeks; w++) demand += cell.demand[w] ?? 0;
  demand *= requiredCoverDays / (weeks * 7);
  const safety = normalQuantile(d.serviceLevel) * cell.weeklySd * Math.sqrt(weeks);
  return Math.ceil(demand + Math.max(0, safety));
}

/**
 * Stock at the start of each week: on hand + arrivals - demand. Beer that is not on the shelf is a
 * sale lost, not a backorder, so stock never goes below zero.
 */
export function project(onHand: number, arrivals: number[], demand: number[], weeks: number): number[] {
  const out: number[] = [];
  let stock = onHand;
  for (let w = 0; w < weeks; w++) {
    out.push(stock);
    stock = Math.max(0, stock + (arrivals[w] ?? 0) - (demand[w] ?? 0));
  }
  out.push(stock);
  return out;
}

/** First week whose demand exceeds the stock and arrivals of that week; null if none. */
export function firstStockout(onHand: number, arrivals: number[], demand: number[], weeks: number): number | null {
  let stock = onHand;
  for (let w = 0; w < weeks; w++) {
    const available = stock + (arrivals[w] ?? 0);
    if ((demand[w] ?? 0) > available + 1e-9) return w;
    stock = available - (demand[w] ?? 0);
  }
  return null;
}

interface Requirement {
  cell: CellInput;
  dist: DistributorInput;
  dueWeek: number;
  latestShipWeek: number;
  cases: number;
  rank: number;
}

/**
 * What must arrive, and by when: walking the weeks to peak start, a week whose demand exceeds its
 * stock needs the difference on the shelf at its start, and the peak's first week needs the
 * required stock. A need that no shipment can reach in time is still reported (as lost sales).
 */
function requirementsOf(cell: CellInput, dist: DistributorInput, required: number, weeks: number): Array<{ dueWeek: number; arriveBy: number; cases: number }> {
  const out: Array<{ dueWeek: number; arriveBy: number; cases: number }> = [];
  let level = cell.onHand;
  const peak = Math.min(dist.peakStartWeek, weeks);
  for (let w = 0; w <= peak; w++) {
    // A delivery during a week serves that week's sales; stock at peak start must arrive the week before.
    const reachable = w - dist.leadTimeWeeks >= 0;
    if (w === peak) {
      if (level < required) out.push({ dueWeek: w, arriveBy: w - 1, cases: Math.ceil(required - level) });
      break;
    }
    const deficit = (cell.demand[w] ?? 0) - (level + (cell.arrivals[w] ?? 0));
    if (deficit > 1e-9) {
      out.push({ dueWeek: w, arriveBy: w, cases: Math.ceil(deficit) });
      // met if it can arrive in time, lost otherwise: either way the week ends with nothing left
      level = reachable ? Math.ceil(deficit) - deficit : 0;
    } else level = -deficit;
  }
  return out;
}

/**
 * Projects every cell and builds the pre-build plan. Shipments are placed as late as capacity
 * allows (less stock held, fresher beer): requirements are scheduled backwards from their latest
 * ship week, and in each week the region's shipping capacity goes to the highest-priority
 * requirements first (key accounts, then volume share, by the configured rule). A requirement that
 * fits in no week from now to its latest ship week is reported as a shortfall with its reason.
 */
export function planReadiness(cells: CellInput[], distributors: DistributorInput[], settings: PlanSettings, weeks: number): PlanResult {
  const dists = new Map(distributors.map((d) => [d.distributorId, d]));
  const priority = (d: DistributorInput) => (settings.priorityRule === 'key_accounts_then_volume' && d.keyAccount ? 1e6 : 0) + d.volumeShare * 1e3;
  const requirements: Requirement[] = [];
  const required = new Map<CellInput, number>();
  for (const cell of cells) {
    const dist = dists.get(cell.distributorId)!;
    const need = requiredStock(cell, dist, settings.requiredCoverDays);
    required.set(cell, need);
    for (const r of requirementsOf(cell, dist, need, weeks)) {
      requirements.push({ cell, dist, dueWeek: r.dueWeek, latestShipWeek: r.arriveBy - dist.leadTimeWeeks, cases: r.cases, rank: priority(dist) });
    }
  }
  // Highest priority first; among equals the earliest due, then stable by ids for reproducible plans.
  requirements.sort((a, b) => b.rank - a.rank || a.dueWeek - b.dueWeek || a.cell.distributorId - b.cell.distributorId || a.cell.productId - b.cell.productId);

  const shippingUse = new Map<number, number[]>();
  const useOf = (region: number) => {
    let u = shippingUse.get(region);
    if (!u) shippingUse.set(region, (u = new Array<number>(weeks).fill(0)));
    return u;
  };
  // Extra stock each distributor's warehouse would hold per week because of planned arrivals.
  const warehouseLoad = new Map<number, number[]>();
  const baseStock = new Map<number, number[]>();
  for (const cell of cells) {
    const p = project(cell.onHand, cell.arrivals, cell.demand, weeks);
    const base = baseStock.get(cell.distributorId) ?? new Array<number>(weeks + 1).fill(0);
    p.forEach((v, w) => (base[w] = base[w]! + Math.max(0, v)));
    baseStock.set(cell.distributorId, base);
  }
  const loadOf = (id: number) => {
    let l = warehouseLoad.get(id);
    if (!l) warehouseLoad.set(id, (l = new Array<number>(weeks + 1).fill(0)));
    return l;
  };

  const shipments: Shipment[] = [];
  const shortfalls: Shortfall[] = [];
  const planned = new Map<CellInput, number[]>();
  for (const req of requirements) {
    let remaining = req.cases;
    let warehouseLimited = false;
    const capacity = settings.shippingCapacity.get(req.dist.regionId) ?? Infinity;
    const use = useOf(req.dist.regionId);
    const load = loadOf(req.dist.distributorId);
    const base = baseStock.get(req.dist.distributorId)!;
    for (let ship = Math.min(req.latestShipWeek, weeks - 1); ship >= 0 && remaining > 0; ship--) {
      const arrival = ship + req.dist.leadTimeWeeks;
      const free = capacity - use[ship]!;
      if (free <= 0) continue;
      // Held in the warehouse from the week after arrival until it is sold through the due week.
      let room = Infinity;
      for (let w = arrival + 1; w <= Math.min(req.dueWeek, weeks); w++) room = Math.min(room, req.dist.warehouseCapacity - base[w]! - load[w]!);
      const cases = Math.floor(Math.min(remaining, free, room));
      if (room < Math.min(remaining, free)) warehouseLimited = true;
      if (cases <= 0) continue;
      use[ship] = use[ship]! + cases;
      for (let w = arrival + 1; w <= Math.min(req.dueWeek, weeks); w++) load[w] = load[w]! + cases;
      shipments.push({ distributorId: req.cell.distributorId, productId: req.cell.productId, shipWeek: ship, arrivalWeek: arrival, cases });
      const arr = planned.get(req.cell) ?? new Array<number>(weeks).fill(0);
      if (arrival < weeks) arr[arrival] = arr[arrival]! + cases;
      planned.set(req.cell, arr);
      remaining -= cases;
    }
    if (remaining > 0) {
      // Why it could not be met: no week left before it was due, the warehouse was full while
      // shipping had room, or the region's shipping capacity was taken by higher priorities.
      const reason: Shortfall['reason'] = req.latestShipWeek < 0 ? 'lead_time' : warehouseLimited ? 'warehouse_capacity' : 'shipping_capacity';
      shortfalls.push({ distributorId: req.cell.distributorId, productId: req.cell.productId, dueWeek: req.dueWeek, cases: remaining, reason });
    }
  }

  const results = cells.map((cell): CellResult => {
    const dist = dists.get(cell.distributorId)!;
    const need = required.get(cell)!;
    const projected = project(cell.onHand, cell.arrivals, cell.demand, weeks);
    const extra = planned.get(cell) ?? [];
    const arrivalsWithPlan = Array.from({ length: weeks }, (_, w) => (cell.arrivals[w] ?? 0) + (extra[w] ?? 0));
    const withPlan = project(cell.onHand, arrivalsWithPlan, cell.demand, weeks);
    // Judged with the proposed plan: ordinary replenishment is expected; red means even the best
    // plan within capacity and lead times leaves this distributor short.
    const atPeak = withPlan[Math.min(dist.peakStartWeek, weeks)] ?? 0;
    const peakWeekDemand = (cell.demand[dist.peakStartWeek] ?? 0) / 7;
    const coverDays = peakWeekDemand > 0 ? atPeak / peakWeekDemand : null;
    const stockout = firstStockout(cell.onHand, arrivalsWithPlan, cell.demand, Math.min(weeks, dist.peakStartWeek + coverWeeksOf(settings.requiredCoverDays)));
    return {
      distributorId: cell.distributorId,
      productId: cell.productId,
      required: need,
      projected,
      withPlan,
      coverDaysAtPeak: coverDays,
      firstStockoutWeek: stockout,
      ...statusOf(atPeak, need, stockout, dist.peakStartWeek, coverDays, settings.requiredCoverDays),
    };
  });
  return { cells: results, shipments, shortfalls, shippingUse };
}

/**
 * Green: the required cover is there at peak start and nothing runs out before. Amber: at least half
 * of it, or a stock-out only after the peak has started. Red: a stock-out before the peak, or less
 * than half the required stock at peak start. Judged on the projection with the proposed plan.
 */
export function statusOf(atPeak: number, required: number, stockoutWeek: number | null, peakStartWeek: number, coverDays: number | null, requiredCoverDays: number): { status: Status; reason: string } {
  const cover = coverDays === null ? 'no demand forecast' : `${Math.round(coverDays)} days of cover at peak start (${requiredCoverDays} required)`;
  if (required <= 0) return { status: 'green', reason: 'No demand forecast at peak start' };
  if (stockoutWeek !== null && stockoutWeek < peakStartWeek) return { status: 'red', reason: `Runs out in week ${stockoutWeek + 1}, before the peak starts; ${cover}` };
  if (atPeak < required / 2) return { status: 'red', reason: `Only ${Math.round(Math.max(0, atPeak))} of ${required} cases needed at peak start; ${cover}` };
  if (atPeak < required) return { status: 'amber', reason: `Short by ${Math.ceil(required - atPeak)} cases at peak start; ${cover}` };
  if (stockoutWeek !== null) return { status: 'amber', reason: `Covered at peak start but runs out in week ${stockoutWeek + 1}; ${cover}` };
  return { status: 'green', reason: `Covered: ${cover}` };
}
