import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import { dispatch } from '../../main/api/dispatch.js';
import { call } from '../support/call.js';
import { createTestDb, TEST_NOW } from '../support/db.js';

function demo() {
  const t = createTestDb();
  seedDemo(t.db, { scale: 'S', today: new Date(TEST_NOW) });
  return t;
}

const visited = (db: ReturnType<typeof demo>['db'], type: 'terminal' | 'sub_dealer') =>
  db
    .prepare(`SELECT outlet_id FROM visits WHERE outlet_type = ? GROUP BY outlet_id ORDER BY count(*) DESC LIMIT 1`)
    .pluck()
    .get(type) as number;

describe('deleting a sub-dealer, terminal or product with history archives it', () => {
  it('archives a visited terminal, says so before, keeps its visits; deletes one with nothing attached', async () => {
    const { ctx, db } = demo();
    const id = visited(db, 'terminal');
    const visits = db.prepare("SELECT count(*) FROM visits WHERE outlet_type = 'terminal' AND outlet_id = ?").pluck().get(id) as number;
    const impact = await call(ctx, 'terminal.deleteImpact', { id });
    expect(impact).toMatchObject({ archives: true, history: { visits } });
    expect(await call(ctx, 'terminal.delete', { id })).toEqual({ deleted: true, archived: true });
    expect(db.prepare("SELECT count(*) FROM visits WHERE outlet_type = 'terminal' AND outlet_id = ?").pluck().get(id)).toBe(visits);
    const name = db.prepare('SELECT name FROM terminals WHERE id = ?').pluck().get(id) as string;
    expect((await call(ctx, 'terminal.list', { search: name, limit: 500 })).rows.map((r) => r.id)).not.toContain(id);
    // Still readable where it is referred to.
    expect((await call(ctx, 'terminal.get', { id })).id).toBe(id);
    // ...but it takes no new visits: one logged offline before the archive arrived is refused, saying why.
    const salespersonId = db
      .prepare("SELECT salesperson_id FROM visits WHERE outlet_type = 'terminal' AND outlet_id = ? LIMIT 1")
      .pluck()
      .get(id) as number;
    const late = await dispatch(ctx, 'visit.log', {
      salespersonId,
      day: TEST_NOW.slice(0, 10),
      outletType: 'terminal',
      outletId: id,
      purpose: 'service',
      outcome: 'done',
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'validation', rule: { code: 'outletArchived', params: { name } } } });
    expect(db.prepare("SELECT count(*) FROM visits WHERE outlet_type = 'terminal' AND outlet_id = ?").pluck().get(id)).toBe(visits);

    const clean = db
      .prepare(
        `SELECT t.id FROM terminals t WHERE NOT EXISTS (SELECT 1 FROM visits v WHERE v.outlet_type = 'terminal' AND v.outlet_id = t.id)
         AND NOT EXISTS (SELECT 1 FROM pipeline_events e WHERE e.outlet_type = 'terminal' AND e.outlet_id = t.id) LIMIT 1`,
      )
      .pluck()
      .get() as number;
    expect((await call(ctx, 'terminal.deleteImpact', { id: clean })).archives).toBe(false);
    expect(await call(ctx, 'terminal.delete', { id: clean })).toEqual({ deleted: true });
    expect(db.prepare('SELECT count(*) FROM terminals WHERE id = ?').pluck().get(clean)).toBe(0);
  });

  it('archives a visited sub-dealer, leaving its terminals where they are unless reassigned', async () => {
    const { ctx, db } = demo();
    const id = visited(db, 'sub_dealer');
    const impact = await call(ctx, 'subDealer.deleteImpact', { id });
    expect(impact.archives).toBe(true);
    expect(impact.history?.visits).toBeGreaterThan(0);
    const terminals = db.prepare('SELECT count(*) FROM terminals WHERE sub_dealer_id = ?').pluck().get(id);
    expect(await call(ctx, 'subDealer.delete', { id, disposition: { outlets: 'delete' } })).toEqual({ deleted: true, archived: true });
    expect(db.prepare('SELECT count(*) FROM terminals WHERE sub_dealer_id = ?').pluck().get(id)).toBe(terminals);
    expect((await call(ctx, 'subDealer.list', { limit: 500 })).rows.map((r) => r.id)).not.toContain(id);
  });

  it('archives a product with sales history and targets: every total that counts it stays to the case', async () => {
    const { ctx, db } = demo();
    const id = db
      .prepare('SELECT product_id FROM target_cells GROUP BY product_id ORDER BY sum(target) DESC LIMIT 1')
      .pluck()
      .get() as number;
    const totals = () =>
      db.prepare('SELECT (SELECT sum(cases) FROM sales_history) AS sales, (SELECT sum(target) FROM target_cells) AS targets').get() as {
        sales: number;
        targets: number;
      };
    const before = totals();
    const impact = await call(ctx, 'product.deleteImpact', { id });
    expect(impact.archives).toBe(true);
    expect(impact.history.salesHistoryRows).toBeGreaterThan(0);
    expect(await call(ctx, 'product.delete', { id })).toEqual({ deleted: true, archived: true });
    expect(totals()).toEqual(before);
    expect((await call(ctx, 'product.list', {})).map((p) => p.id)).not.toContain(id);

    const fresh = await call(ctx, 'product.create', {
      draft: { sku: 'NEW-1', name: 'New', brand: 'New', pack: 'can', sizeMl: 330, unitsPerCase: 24, status: 'active' },
    });
    expect(await call(ctx, 'product.delete', { id: fresh.id })).toEqual({ deleted: true });
  });
});
