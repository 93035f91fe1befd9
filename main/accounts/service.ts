import {
  AT_RISK_SCORE,
  type AccountDetail,
  type AccountsOverview,
  type AccountRules,
  type AccountsSettings,
  type ComplaintRow,
} from '../../shared/contract/accounts.js';
import { refusal } from '../../shared/contract/result.js';
import { daysBetween } from '../../shared/domain/calendar.js';
import { today } from '../../shared/domain/clock.js';
import { addMonths } from '../../shared/domain/months.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { nextId } from '../db/ids.js';
import { memo } from '../db/memo.js';
import { Conditions, notFound, requireRow } from '../db/sql.js';
import { areaInRegions, distributorInRegions, distributorsInScope, inRegions, type RegionScope } from '../people/readScope.js';
import { readRegionRule, readTeamRule, writeRegionRule } from '../system/teamRules.js';
import {
  churnRisk,
  retention,
  scoreProspect,
  segmentWithLine,
  skuStructure,
  STRATEGY,
  type AccountHistory,
  type ProspectIndicator,
  type Segment,
  type StabilityLine,
} from './segmentation.js';

/** The rules before they were per region: one set for every region, still read as every region's starting point. */
const TEAM_KEY = 'accounts.settings';

export const DEFAULT_ACCOUNT_RULES: AccountRules = {
  paretoShare: 0.8,
  stableScore: null,
  volumeDropShare: 0.15,
  complaintDays: 14,
  visitDays: 45,
  prospectThreshold: 60,
  weights: { strength: 2, management: 1, network: 1.5, buyingPower: 1, marketing: 1, growth: 1.5, advantage: 1 },
};

/** Every region's rules: its own once its manager saved them, before that the team's (or the defaults). */
export function accountsSettings(db: Db): AccountsSettings {
  // the team's single set, and its stability lines (`stableScores` by region, or before them one `stableScore`)
  const { stableScore, stableScores, ...team } =
    readTeamRule<Partial<Omit<AccountRules, 'stableScore'>> & { stableScore?: number | null; stableScores?: Record<string, number> }>(
      db,
      TEAM_KEY,
    ) ?? {};
  const base = { ...DEFAULT_ACCOUNT_RULES, ...team, weights: { ...DEFAULT_ACCOUNT_RULES.weights, ...(team.weights ?? {}) } };
  const regions: Record<string, AccountRules> = {};
  for (const id of prepared(db, 'SELECT id FROM regions ORDER BY id').pluck().all() as number[]) {
    const own = readRegionRule<Partial<AccountRules>>(db, TEAM_KEY, id);
    regions[String(id)] = {
      ...base,
      stableScore: stableScores?.[String(id)] ?? (typeof stableScore === 'number' ? stableScore : null),
      ...own,
      weights: { ...base.weights, ...(own?.weights ?? {}) },
    };
  }
  return { regions };
}

/** A region's rules; a region the file does not hold (or none) takes the defaults. */
export const rulesOf = (settings: AccountsSettings, regionId: number | null | undefined): AccountRules =>
  (regionId === null || regionId === undefined ? undefined : settings.regions[String(regionId)]) ?? DEFAULT_ACCOUNT_RULES;

/**
 * Saves one region's rules under a key of its own, so two managers saving their regions' rules do not
 * undo each other's when the team server replays both, and one region's rules never move another's
 * accounts.
 */
export function saveAccountsSettings(db: Db, input: { regionId: number; rules: AccountRules }): AccountRules {
  requireRow(db, 'regions', input.regionId, 'regionId', 'Region');
  writeRegionRule(db, TEAM_KEY, input.regionId, input.rules);
  return rulesOf(accountsSettings(db), input.regionId);
}

/** 24 months of each active distributor's total shipments, ending with the last month of history. */
function histories(db: Db): { months: string[]; accounts: AccountHistory[] } {
  const last = prepared(db, 'SELECT max(month) FROM sales_history').pluck().get() as string | null;
  if (!last) return { months: [], accounts: [] };
  const first = addMonths(last, -23);
  const months = Array.from({ length: 24 }, (_, i) => addMonths(first, i));
  const byDist = new Map<number, number[]>();
  const regionOf = new Map<number, number>();
  for (const [id, regionId] of prepared(
    db,
    "SELECT d.id, a.region_id FROM distributors d JOIN areas a ON a.id = d.area_id WHERE d.status != 'ended' AND d.archived_at IS NULL",
  )
    .raw()
    .all() as Array<[number, number]>) {
    byDist.set(id, new Array<number>(24).fill(0));
    regionOf.set(id, regionId);
  }
  // Each distributor's month totals, kept by triggers (migration 0029): summing the two years' rows
  // here (3 million at national scale) took SQLite 1.2-2.5 s after every change to the history.
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  for (const [month, d, cases] of prepared(
    db,
    'SELECT month, distributor_id, cases FROM history_distributor_month_totals WHERE month BETWEEN ? AND ?',
  )
    .raw()
    .iterate(first, last) as Iterable<[string, number, number]>) {
    const row = byDist.get(d);
    if (row) row[monthIndex.get(month)!] = cases;
  }
  return {
    months,
    accounts: [...byDist.entries()].map(([accountId, monthly]) => ({ accountId, regionId: regionOf.get(accountId)!, monthly })),
  };
}

/**
 * What only the sales history (and the settings) moves: the months, each account's history and its
 * segment now and a year before. Every account's share is of its region's monthly total and the
 * stability line is the network's median, so one account's history moves every account's segment:
 * this part is the whole network's, read once and
 * kept until history, the distributors or the settings change. A complaint, a contact or a profile
 * does not touch it.
 */
interface AccountsBase {
  settings: AccountsSettings;
  months: string[];
  accounts: AccountHistory[];
  current: ReturnType<typeof segmentWithLine>;
  before: Map<number, Segment>;
  monthlyOf: Map<number, number[]>;
}

/** One account's churn inputs beyond its history: what a complaint, a contact or a profile moves. */
interface ChurnFacts {
  contacts: number;
  level: 1 | 2 | 3;
  fit: 'safe' | 'watch' | 'alarm' | null;
  openComplaintDays: number[];
}

interface Computed {
  base: AccountsBase;
  months: string[];
  accounts: AccountHistory[];
  rows: AccountsOverview['rows'];
  reasons: Map<number, ReturnType<typeof churnRisk>>;
  facts: Map<number, ChurnFacts>;
  /** Accounts whose churn risk this state computed (the others' were reused from the state before). */
  assessed: number[];
  settings: AccountsSettings;
  /** Each region's stability line (see segmentWithLine). */
  lines: Map<number, StabilityLine>;
}

/** Every table computeAccounts reads: its cached result is kept until one of them changes. */
export const ACCOUNTS_READS: readonly string[] = [
  'account_profiles',
  'areas',
  'complaints',
  'contacts',
  'distributors',
  'history_distributor_month_totals',
  'regions',
  'sales_history',
  'staff',
  'team_rules',
];

/** Every table computeAccountsBase reads. */
export const ACCOUNTS_BASE_READS: readonly string[] = [
  'areas',
  'distributors',
  'history_distributor_month_totals',
  // the settings' old single stability line reads as each region's (accountsSettings)
  'regions',
  'sales_history',
  'team_rules',
];

/** The latest state computed on each base: the next one reuses the churn risks whose inputs did not move. */
const latestState = new WeakMap<AccountsBase, Computed>();

/** The whole region's segmentation and risks, reused until the data changes; after a complaint, contact or profile only that account's risk is computed again. */
export function accountsToday(db: Db): Computed {
  // Days open count from the user's today: a new day recomputes even when the data did not change.
  const day = today();
  const base = memo(db, `accounts-base:${day}`, ACCOUNTS_BASE_READS, () => computeAccountsBase(db));
  return memo(db, `accounts:${day}`, ACCOUNTS_READS, () => {
    const state = computeAccountsState(db, base, latestState.get(base) ?? null);
    latestState.set(base, state);
    return state;
  });
}

const compute = accountsToday;

export function computeAccountsBase(db: Db): AccountsBase {
  const settings = accountsSettings(db);
  const { months, accounts } = histories(db);
  return {
    settings,
    months,
    accounts,
    current: segmentWithLine(accounts, settings.regions),
    before: new Map(segmentWithLine(accounts, settings.regions, 12).rows.map((r) => [r.accountId, r.segment])),
    monthlyOf: new Map(accounts.map((a) => [a.accountId, a.monthly])),
  };
}

const sameFacts = (a: ChurnFacts | undefined, b: ChurnFacts) =>
  a !== undefined &&
  a.contacts === b.contacts &&
  a.level === b.level &&
  a.fit === b.fit &&
  a.openComplaintDays.length === b.openComplaintDays.length &&
  a.openComplaintDays.every((d, i) => d === b.openComplaintDays[i]);

/**
 * Churn risks and the overview's rows on a base. An account whose facts are those the state before
 * (on the same base) judged keeps its risk; only the others are judged again.
 */
export function computeAccountsState(db: Db, base: AccountsBase, previous: Computed | null): Computed {
  const { settings, months, accounts, current, before, monthlyOf } = base;
  const now = current.rows;
  const info = new Map(
    (
      prepared(
        db,
        `SELECT d.id, d.name, a.name AS areaName, a.region_id AS regionId, r.name AS regionName, sp.name AS salespersonName,
           d.relationship_level AS level,
           (SELECT count(*) FROM contacts c WHERE c.distributor_id = d.id) AS contacts,
           (SELECT fit FROM account_profiles p WHERE p.distributor_id = d.id) AS fit
         FROM distributors d JOIN areas a ON a.id = d.area_id JOIN regions r ON r.id = a.region_id LEFT JOIN staff sp ON sp.id = d.salesperson_id`,
      ).all() as Array<{
        id: number;
        name: string;
        areaName: string;
        regionId: number;
        regionName: string;
        salespersonName: string | null;
        level: 1 | 2 | 3;
        contacts: number;
        fit: 'safe' | 'watch' | 'alarm' | null;
      }>
    ).map((r) => [r.id, r]),
  );
  const openComplaints = new Map<number, number[]>();
  for (const [d, opened] of prepared(db, 'SELECT distributor_id, opened_on FROM complaints WHERE closed_on IS NULL').raw().all() as Array<
    [number, string]
  >) {
    openComplaints.set(d, [...(openComplaints.get(d) ?? []), daysBetween(opened, today())]);
  }
  const reuse = previous !== null && previous.base === base;
  const reasons = new Map<number, ReturnType<typeof churnRisk>>();
  const facts = new Map<number, ChurnFacts>();
  const assessed: number[] = [];
  for (const r of now) {
    const i = info.get(r.accountId)!;
    const f: ChurnFacts = { contacts: i.contacts, level: i.level, fit: i.fit, openComplaintDays: openComplaints.get(r.accountId) ?? [] };
    facts.set(r.accountId, f);
    if (reuse && sameFacts(previous.facts.get(r.accountId), f)) {
      reasons.set(r.accountId, previous.reasons.get(r.accountId)!);
      continue;
    }
    assessed.push(r.accountId);
    reasons.set(
      r.accountId,
      churnRisk(
        {
          accountId: r.accountId,
          monthly: monthlyOf.get(r.accountId)!,
          contacts: f.contacts,
          relationshipLevel: f.level,
          openComplaintDays: f.openComplaintDays,
          fit: f.fit,
          daysSinceVisit: null,
        },
        rulesOf(settings, i.regionId),
      ),
    );
  }
  const rows = now.map((r) => {
    const i = info.get(r.accountId)!;
    return {
      distributorId: r.accountId,
      name: i.name,
      areaName: i.areaName,
      regionId: i.regionId,
      regionName: i.regionName,
      salespersonName: i.salespersonName,
      volume: r.volume,
      share: r.share,
      cumulativeShare: r.cumulativeShare,
      rank: r.rank,
      stability: r.stability,
      segment: r.segment,
      previousSegment: months.length >= 24 ? (before.get(r.accountId) ?? null) : null,
      risk: reasons.get(r.accountId)!.score,
      atRisk: reasons.get(r.accountId)!.score >= AT_RISK_SCORE,
      wavers: r.wavers,
    };
  });
  return {
    base,
    months,
    accounts,
    rows,
    reasons,
    facts,
    assessed,
    settings,
    lines: current.lines,
  };
}

/** Uncached, from nothing: what the first look after a history change costs (the benchmark times it; the tests compare with it). */
export function computeAccounts(db: Db): Computed {
  return computeAccountsState(db, computeAccountsBase(db), null);
}

/**
 * The key accounts a person reads: segments are the whole network's (a distributor's segment does not
 * change with who looks), filtered to the person's regions along with every count and total.
 */
export function overview(db: Db, scope: RegionScope = null): AccountsOverview {
  const c = compute(db);
  const visible = distributorsInScope(db, scope);
  const rows = visible ? c.rows.filter((r) => visible.has(r.distributorId)) : c.rows;
  const counts = { EI: 0, EII: 0, EIII: 0, EIV: 0 };
  for (const r of rows) counts[r.segment]++;
  const complaintStats = prepared(
    db,
    `SELECT category, sum(closed_on IS NULL) AS open, sum(closed_on IS NOT NULL) AS closed,
       avg(CASE WHEN closed_on IS NOT NULL THEN julianday(closed_on) - julianday(opened_on) END) AS avgDaysToClose
     FROM complaints WHERE ${distributorInRegions('distributor_id', scope)} GROUP BY category ORDER BY category`,
  ).all() as AccountsOverview['complaintStats'];
  const regionNames = prepared(db, `SELECT id, name FROM regions WHERE ${inRegions('id', scope)} ORDER BY name COLLATE NOCASE, id`)
    .raw()
    .all() as Array<[number, string]>;
  return {
    rules: regionNames.map(([regionId, regionName]) => ({ regionId, regionName, rules: rulesOf(c.settings, regionId) })),
    strategies: STRATEGY,
    rows,
    counts,
    lines: [...new Map(rows.map((r) => [r.regionId, r.regionName])).entries()].map(([regionId, regionName]) => ({
      regionId,
      regionName,
      ...c.lines.get(regionId)!,
    })),
    atRisk: rows.filter((r) => r.atRisk).length,
    retention: retention(visible ? c.accounts.filter((a) => visible.has(a.accountId)) : c.accounts),
    complaintStats,
    months: c.months.length,
  };
}

const COMPLAINT_SELECT = `SELECT c.id, c.distributor_id AS distributorId, d.name AS distributorName, c.category, c.opened_on AS openedOn, s.name AS ownerName,
  c.description, c.closed_on AS closedOn, c.resolution FROM complaints c JOIN distributors d ON d.id = c.distributor_id LEFT JOIN staff s ON s.id = c.owner_id`;

const withDays = (r: Omit<ComplaintRow, 'daysOpen'>): ComplaintRow => ({ ...r, daysOpen: daysBetween(r.openedOn, r.closedOn ?? today()) });

export function listComplaints(db: Db, filter: { open?: boolean; distributorId?: number }, scope: RegionScope = null): ComplaintRow[] {
  // Conditions only for the filters given: "? IS NULL OR column = ?" would read every complaint of the
  // nation for one distributor's page, since SQLite cannot use an index through the OR.
  const where = new Conditions()
    .when(filter.open, filter.open ? 'c.closed_on IS NULL' : 'c.closed_on IS NOT NULL')
    .when(filter.distributorId, 'c.distributor_id = ?', filter.distributorId)
    .when(scope, distributorInRegions('c.distributor_id', scope));
  return (
    prepared(db, `${COMPLAINT_SELECT} ${where.toSql()} ORDER BY c.closed_on IS NOT NULL, c.opened_on DESC`).all(...where.params) as Array<
      Omit<ComplaintRow, 'daysOpen'>
    >
  ).map(withDays);
}

export function createComplaint(
  db: Db,
  c: { distributorId: number; category: string; openedOn: string; ownerId: number | null; description: string },
): ComplaintRow {
  requireRow(db, 'distributors', c.distributorId, 'distributorId', 'Distributor');
  if (c.ownerId !== null) requireRow(db, 'staff', c.ownerId, 'ownerId', 'Staff member');
  if (c.openedOn > today())
    throw refusal('validation', 'complaintInFuture', 'A complaint cannot be opened in the future', {}, [
      { path: 'openedOn', message: 'In the future' },
    ]);
  const id = nextId('complaints');
  const { lastInsertRowid } = prepared(
    db,
    'INSERT INTO complaints (id, distributor_id, category, opened_on, owner_id, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(id, c.distributorId, c.category, c.openedOn, c.ownerId, c.description, nowIso());
  return withDays(prepared(db, `${COMPLAINT_SELECT} WHERE c.id = ?`).get(id ?? Number(lastInsertRowid)) as Omit<ComplaintRow, 'daysOpen'>);
}

export function closeComplaint(db: Db, id: number, closedOn: string, resolution: string): ComplaintRow {
  const row = prepared(db, 'SELECT opened_on, closed_on FROM complaints WHERE id = ?').get(id) as
    { opened_on: string; closed_on: string | null } | undefined;
  if (!row) throw notFound('Complaint', id);
  if (row.closed_on) throw refusal('conflict', 'complaintClosed', 'This complaint is already closed.');
  if (closedOn < row.opened_on)
    throw refusal('validation', 'complaintClosedBeforeOpened', 'Closed before it was opened', { openedOn: row.opened_on }, [
      { path: 'closedOn', message: `Opened on ${row.opened_on}` },
    ]);
  prepared(db, 'UPDATE complaints SET closed_on = ?, resolution = ? WHERE id = ?').run(closedOn, resolution, id);
  return withDays(prepared(db, `${COMPLAINT_SELECT} WHERE c.id = ?`).get(id) as Omit<ComplaintRow, 'daysOpen'>);
}

export function skus(db: Db, distributorId?: number, scope: RegionScope = null) {
  const last = prepared(db, 'SELECT max(month) FROM sales_history').pluck().get() as string | null;
  if (!last) return [];
  const rows = prepared(
    db,
    `SELECT p.id AS productId, p.sku, p.name, p.status,
       coalesce(sum(CASE WHEN h.month > ? THEN h.cases END), 0) AS last12,
       coalesce(sum(CASE WHEN h.month <= ? AND h.month > ? THEN h.cases END), 0) AS previous12
     FROM products p JOIN sales_history h ON h.product_id = p.id AND h.month > ? AND (? IS NULL OR h.distributor_id = ?)
       AND ${distributorInRegions('h.distributor_id', scope)}
     GROUP BY p.id`,
  ).all(
    addMonths(last, -12),
    addMonths(last, -12),
    addMonths(last, -24),
    addMonths(last, -24),
    distributorId ?? null,
    distributorId ?? null,
  ) as Array<{
    productId: number;
    sku: string;
    name: string;
    status: string;
    last12: number;
    previous12: number;
  }>;
  const info = new Map(rows.map((r) => [r.productId, r]));
  return skuStructure(rows).map((s) => ({
    productId: s.productId,
    sku: info.get(s.productId)!.sku,
    name: info.get(s.productId)!.name,
    rank: s.rank,
    last12: s.last12,
    contribution: s.contribution,
    growth: s.growth,
    advice: s.advice,
    reason: s.reason,
  }));
}

/**
 * Our share of what the customer buys. Their total includes what they bought from us, so a total
 * below our own volume is out of date: the share is then all of it, never more than 100%.
 */
export function customerShare(ourVolume: number, theirTotal: number | null): number | null {
  if (!theirTotal || theirTotal <= 0) return null;
  return Math.min(1, ourVolume / theirTotal);
}

export function detail(db: Db, distributorId: number): AccountDetail {
  const c = compute(db);
  const row = c.rows.find((r) => r.distributorId === distributorId);
  if (!row) throw refusal('not_found', 'accountNoHistory', 'This distributor has no active history to analyse.');
  const profile = prepared(db, 'SELECT fit, total_purchases_cases AS total FROM account_profiles WHERE distributor_id = ?').get(
    distributorId,
  ) as { fit: AccountDetail['fit']; total: number | null } | undefined;
  const d = prepared(
    db,
    'SELECT relationship_level AS level, (SELECT count(*) FROM contacts WHERE distributor_id = ?) AS contacts FROM distributors WHERE id = ?',
  ).get(distributorId, distributorId) as { level: number; contacts: number };
  const monthly = c.accounts.find((a) => a.accountId === distributorId)!.monthly;
  const total = profile?.total ?? null;
  return {
    row,
    strategy: STRATEGY[row.segment],
    // Codes and evidence cross to the renderer, which words them in the user's language.
    reasons: c.reasons.get(distributorId)!.reasons.map(({ code, weight, evidence }) => ({ code, weight, evidence })),
    contacts: d.contacts,
    relationshipLevel: d.level,
    fit: profile?.fit ?? null,
    totalPurchases: total,
    customerShare: customerShare(row.volume, total),
    monthly: monthly.map((cases, i) => ({ month: c.months[i]!, cases })),
    complaints: listComplaints(db, { distributorId }),
    skus: skus(db, distributorId),
  };
}

export function setProfile(db: Db, distributorId: number, fit: 'safe' | 'watch' | 'alarm' | null, total: number | null): { saved: true } {
  requireRow(db, 'distributors', distributorId, 'distributorId', 'Distributor');
  prepared(
    db,
    `INSERT INTO account_profiles (distributor_id, fit, total_purchases_cases, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (distributor_id) DO UPDATE SET fit = excluded.fit, total_purchases_cases = excluded.total_purchases_cases, updated_at = excluded.updated_at`,
  ).run(distributorId, fit, total, nowIso());
  return { saved: true };
}

export function listProspects(db: Db, search?: string, scope: RegionScope = null) {
  const settings = accountsSettings(db);
  const pattern = search ? `%${search.toLowerCase()}%` : null;
  const rows = prepared(
    db,
    `SELECT x.*, a.region_id AS regionId, ps.ratings, ps.intention FROM (
       SELECT 'sub_dealer' AS outletType, s.id AS outletId, s.name, d.name AS distributorName, s.competitor_brand AS competitorBrand, s.area_id AS areaId FROM sub_dealers s JOIN distributors d ON d.id = s.distributor_id
         WHERE s.status = 'prospect' AND s.archived_at IS NULL AND ${areaInRegions('s.area_id', scope)}
       UNION ALL
       SELECT 'terminal', t.id, t.name, coalesce(d1.name, d2.name), t.competitor_brand, t.area_id FROM terminals t LEFT JOIN distributors d1 ON d1.id = t.distributor_id
         LEFT JOIN sub_dealers s2 ON s2.id = t.sub_dealer_id LEFT JOIN distributors d2 ON d2.id = s2.distributor_id
         WHERE t.status = 'prospect' AND t.archived_at IS NULL AND ${areaInRegions('t.area_id', scope)}
     ) x JOIN areas a ON a.id = x.areaId LEFT JOIN prospect_scores ps ON ps.outlet_type = x.outletType AND ps.outlet_id = x.outletId
     WHERE (? IS NULL OR lower(x.name) LIKE ? OR lower(x.distributorName) LIKE ?)
     ORDER BY ps.outlet_id IS NULL, x.outletType DESC, x.name LIMIT 300`,
  ).all(pattern, pattern, pattern) as Array<{
    outletType: 'sub_dealer' | 'terminal';
    outletId: number;
    name: string;
    distributorName: string;
    competitorBrand: string | null;
    regionId: number;
    ratings: string | null;
    intention: 'high' | 'low' | null;
  }>;
  const list = rows.map((r) => {
    const ratings = r.ratings ? (JSON.parse(r.ratings) as Record<ProspectIndicator, number>) : null;
    const { weights, prospectThreshold } = rulesOf(settings, r.regionId);
    const scored = ratings && r.intention ? scoreProspect(ratings, weights, r.intention, prospectThreshold) : null;
    return {
      outletType: r.outletType,
      outletId: r.outletId,
      name: r.name,
      distributorName: r.distributorName,
      competitorBrand: r.competitorBrand,
      score: scored?.score ?? null,
      class: scored?.class ?? null,
      intention: r.intention,
      ratings,
    };
  });
  // by class (PI first: close the deal), then the best score, then by name; the unscored last
  return list.sort(
    (a, b) =>
      CLASS_RANK[a.class ?? 'none']! - CLASS_RANK[b.class ?? 'none']! || (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name),
  );
}

const CLASS_RANK: Record<string, number> = { PI: 0, PII: 1, PIII: 2, PIV: 3, none: 4 };

/** Every prospect counted by class with its mean score, and how many are not scored yet (the list shows at most 300). */
export function prospectSummary(
  db: Db,
  scope: RegionScope = null,
): {
  classes: Array<{ class: 'PI' | 'PII' | 'PIII' | 'PIV'; count: number; meanScore: number | null }>;
  unscored: number;
} {
  const settings = accountsSettings(db);
  // Open prospects of the live network (archived outlets left out) in the person's regions.
  const LIVE_PROSPECT = (t: string) => `${t}.status = 'prospect' AND ${t}.archived_at IS NULL AND ${areaInRegions(`${t}.area_id`, scope)}`;
  const scored = prepared(
    db,
    `SELECT ps.ratings, ps.intention, a.region_id AS regionId FROM prospect_scores ps
       JOIN sub_dealers s ON ps.outlet_type = 'sub_dealer' AND s.id = ps.outlet_id AND ${LIVE_PROSPECT('s')} JOIN areas a ON a.id = s.area_id
     UNION ALL
     SELECT ps.ratings, ps.intention, a.region_id FROM prospect_scores ps
       JOIN terminals t ON ps.outlet_type = 'terminal' AND t.id = ps.outlet_id AND ${LIVE_PROSPECT('t')} JOIN areas a ON a.id = t.area_id`,
  ).all() as Array<{ ratings: string; intention: 'high' | 'low'; regionId: number }>;
  const total =
    (prepared(db, `SELECT count(*) FROM sub_dealers s WHERE ${LIVE_PROSPECT('s')}`)
      .pluck()
      .get() as number) +
    (prepared(db, `SELECT count(*) FROM terminals t WHERE ${LIVE_PROSPECT('t')}`)
      .pluck()
      .get() as number);
  const by = new Map<string, number[]>();
  for (const r of scored) {
    const { weights, prospectThreshold } = rulesOf(settings, r.regionId);
    const s = scoreProspect(JSON.parse(r.ratings) as Record<ProspectIndicator, number>, weights, r.intention, prospectThreshold);
    by.set(s.class, [...(by.get(s.class) ?? []), s.score]);
  }
  return {
    classes: (['PI', 'PII', 'PIII', 'PIV'] as const).map((c) => {
      const scores = by.get(c) ?? [];
      return {
        class: c,
        count: scores.length,
        meanScore: scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
      };
    }),
    unscored: total - scored.length,
  };
}

export function saveProspectScore(
  db: Db,
  input: { outletType: 'sub_dealer' | 'terminal'; outletId: number; ratings: Record<ProspectIndicator, number>; intention: 'high' | 'low' },
) {
  const table = input.outletType === 'sub_dealer' ? 'sub_dealers' : 'terminals';
  requireRow(db, table, input.outletId, 'outletId', 'Outlet');
  prepared(
    db,
    `INSERT INTO prospect_scores (outlet_type, outlet_id, ratings, intention, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET ratings = excluded.ratings, intention = excluded.intention, updated_at = excluded.updated_at`,
  ).run(input.outletType, input.outletId, JSON.stringify(input.ratings), input.intention, nowIso());
  const regionId = prepared(db, `SELECT a.region_id FROM ${table} o JOIN areas a ON a.id = o.area_id WHERE o.id = ?`)
    .pluck()
    .get(input.outletId) as number;
  const { weights, prospectThreshold } = rulesOf(accountsSettings(db), regionId);
  return scoreProspect(input.ratings, weights, input.intention, prospectThreshold);
}

/**
 * One distributor's segment, churn reasons and profile from the memoised region computation, without
 * the SKU structure (which reads the whole region's history): what the distributor brief shows.
 */
export function accountSummary(db: Db, distributorId: number): Omit<AccountDetail, 'monthly' | 'skus' | 'contacts' | 'relationshipLevel'> {
  const c = compute(db);
  const row = c.rows.find((r) => r.distributorId === distributorId);
  if (!row) throw refusal('not_found', 'accountNoHistory', 'This distributor has no active history to analyse.');
  const profile = prepared(db, 'SELECT fit, total_purchases_cases AS total FROM account_profiles WHERE distributor_id = ?').get(
    distributorId,
  ) as { fit: AccountDetail['fit']; total: number | null } | undefined;
  const total = profile?.total ?? null;
  return {
    row,
    strategy: STRATEGY[row.segment],
    reasons: c.reasons.get(distributorId)!.reasons,
    fit: profile?.fit ?? null,
    totalPurchases: total,
    customerShare: customerShare(row.volume, total),
    complaints: listComplaints(db, { distributorId }),
  };
}
