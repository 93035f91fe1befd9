import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../main/api/context.js';
import type { Db } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { today } from '../../shared/domain/clock.js';
import { call, refusal } from '../support/call.js';
import { createTestDb } from '../support/db.js';

/** A distributor with a measured warehouse and two SKUs it has sold, and what it has counted so far. */
interface Pair {
  d: number;
  code: string;
  warehouse: number;
  sku: string;
  p: number;
  largest: number;
  sku2: string;
  p2: number;
  largest2: number;
}

describe('doubtful stock counts on a real SQLite file', () => {
  let db: Db;
  let ctx: ServiceContext;
  let pair: Pair;
  const stored = () => db.prepare('SELECT count(*) FROM stock_snapshots WHERE distributor_id = ?').pluck().get(pair.d) as number;
  const preview = async (csv: string) => {
    const p = await call(ctx, 'import.preview', {
      entity: 'stockSnapshots',
      fileName: 'counts.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    return call(ctx, 'import.validate', { importId: p.importId, mapping: p.suggestedMapping });
  };

  beforeAll(() => {
    ({ db, ctx } = createTestDb('file'));
    seedDemo(db, { scale: 'S' });
    const rows = db
      .prepare(
        `SELECT d.id AS d, d.code, d.warehouse_capacity_cases AS warehouse, p.sku, p.id AS p, max(h.cases) AS largest
         FROM sales_history h JOIN distributors d ON d.id = h.distributor_id JOIN products p ON p.id = h.product_id
         WHERE d.warehouse_capacity_cases > 0 GROUP BY h.distributor_id, h.product_id HAVING max(h.cases) > 0 ORDER BY d.id, p.id`,
      )
      .all() as Array<{ d: number; code: string; warehouse: number; sku: string; p: number; largest: number }>;
    const first = rows[0]!;
    const second = rows.find((r) => r.d === first.d && r.p !== first.p)!;
    pair = { ...first, sku2: second.sku, p2: second.p, largest2: second.largest };
    // start from a distributor with no counts, so "its other SKUs" are exactly what a test counts
    db.prepare('DELETE FROM stock_snapshots WHERE distributor_id = ?').run(pair.d);
  }, 240_000);

  it('refuses a count beyond the warehouse with a rule the screen words as a question, and saves it once confirmed', async () => {
    const input = { distributorId: pair.d, productId: pair.p, date: today(), cases: 1_000_000_000 };
    const error = await refusal(ctx, 'stock.set', input);
    expect(error.issues?.[0]?.path).toBe('confirm');
    // beyond the warehouse and far above the history: both numbers travel with the code
    expect(error.rule).toEqual({
      code: 'stockCountBeyondWarehouseAndHistory',
      params: { cases: 1_000_000_000, others: 0, warehouse: pair.warehouse, largestMonth: pair.largest, factor: 3 },
    });
    expect(stored()).toBe(0);
    await call(ctx, 'stock.set', { ...input, confirm: true });
    expect(stored()).toBe(1);
    db.prepare('DELETE FROM stock_snapshots WHERE distributor_id = ?').run(pair.d);
  });

  it("names the other SKUs' counts when they fill the warehouse, and the history alone when the warehouse has room", async () => {
    await call(ctx, 'stock.set', { distributorId: pair.d, productId: pair.p2, date: today(), cases: pair.warehouse - 1, confirm: true });
    const full = await refusal(ctx, 'stock.set', { distributorId: pair.d, productId: pair.p, date: today(), cases: 2 });
    expect(full.rule).toMatchObject({ code: 'stockCountBeyondWarehouseWithOthers', params: { cases: 2, others: pair.warehouse - 1 } });
    db.prepare('DELETE FROM stock_snapshots WHERE distributor_id = ?').run(pair.d);
    // a warehouse with room for it, so only the history speaks
    const far = pair.largest * 3 + 1;
    db.prepare('UPDATE distributors SET warehouse_capacity_cases = ? WHERE id = ?').run(Math.max(pair.warehouse, far * 2), pair.d);
    const odd = await refusal(ctx, 'stock.set', { distributorId: pair.d, productId: pair.p, date: today(), cases: far });
    db.prepare('UPDATE distributors SET warehouse_capacity_cases = ? WHERE id = ?').run(pair.warehouse, pair.d);
    expect(odd.rule).toEqual({ code: 'stockCountFarFromHistory', params: { cases: far, largestMonth: pair.largest, factor: 3 } });
    expect(stored()).toBe(0);
  });

  it('lists imported counts beyond the warehouse or far from the history as warnings in the preview, and writes nothing', async () => {
    const day = today();
    const report = await preview(
      `distributor,sku,date,cases\n${pair.code},${pair.sku},${day},1000000000\n${pair.code},${pair.sku2},${day},${pair.largest2}\n`,
    );
    expect(report.errors).toEqual([]);
    expect(report.validRows).toBe(2);
    expect(report.warnings).toEqual([
      {
        line: 2,
        key: `${pair.code} · ${pair.sku} · ${day}`,
        code: 'stock_beyond_warehouse',
        params: { cases: 1_000_000_000, total: 1_000_000_000 + pair.largest2, warehouse: pair.warehouse, date: day },
      },
      {
        line: 2,
        key: `${pair.code} · ${pair.sku} · ${day}`,
        code: 'stock_far_from_history',
        params: { cases: 1_000_000_000, largestMonth: pair.largest, factor: 3 },
      },
    ]);
    expect(report.warningCount).toBe(2);
    expect(stored()).toBe(0);
  });

  it('imports a doubtful count only when confirmed: without it the commit is refused, names the rows and writes nothing', async () => {
    const day = today();
    const csv = `distributor,sku,date,cases\n${pair.code},${pair.sku},${day},1000000000\n${pair.code},${pair.sku2},${day},${pair.largest2}\n`;
    const p = await call(ctx, 'import.preview', {
      entity: 'stockSnapshots',
      fileName: 'counts.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    const settings = { importId: p.importId, mapping: p.suggestedMapping, mode: 'all' as const };
    // one row looks wrong twice (beyond the warehouse, far from the history): one row to confirm
    const unconfirmed = await refusal(ctx, 'import.commit', settings);
    expect(unconfirmed).toMatchObject({
      code: 'validation',
      issues: [{ path: 'confirmWarnings' }],
      rule: { code: 'importConfirmWarnings', params: { count: 1 } },
    });
    expect(stored()).toBe(0);
    // the valid rows alone still carry the doubtful one: asked as well
    expect(await refusal(ctx, 'import.commit', { ...settings, mode: 'validOnly' })).toMatchObject({
      issues: [{ path: 'confirmWarnings' }],
    });
    expect(stored()).toBe(0);

    const outcome = await call(ctx, 'import.commit', { ...settings, confirmWarnings: true });
    expect(outcome.created).toBe(2);
    expect(db.prepare('SELECT cases FROM stock_snapshots WHERE distributor_id = ? ORDER BY cases').pluck().all(pair.d)).toEqual([
      pair.largest2,
      1_000_000_000,
    ]);
    db.prepare('DELETE FROM stock_snapshots WHERE distributor_id = ?').run(pair.d);
  });

  it("judges a day's counts together: each fits, their sum does not, said on the largest row", async () => {
    const day = today();
    const half = Math.floor(pair.warehouse / 2) + 1;
    const report = await preview(
      `distributor,sku,date,cases\n${pair.code},${pair.sku},${day},${half - 1}\n${pair.code},${pair.sku2},${day},${half}\n`,
    );
    expect(report.warnings?.filter((w) => w.code === 'stock_beyond_warehouse')).toEqual([
      {
        line: 3,
        key: `${pair.code} · ${pair.sku2} · ${day}`,
        code: 'stock_beyond_warehouse',
        params: { cases: half, total: 2 * half - 1, warehouse: pair.warehouse, date: day },
      },
    ]);
  });

  it('has no warnings for ordinary counts', async () => {
    const report = await preview(`distributor,sku,date,cases\n${pair.code},${pair.sku},${today()},${pair.largest}\n`);
    expect(report.warnings).toBeUndefined();
  });
});
