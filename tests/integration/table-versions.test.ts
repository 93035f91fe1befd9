import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { memo } from '../../main/db/memo.js';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import { adoptTableVersions, tableVersions } from '../../main/db/table-versions.js';
import { seedDemo } from '../../main/demo/generate.js';
import { readinessToday } from '../../main/readiness/service.js';
import { createTestDb, TEST_NOW } from '../support/db.js';

describe('cached whole-network results and the tables they read', () => {
  it('keep the readiness plan through an unrelated edit, drop it on a stock count, a rollback or another connection’s commit', async () => {
    const { db, ctx, path } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
    const first = readinessToday(db);
    expect(readinessToday(db)).toBe(first);

    // A visit is not read by the readiness plan: the cached plan stays.
    const visit = db.prepare("SELECT salesperson_id AS s, outlet_id AS o FROM visits WHERE outlet_type = 'terminal' LIMIT 1").get() as {
      s: number;
      o: number;
    };
    const logged = await dispatch(ctx, 'visit.log', {
      salespersonId: visit.s,
      day: TEST_NOW.slice(0, 10),
      outletType: 'terminal',
      outletId: visit.o,
      purpose: 'service',
      outcome: 'done',
    });
    expect(logged).toMatchObject({ ok: true });
    expect(readinessToday(db)).toBe(first);

    // A stock count is: the next look recomputes.
    const cell = db.prepare('SELECT distributor_id AS d, product_id AS p FROM stock_snapshots LIMIT 1').get() as { d: number; p: number };
    const counted = await dispatch(ctx, 'stock.set', { distributorId: cell.d, productId: cell.p, date: TEST_NOW.slice(0, 10), cases: 1 });
    expect(counted).toMatchObject({ ok: true });
    const second = readinessToday(db);
    expect(second).not.toBe(first);
    expect(readinessToday(db)).toBe(second);

    // Computed inside a transaction that rolls back: never kept, and the cached plan stays valid.
    expect(() =>
      db.transaction(() => {
        db.prepare('UPDATE stock_snapshots SET cases = cases + 5 WHERE distributor_id = ? AND product_id = ?').run(cell.d, cell.p);
        expect(readinessToday(db)).not.toBe(second);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(readinessToday(db)).toBe(second);

    // Another connection's commit (a job worker's import, the command line) names no table: recompute.
    const other = openDatabase(path);
    other.prepare("UPDATE visits SET note = 'from elsewhere' WHERE id = (SELECT min(id) FROM visits)").run();
    closeDatabase(other);
    expect(readinessToday(db)).not.toBe(second);
  });

  it('the query thread’s read-only connection follows the versions the main thread sends', () => {
    const { db, path } = createTestDb();
    const reader = openDatabase(path, { readonly: true });
    try {
      let computed = 0;
      const look = () => memo(reader, 'region names', ['regions'], () => ++computed);
      adoptTableVersions(reader, tableVersions(db));
      expect(look()).toBe(1);
      // A table the result does not read: kept.
      db.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run();
      adoptTableVersions(reader, tableVersions(db));
      expect(look()).toBe(1);
      // One it reads: recomputed once, then kept again.
      db.prepare("INSERT INTO regions (code, name, created_at, updated_at) VALUES ('W', 'West', '', '')").run();
      adoptTableVersions(reader, tableVersions(db));
      expect(look()).toBe(2);
      expect(look()).toBe(2);
    } finally {
      closeDatabase(reader);
    }
  });
});
