import { addDays, dayOf } from '../../shared/domain/calendar.js';
import { now } from '../../shared/domain/clock.js';
import type { Db } from '../db/open.js';
import { readinessToday } from '../readiness/service.js';
import type { Recompute } from './recomputes.js';

type Change = 'count' | 'shipment' | 'complaint';

/**
 * A recomputation after one change as a person makes it: the cached result is computed first, then
 * one stock count (the first cell of the board, ten cases more than it holds, counted today), one
 * shipment on its way (arriving in two weeks) or one complaint is written and committed, and only
 * the recomputation after it is timed. The change is undone afterwards.
 */
export function oneChangeAfter(name: string, change: Change, recompute: (db: Db) => unknown): Recompute {
  let undo: (() => void) | null = null;
  return {
    name,
    prepare: ({ db }) => {
      recompute(db);
      undo = write(db, change);
    },
    run: ({ db }) => recompute(db),
    after: () => {
      undo?.();
      undo = null;
    },
  };
}

function write(db: Db, change: Change): (() => void) | null {
  const today = dayOf(now());
  const c = readinessToday(db);
  const cell = c.cells[0];
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
