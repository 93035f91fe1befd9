import type {
  CellShortfall,
  ReadinessCellDetail,
  ReadinessCellFacts,
  ReadinessDistributorDetail,
} from '../../shared/contract/readiness.js';
import { DomainError, ruleRefusal } from '../../shared/contract/result.js';
import { now } from '../../shared/domain/clock.js';
import type { Db } from '../db/open.js';
import { readinessToday, type ReadinessComputation } from './computation.js';
import type { Shortfall } from './plan.js';
import { project } from './projection.js';
import { peakDay, shortfallPeakStart, view } from './views.js';

/**
 * Not on the board is still 'not_found' (the one-page brief shows its readiness part as absent), with
 * a rule code so the screens word it in the person's language.
 */
function notOnBoard(refusal: DomainError): DomainError {
  return new DomainError('not_found', refusal.message, undefined, refusal.rule);
}

/** The shortfalls of one cell, in due order (grouped once per computation). */
function cellShortfalls(c: ReadinessComputation, i: number): CellShortfall[] {
  const byCell = view(c, 'shortByCell', {}, () => {
    const m = new Map<number, Shortfall[]>();
    for (const s of c.assessment.plan.shortfalls) m.set(s.cell, [...(m.get(s.cell) ?? []), s]);
    return m;
  });
  return (byCell.get(i) ?? [])
    .map((s) => ({
      dueWeek: c.grid.weeks[s.dueWeek]!,
      peakStart: shortfallPeakStart(c, s),
      cases: s.cases,
      reason: s.reason,
      also: s.also,
    }))
    .sort((a, b) => a.dueWeek.localeCompare(b.dueWeek));
}

function cellFacts(c: ReadinessComputation, i: number): ReadinessCellFacts {
  const cell = c.cells[i]!;
  const a = c.assessment.cells[i]!;
  const p = c.products.get(cell.productId)!;
  const peak = c.inputs.get(cell.distributorId)!.peakStartWeek;
  const { counts } = c;
  const planned = c.assessment.plan.plannedArrivals[i];
  return {
    productId: p.id,
    sku: p.sku,
    productName: p.name,
    pack: p.pack,
    status: a.status,
    reason: a.code,
    reasonWeek: a.week === null ? null : c.grid.weeks[a.week]!,
    daysIntoPeak: a.week === null || peak === null || a.week < peak ? null : (a.week - peak) * 7,
    onHand: counts.counted[i] === 1 ? counts.onHand[i]! : null,
    countDate: counts.date[i]!,
    inTransit: counts.inTransit[i]!,
    atPeakWithoutPlan: a.atPeakWithoutPlan,
    atPeak: a.atPeak,
    required: a.required.required,
    safety: Math.round(a.required.safety),
    serviceLevel: a.serviceLevel,
    coverDaysWithoutPlan: a.coverDaysWithoutPlan === null ? null : Math.round(a.coverDaysWithoutPlan),
    coverDays: a.coverDays === null ? null : Math.round(a.coverDays),
    stockoutWithoutPlan: a.stockoutWithoutPlan === null ? null : c.grid.weeks[a.stockoutWithoutPlan]!,
    plannedCases: planned ? planned.reduce((s, x) => s + x, 0) : 0,
    shortCases: c.shortByCell[i]!,
    shortfalls: cellShortfalls(c, i),
  };
}

export function readinessDistributor(db: Db, distributorId: number, today = now()): ReadinessDistributorDetail {
  const c = readinessToday(db, today);
  const d = c.distById.get(distributorId);
  if (!d)
    throw notOnBoard(ruleRefusal('readinessDistributorAbsent', 'That distributor is not in the readiness board (ended, or removed).'));
  const input = c.inputs.get(d.id)!;
  const weeks = c.grid.weeks.length;
  const occupancyCases = new Array<number>(weeks).fill(0);
  const occupancyPallets = new Array<number>(weeks).fill(0);
  const indices = c.cellsOf.get(d.id) ?? [];
  for (const i of indices) {
    const cell = c.cells[i]!;
    const planned = c.assessment.plan.plannedArrivals[i];
    const arrivals = Array.from({ length: weeks }, (_, w) => cell.arrivals[w]! + (planned?.[w] ?? 0));
    const stock = project(cell.onHand, arrivals, cell.demand, weeks);
    for (let w = 0; w < weeks; w++) {
      occupancyCases[w]! += stock[w]! + arrivals[w]!;
      occupancyPallets[w]! += (stock[w]! + arrivals[w]!) / cell.casesPerPallet;
    }
  }
  const facts = indices.map((i) => cellFacts(c, i));
  const rank = { red: 0, amber: 1, green: 2 };
  facts.sort((a, b) => rank[a.status] - rank[b.status] || b.shortCases - a.shortCases || a.sku.localeCompare(b.sku));
  return {
    distributorId: d.id,
    code: d.code,
    name: d.name,
    areaName: d.areaName,
    keyAccount: input.key,
    relationshipLevel: d.relationshipLevel,
    volumeShare: input.volumeShare,
    leadTimeDays: d.leadTimeDays,
    warehouseCases: d.warehouseCases,
    warehousePallets: d.warehousePallets,
    peakStart: peakDay(c, input),
    requiredCoverDays: c.settingsOf(d.regionId).requiredCoverDays,
    occupancyCases: occupancyCases.map(Math.round),
    occupancyPallets: occupancyPallets.map((x) => Math.round(x * 10) / 10),
    weeks: c.grid.weeks,
    cells: facts,
  };
}

export function readinessCell(db: Db, distributorId: number, productId: number, today = now()): ReadinessCellDetail {
  const c = readinessToday(db, today);
  const i = c.cellAt(distributorId, productId);
  if (i < 0 || !c.distById.has(distributorId))
    throw notOnBoard(ruleRefusal('readinessCellAbsent', 'No forecast demand for this distributor and SKU: nothing to project.'));
  const cell = c.cells[i]!;
  const weeks = c.grid.weeks.length;
  const planned = c.assessment.plan.plannedArrivals[i];
  const arrivals = Array.from({ length: weeks }, (_, w) => cell.arrivals[w]!);
  const plannedArr = Array.from({ length: weeks }, (_, w) => planned?.[w] ?? 0);
  return {
    ...cellFacts(c, i),
    distributorName: c.distById.get(distributorId)!.name,
    weeks: c.grid.weeks,
    projected: project(cell.onHand, arrivals, cell.demand, weeks).slice(0, weeks),
    withPlan: project(
      cell.onHand,
      arrivals.map((x, w) => x + plannedArr[w]!),
      cell.demand,
      weeks,
    ).slice(0, weeks),
    demand: Array.from(cell.demand),
    arrivals,
    planned: plannedArr,
    peakStartWeek: c.inputs.get(distributorId)!.peakStartWeek,
    requiredCoverDays: c.settingsOf(c.distById.get(distributorId)!.regionId).requiredCoverDays,
  };
}
