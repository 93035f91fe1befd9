import type { OffSeasonPlan } from '../../shared/contract/targets.js';
import { addMonths } from '../../shared/domain/months.js';
import { thisMonth } from '../../shared/domain/clock.js';
import { prepared, type Db } from '../db/open.js';
import { largestRemainder } from './cascade.js';
import { basisFor, getPlan } from './service.js';

/**
 * The off-season months that lead into a peak: every month after the previous peak ended and before
 * this one starts (May-September -> the October before to April). Those are the months in which the
 * seed's "off-season targets derived from the peak's requirements" are worked: outlets recruited,
 * stock shipped in before the rush.
 */
export function offSeasonMonths(peakMonths: string[]): string[] {
  if (peakMonths.length === 0) return [];
  const peak = new Set(peakMonths.map((m) => m.slice(5)));
  const first = [...peakMonths].sort()[0]!;
  const out: string[] = [];
  for (let m = addMonths(first, -1); out.length < 12 - peak.size && !peak.has(m.slice(5)); m = addMonths(m, -1)) out.unshift(m);
  return out;
}

/**
 * Each distributor's off-season months, derived from its peak plan: shipments before the peak are the
 * month's natural volume of the plan's own SKUs grown by the same ratio the distributor's peak target
 * asks of its peak natural volume (the growth starts being built in the off-season), and its
 * new-outlet target is spread over the off-season months still ahead, the earlier months taking any
 * remainder (outlets signed early have the longest to ramp up before the peak). A month already over
 * shows what was shipped beside what it asked, and what it fell short (or shipped beyond) is carried
 * into the months still ahead in proportion to their targets: the season's shipments are what the
 * peak needs, so a quiet October that shipped too little is made up before the peak, not forgotten.
 * Derived, not stored: it follows every edit of the plan.
 */
export function offSeasonPlan(db: Db, planId: number): OffSeasonPlan {
  const plan = getPlan(db, planId);
  const months = offSeasonMonths(plan.months);
  const peak = prepared(
    db,
    `SELECT c.distributor_id AS distributorId, d.name, sum(c.target) AS target, sum(c.natural) AS natural,
       coalesce((SELECT o.new_outlets FROM target_outlets o WHERE o.plan_id = c.plan_id AND o.distributor_id = c.distributor_id), 0) AS newOutlets
     FROM target_cells c JOIN distributors d ON d.id = c.distributor_id WHERE c.plan_id = ? GROUP BY c.distributor_id ORDER BY target DESC, d.name`,
  ).all(planId) as Array<{ distributorId: number; name: string; target: number; natural: number; newOutlets: number }>;
  // the plan's own distributor x SKU pairs: a plan of three brands is not grown on the other brands' volume
  const planned = new Set(
    (
      prepared(db, 'SELECT DISTINCT distributor_id, product_id FROM target_cells WHERE plan_id = ?').raw().all(planId) as Array<
        [number, number]
      >
    ).map(([d, p]) => `${d}:${p}`),
  );
  const basis = months.length
    ? basisFor(db, plan.regionId, months)
    : { natural: new Map<string, number>(), lastYear: new Map<string, number>(), cells: [] };
  // natural off-season volume per distributor and month: the forecast where there is one, else last year's
  const naturalOf = new Map<string, number>();
  for (const c of basis.cells) {
    if (!planned.has(`${c.d}:${c.p}`)) continue;
    for (const m of months) {
      const key = `${c.d}:${c.p}:${m}`;
      const v = basis.natural.get(key) ?? basis.lastYear.get(key) ?? 0;
      naturalOf.set(`${c.d}:${m}`, (naturalOf.get(`${c.d}:${m}`) ?? 0) + v);
    }
  }
  const current = thisMonth();
  const over = months.filter((m) => m < current);
  const shippedOf = new Map<string, number>();
  // a month over whose sales are not imported yet has no figure, rather than a shipped 0
  const recorded = new Set<string>();
  if (over.length)
    for (const [d, p, m, cases] of prepared(
      db,
      `SELECT h.distributor_id, h.product_id, h.month, h.cases FROM sales_history h
       WHERE h.month BETWEEN ? AND ? AND h.distributor_id IN (SELECT DISTINCT distributor_id FROM target_cells WHERE plan_id = ?)`,
    )
      .raw()
      .all(over[0], over[over.length - 1], planId) as Array<[number, number, string, number]>)
      if (planned.has(`${d}:${p}`)) {
        shippedOf.set(`${d}:${m}`, (shippedOf.get(`${d}:${m}`) ?? 0) + cases);
        recorded.add(m);
      }
  // outlets are signed in the months still ahead; once the peak has begun, the whole run-up as planned
  const ahead = months.map((m) => m >= current);
  const outletWeights = ahead.some(Boolean) ? ahead.map((a) => (a ? 1 : 0)) : months.map(() => 1);
  const distributors = peak.map((d) => {
    const natural = months.map((m) => naturalOf.get(`${d.distributorId}:${m}`) ?? 0);
    const naturalTotal = natural.reduce((a, b) => a + b, 0);
    const ratio = d.natural > 0 ? d.target / d.natural : 1;
    const target = largestRemainder(Math.round(naturalTotal * ratio), natural);
    const outlets = months.length ? largestRemainder(d.newOutlets, outletWeights) : [];
    const shipped = months.map((m) => (recorded.has(m) ? (shippedOf.get(`${d.distributorId}:${m}`) ?? 0) : null));
    const needed = carriedForward(target, shipped, ahead);
    return {
      distributorId: d.distributorId,
      name: d.name,
      peakTarget: d.target,
      peakNatural: d.natural,
      newOutlets: d.newOutlets,
      natural: naturalTotal,
      target: target.reduce((a, b) => a + b, 0),
      shipped: recorded.size ? shipped.reduce<number>((a, b) => a + (b ?? 0), 0) : null,
      months: months.map((month, i) => ({
        month,
        over: month < current,
        natural: natural[i]!,
        target: target[i]!,
        newOutlets: outlets[i]!,
        shipped: shipped[i] ?? null,
        needed: needed[i] ?? null,
      })),
    };
  });
  const totals = months.map((month, i) => ({
    month,
    over: month < current,
    natural: distributors.reduce((a, d) => a + d.months[i]!.natural, 0),
    target: distributors.reduce((a, d) => a + d.months[i]!.target, 0),
    newOutlets: distributors.reduce((a, d) => a + d.months[i]!.newOutlets, 0),
    shipped: recorded.has(month) ? distributors.reduce((a, d) => a + (d.months[i]!.shipped ?? 0), 0) : null,
    needed: ahead[i] ? distributors.reduce((a, d) => a + (d.months[i]!.needed ?? 0), 0) : null,
  }));
  return { months, distributors, totals };
}

/**
 * What each month ahead needs so the season still delivers its total: its target plus its share of the
 * months over's shortfall (target less shipped, for the months whose sales are imported), shared in
 * proportion to the targets ahead; a surplus lowers them the same way, never below nothing. Null for a
 * month over. A month over whose sales are not imported counts as neither short nor ahead: there is
 * nothing yet to carry.
 */
export function carriedForward(target: number[], shipped: Array<number | null>, ahead: boolean[]): Array<number | null> {
  let gap = 0;
  target.forEach((t, i) => {
    const s = shipped[i];
    if (!ahead[i] && s !== null && s !== undefined) gap += t - s;
  });
  const weights = target.map((t, i) => (ahead[i] ? t : 0));
  const anyAhead = ahead.some(Boolean);
  // all targets ahead nothing (a plan of zeros): the gap is shared evenly over the months ahead
  const spread =
    anyAhead && gap !== 0
      ? largestRemainder(Math.abs(gap), weights.some((w) => w > 0) ? weights : ahead.map((a) => (a ? 1 : 0))).map((v) => Math.sign(gap) * v)
      : target.map(() => 0);
  return target.map((t, i) => (ahead[i] ? Math.max(0, t + spread[i]!) : null));
}
