import { addDays, dayOf } from '../../shared/domain/calendar.js';
import { now } from '../../shared/domain/clock.js';
import type { Db } from '../db/open.js';
import { readinessToday } from '../readiness/service.js';
import type { Recompute } from './recomputes.js';

type Change = 'count' | 'shipment' | 'complaint';
/** Where the counted cell comes from: the readiness board's first cell, or (for a feature that reads no stock) the first stored count. */
type CellFrom = 'readiness' | 'table';

/**
 * A recomputation after one change as a person makes it: the cached result is computed first, then
 * one stock count (the first cell of the board, ten cases more than it holds, counted today), one
 * shipment on its way (arriving in two weeks) or one complaint is written and committed, and only
 * the recomputation after it is timed. The change is undone afterwards.
 */
export function oneChangeAfter(name: string, change: Change, recompute: (db: Db) => unknown, cellFrom: CellFrom = 'readiness'): Recompute {
  let undo: (() => void) | null = null;
  return {
    name,
    prepare: ({ db }) => {
      recompute(db);
      undo = write(db, change, cellFrom);
    },
    run: ({ db }) => recompute(db),
    after: () => {
      undo?.();
      undo = null;
    },
  };
}

/**
 * The board's first cell costs a readiness computation (seconds and ~0.5 GB at XL) when readiness is
 * not cached: a change made for another feature's figure takes its cell from the table instead, so
 * that figure does not carry a readiness computation the app would not make there.
 */
function cellOf(db: Db, from: CellFrom): { distributorId: number; productId: number; onHand: number } | undefined {
  if (from === 'readiness') return readinessToday(db).cells[0];
  return db
    .prepare(
      `SELECT distributor_id AS distributorId, product_id AS productId, cases AS onHand FROM stock_snapshots
       ORDER BY distributor_id, product_id, snapshot_date DESC LIMIT 1`,
    )
    .get() as { distributorId: number; productId: number; onHand: number } | undefined;
}

function write(db: Db, change: Change, cellFrom: CellFrom): (() => void) | null {
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
  const cell = cellOf(db, cellFrom);
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
