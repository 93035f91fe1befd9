import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { preparedSql, type Db } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { createTestDb } from '../support/db.js';

/**
 * The statements the services prepare, checked with EXPLAIN QUERY PLAN: a screen about one record
 * must not read a whole table that grows with the network. Run without the optimiser's statistics
 * (as on a fresh file), so a scan found here is one no index can avoid, not a small-table choice.
 */

/** Tables that grow with the network: a scan of one of these for one record's screen is a bug. */
const GROWING = new Set([
  'terminals',
  'sub_dealers',
  'contacts',
  'visits',
  'pipeline',
  'pipeline_events',
  'complaints',
  'followups',
  'shipments',
  'record_history',
  'target_cells',
  'day_plan_stops',
  'sales_history',
  'forecast_values',
  'forecast_series',
  'stock_snapshots',
  'event_invitees',
]);

/**
 * Whole-network passes the one-record screens use on purpose, each computed once and memoised for
 * the region (readiness, segmentation, the calendar), keyed by a fragment of their SQL.
 */
const WHOLE_PASSES: Array<[fragment: string, why: string]> = [
  ['FROM stock_snapshots WHERE snapshot_date <= ? GROUP BY distributor_id, product_id', 'readiness projects the region once, memoised'],
  ['SELECT count(*) FROM forecast_series', 'readiness sizes its demand blocks once per pass, memoised'],
  ['FROM forecast_series GROUP BY distributor_id', 'readiness splits its demand read by series once per pass, memoised'],
  ["FROM shipments WHERE (status = 'in_transit' OR source = 'manual')", 'readiness projects the region once, memoised'],
  ['FROM event_invitees', 'the calendar reads every invitation of the months it shows once'],
];

/** Positional and named parameters of a statement, outside string literals, so EXPLAIN can bind them. */
function parameters(sql: string): { positional: number; named: string[] } {
  const code = sql.replace(/'(?:[^']|'')*'/g, "''");
  return {
    positional: (code.match(/\?/g) ?? []).length,
    named: [...new Set([...code.matchAll(/[@:$]([A-Za-z_]\w*)/g)].map((m) => m[1]!))],
  };
}

/** The tables a plan scans in full (not through an index), with aliases resolved to table names. */
function fullScans(db: Db, sql: string): string[] {
  const p = parameters(sql);
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const plan = (
    p.named.length ? stmt.all(Object.fromEntries(p.named.map((n) => [n, null]))) : stmt.all(...Array<null>(p.positional).fill(null))
  ) as Array<{
    detail: string;
  }>;
  const materialised = new Set(plan.map((r) => /^(?:MATERIALIZE|CO-ROUTINE) (\S+)/.exec(r.detail)?.[1]).filter(Boolean));
  const scanned: string[] = [];
  for (const { detail } of plan) {
    const m = /^SCAN (\S+)(.*)$/.exec(detail);
    if (!m || /USING (COVERING )?INDEX|VIRTUAL TABLE|CONSTANT ROW/.test(m[2]!) || materialised.has(m[1]!) || m[1]!.startsWith('('))
      continue;
    const alias = m[1]!;
    const table = new RegExp(`(?:FROM|JOIN)\\s+(\\w+)\\s+(?:AS\\s+)?${alias}\\b`, 'i').exec(sql)?.[1] ?? alias;
    scanned.push(table);
  }
  return scanned;
}

describe('query plans of the one-record screens', () => {
  it('read growing tables through indexes, except the memoised whole-region passes', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    db.exec('DROP TABLE IF EXISTS sqlite_stat1');
    const before = new Set(preparedSql(db));
    const d = db.prepare('SELECT id FROM distributors ORDER BY id LIMIT 1').pluck().get() as number;
    const sub = db.prepare('SELECT id FROM sub_dealers ORDER BY id LIMIT 1').pluck().get() as number;
    const sp = db.prepare("SELECT id FROM staff WHERE role = 'salesperson' ORDER BY id LIMIT 1").pluck().get() as number;
    const event = db.prepare('SELECT id FROM events ORDER BY id LIMIT 1').pluck().get() as number;
    const calls: Array<[string, unknown]> = [
      ['distributor.brief', { id: d }],
      ['distributor.get', { id: d }],
      ['subDealer.get', { id: sub }],
      ['subDealer.list', { distributorId: d }],
      ['terminal.list', { distributorId: d }],
      ['contact.list', { ownerType: 'sub_dealer', ownerId: sub }],
      ['complaint.list', { distributorId: d }],
      ['shipment.list', { distributorId: d }],
      ['visit.list', { salespersonId: sp, from: '2026-01-01', to: '2026-12-31' }],
      ['dayRoute.due', { salespersonId: sp, day: '2026-11-23', weeks: 4 }],
      ['history.list', { entity: 'distributor', entityId: String(d) }],
      ['event.get', { id: event }],
      ['followup.list', { eventId: event }],
    ];
    for (const [method, input] of calls) {
      const result = await dispatch(ctx, method, input);
      expect(result, method).toMatchObject({ ok: true });
    }
    const statements = preparedSql(db).filter((sql) => !before.has(sql));
    expect(statements.length).toBeGreaterThan(30);
    const offending: string[] = [];
    for (const sql of statements) {
      if (WHOLE_PASSES.some(([fragment]) => sql.replace(/\s+/g, ' ').includes(fragment))) continue;
      const growing = fullScans(db, sql).filter((t) => GROWING.has(t));
      if (growing.length) offending.push(`${growing.join(', ')}: ${sql.replace(/\s+/g, ' ').slice(0, 240)}`);
    }
    expect(offending).toEqual([]);
  });

  it('count and page the live outlets from their indexes alone, never looking up each row for its archive mark', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    const before = new Set(preparedSql(db));
    const terminals = db.prepare('SELECT count(*) FROM terminals').pluck().get() as number;
    for (const [method, input] of [
      ['network.summary', {}],
      ['distributor.list', { limit: 200, sort: 'terminalCount', direction: 'desc' }],
      ['subDealer.list', { limit: 200 }],
      ['terminal.list', { limit: 200, offset: terminals - 200 }],
    ] as const) {
      expect(await dispatch(ctx, method, input), method).toMatchObject({ ok: true });
    }
    // An index holds the filter when it has the column, or covers only live rows (a partial index).
    const partial = new Set(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%WHERE archived_at IS NULL%'")
        .pluck()
        .all() as string[],
    );
    const lookups: string[] = [];
    for (const sql of preparedSql(db).filter(
      (q) => !before.has(q) && /archived_at IS NULL/.test(q) && /\b(terminals|sub_dealers)\b/.test(q),
    )) {
      const p = parameters(sql);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array<null>(p.positional).fill(null)) as Array<{ detail: string }>;
      for (const { detail } of plan) {
        const m = /^(?:SCAN|SEARCH) (\S+) USING (COVERING )?INDEX (\S+)/.exec(detail);
        const table = m && new RegExp(`(?:FROM|JOIN)\\s+(\\w+)\\s+(?:AS\\s+)?${m[1]}\\b`, 'i').exec(sql)?.[1];
        const onOutlets = m && (table ?? m[1]) && ['terminals', 'sub_dealers'].includes(table ?? m[1]!);
        if (onOutlets && !m[2] && !partial.has(m[3]!)) lookups.push(`${detail}: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
        if (/^SCAN (terminals|sub_dealers)\b(?! USING)/.test(detail)) lookups.push(`${detail}: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
    }
    expect(lookups).toEqual([]);
  });

  it('group the sales history a month at a time, so SQLite never sorts years of rows in memory', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-22T00:00:00Z') });
    const before = new Set(preparedSql(db));
    for (const method of ['accounts.overview', 'readiness.board', 'forecast.view', 'network.summary'] as const)
      expect(await dispatch(ctx, method, {}), method).toMatchObject({ ok: true });
    const sorting: string[] = [];
    for (const sql of preparedSql(db).filter((q) => !before.has(q) && /FROM sales_history\b/.test(q))) {
      const p = parameters(sql);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array<null>(p.positional).fill(null)) as Array<{ detail: string }>).map(
        (r) => r.detail,
      );
      // a sort for the grouping is fine over one month's rows (found through the month index by equality)
      if (plan.some((d) => /TEMP B-TREE FOR GROUP BY/.test(d)) && !plan.some((d) => /sales_history USING .*\(month=\?\)/.test(d)))
        sorting.push(`${plan.join(' | ')}: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    expect(sorting).toEqual([]);
  });

  it('index every foreign key a delete or merge follows, except small tables and per-plan cells', () => {
    const { db } = createTestDb();
    // Children that are few per parent row or read per plan, where an index would cost every write for a rare delete.
    const unindexed: Record<string, string> = {
      'forecast_series.run_id': 'runs are never deleted one by one; a run is replaced by the next',
      'forecast_series.product_id': 'a product with a forecast is archived, not deleted',
      'forecast_values.product_id': 'part of the series key (distributor, product) read per series',
      'forecast_overrides.product_id': 'a few hundred agreed numbers at most',
      'forecast_overrides.distributor_id': 'a few hundred agreed numbers at most',
      'forecast_overrides.region_id': 'a few hundred agreed numbers at most',
      'stock_snapshots.product_id': 'a product with stock is archived, not deleted',
      'shipments.product_id': 'a product with shipments is archived, not deleted',
      'target_lines.product_id': 'a few lines per plan',
      'target_cells.product_id': 'cells are written per plan by the cascade; products with targets are archived',
      'target_cells.distributor_id': 'cells are written per plan by the cascade; distributors are archived, merges are rare',
      'target_agreed.distributor_id': 'a few brands per distributor and plan',
      'target_outlets.distributor_id': 'one row per distributor and plan',
      'complaints.owner_id': 'people are archived, not deleted',
      'events.region_id': 'tens of events a season',
      'events.representative_id': 'tens of events a season',
      'event_invitees.contact_id': 'a contact is deleted one at a time, invitations are few',
      'event_staff.staff_id': 'people are archived, not deleted',
      'followups.owner_id': 'people are archived, not deleted',
      'dev_plans.decided_by': 'people are archived, not deleted',
      'dev_plan_areas.area_id': 'a few areas per plan',
      'evaluations.decided_by': 'people are archived, not deleted',
    };
    const missing: string[] = [];
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    for (const table of tables) {
      const fks = db.prepare('SELECT id, "from" AS col FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(table) as Array<{
        id: number;
        col: string;
      }>;
      const byKey = new Map<number, string[]>();
      for (const f of fks) byKey.set(f.id, [...(byKey.get(f.id) ?? []), f.col]);
      const leading: string[][] = (db.prepare('SELECT name FROM pragma_index_list(?)').pluck().all(table) as string[]).map(
        (ix) => db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(ix) as string[],
      );
      const pk = db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').pluck().all(table) as string[];
      if (pk.length) leading.push(pk);
      for (const cols of byKey.values()) {
        const covered = leading.some((ix) => cols.every((c) => ix.slice(0, cols.length).includes(c)));
        const name = `${table}.${cols[0]}`;
        if (!covered && !(name in unindexed)) missing.push(name);
      }
    }
    expect(missing).toEqual([]);
  });
});
