import { now } from '../../shared/domain/clock.js';
import { nextId } from '../db/ids.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import type { ServiceContext } from '../api/context.js';
import type { TaskControl } from '../jobs/task.js';
import { acceptedReadinessPlan } from '../people/frozen.js';
import { distributorInRegions, type RegionScope } from '../people/readScope.js';
import { READINESS_READS, readinessToday } from './computation.js';
import type { RegionFigures } from './runs.js';
import { isoDay, WEEK_MS } from './weeks.js';

/**
 * The accepted plan as it will be written: computed where the whole network's plan is at hand. Its
 * lines are columns (a national plan has about a million), so it crosses threads as a few blocks of
 * memory, not a million objects.
 */
export interface AcceptanceProposal {
  lines: number;
  distributorId: Float64Array;
  productId: Float64Array;
  cases: Int32Array;
  shipWeek: Int32Array;
  arrivalWeek: Int32Array;
  /** The Monday of week 0, ms since the epoch (UTC). */
  gridStart: number;
  /** Every cell's colour as `{ "distributor:SKU": status }` in JSON, for "what changed" against the next plan. */
  statusesJson: string;
  shortCases: number;
  /** The plan's lines, cases and short cases by region id: a coordinator reads their regions' part. */
  byRegion: Record<string, RegionFigures>;
  /** The regions whose plan this is (the accepting coordinator's), null for every region. */
  regions: number[] | null;
}

/** The tables the proposal depends on: if one changes between proposing and writing, it is proposed again. */
export const ACCEPTANCE_READS = READINESS_READS;

/**
 * The plan of the caller's regions (the whole network's for an administrator or a desktop without
 * sign-in) turned into rows: seconds at national scale, and usually already computed by the query
 * thread for the board. The query thread proposes, another thread writes. A region has its own
 * coordinator: accepting for North leaves East's accepted plan as it is.
 */
export function proposeAcceptance(db: Db, today = now(), scope: RegionScope = null): AcceptanceProposal {
  const c = readinessToday(db, today);
  const s = c.assessment.plan.shipments;
  const regions = scope === null ? null : [...scope];
  const mine = (distributorId: number) => regions === null || regions.includes(c.distById.get(distributorId)!.regionId);
  const statuses: Record<string, string> = {};
  c.cells.forEach((x, i) => {
    if (mine(x.distributorId)) statuses[`${x.distributorId}:${x.productId}`] = c.assessment.cells[i]!.status;
  });
  // the lines of the caller's regions, in the plan's order (all of them for the whole network)
  let keep: Int32Array | null = null;
  let lines = s.length;
  if (regions !== null) {
    keep = new Int32Array(s.length);
    lines = 0;
    for (let i = 0; i < s.length; i++) if (mine(s.distributorId[i]!)) keep[lines++] = i;
  }
  const pick = <T extends Float64Array | Int32Array>(column: T, make: (n: number) => T): T => {
    if (keep === null) return column.slice(0, lines) as T;
    const out = make(lines);
    for (let j = 0; j < lines; j++) out[j] = column[keep[j]!]!;
    return out;
  };
  const byRegion: Record<string, RegionFigures> = {};
  const figuresOf = (distributorId: number) => {
    const region = String(c.distById.get(distributorId)!.regionId);
    return (byRegion[region] ??= { shipments: 0, cases: 0, shortCases: 0 });
  };
  let shortCases = 0;
  for (const x of c.assessment.plan.shortfalls) {
    const distributorId = c.cells[x.cell]!.distributorId;
    if (!mine(distributorId)) continue;
    figuresOf(distributorId).shortCases += x.cases;
    shortCases += x.cases;
  }
  const distributorIds = pick(s.distributorId, (n) => new Float64Array(n));
  const cases = pick(s.cases, (n) => new Int32Array(n));
  for (let j = 0; j < lines; j++) {
    const f = figuresOf(distributorIds[j]!);
    f.shipments++;
    f.cases += cases[j]!;
  }
  return {
    lines,
    distributorId: distributorIds,
    productId: pick(s.productId, (n) => new Float64Array(n)),
    cases,
    shipWeek: pick(s.shipWeek, (n) => new Int32Array(n)),
    arrivalWeek: pick(s.arrivalWeek, (n) => new Int32Array(n)),
    gridStart: c.grid.start,
    statusesJson: JSON.stringify(statuses),
    shortCases,
    byRegion,
    regions,
  };
}

/** Lines written between two looks at the Cancel button and two progress reports. */
const LINES_PER_STEP = 20_000;

/**
 * Writes a proposal as planned shipments for the warehouse, replacing the plan accepted before (its
 * shipments not yet sent), and remembers every cell's colour, in one transaction. With a `control`
 * (the background job) it reports progress and stops at Cancel, and then nothing was written.
 */
export function writeAcceptance(db: Db, proposal: AcceptanceProposal, control?: TaskControl): { shipments: number; cases: number } {
  return db.transaction(() => {
    // the job writes a while after it was asked: a plan accepted meanwhile is signed off, as for the call itself
    if (control) acceptedReadinessPlan(db, proposal.regions);
    prepared(
      db,
      `DELETE FROM shipments WHERE source = 'plan' AND status = 'planned' AND ${distributorInRegions('distributor_id', proposal.regions)}`,
    ).run();
    const insert = prepared(
      db,
      "INSERT INTO shipments (id, distributor_id, product_id, cases, ship_date, arrival_date, status, source, created_at) VALUES (?, ?, ?, ?, ?, ?, 'planned', 'plan', ?)",
    );
    const at = nowIso();
    const days = new Map<number, string>();
    const dayOf = (week: number) => days.get(week) ?? (days.set(week, isoDay(proposal.gridStart + week * WEEK_MS)), days.get(week)!);
    let cases = 0;
    for (let i = 0; i < proposal.lines; i++) {
      if (control && i % LINES_PER_STEP === 0) {
        control.checkCancelled();
        control.progress(i / proposal.lines, `${i.toLocaleString('en')} / ${proposal.lines.toLocaleString('en')}`);
      }
      insert.run(
        nextId('shipments'),
        proposal.distributorId[i]!,
        proposal.productId[i]!,
        proposal.cases[i]!,
        dayOf(proposal.shipWeek[i]!),
        dayOf(proposal.arrivalWeek[i]!),
        at,
      );
      cases += proposal.cases[i]!;
    }
    control?.checkCancelled();
    prepared(
      db,
      'INSERT INTO readiness_runs (id, created_at, statuses, shipments, cases, short_cases, by_region, regions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      nextId('readiness_runs'),
      at,
      proposal.statusesJson,
      proposal.lines,
      cases,
      proposal.shortCases,
      JSON.stringify(proposal.byRegion),
      proposal.regions === null ? null : JSON.stringify(proposal.regions),
    );
    return { shipments: proposal.lines, cases };
  })();
}

/** Turns the proposed plan of the caller's regions into planned shipments, computed here (the command line, tests, the team server). */
export function acceptPlan(db: Db, today = now(), scope: RegionScope = null): { shipments: number; cases: number } {
  return writeAcceptance(db, proposeAcceptance(db, today, scope));
}

/** Starts the background job that writes the proposal; the screen follows it, knowing how many lines it writes. */
export function startAcceptJob(ctx: Pick<ServiceContext, 'jobs'>, proposal: AcceptanceProposal): { jobId: number; shipments: number } {
  return { jobId: ctx.jobs.start('readiness.accept', { proposal }), shipments: proposal.lines };
}

/** The background job's task: the proposal the query thread made, written on the job's own connection. */
export function acceptPlanTask(
  db: Db,
  params: { proposal: AcceptanceProposal },
  control: TaskControl,
): { shipments: number; cases: number } {
  return writeAcceptance(db, params.proposal, control);
}
