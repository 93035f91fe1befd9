import { now } from '../../shared/domain/clock.js';
import { nextId } from '../db/ids.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { READINESS_READS, readinessToday } from './computation.js';
import { shipmentList } from './plan.js';
import { isoDay, WEEK_MS } from './weeks.js';

/** The accepted plan as it will be written: computed where the whole network's plan is at hand. */
export interface AcceptanceProposal {
  shipments: Array<{ distributorId: number; productId: number; cases: number; shipDate: string; arrivalDate: string }>;
  /** Every cell's colour, for "what changed" against the next plan. */
  statuses: Record<string, string>;
  shortCases: number;
}

/** The tables the proposal depends on: if one changes between proposing and writing, it is proposed again. */
export const ACCEPTANCE_READS = READINESS_READS;

/**
 * The whole network's plan turned into rows (seconds at national scale, and usually already computed
 * by the query thread for the board): the query thread proposes, the main thread only writes.
 */
export function proposeAcceptance(db: Db, today = now()): AcceptanceProposal {
  const c = readinessToday(db, today);
  return {
    shipments: shipmentList(c.assessment.plan.shipments).map((s) => ({
      distributorId: s.distributorId,
      productId: s.productId,
      cases: s.cases,
      shipDate: isoDay(c.grid.start + s.shipWeek * WEEK_MS),
      arrivalDate: isoDay(c.grid.start + s.arrivalWeek * WEEK_MS),
    })),
    statuses: Object.fromEntries(c.cells.map((x, i) => [`${x.distributorId}:${x.productId}`, c.assessment.cells[i]!.status])),
    shortCases: c.assessment.plan.shortfalls.reduce((s, x) => s + x.cases, 0),
  };
}

/**
 * Writes a proposal as planned shipments for the warehouse, replacing the plan accepted before (its
 * shipments not yet sent), and remembers every cell's colour, in one transaction.
 */
export function writeAcceptance(db: Db, proposal: AcceptanceProposal): { shipments: number; cases: number } {
  return db.transaction(() => {
    prepared(db, "DELETE FROM shipments WHERE source = 'plan' AND status = 'planned'").run();
    const insert = prepared(
      db,
      "INSERT INTO shipments (id, distributor_id, product_id, cases, ship_date, arrival_date, status, source, created_at) VALUES (?, ?, ?, ?, ?, ?, 'planned', 'plan', ?)",
    );
    const at = nowIso();
    let cases = 0;
    for (const s of proposal.shipments) {
      insert.run(nextId('shipments'), s.distributorId, s.productId, s.cases, s.shipDate, s.arrivalDate, at);
      cases += s.cases;
    }
    prepared(db, 'INSERT INTO readiness_runs (id, created_at, statuses, shipments, cases, short_cases) VALUES (?, ?, ?, ?, ?, ?)').run(
      nextId('readiness_runs'),
      at,
      JSON.stringify(proposal.statuses),
      proposal.shipments.length,
      cases,
      proposal.shortCases,
    );
    return { shipments: proposal.shipments.length, cases };
  })();
}

/** Turns the proposed plan into planned shipments, computed here (the command line, tests, the team server). */
export function acceptPlan(db: Db, today = now()): { shipments: number; cases: number } {
  return writeAcceptance(db, proposeAcceptance(db, today));
}
