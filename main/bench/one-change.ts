import { addDays, dayOf } from '../../shared/domain/calendar.js';
import { now } from '../../shared/domain/clock.js';
import type { Db } from '../db/open.js';
import type { Recompute } from './recomputes.js';
import type { MethodName } from '../../shared/contract/index.js';
import type { ServiceContext } from '../api/context.js';
import { dispatch } from '../api/dispatch.js';
import { tableVersions } from '../db/table-versions.js';

type Change = 'count' | 'shipment' | 'complaint' | 'forecast' | 'history' | 'target';

/** The screen a recomputation is the first look of: asked where the app asks it (the query thread, when there is one). */
export interface Screen {
  method: MethodName;
  input: (ctx: ServiceContext) => unknown;
}

/** A figure timed inside the query thread (the computation alone, its answer left there). */
export interface ThreadTimed {
  threadMs: number;
}

/** The time a recomputation took in the query thread, when it was answered there. */
export const threadMsOf = (value: unknown): number | null =>
  typeof value === 'object' && value !== null && typeof (value as Partial<ThreadTimed>).threadMs === 'number'
    ? (value as ThreadTimed).threadMs
    : null;

async function ask(ctx: ServiceContext, screen: Screen, timed: boolean): Promise<ThreadTimed | unknown> {
  const input = screen.input(ctx);
  if (timed && ctx.queries) {
    const result = await ctx.queries.measure(screen.method, input, tableVersions(ctx.db), ctx.actor);
    if (!result.ok) throw new Error(`${screen.method}: ${result.error.message}`);
    return { threadMs: result.value.ms } satisfies ThreadTimed;
  }
  const result = await dispatch(ctx, screen.method, input);
  if (!result.ok) throw new Error(`${screen.method}: ${result.error.message}`);
  return result.value;
}

/**
 * The first look at a screen after one change as a person makes it: the screen is asked first (its
 * result is then cached), then one stock count (ten cases more than a counted cell holds, counted
 * today), one shipment on its way (arriving in two weeks), one complaint, or one case more in a
 * forecast month, a history month or a target cell is written and committed, and only the screen's
 * answer after it is timed. The change is undone afterwards.
 *
 * The screen is answered where the app answers it: in the query thread, which keeps the whole-network
 * results (main/api/query-thread.ts), and timed there. Computing them again on this thread would
 * count a second copy the app never holds, and timing an uncached pass beside the cached one a third:
 * the app drops a stale result before computing the next one (main/db/memo.ts). A whole-network
 * figure is measured this way too, after a change that moves its base (a forecast or history month).
 */
export function screenAfterChange(name: string, change: Change, screen: Screen): Recompute {
  let undo: (() => void) | null = null;
  return {
    name,
    prepare: async (ctx) => {
      await ask(ctx, screen, false);
      undo = write(ctx.db, change);
    },
    run: (ctx) => ask(ctx, screen, true),
    after: () => {
      undo?.();
      undo = null;
    },
  };
}

/** A counted cell the readiness plan holds (an active distributor's forecast SKU), found in the tables alone. */
function countedCell(db: Db): { distributorId: number; productId: number; onHand: number } | undefined {
  return db
    .prepare(
      `SELECT s.distributor_id AS distributorId, s.product_id AS productId, s.cases AS onHand
       FROM stock_snapshots s JOIN forecast_series f ON f.distributor_id = s.distributor_id AND f.product_id = s.product_id
       JOIN distributors d ON d.id = s.distributor_id
       WHERE d.status != 'ended' AND d.archived_at IS NULL
       ORDER BY s.distributor_id, s.product_id, s.snapshot_date DESC LIMIT 1`,
    )
    .get() as { distributorId: number; productId: number; onHand: number } | undefined;
}

/** Rows a whole-network result reads, changed by one case (and back): the first of each table's key order. */
const BUMPS = {
  forecast: { table: 'forecast_values', column: 'point', key: 'distributor_id, product_id, month', where: '' },
  history: { table: 'sales_history', column: 'cases', key: 'distributor_id, product_id, month', where: '' },
  // the latest plan's: the one the targets grid figure shows
  target: {
    table: 'target_cells',
    column: 'target',
    key: 'plan_id, distributor_id, product_id, month',
    where: 'WHERE plan_id = (SELECT max(id) FROM target_plans)',
  },
} as const;

function bump(db: Db, change: keyof typeof BUMPS): (() => void) | null {
  const { table, column, key, where } = BUMPS[change];
  const row = db.prepare(`SELECT ${key} FROM ${table} ${where} ORDER BY ${key} LIMIT 1`).raw().get() as unknown[] | undefined;
  if (!row) return null;
  const by = (cases: number) =>
    db.prepare(`UPDATE ${table} SET ${column} = ${column} + ? WHERE (${key}) = (${row.map(() => '?').join(', ')})`).run(cases, ...row);
  by(1);
  return () => void by(-1);
}

function write(db: Db, change: Change): (() => void) | null {
  if (change === 'forecast' || change === 'history' || change === 'target') return bump(db, change);
  const today = dayOf(now());
  if (change === 'complaint') {
    const distributorId = db.prepare("SELECT id FROM distributors WHERE status != 'ended' ORDER BY id LIMIT 1").pluck().get() as
      number | undefined;
    if (distributorId === undefined) return null;
    const { lastInsertRowid } = db
      .prepare(
        "INSERT INTO complaints (distributor_id, category, opened_on, description, created_at) VALUES (?, 'service', ?, 'Benchmark complaint', ?)",
      )
      .run(distributorId, addDays(today, -20), new Date(now()).toISOString());
    return () => void db.prepare('DELETE FROM complaints WHERE rowid = ?').run(lastInsertRowid);
  }
  const cell = countedCell(db);
  if (!cell) return null;
  if (change === 'count') {
    const before = db
      .prepare('SELECT cases FROM stock_snapshots WHERE distributor_id = ? AND product_id = ? AND snapshot_date = ?')
      .pluck()
      .get(cell.distributorId, cell.productId, today) as number | undefined;
    db.prepare(
      'INSERT INTO stock_snapshots (distributor_id, product_id, snapshot_date, cases) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET cases = excluded.cases',
    ).run(cell.distributorId, cell.productId, today, cell.onHand + 10);
    return () =>
      void (before === undefined
        ? db
            .prepare('DELETE FROM stock_snapshots WHERE distributor_id = ? AND product_id = ? AND snapshot_date = ?')
            .run(cell.distributorId, cell.productId, today)
        : db
            .prepare('UPDATE stock_snapshots SET cases = ? WHERE distributor_id = ? AND product_id = ? AND snapshot_date = ?')
            .run(before, cell.distributorId, cell.productId, today));
  }
  const { lastInsertRowid } = db
    .prepare(
      "INSERT INTO shipments (distributor_id, product_id, cases, ship_date, arrival_date, status, source, created_at) VALUES (?, ?, 120, ?, ?, 'in_transit', 'manual', ?)",
    )
    .run(cell.distributorId, cell.productId, today, addDays(today, 14), new Date(now()).toISOString());
  return () => void db.prepare('DELETE FROM shipments WHERE rowid = ?').run(lastInsertRowid);
}
