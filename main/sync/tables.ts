import type { Db } from '../db/open.js';

/**
 * What a desktop replica holds, and which rows of each table a person may see (SYNC-DESIGN.md).
 *
 * `scope` is an SQL condition on the row (alias `r`) with the person's regions in the parameter
 * `:regions` (a JSON array); an administrator sees every row. Reference tables (regions, products,
 * people) go whole. Columns in `omit` never leave the server (password hashes).
 *
 * Not synced, because they are derived and recomputed on each desktop from synced rows by the
 * triggers that already maintain them: `history_month_totals`, `history_distributor_month_totals`,
 * `forecast_month_totals`, `terminals_search*`, `forecast_demand_packs` (unpacked by triggers,
 * packed again after a pull).
 * Not synced, because they are the desktop's own: `settings` (language, saved invitation lists),
 * `auth_settings`, the `sync_*` tables.
 */
export interface SyncedTable {
  name: string;
  /** Key columns; the key as text is the integer id, or the JSON array of these columns. */
  key: readonly string[];
  scope: string | null;
  omit?: readonly string[];
}

const REGIONS = `(SELECT value FROM json_each(:regions))`;
const AREAS = `(SELECT id FROM areas WHERE region_id IN ${REGIONS})`;
const DISTRIBUTORS = `(SELECT id FROM distributors WHERE area_id IN ${AREAS})`;
const SUB_DEALERS = `(SELECT id FROM sub_dealers WHERE area_id IN ${AREAS} OR distributor_id IN ${DISTRIBUTORS})`;
const TERMINALS = `(SELECT id FROM terminals WHERE area_id IN ${AREAS} OR distributor_id IN ${DISTRIBUTORS})`;
const STAFF = `(SELECT id FROM staff WHERE region_id IN ${REGIONS} UNION SELECT staff_id FROM staff_regions WHERE region_id IN ${REGIONS})`;
const PLANS = `(SELECT id FROM dev_plans WHERE salesperson_id IN ${STAFF})`;
const EVENTS = `(SELECT id FROM events WHERE region_id IN ${REGIONS} OR region_id IS NULL)`;
const TARGET_PLANS = `(SELECT id FROM target_plans WHERE region_id IN ${REGIONS})`;
const OUTLET = `(CASE r.outlet_type WHEN 'sub_dealer' THEN r.outlet_id IN ${SUB_DEALERS} WHEN 'terminal' THEN r.outlet_id IN ${TERMINALS} ELSE r.outlet_id IN ${DISTRIBUTORS} END)`;

const byDistributor = `r.distributor_id IN ${DISTRIBUTORS}`;
const bySalesperson = `r.salesperson_id IN ${STAFF}`;

/** In dependency order (parents first): a first sync loads them in this order. */
export const SYNCED_TABLES: readonly SyncedTable[] = [
  { name: 'regions', key: ['id'], scope: null },
  { name: 'products', key: ['id'], scope: null },
  /** The team's rules (main/system/teamRules.ts): every desktop computes with the manager's. */
  { name: 'team_rules', key: ['key'], scope: null },
  { name: 'areas', key: ['id'], scope: `r.region_id IN ${REGIONS}` },
  { name: 'staff', key: ['id'], scope: null, omit: ['password_hash'] },
  { name: 'staff_regions', key: ['staff_id', 'region_id'], scope: null },
  { name: 'staff_areas', key: ['staff_id', 'area_id'], scope: `r.area_id IN ${AREAS}` },
  { name: 'distributors', key: ['id'], scope: `r.area_id IN ${AREAS}` },
  { name: 'sub_dealers', key: ['id'], scope: `(r.area_id IN ${AREAS} OR ${byDistributor})` },
  { name: 'terminals', key: ['id'], scope: `(r.area_id IN ${AREAS} OR ${byDistributor})` },
  {
    name: 'contacts',
    key: ['id'],
    scope: `(${byDistributor} OR r.sub_dealer_id IN ${SUB_DEALERS} OR r.terminal_id IN ${TERMINALS})`,
  },
  { name: 'account_profiles', key: ['distributor_id'], scope: byDistributor },
  { name: 'distributor_pallet_capacity', key: ['distributor_id'], scope: byDistributor },
  { name: 'region_shipping_capacity', key: ['region_id'], scope: `r.region_id IN ${REGIONS}` },
  { name: 'group_shipping_capacity', key: ['region_id', 'pack'], scope: `r.region_id IN ${REGIONS}` },
  { name: 'region_peak_months', key: ['region_id', 'month'], scope: `r.region_id IN ${REGIONS}` },
  { name: 'sales_history', key: ['distributor_id', 'product_id', 'month'], scope: byDistributor },
  { name: 'stock_snapshots', key: ['distributor_id', 'product_id', 'snapshot_date'], scope: byDistributor },
  { name: 'shipments', key: ['id'], scope: byDistributor },
  /**
   * The accepted readiness plans of the person's regions (a whole-network one everywhere): what stands
   * signed off, and since when, is the same on every desktop as on the server that judges it.
   */
  {
    name: 'readiness_runs',
    key: ['id'],
    scope: `(r.regions IS NULL OR EXISTS (SELECT 1 FROM json_each(r.regions) j WHERE j.value IN ${REGIONS}))`,
  },
  { name: 'complaints', key: ['id'], scope: byDistributor },
  { name: 'forecast_runs', key: ['id'], scope: null },
  { name: 'forecast_series', key: ['distributor_id', 'product_id'], scope: byDistributor },
  { name: 'forecast_values', key: ['distributor_id', 'product_id', 'month'], scope: byDistributor },
  {
    name: 'forecast_overrides',
    key: ['id'],
    scope: `(r.region_id IN ${REGIONS} OR ${byDistributor} OR (r.region_id IS NULL AND r.distributor_id IS NULL))`,
  },
  { name: 'target_plans', key: ['id'], scope: `r.region_id IN ${REGIONS}` },
  { name: 'target_lines', key: ['plan_id', 'brand', 'product_id'], scope: `r.plan_id IN ${TARGET_PLANS}` },
  { name: 'target_cells', key: ['plan_id', 'distributor_id', 'product_id', 'month'], scope: `r.plan_id IN ${TARGET_PLANS}` },
  { name: 'target_agreed', key: ['plan_id', 'distributor_id', 'brand'], scope: `r.plan_id IN ${TARGET_PLANS}` },
  { name: 'target_outlets', key: ['plan_id', 'distributor_id'], scope: `r.plan_id IN ${TARGET_PLANS}` },
  { name: 'events', key: ['id'], scope: `(r.region_id IN ${REGIONS} OR r.region_id IS NULL)` },
  { name: 'event_items', key: ['id'], scope: `r.event_id IN ${EVENTS}` },
  { name: 'event_staff', key: ['event_id', 'staff_id'], scope: `r.event_id IN ${EVENTS}` },
  { name: 'event_invitees', key: ['event_id', 'distributor_id'], scope: `r.event_id IN ${EVENTS}` },
  { name: 'followups', key: ['id'], scope: `(r.event_id IN ${EVENTS} OR ${byDistributor} OR r.review_salesperson_id IN ${STAFF})` },
  { name: 'visits', key: ['id'], scope: bySalesperson },
  /** A visit's photo goes where its visit goes (the salesperson's region): managers review visits offline too. */
  { name: 'visit_photos', key: ['visit_id'], scope: `r.visit_id IN (SELECT id FROM visits WHERE salesperson_id IN ${STAFF})` },
  { name: 'day_plans', key: ['salesperson_id', 'day'], scope: bySalesperson },
  { name: 'day_plan_stops', key: ['salesperson_id', 'day', 'position'], scope: bySalesperson },
  { name: 'dev_plans', key: ['id'], scope: bySalesperson },
  { name: 'dev_plan_areas', key: ['plan_id', 'area_id'], scope: `r.plan_id IN ${PLANS}` },
  { name: 'dev_plan_competitors', key: ['plan_id', 'brand'], scope: `r.plan_id IN ${PLANS}` },
  { name: 'weekly_reviews', key: ['salesperson_id', 'week_start'], scope: bySalesperson },
  { name: 'evaluations', key: ['salesperson_id', 'month'], scope: bySalesperson },
  { name: 'pipeline', key: ['outlet_type', 'outlet_id'], scope: OUTLET },
  { name: 'pipeline_events', key: ['id'], scope: OUTLET },
  { name: 'prospect_scores', key: ['outlet_type', 'outlet_id'], scope: OUTLET },
  /** The server's history of the person's region: who did what (insert-only on the desktop). */
  { name: 'record_history', key: ['id'], scope: `(r.actor_id IN ${STAFF} OR r.actor_id = 0)` },
];

export const SYNCED_BY_NAME: ReadonlyMap<string, SyncedTable> = new Map(SYNCED_TABLES.map((t) => [t.name, t]));

/** SQL text of a row's key, from the trigger's NEW or OLD row. */
export function keySql(t: SyncedTable, row: string): string {
  const [only] = t.key;
  if (t.key.length === 1 && only !== undefined) return `CAST(${row}.${only} AS TEXT)`;
  return `json_array(${t.key.map((k) => `${row}.${k}`).join(', ')})`;
}

/** The key columns' values from a key text. */
export function keyValues(t: SyncedTable, pk: string): unknown[] {
  if (t.key.length === 1) {
    const n = Number(pk);
    return [Number.isSafeInteger(n) && String(n) === pk ? n : pk];
  }
  const values = JSON.parse(pk) as unknown;
  if (!Array.isArray(values) || values.length !== t.key.length) throw new Error(`Bad key for ${t.name}: ${pk}`);
  return values;
}

/** The key text of a row object (as read from the table). */
export function keyOf(t: SyncedTable, row: Record<string, unknown>): string {
  if (t.key.length === 1) return String(row[t.key[0]!]);
  return JSON.stringify(t.key.map((k) => row[k] ?? null));
}

/** `key1 IS ? AND key2 IS ?`: IS, so a NULL in a key (target_lines.product_id) still matches. */
export function keyWhere(t: SyncedTable, alias = ''): string {
  return t.key.map((k) => `${alias}${k} IS ?`).join(' AND ');
}

const columnCache = new WeakMap<Db, Map<string, string[]>>();

/** The columns of a synced table that travel (the schema's, minus what never leaves the server). */
export function syncedColumns(db: Db, t: SyncedTable): string[] {
  let cache = columnCache.get(db);
  if (!cache) columnCache.set(db, (cache = new Map()));
  let columns = cache.get(t.name);
  if (!columns) {
    const omit = new Set(t.omit ?? []);
    columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t.name) as string[]).filter((c) => !omit.has(c));
    cache.set(t.name, columns);
  }
  return columns;
}

/** The scope condition bound for one person: admin (null regions) sees all. */
export function scopeSql(t: SyncedTable, regionIds: number[] | null): string {
  return regionIds === null || t.scope === null ? '1' : t.scope;
}

export function regionsParam(regionIds: number[] | null): string {
  return JSON.stringify(regionIds ?? []);
}
