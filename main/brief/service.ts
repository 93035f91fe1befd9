import type {
  BriefAccount,
  BriefEvent,
  BriefFollowup,
  BriefMixRow,
  BriefMonth,
  BriefPipelineItem,
  BriefReadiness,
  BriefShipment,
  BriefTargets,
  BriefVisit,
  DistributorBrief,
} from '../../shared/contract/brief.js';
import { DomainError } from '../../shared/contract/result.js';
import { addMonths } from '../../shared/domain/months.js';
import { accountSummary } from '../accounts/service.js';
import { prepared, type Db } from '../db/open.js';
import { localToday } from '../development/common.js';
import { forecastView } from '../forecast/view.js';
import { listContacts } from '../network/contacts.js';
import { getDistributor } from '../network/distributors.js';
import { readinessDistributor } from '../readiness/service.js';
import { distributorHistory } from './history.js';

const OUTLET_STATUSES = ['prospect', 'active', 'lost'] as const;
const STAGES = ['prospect', 'contacted', 'negotiating', 'signed', 'rejected'] as const;

/** A part that has nothing to show for this distributor (no history, not on the board) is null, not an error. */
function orNull<T>(part: () => T): T | null {
  try {
    return part();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * Everything a manager needs before a visit or a call, in one answer. Whole-region results
 * (segmentation, readiness, forecast totals) come from their memoised computations, so the page
 * costs a handful of indexed reads once those are warm.
 */
export function distributorBrief(db: Db, id: number, today = localToday()): DistributorBrief {
  const d = getDistributor(db, id);
  const regionName = (prepared(db, 'SELECT name FROM regions WHERE id = ?').pluck().get(d.regionId) as string | undefined) ?? '';
  const volume = volumeOf(db, id);
  const mix = mixOf(db, id);
  return {
    distributor: { ...d, regionName },
    today,
    contacts: listContacts(db, 'distributor', id),
    volume,
    brands: mix.brands,
    skus: mix.skus,
    targets: targetsOf(db, id, d.regionId),
    account: orNull(() => accountOf(db, id)),
    readiness: orNull(() => readinessOf(db, id, today)),
    shipments: shipmentsOf(db, id),
    events: eventsOf(db, id),
    followups: followupsOf(db, id),
    outlets: outletsOf(db, id),
    history: distributorHistory(db, id),
  };
}

/** The last 12 months of history and the 12 forecast months, each beside the same month a year earlier. */
function volumeOf(db: Db, id: number): DistributorBrief['volume'] {
  const view = forecastView(db, { distributorId: id });
  const history = view.history.slice(-24);
  const byMonth = new Map(history.map((h) => [h.month, h.cases]));
  const months: BriefMonth[] = history.slice(-12).map((h) => ({
    month: h.month,
    actual: h.cases,
    lastYear: byMonth.get(addMonths(h.month, -12)) ?? null,
    forecast: null,
    agreed: null,
  }));
  for (const f of view.forecast) {
    months.push({ month: f.month, actual: null, lastYear: f.lastYear, forecast: Math.round(f.point), agreed: Math.round(f.agreed) });
  }
  const sum = (rows: typeof history) => rows.reduce((s, r) => s + r.cases, 0);
  return { peakMonths: view.peakMonths, months, last12: sum(history.slice(-12)), previous12: sum(history.slice(-24, -12)) };
}

function mixOf(db: Db, id: number): { brands: BriefMixRow[]; skus: BriefMixRow[] } {
  const last = prepared(db, 'SELECT max(month) FROM sales_history WHERE distributor_id = ?').pluck().get(id) as string | null;
  if (!last) return { brands: [], skus: [] };
  const rows = prepared(
    db,
    `SELECT p.id, p.sku, p.name, p.brand,
       coalesce(sum(CASE WHEN h.month > ? THEN h.cases END), 0) AS last12,
       coalesce(sum(CASE WHEN h.month <= ? THEN h.cases END), 0) AS previous12
     FROM sales_history h JOIN products p ON p.id = h.product_id
     WHERE h.distributor_id = ? AND h.month > ? GROUP BY p.id`,
  ).all(addMonths(last, -12), addMonths(last, -12), id, addMonths(last, -24)) as Array<{
    id: number;
    sku: string;
    name: string;
    brand: string;
    last12: number;
    previous12: number;
  }>;
  const total = rows.reduce((s, r) => s + r.last12, 0);
  const share = (n: number) => (total > 0 ? n / total : 0);
  const brands = new Map<string, BriefMixRow>();
  for (const r of rows) {
    const b = brands.get(r.brand) ?? { key: r.brand, label: r.brand, last12: 0, previous12: 0, share: 0 };
    b.last12 += r.last12;
    b.previous12 += r.previous12;
    brands.set(r.brand, b);
  }
  const byVolume = (a: BriefMixRow, b: BriefMixRow) => b.last12 - a.last12 || a.label.localeCompare(b.label);
  return {
    brands: [...brands.values()].map((b) => ({ ...b, share: share(b.last12) })).sort(byVolume),
    skus: rows
      .map((r) => ({ key: String(r.id), label: `${r.sku} ${r.name}`, last12: r.last12, previous12: r.previous12, share: share(r.last12) }))
      .sort(byVolume),
  };
}

/** This season's plan for the distributor's region: the latest agreed one, else the latest draft. */
function targetsOf(db: Db, id: number, regionId: number): BriefTargets | null {
  const plan = prepared(
    db,
    `SELECT id, name, season_year AS seasonYear, status FROM target_plans p
     WHERE region_id = ? AND EXISTS (SELECT 1 FROM target_cells c WHERE c.plan_id = p.id AND c.distributor_id = ?)
     ORDER BY season_year DESC, status = 'agreed' DESC, id DESC LIMIT 1`,
  ).get(regionId, id) as BriefTargets['plan'] | undefined;
  if (!plan) return null;
  const months = prepared(
    db,
    `SELECT c.month, sum(c.target) AS target,
       (SELECT sum(h.cases) FROM sales_history h WHERE h.distributor_id = ? AND h.month = c.month) AS actual
     FROM target_cells c WHERE c.plan_id = ? AND c.distributor_id = ? GROUP BY c.month ORDER BY c.month`,
  ).all(id, plan.id, id) as Array<{ month: string; target: number; actual: number | null }>;
  const withActuals = months.filter((m) => m.actual !== null);
  const agreed = prepared(
    db,
    `SELECT p.brand, sum(c.target) AS target, (SELECT a.cases FROM target_agreed a WHERE a.plan_id = ? AND a.distributor_id = ? AND a.brand = p.brand) AS agreed
     FROM target_cells c JOIN products p ON p.id = c.product_id WHERE c.plan_id = ? AND c.distributor_id = ? GROUP BY p.brand ORDER BY target DESC`,
  ).all(plan.id, id, plan.id, id) as BriefTargets['agreed'];
  const newOutlets = prepared(db, 'SELECT new_outlets FROM target_outlets WHERE plan_id = ? AND distributor_id = ?')
    .pluck()
    .get(plan.id, id) as number | undefined;
  return {
    plan,
    months,
    target: months.reduce((s, m) => s + m.target, 0),
    actual: withActuals.length ? withActuals.reduce((s, m) => s + (m.actual ?? 0), 0) : null,
    agreed,
    newOutlets: newOutlets ?? null,
  };
}

function accountOf(db: Db, id: number): BriefAccount {
  const a = accountSummary(db, id);
  const open = a.complaints.filter((c) => c.closedOn === null);
  return {
    row: a.row,
    reasons: a.reasons,
    visitEveryDays: a.strategy.visitEveryDays,
    fit: a.fit,
    customerShare: a.customerShare,
    openComplaints: open,
    closedComplaints: a.complaints.length - open.length,
  };
}

function readinessOf(db: Db, id: number, today: string): BriefReadiness {
  const r = readinessDistributor(db, id, new Date(`${today}T12:00:00`));
  const counts = { red: 0, amber: 0, green: 0 };
  for (const c of r.cells) counts[c.status]++;
  return {
    peakStart: r.peakStart,
    keyAccount: r.keyAccount,
    requiredCoverDays: r.requiredCoverDays,
    counts,
    short: r.cells.filter((c) => c.status !== 'green').slice(0, 12),
  };
}

function shipmentsOf(db: Db, id: number): DistributorBrief['shipments'] {
  const lines = prepared(
    db,
    `SELECT s.id, p.sku, p.name AS productName, s.cases, s.ship_date AS shipDate, s.arrival_date AS arrivalDate, s.status
     FROM shipments s JOIN products p ON p.id = s.product_id WHERE s.distributor_id = ?
     ORDER BY s.status = 'in_transit' DESC, s.arrival_date, p.sku`,
  ).all(id) as BriefShipment[];
  const total = (status: BriefShipment['status']) => lines.filter((l) => l.status === status).reduce((s, l) => s + l.cases, 0);
  return { planned: total('planned'), inTransit: total('in_transit'), lines: lines.slice(0, 10) };
}

function eventsOf(db: Db, id: number): BriefEvent[] {
  return (
    prepared(
      db,
      `SELECT e.id AS eventId, e.kind, e.title, e.starts_at AS startsAt, i.rsvp, i.attended, i.feedback_score AS feedbackScore,
         i.feedback_comment AS feedbackComment
       FROM event_invitees i JOIN events e ON e.id = i.event_id WHERE i.distributor_id = ? ORDER BY e.starts_at DESC LIMIT 12`,
    ).all(id) as Array<Omit<BriefEvent, 'attended'> & { attended: number | null }>
  ).map((e) => ({ ...e, attended: e.attended === null ? null : e.attended === 1 }));
}

function followupsOf(db: Db, id: number): BriefFollowup[] {
  return prepared(
    db,
    `SELECT f.id, e.title AS eventTitle, f.kind, f.text, f.status, f.due_date AS dueDate, s.name AS ownerName
     FROM followups f LEFT JOIN events e ON e.id = f.event_id LEFT JOIN staff s ON s.id = f.owner_id
     WHERE f.distributor_id = ? ORDER BY f.status = 'done', coalesce(f.due_date, '9999'), f.id LIMIT 12`,
  ).all(id) as BriefFollowup[];
}

function outletsOf(db: Db, id: number): DistributorBrief['outlets'] {
  const subDealers = Object.fromEntries(OUTLET_STATUSES.map((s) => [s, 0])) as Record<(typeof OUTLET_STATUSES)[number], number>;
  const terminals = { ...subDealers };
  for (const r of prepared(db, 'SELECT status, count(*) AS n FROM sub_dealers WHERE distributor_id = ? GROUP BY status').all(id) as Array<{
    status: keyof typeof subDealers;
    n: number;
  }>)
    subDealers[r.status] = r.n;
  for (const r of prepared(
    db,
    `SELECT status, count(*) AS n FROM (
       SELECT id, status FROM terminals WHERE distributor_id = ?
       UNION ALL SELECT t.id, t.status FROM terminals t JOIN sub_dealers s ON s.id = t.sub_dealer_id WHERE s.distributor_id = ?
     ) GROUP BY status`,
  ).all(id, id) as Array<{ status: keyof typeof terminals; n: number }>)
    terminals[r.status] = r.n;

  // The pipeline of this distributor's outlets: each outlet finds its pipeline row by primary key.
  const items = prepared(
    db,
    `WITH outlets(type, id, code, name) AS (
       SELECT 'sub_dealer', id, code, name FROM sub_dealers WHERE distributor_id = ?
       UNION ALL SELECT 'terminal', id, code, name FROM terminals WHERE distributor_id = ?
       UNION ALL SELECT 'terminal', t.id, t.code, t.name FROM terminals t JOIN sub_dealers s ON s.id = t.sub_dealer_id WHERE s.distributor_id = ?
     )
     SELECT o.type AS outletType, o.id AS outletId, o.code, o.name, p.stage, sp.name AS ownerName,
       (SELECT max(v.next_date) FROM visits v WHERE v.outlet_type = o.type AND v.outlet_id = o.id) AS nextDate
     FROM outlets o JOIN pipeline p ON p.outlet_type = o.type AND p.outlet_id = o.id LEFT JOIN staff sp ON sp.id = p.owner_id`,
  ).all(id, id, id) as BriefPipelineItem[];
  const pipeline = Object.fromEntries(STAGES.map((s) => [s, 0])) as DistributorBrief['outlets']['pipeline'];
  for (const i of items) pipeline[i.stage as keyof typeof pipeline]++;
  const open = items
    .filter((i) => i.stage !== 'signed' && i.stage !== 'rejected')
    .sort(
      (a, b) =>
        STAGES.indexOf(b.stage as never) - STAGES.indexOf(a.stage as never) || (a.nextDate ?? '9999').localeCompare(b.nextDate ?? '9999'),
    );

  // "Its areas": the distributor's own area and those its sub-dealers work in.
  const areaIds = prepared(
    db,
    'SELECT area_id FROM distributors WHERE id = ? UNION SELECT DISTINCT area_id FROM sub_dealers WHERE distributor_id = ?',
  )
    .pluck()
    .all(id, id) as number[];
  const areas = prepared(db, `SELECT name FROM areas WHERE id IN (${areaIds.map(() => '?').join(',')}) ORDER BY name`)
    .pluck()
    .all(...areaIds) as string[];
  const lastVisits = prepared(
    db,
    `SELECT v.id, v.day, v.outlet_type AS outletType, coalesce(osd.name, ot.name, od.name) AS outletName, a.name AS areaName,
       sp.name AS salespersonName, v.outcome
     FROM visits v
       LEFT JOIN sub_dealers osd ON v.outlet_type = 'sub_dealer' AND osd.id = v.outlet_id
       LEFT JOIN terminals ot ON v.outlet_type = 'terminal' AND ot.id = v.outlet_id
       LEFT JOIN distributors od ON v.outlet_type = 'distributor' AND od.id = v.outlet_id
       JOIN areas a ON a.id = coalesce(osd.area_id, ot.area_id, od.area_id)
       JOIN staff sp ON sp.id = v.salesperson_id
     WHERE a.id IN (${areaIds.map(() => '?').join(',')}) ORDER BY v.day DESC, v.id DESC LIMIT 8`,
  ).all(...areaIds) as BriefVisit[];
  return { subDealers, terminals, pipeline, pipelineItems: open.slice(0, 10), areas, lastVisits };
}
