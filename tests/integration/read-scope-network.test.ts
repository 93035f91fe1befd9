import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import type { ServiceContext } from '../../main/api/context.js';
import { dispatch } from '../../main/api/dispatch.js';
import { QueryThread } from '../../main/api/query-thread.js';
import { withActor } from '../../main/people/actor.js';
import { call } from '../support/call.js';
import { asPerson, createTestDb, TEST_NOW } from '../support/db.js';
import { twoRegions } from '../support/twoRegions.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('the whole-network screens are scoped by region', () => {
  // One forecast run for the screens that only read (a run takes a few seconds).
  let shared: Awaited<ReturnType<typeof twoRegions>>;
  beforeAll(async () => {
    shared = await twoRegions({ forecast: true, scope: 'file' });
  }, 120_000);

  it('dashboard counts, readiness board, plan, shortfalls and shipments show a manager their region only', async () => {
    const w = shared;
    const summary = async (ctx: ServiceContext) => call(ctx, 'network.summary', {});
    const [west, north, all] = [await summary(w.asWest), await summary(w.asNorth), await summary(w.ctx)];
    expect(west.regions.map((r) => r.name)).toEqual(['West']);
    expect((await call(w.asWest, 'region.list', {})).map((r) => r.name)).toEqual(['West']);
    expect((await call(w.ctx, 'region.list', {})).length).toBe(2);
    expect(west.byArea.map((a) => a.areaName)).toEqual(['West coast']);
    expect(west.totals.distributors).toBe(1);
    expect(north.regions.map((r) => r.id)).toEqual([w.north]);
    expect(all.regions.length).toBe(2);
    for (const k of ['distributors', 'subDealers', 'terminals', 'staff'] as const) {
      expect(west.totals[k] + north.totals[k]).toBe(all.totals[k]);
    }
    expect(west.totals.subDealers).toBeGreaterThan(0);

    const board = async (ctx: ServiceContext) => call(ctx, 'readiness.board', {});
    const [bw, bn, ba] = [await board(w.asWest), await board(w.asNorth), await board(w.ctx)];
    expect(bw.rows.map((r) => r.distributorId)).toEqual([w.moved]);
    expect(bn.rows.map((r) => r.distributorId)).not.toContain(w.moved);
    expect(ba.rows.map((r) => r.distributorId)).toContain(w.moved);
    expect(bw.rows.length + bn.rows.length).toBe(ba.rows.length);
    for (const s of ['green', 'amber', 'red'] as const) expect(bw.totals[s] + bn.totals[s]).toBe(ba.totals[s]);
    expect(bw.plan.cases + bn.plan.cases).toBe(ba.plan.cases);
    expect(bw.short.cases + bn.short.cases).toBe(ba.short.cases);
    expect(bw.capacity.map((c) => c.regionId)).toEqual([w.west]);
    expect(bn.capacity.map((c) => c.regionId)).toEqual([w.north]);
    expect(bw.missing.stock + bn.missing.stock).toBe(ba.missing.stock);

    const plan = async (ctx: ServiceContext) => call(ctx, 'readiness.plan', { limit: 500 });
    const [pw, pn, pa] = [await plan(w.asWest), await plan(w.asNorth), await plan(w.ctx)];
    expect(new Set(pw.rows.map((r) => r.distributorId))).toEqual(new Set(pw.total ? [w.moved] : []));
    expect(pw.total + pn.total).toBe(pa.total);
    expect(pn.rows.some((r) => r.distributorId === w.moved)).toBe(false);
    const short = async (ctx: ServiceContext) => (await call(ctx, 'readiness.shortfalls', { limit: 500 })).total;
    expect((await short(w.asWest)) + (await short(w.asNorth))).toBe(await short(w.ctx));

    const shipments = async (ctx: ServiceContext) => call(ctx, 'shipment.list', { limit: 500 });
    const [sw, sn, sa] = [await shipments(w.asWest), await shipments(w.asNorth), await shipments(w.ctx)];
    expect(sw.rows.every((r) => r.distributorId === w.moved)).toBe(true);
    expect(sn.rows.some((r) => r.distributorId === w.moved)).toBe(false);
    expect(sw.total + sn.total).toBe(sa.total);

    // The export carries the same lines as the board the person sees.
    const csv = async (ctx: ServiceContext) =>
      Buffer.from((await call(ctx, 'readiness.exportPlan', { format: 'csv' })).contentBase64, 'base64').toString('utf8');
    const westCsv = await csv(w.asWest);
    const northCsv = await csv(w.asNorth);
    if (pw.total) expect(westCsv).toContain(w.name);
    expect(northCsv).not.toContain(w.name);

    // One distributor of another region is refused by name, not filtered to nothing.
    expect((await call(w.asWest, 'readiness.plan', { distributorId: w.moved, limit: 10 })).total).toBe(pw.total);
    await expect(call(w.asNorth, 'readiness.plan', { distributorId: w.moved, limit: 10 })).rejects.toThrow(/own regions only/);
    await expect(call(w.asNorth, 'shipment.list', { distributorId: w.moved, limit: 10 })).rejects.toThrow(/own regions only/);
  });

  it('the forecast sums, accuracy and SKU picker cover the manager’s distributors only', async () => {
    const w = shared;
    const view = async (ctx: ServiceContext) => call(ctx, 'forecast.view', {});
    const [fw, fn, fa] = [await view(w.asWest), await view(w.asNorth), await view(w.ctx)];
    const own = w.db.prepare('SELECT month, sum(cases) AS cases FROM sales_history WHERE distributor_id = ? GROUP BY month');
    const westHistory = new Map((own.all(w.moved) as Array<{ month: string; cases: number }>).map((r) => [r.month, r.cases]));
    expect(fw.history.length).toBeGreaterThan(0);
    for (const h of fw.history) expect(h.cases).toBe(westHistory.get(h.month));
    for (const h of fa.history)
      expect(h.cases).toBe((westHistory.get(h.month) ?? 0) + (fn.history.find((x) => x.month === h.month)?.cases ?? 0));
    expect(fa.status).toBe('ok');
    expect(fw.status).toBe('ok');
    {
      const series = w.db.prepare('SELECT count(*) FROM forecast_series WHERE distributor_id = ?').pluck().get(w.moved) as number;
      expect(fw.seriesCount).toBe(series);
      expect(fw.seriesCount + fn.seriesCount).toBe(fa.seriesCount);
      fa.forecast.forEach((m, i) => expect(Math.abs(fw.forecast[i]!.point + fn.forecast[i]!.point - m.point)).toBeLessThanOrEqual(1));
    }
    // West's own peak months, not the network's majority.
    expect(fw.peakMonths).toEqual([5, 6, 7, 8]);
    const skus = (await call(w.asWest, 'forecast.options', {})).skus.map((s) => s.id).sort();
    const westSkus = w.db.prepare('SELECT DISTINCT product_id FROM sales_history WHERE distributor_id = ? ORDER BY 1').pluck().all(w.moved);
    expect(skus).toEqual([...westSkus].sort());
    await expect(call(w.asNorth, 'forecast.view', { regionId: w.west })).rejects.toThrow(/own regions only/);
    await expect(call(w.asNorth, 'forecast.view', { distributorId: w.moved })).rejects.toThrow(/own regions only/);
  });

  it('key accounts, complaints, prospects and the development counts show the manager’s region', async () => {
    const w = shared;
    const overview = async (ctx: ServiceContext) => call(ctx, 'accounts.overview', {});
    const [aw, an, aa] = [await overview(w.asWest), await overview(w.asNorth), await overview(w.ctx)];
    expect(aw.rows.map((r) => r.distributorId)).toEqual([w.moved]);
    // The segment is the network's: the same row whoever looks.
    expect(aw.rows[0]).toEqual(aa.rows.find((r) => r.distributorId === w.moved));
    expect(an.rows.map((r) => r.distributorId)).not.toContain(w.moved);
    expect(aw.rows.length + an.rows.length).toBe(aa.rows.length);
    expect(aw.atRisk + an.atRisk).toBe(aa.atRisk);
    for (const s of ['EI', 'EII', 'EIII', 'EIV'] as const) expect(aw.counts[s] + an.counts[s]).toBe(aa.counts[s]);
    expect(aw.retention.accountsLastYear + an.retention.accountsLastYear).toBe(aa.retention.accountsLastYear);
    const open = (rows: typeof aw.complaintStats) => sum(rows.map((c) => c.open + c.closed));
    expect(open(aw.complaintStats)).toBeGreaterThan(0);
    expect(open(aw.complaintStats) + open(an.complaintStats)).toBe(open(aa.complaintStats));

    const complaints = async (ctx: ServiceContext) => call(ctx, 'complaint.list', {});
    expect((await complaints(w.asWest)).every((c) => c.distributorId === w.moved)).toBe(true);
    expect((await complaints(w.asNorth)).some((c) => c.distributorId === w.moved)).toBe(false);
    await expect(call(w.asNorth, 'accounts.detail', { distributorId: w.moved })).rejects.toThrow(/own regions only/);

    const prospects = async (ctx: ServiceContext) => call(ctx, 'prospect.list', {});
    const westProspects = await prospects(w.asWest);
    expect(westProspects.length).toBeGreaterThan(0);
    expect(new Set(westProspects.map((p) => p.distributorName))).toEqual(new Set([w.name]));
    expect((await prospects(w.asNorth)).some((p) => p.distributorName === w.name)).toBe(false);
    const summary = async (ctx: ServiceContext) => {
      const s = await call(ctx, 'prospect.summary', {});
      return s.unscored + sum(s.classes.map((c) => c.count));
    };
    expect((await summary(w.asWest)) + (await summary(w.asNorth))).toBe(await summary(w.ctx));
    expect(await summary(w.asWest)).toBe(westProspects.length);

    const month = TEST_NOW.slice(0, 7);
    const dash = async (ctx: ServiceContext) => call(ctx, 'development.dashboard', { month });
    const [dw, dn, da] = [await dash(w.asWest), await dash(w.asNorth), await dash(w.ctx)];
    expect(dw.salespeople).toBe(0);
    expect(dn.salespeople).toBe(da.salespeople);
    const stages = (d: typeof dw) => sum(Object.values(d.pipeline));
    expect(stages(dw) + stages(dn)).toBe(stages(da));
    const pipeline = async (ctx: ServiceContext) => (await call(ctx, 'pipeline.list', { limit: 500 })).total;
    expect((await pipeline(w.asWest)) + (await pipeline(w.asNorth))).toBe(await pipeline(w.ctx));
    expect(await pipeline(w.asWest)).toBe(stages(dw));
    const candidates = await call(w.asWest, 'pipeline.candidates', {});
    expect(candidates.every((c) => c.distributorName === w.name)).toBe(true);
  });

  it('follow-ups, invitation candidates and contacts stay within the manager’s region', async () => {
    const w = shared;
    // A follow-up raised for the moved distributor: West reads it, North does not.
    const event = w.db.prepare('SELECT id FROM events WHERE region_id = ? LIMIT 1').pluck().get(w.north) as number;
    const raised = await call(w.ctx, 'followup.create', {
      eventId: null,
      distributorId: w.moved,
      kind: 'suggestion',
      text: 'Wants a keg cooler',
      category: 'product',
      ownerId: null,
      dueDate: null,
    });
    const followups = async (ctx: ServiceContext) => call(ctx, 'followup.list', {});
    const west = await followups(w.asWest);
    expect(west.map((f) => f.id)).toContain(raised.id);
    // A follow-up belongs to its distributor's region (even when raised at another region's event).
    expect(west.every((f) => f.distributorId === w.moved || (f.distributorId === null && f.eventId === null))).toBe(true);
    const north = await followups(w.asNorth);
    expect(north.length).toBeGreaterThan(0);
    expect(north.some((f) => f.distributorId === w.moved)).toBe(false);
    const all = await followups(w.ctx);
    expect(all.filter((f) => f.distributorId === w.moved).length).toBe(west.filter((f) => f.distributorId === w.moved).length);
    expect(all.length).toBe(north.length + west.filter((f) => f.distributorId !== null).length);

    const candidates = (await call(w.asNorth, 'event.inviteCandidates', { eventId: event })).map((c) => c.id);
    expect(candidates).not.toContain(w.moved);
    expect(candidates.length).toBeGreaterThan(0);
    await expect(call(w.asWest, 'event.inviteCandidates', { eventId: event })).rejects.toThrow(/own regions only/);
    await expect(call(w.asNorth, 'contact.list', { ownerType: 'distributor', ownerId: w.moved })).rejects.toThrow(/own regions only/);
    expect(Array.isArray(await call(w.asWest, 'contact.list', { ownerType: 'distributor', ownerId: w.moved }))).toBe(true);
  });

  it('the history list shows a manager the changes to their region’s records; the administrator all', async () => {
    const w = await twoRegions();
    const northDistributor = w.db.prepare('SELECT id FROM distributors WHERE id != ? LIMIT 1').pluck().get(w.moved) as number;
    for (const id of [w.moved, northDistributor]) {
      const d = (await call(w.ctx, 'distributor.get', { id })).distributor;
      const { code, name, areaId, address, salespersonId, leadTimeDays, warehouseCapacityCases, status, startDate } = d;
      const draft = { code, name, areaId, address, salespersonId, leadTimeDays, warehouseCapacityCases, status, startDate };
      await call(w.ctx, 'distributor.update', { id, draft: { ...draft, relationshipLevel: d.relationshipLevel === 3 ? 2 : 3 } });
    }
    const ids = async (ctx: ServiceContext) =>
      (await call(ctx, 'history.list', { entity: 'distributor', limit: 500 })).rows.map((r) => Number(r.entityId));
    expect(await ids(w.asWest)).toEqual([w.moved]);
    expect(await ids(w.asNorth)).toEqual([northDistributor]);
    expect((await ids(w.ctx)).sort()).toEqual([w.moved, northDistributor].sort());
    const exported = Buffer.from((await call(w.asWest, 'history.export', { entity: 'distributor' })).contentBase64, 'base64').toString();
    expect(exported.trim().split('\n').length).toBe(2);
    // The West manager's own calls and the creation of West's area are theirs to read; North's people are not.
    const people = (await call(w.asWest, 'history.list', { entity: 'person', limit: 500 })).rows.map((r) => r.entityId);
    const westManager = w.db.prepare("SELECT id FROM staff WHERE code = 'WM'").pluck().get() as number;
    expect(people).toEqual([String(westManager)]);
  });

  it('a person with several regions is listed and picked under each of them', async () => {
    const w = await twoRegions();
    await call(w.ctx, 'person.create', { code: 'TWO', name: 'Two-region seller', role: 'salesperson', regionIds: [w.north, w.west] });
    const codes = async (ctx: ServiceContext) => (await call(ctx, 'staff.list', { role: 'salesperson' })).map((s) => s.code);
    expect(await codes(w.asWest)).toEqual(['TWO']);
    expect(await codes(w.asNorth)).toContain('TWO');
    // A manager of both regions sees both regions' salespeople, not just the first region's.
    await call(w.ctx, 'person.create', { code: 'BOTH', name: 'Both', role: 'regional_manager', regionIds: [w.west, w.north] });
    const both = await codes(asPerson(w.ctx, 'BOTH'));
    expect(both.sort()).toEqual((await codes(w.ctx)).sort());
    expect((await call(asPerson(w.ctx, 'BOTH'), 'network.summary', {})).regions.length).toBe(2);
  });
  it('an export holds the person’s regions only, like the lists', async () => {
    const w = shared;
    const rowsOf = async (
      ctx: ServiceContext,
      entity: 'distributors' | 'subDealers' | 'contacts' | 'products' | 'staff' | 'salesHistory',
    ) => {
      const file = await call(ctx, 'export.entity', { entity, format: 'csv' });
      return file.rows;
    };
    const count = (sql: string, ...params: unknown[]) =>
      w.db
        .prepare(sql)
        .pluck()
        .get(...params) as number;
    expect(await rowsOf(w.asWest, 'distributors')).toBe(1);
    expect(await rowsOf(w.asWest, 'subDealers')).toBe(count('SELECT count(*) FROM sub_dealers WHERE distributor_id = ?', w.moved));
    expect(await rowsOf(w.asWest, 'salesHistory')).toBe(count('SELECT count(*) FROM sales_history WHERE distributor_id = ?', w.moved));
    expect(await rowsOf(w.asWest, 'staff')).toBe(count("SELECT count(*) FROM staff WHERE code = 'WM'"));
    // Products are every region's.
    expect(await rowsOf(w.asWest, 'products')).toBe(await rowsOf(w.ctx, 'products'));
    for (const entity of ['distributors', 'subDealers', 'contacts', 'salesHistory'] as const) {
      expect((await rowsOf(w.asWest, entity)) + (await rowsOf(w.asNorth, entity)), entity).toBe(await rowsOf(w.ctx, entity));
    }
  });

  it('answers the same through the query thread, as the person the main thread authorised', async () => {
    const w = shared;
    const queries = new QueryThread({ databasePath: w.path, door: 'cli', version: 'test' });
    try {
      const threaded = withActor({ ...w.ctx, queries }, w.asWest.actor);
      for (const method of ['readiness.board', 'accounts.overview', 'forecast.view'] as const) {
        const viaThread = await dispatch(threaded, method, {});
        expect(viaThread, method).toMatchObject({ ok: true });
        // The same answer as the main thread gives the same person (its computing time aside).
        const timeless = (r: unknown) => JSON.stringify(r, (k, v: unknown) => (k === 'computeMs' ? undefined : v));
        expect(timeless(viaThread), method).toBe(timeless(await dispatch(w.asWest, method, {})));
      }
      const board = await dispatch(threaded, 'readiness.board', {});
      expect(board.ok && (board.value as { rows: { distributorId: number }[] }).rows.map((r) => r.distributorId)).toEqual([w.moved]);
    } finally {
      await queries.stop();
    }
  });
});

describe('archived outlets leave live counts', () => {
  it('an archived distributor leaves the dashboard totals, key accounts and invitation candidates, and keeps its history', async () => {
    const t = createTestDb();
    seedDemo(t.db, { scale: 'S', today: new Date(TEST_NOW) });
    const { ctx, db } = t;
    const id = db
      .prepare(
        "SELECT distributor_id FROM sales_history h JOIN distributors d ON d.id = h.distributor_id WHERE d.status = 'active' LIMIT 1",
      )
      .pluck()
      .get() as number;
    const event = db.prepare('SELECT min(id) FROM events').pluck().get() as number;
    const before = (await call(ctx, 'network.summary', {})).totals.distributors;
    expect((await call(ctx, 'accounts.overview', {})).rows.map((r) => r.distributorId)).toContain(id);
    expect(await call(ctx, 'distributor.delete', { id, disposition: { outlets: 'none' } })).toEqual({ deleted: true, archived: true });
    expect((await call(ctx, 'network.summary', {})).totals.distributors).toBe(before - 1);
    expect((await call(ctx, 'accounts.overview', {})).rows.map((r) => r.distributorId)).not.toContain(id);
    expect((await call(ctx, 'event.inviteCandidates', { eventId: event })).map((c) => c.id)).not.toContain(id);
    expect(db.prepare('SELECT count(*) FROM sales_history WHERE distributor_id = ?').pluck().get(id)).toBeGreaterThan(0);
  });

  it('an archived sub-dealer and terminal are not counted on the dashboard, the distributor or the pipeline', async () => {
    const t = createTestDb();
    seedDemo(t.db, { scale: 'S', today: new Date(TEST_NOW) });
    const { ctx, db } = t;
    // A visited terminal in the pipeline, so it archives rather than deletes, and its sub-dealer.
    const terminal = db
      .prepare(
        `SELECT t.id FROM terminals t JOIN pipeline p ON p.outlet_type = 'terminal' AND p.outlet_id = t.id
         WHERE t.distributor_id IS NOT NULL AND EXISTS (SELECT 1 FROM visits v WHERE v.outlet_type = 'terminal' AND v.outlet_id = t.id) LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const subDealer = db
      .prepare(
        `SELECT s.id FROM sub_dealers s WHERE EXISTS (SELECT 1 FROM visits v WHERE v.outlet_type = 'sub_dealer' AND v.outlet_id = s.id)
         AND NOT EXISTS (SELECT 1 FROM terminals x WHERE x.sub_dealer_id = s.id) LIMIT 1`,
      )
      .pluck()
      .get() as number;
    const distributorId = db.prepare('SELECT distributor_id FROM terminals WHERE id = ?').pluck().get(terminal) as number;
    const subDistributor = db.prepare('SELECT distributor_id FROM sub_dealers WHERE id = ?').pluck().get(subDealer) as number;
    const month = TEST_NOW.slice(0, 7);
    // The terminal is in the pipeline; the sub-dealer may be too.
    const inPipeline = db
      .prepare(
        "SELECT count(*) FROM pipeline WHERE (outlet_type = 'terminal' AND outlet_id = ?) OR (outlet_type = 'sub_dealer' AND outlet_id = ?)",
      )
      .pluck()
      .get(terminal, subDealer) as number;
    const before = {
      summary: (await call(ctx, 'network.summary', {})).totals,
      distributor: (await call(ctx, 'distributor.get', { id: distributorId })).distributor,
      subDistributor: (await call(ctx, 'distributor.get', { id: subDistributor })).distributor,
      page: await call(ctx, 'distributor.get', { id: distributorId }),
      pipeline: (await call(ctx, 'pipeline.list', { limit: 500 })).total,
      dashboard: await call(ctx, 'development.dashboard', { month }),
      list: (await call(ctx, 'distributor.list', { limit: 500 })).rows.find((d) => d.id === distributorId)!,
    };
    expect(await call(ctx, 'terminal.delete', { id: terminal })).toEqual({ deleted: true, archived: true });
    expect(await call(ctx, 'subDealer.delete', { id: subDealer, disposition: { outlets: 'none' } })).toMatchObject({
      deleted: true,
      archived: true,
    });

    const after = (await call(ctx, 'network.summary', {})).totals;
    expect(after.terminals).toBe(before.summary.terminals - 1);
    expect(after.subDealers).toBe(before.summary.subDealers - 1);
    expect((await call(ctx, 'distributor.get', { id: distributorId })).distributor.terminalCount).toBe(
      before.distributor.terminalCount - 1,
    );
    const page = await call(ctx, 'distributor.get', { id: distributorId });
    expect(page.directTerminals.map((x) => x.id)).not.toContain(terminal);
    expect(sum(Object.values(page.terminalsByStatus))).toBe(sum(Object.values(before.page.terminalsByStatus)) - 1);
    expect((await call(ctx, 'distributor.get', { id: subDistributor })).distributor.subDealerCount).toBe(
      before.subDistributor.subDealerCount - 1,
    );
    expect((await call(ctx, 'distributor.list', { limit: 500 })).rows.find((d) => d.id === distributorId)!.terminalCount).toBe(
      before.list.terminalCount - 1,
    );
    expect((await call(ctx, 'pipeline.list', { limit: 500 })).total).toBe(before.pipeline - inPipeline);
    const dashboard = await call(ctx, 'development.dashboard', { month });
    expect(sum(Object.values(dashboard.pipeline))).toBe(sum(Object.values(before.dashboard.pipeline)) - inPipeline);
    // ...while the pipeline keeps their rows and stage history.
    expect(db.prepare("SELECT count(*) FROM pipeline WHERE outlet_type = 'terminal' AND outlet_id = ?").pluck().get(terminal)).toBe(1);
    // The history stays: the terminal's visits and its record are still there to read.
    expect((await call(ctx, 'terminal.get', { id: terminal })).id).toBe(terminal);
    expect(
      db.prepare("SELECT count(*) FROM visits WHERE outlet_type = 'terminal' AND outlet_id = ?").pluck().get(terminal),
    ).toBeGreaterThan(0);
  });
});
