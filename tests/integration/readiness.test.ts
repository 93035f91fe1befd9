import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import type { ServiceContext } from '../../main/api/context.js';
import type { Db } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { forecastDemand, forecastDemandSeries } from '../../main/forecast/demand.js';
import { runForecast } from '../../main/forecast/run.js';
import { readinessToday } from '../../main/readiness/service.js';
import type { ReadinessBoard, ShortfallLine } from '../../shared/contract/readiness.js';
import { call, refusal } from '../support/call.js';
import { addDays } from '../../shared/domain/calendar.js';
import { now, today } from '../../shared/domain/clock.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { nextPeakStart } from '../../shared/domain/season.js';
import { isoDay, weekGrid } from '../../main/readiness/weeks.js';
import { readDemand, type DemandBlocks } from '../../main/readiness/demand-read.js';
import { readDemandInParts, stopDemandThreads } from '../../main/readiness/demand-threads.js';
import { shipmentList } from '../../main/readiness/plan.js';
import { readWorkbook } from '../support/xlsx.js';

async function importCsv(ctx: ServiceContext, entity: string, csv: string) {
  const preview = await call(ctx, 'import.preview', {
    entity,
    fileName: `${entity}.csv`,
    contentBase64: Buffer.from(csv).toString('base64'),
  });
  const report = await call(ctx, 'import.validate', { importId: preview.importId, mapping: preview.suggestedMapping });
  const outcome = await dispatch(ctx, 'import.commit', {
    importId: preview.importId,
    mapping: preview.suggestedMapping,
    mode: 'all',
    updates: 'apply',
  });
  return { report, outcome };
}

/** The plan never ships more in a week than the region's and groups' limits (firm bookings may already be over). */
function expectWithinShippingCapacity(board: ReadinessBoard) {
  for (const region of board.capacity) {
    if (region.casesPerWeek !== null)
      region.used.forEach((used, w) => expect(used).toBeLessThanOrEqual(Math.max(region.casesPerWeek!, region.booked[w]!)));
    for (const g of region.groups) g.used.forEach((used, w) => expect(used).toBeLessThanOrEqual(Math.max(g.casesPerWeek, g.booked[w]!)));
  }
}

describe('stock readiness on a real SQLite file', () => {
  let db: Db;
  let ctx: ServiceContext;
  let file: TestDb;
  beforeAll(async () => {
    file = createTestDb('file');
    ({ db, ctx } = file);
    seedDemo(db, { scale: 'S' });
    await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
  }, 240_000);
  afterAll(() => stopDemandThreads());

  /** An agreed number: the forecast of the cell the query picks, raised by `percent` in its month. */
  async function raiseOne(pick: string, percent: number) {
    const cell = db.prepare(pick).get() as { d: number; p: number; m: string };
    await call(ctx, 'forecast.override', {
      level: 'distributor_sku',
      distributorId: cell.d,
      productId: cell.p,
      month: cell.m,
      mode: 'percent',
      value: percent,
      note: 'Listing in a new chain',
    });
    return cell;
  }

  it('reads the forecast series as the forecast feature gives it, agreed numbers included', async () => {
    const first = await raiseOne(
      'SELECT distributor_id AS d, product_id AS p, min(month) AS m FROM forecast_values GROUP BY distributor_id, product_id ORDER BY sum(point) DESC LIMIT 1',
      50,
    );
    const range = { fromMonth: '2000-01', toMonth: '2999-12' };
    const rows = forecastDemand(db, range);
    const series = forecastDemandSeries(db, range);
    expect(series.reduce((n, s) => n + s.months.length, 0)).toBe(rows.length);
    const byKey = new Map(series.map((s) => [`${s.distributorId}:${s.productId}`, s]));
    for (const r of rows) {
      const s = byKey.get(`${r.distributorId}:${r.productId}`)!;
      const i = s.months.indexOf(r.month);
      expect(s.natural[i]).toBeCloseTo(r.natural, 2);
      expect(s.agreed[i]).toBeCloseTo(r.agreed, 2);
      expect(s.hi80[i]).toBeCloseTo(r.hi80, 2);
    }
    const raised = byKey.get(`${first.d}:${first.p}`)!;
    expect(raised.agreed[0]).toBeCloseTo(raised.natural[0]! * 1.5, 1);
  });

  it('reads the demand in parts on other threads exactly as on one, agreed numbers included', async () => {
    await raiseOne(
      'SELECT distributor_id AS d, product_id AS p, max(month) AS m FROM forecast_values GROUP BY distributor_id, product_id LIMIT 1',
      20,
    );
    const request = {
      grid: weekGrid(new Date(`${today()}T00:00:00Z`), 40),
      distributorIds: db.prepare("SELECT id FROM distributors WHERE status != 'ended'").pluck().all() as number[],
      productIds: db.prepare('SELECT id FROM products').pluck().all() as number[],
      expected: db.prepare('SELECT count(*) FROM forecast_series').pluck().get() as number,
    };
    const whole = readDemand(db, request);
    const parts = readDemandInParts(db, request, { threads: 2, minSeries: 0 });
    expect(parts).toHaveLength(3);
    const weeks = request.grid.weeks.length;
    const joined = (pick: (p: DemandBlocks) => ArrayLike<number>, per = 1) =>
      parts.flatMap((p) => Array.from(pick(p)).slice(0, p.count * per));
    expect(parts.reduce((n, p) => n + p.seriesRead, 0)).toBe(whole.seriesRead);
    expect(parts.every((p) => p.count > 0)).toBe(true);
    expect(joined((p) => p.distributorId)).toEqual(Array.from(whole.distributorId).slice(0, whole.count));
    expect(joined((p) => p.productId)).toEqual(Array.from(whole.productId).slice(0, whole.count));
    expect(joined((p) => p.demand, weeks)).toEqual(Array.from(whole.demand).slice(0, whole.count * weeks));
    expect(joined((p) => p.variance, weeks)).toEqual(Array.from(whole.variance).slice(0, whole.count * weeks));
    // the parts read about as many series each: each within the largest distributor's of an equal share
    const largest = db
      .prepare('SELECT count(*) AS n FROM forecast_series GROUP BY distributor_id ORDER BY n DESC LIMIT 1')
      .pluck()
      .get() as number;
    const read = parts.map((p) => p.seriesRead);
    const share = whole.seriesRead / 3;
    for (const n of read) expect(Math.abs(n - share)).toBeLessThanOrEqual(largest);
    // inside a transaction another connection would not see its writes: read here, in one part
    expect(db.transaction(() => readDemandInParts(db, request, { threads: 2, minSeries: 0 }))()).toHaveLength(1);
  });

  it('splits the demand read into parts of about as many series, however the distributors carry them', () => {
    // a copy where the first two thirds of the distributors keep one series each: a split by distributors would leave two parts almost empty
    const { db: skewed } = createTestDb('test', file);
    skewed
      .prepare(
        `DELETE FROM forecast_series WHERE distributor_id IN (SELECT id FROM distributors ORDER BY id LIMIT (SELECT count(*) * 2 / 3 FROM distributors))
         AND (distributor_id, product_id) NOT IN (SELECT distributor_id, min(product_id) FROM forecast_series GROUP BY distributor_id)`,
      )
      .run();
    const request = {
      grid: weekGrid(new Date(`${today()}T00:00:00Z`), 40),
      distributorIds: skewed.prepare('SELECT id FROM distributors').pluck().all() as number[],
      productIds: skewed.prepare('SELECT id FROM products').pluck().all() as number[],
      expected: skewed.prepare('SELECT count(*) FROM forecast_series').pluck().get() as number,
    };
    const parts = readDemandInParts(skewed, request, { threads: 2, minSeries: 0 });
    const largest = skewed
      .prepare('SELECT count(*) AS n FROM forecast_series GROUP BY distributor_id ORDER BY n DESC LIMIT 1')
      .pluck()
      .get() as number;
    for (const p of parts) expect(Math.abs(p.seriesRead - request.expected / 3)).toBeLessThanOrEqual(largest);
    expect(parts.reduce((n, p) => n + p.count, 0)).toBe(readDemand(skewed, request).count);
  });

  it('projects every distributor x SKU and plans within every capacity', async () => {
    const board = await call(ctx, 'readiness.board', {});
    expect(board.rows.length).toBeGreaterThan(10);
    const total = board.totals.green + board.totals.amber + board.totals.red;
    expect(total).toBe(
      db
        .prepare("SELECT count(*) FROM forecast_series f JOIN distributors d ON d.id = f.distributor_id WHERE d.status != 'ended'")
        .pluck()
        .get(),
    );
    expect(board.weeks[0]! <= today()).toBe(true);
    expect(board.weekLabels[0]).toMatch(/^\d{4}-W\d{2}$/);
    expectWithinShippingCapacity(board);

    const plan = await call(ctx, 'readiness.plan', { offset: 0, limit: 1000 });
    expect(plan.total).toBe(board.plan.shipments);
    expect(board.plan.byWeek.reduce((s, w) => s + w.cases, 0)).toBe(board.plan.cases);
    for (let i = 1; i < plan.rows.length; i++) expect(plan.rows[i]!.shipWeek >= plan.rows[i - 1]!.shipWeek).toBe(true);
    const week = plan.rows[0]!.shipWeek;
    const oneWeek = await call(ctx, 'readiness.plan', { week, offset: 0, limit: 1000 });
    expect(oneWeek.total).toBe(board.plan.byWeek.find((w) => w.week === week)!.shipments);

    const short = await call(ctx, 'readiness.shortfalls', { offset: 0, limit: 1000 });
    expect(short.total).toBe(board.short.lines);
    for (let i = 1; i < short.rows.length; i++) expect(short.rows[i]!.cases).toBeLessThanOrEqual(short.rows[i - 1]!.cases);

    // the warehouse of every distributor stays within its limits wherever the plan adds to it
    const c = readinessToday(db);
    for (const d of c.dists.slice(0, 40)) {
      const detail = await call(ctx, 'readiness.distributor', { distributorId: d.id });
      const planned = new Set(
        shipmentList(c.assessment.plan.shipments)
          .filter((s) => s.distributorId === d.id)
          .map((s) => s.arrivalWeek),
      );
      for (const w of planned) {
        if (detail.warehouseCases > 0) expect(detail.occupancyCases[w]).toBeLessThanOrEqual(detail.warehouseCases + 1);
        if (detail.warehousePallets !== null) expect(detail.occupancyPallets[w]).toBeLessThanOrEqual(detail.warehousePallets + 0.1);
      }
    }
  });

  it('filters by area, salesperson, status and brand', async () => {
    const all = await call(ctx, 'readiness.board', {});
    const red = await call(ctx, 'readiness.board', { status: 'red' });
    expect(red.rows.every((r) => r.counts.red > 0)).toBe(true);
    const area = db.prepare('SELECT area_id FROM distributors GROUP BY area_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
    const inArea = await call(ctx, 'readiness.board', { areaId: area });
    const areaNames = new Set(inArea.rows.map((r) => r.areaName));
    expect(areaNames.size).toBe(1);
    expect(inArea.rows.length).toBeLessThan(all.rows.length);
    const brand = all.skus[0]!.brand;
    const branded = await call(ctx, 'readiness.board', { brand });
    expect(branded.skus.every((s) => s.brand === brand)).toBe(true);
    const sp = db.prepare('SELECT salesperson_id FROM distributors WHERE salesperson_id IS NOT NULL LIMIT 1').pluck().get() as number;
    const mine = await call(ctx, 'readiness.board', { salespersonId: sp });
    const expected = db
      .prepare(
        "SELECT count(DISTINCT d.id) FROM distributors d JOIN forecast_series f ON f.distributor_id = d.id WHERE d.salesperson_id = ? AND d.status != 'ended'",
      )
      .pluck()
      .get(sp);
    expect(mine.rows.length).toBe(expected);
  });

  it('takes stock counts from the import machinery and typed in, newest count first', async () => {
    const board = await call(ctx, 'readiness.board', {});
    const row = board.rows[0]!;
    const productId = row.cells[0]!.productId;
    const { code } = db.prepare('SELECT code FROM distributors WHERE id = ?').get(row.distributorId) as { code: string };
    const { sku } = db.prepare('SELECT sku FROM products WHERE id = ?').get(productId) as { sku: string };
    const { report, outcome } = await importCsv(ctx, 'stockSnapshots', `distributor,sku,date,cases\n${code},${sku},${today()},4321\n`);
    expect(report.errors).toEqual([]);
    expect(outcome.ok).toBe(true);
    let cell = await call(ctx, 'readiness.cell', { distributorId: row.distributorId, productId });
    expect(cell.onHand).toBe(4321);
    expect(cell.countDate).toBe(today());
    expect(cell.projected[0]).toBe(4321);

    await call(ctx, 'stock.set', { distributorId: row.distributorId, productId, date: today(), cases: 17 });
    cell = await call(ctx, 'readiness.cell', { distributorId: row.distributorId, productId });
    expect(cell.onHand).toBe(17);
    const future = await dispatch(ctx, 'stock.set', { distributorId: row.distributorId, productId, date: '2999-01-01', cases: 5 });
    expect(future).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'date' }] } });
    const bad = await importCsv(ctx, 'stockSnapshots', `distributor,sku,date,cases\nNOPE,${sku},${today()},-3\n`);
    expect(bad.report.errors.length).toBeGreaterThan(0);
    expect(bad.outcome.ok).toBe(false);
  });

  it('asks before saving a count beyond the warehouse or far above the history, and saves it once confirmed', async () => {
    const pair = db
      .prepare(
        `SELECT h.distributor_id AS d, h.product_id AS p, max(h.cases) AS largest, d.warehouse_capacity_cases AS warehouse
         FROM sales_history h JOIN distributors d ON d.id = h.distributor_id WHERE d.warehouse_capacity_cases > 0
         GROUP BY h.distributor_id, h.product_id ORDER BY max(h.cases) LIMIT 1`,
      )
      .get() as { d: number; p: number; largest: number; warehouse: number };
    const counts = () =>
      db.prepare('SELECT count(*) FROM stock_snapshots WHERE distributor_id = ? AND product_id = ?').pluck().get(pair.d, pair.p);
    const before = counts();
    const huge = await refusal(ctx, 'stock.set', { distributorId: pair.d, productId: pair.p, date: today(), cases: 1_000_000_000 });
    expect(huge).toMatchObject({ code: 'conflict', issues: [{ path: 'confirm' }] });
    expect(huge.message).toContain(`more than the warehouse holds`);
    expect(counts()).toBe(before);
    // within the warehouse but far above any month it ever sold
    const far = pair.largest * 3 + 1;
    if (far < pair.warehouse) {
      const odd = await refusal(ctx, 'stock.set', { distributorId: pair.d, productId: pair.p, date: today(), cases: far });
      expect(odd).toMatchObject({ issues: [{ path: 'confirm' }] });
      expect(odd.message).toContain(`largest month it ever sold (${pair.largest} cases)`);
    }
    await call(ctx, 'stock.set', { distributorId: pair.d, productId: pair.p, date: today(), cases: 1_000_000_000, confirm: true });
    expect(
      db
        .prepare('SELECT cases FROM stock_snapshots WHERE distributor_id = ? AND product_id = ? AND snapshot_date = ?')
        .pluck()
        .get(pair.d, pair.p, today()),
    ).toBe(1_000_000_000);
    // an ordinary count goes straight in
    await call(ctx, 'stock.set', { distributorId: pair.d, productId: pair.p, date: today(), cases: pair.largest });
  });

  it("says the peak's first day, the date the dashboard says, and counts the cover from it", async () => {
    const board = await call(ctx, 'readiness.board', {});
    const months = db.prepare('SELECT month FROM region_peak_months ORDER BY month').pluck().all() as number[];
    const first = isoDay(nextPeakStart([...new Set(months)], now())!.getTime());
    const row = board.rows.find((r) => r.peakStart !== null)!;
    expect(row.peakStart).toBe(first);
    const detail = await call(ctx, 'readiness.distributor', { distributorId: row.distributorId });
    expect(detail.peakStart).toBe(first);
  });

  it("says who is short and why on the list, the distributor's page and the export, with the peak's first day as the date", async () => {
    const before = await call(ctx, 'readiness.board', {});
    // shipping cut to a trickle, so the plan leaves people short for the peak
    for (const r of before.capacity) await call(ctx, 'readiness.setCapacity', { regionId: r.regionId, casesPerWeek: 50 });
    onTestFinished(async () => {
      for (const r of before.capacity) await call(ctx, 'readiness.setCapacity', { regionId: r.regionId, casesPerWeek: r.casesPerWeek });
    });
    const board = await call(ctx, 'readiness.board', {});
    const peakOf = new Map(board.rows.map((r) => [r.distributorId, r.peakStart]));
    const short = { rows: [] as ShortfallLine[] };
    for (let offset = 0, total = 1; offset < total; offset += 1000) {
      const page = await call(ctx, 'readiness.shortfalls', { offset, limit: 1000 });
      short.rows.push(...page.rows);
      total = page.total;
    }
    const forPeak = short.rows.filter((s) => s.peakStart !== null);
    expect(forPeak.length).toBeGreaterThan(0);
    // the peak's stock is said by the peak's first day, the board's (and the dashboard's) date; weekly needs by their week
    for (const s of short.rows) {
      if (s.peakStart !== null) expect(s.peakStart).toBe(peakOf.get(s.distributorId));
      else expect(s.dueWeek < isoDay(Date.parse(peakOf.get(s.distributorId)!))).toBe(true);
    }
    // the distributor's page says the same shortfalls, each with its binding constraint and the second one
    const line = forPeak[0]!;
    const detail = await call(ctx, 'readiness.distributor', { distributorId: line.distributorId });
    const cell = detail.cells.find((x) => x.productId === line.productId)!;
    expect(cell.shortfalls).toContainEqual({
      dueWeek: line.dueWeek,
      peakStart: line.peakStart,
      cases: line.cases,
      reason: line.reason,
      also: line.also,
    });
    expect(cell.shortfalls.reduce((a, x) => a + x.cases, 0)).toBe(cell.shortCases);
    // the export says the same date and the reasons in the reader's language
    const csv = await call(ctx, 'readiness.exportPlan', { format: 'csv', language: 'es' });
    const rows = Buffer.from(csv.contentBase64, 'base64').toString('utf8').split('\r\n');
    const exported = rows.filter((r) => r.includes(`,${line.peakStart},${line.cases},`));
    expect(exported.length).toBeGreaterThan(0);
    // (a peak starting on a Monday has one date for both)
    if (line.dueWeek !== line.peakStart) expect(rows.join('\n')).not.toContain(`,${line.dueWeek},${line.cases},`);
  });

  it('does not pre-build SKUs being phased out unless the settings say so, and says why', async () => {
    const phaseOut = new Set(db.prepare("SELECT id FROM products WHERE status = 'phase_out'").pluck().all() as number[]);
    expect(phaseOut.size).toBeGreaterThan(0);
    const lines = async () => {
      const all: Array<{ productId: number; cases: number }> = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await call(ctx, 'readiness.plan', { offset, limit: 1000 });
        all.push(...page.rows);
        if (all.length >= page.total) return all;
      }
    };
    expect((await lines()).filter((l) => phaseOut.has(l.productId))).toEqual([]);
    const board = await call(ctx, 'readiness.board', {});
    const cells = board.rows.flatMap((r) => r.cells).filter((c) => phaseOut.has(c.productId));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.reason === 'phase_out')).toBe(true);

    const everyRegion = async (patch: Partial<(typeof board.rules)[number]['settings']>) => {
      for (const { regionId, settings } of board.rules)
        await call(ctx, 'readiness.saveSettings', { regionId, settings: { ...settings, ...patch } });
    };
    await everyRegion({ prebuildPhaseOut: true });
    expect((await lines()).filter((l) => phaseOut.has(l.productId)).reduce((a, l) => a + l.cases, 0)).toBeGreaterThan(0);
    await everyRegion({ prebuildPhaseOut: false });
  });

  it('counts shipments on the way, typed in or imported, until the stock count includes them', async () => {
    const board = await call(ctx, 'readiness.board', {});
    const row = board.rows[1]!;
    const productId = row.cells[0]!.productId;
    const before = await call(ctx, 'readiness.cell', { distributorId: row.distributorId, productId });
    const arrive = addDays(today(), 14);
    const created = await call(ctx, 'shipment.create', {
      distributorId: row.distributorId,
      productId,
      cases: 250,
      shipDate: today(),
      arrivalDate: arrive,
      status: 'in_transit',
    });
    expect(created).toMatchObject({ status: 'in_transit', source: 'manual', cases: 250 });
    let after = await call(ctx, 'readiness.cell', { distributorId: row.distributorId, productId });
    expect(after.arrivals.reduce((a: number, b: number) => a + b, 0)).toBe(
      before.arrivals.reduce((a: number, b: number) => a + b, 0) + 250,
    );
    const wrong = await dispatch(ctx, 'shipment.create', {
      distributorId: row.distributorId,
      productId,
      cases: 5,
      shipDate: arrive,
      arrivalDate: today(),
      status: 'planned',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'arrivalDate' }] } });
    const list = await call(ctx, 'shipment.list', { status: 'in_transit', distributorId: row.distributorId, offset: 0, limit: 50 });
    expect(list.rows.some((s) => s.id === created.id)).toBe(true);
    await call(ctx, 'shipment.delete', { id: created.id });
    after = await call(ctx, 'readiness.cell', { distributorId: row.distributorId, productId });
    expect(after.arrivals).toEqual(before.arrivals);

    const { code } = db.prepare('SELECT code FROM distributors WHERE id = ?').get(row.distributorId) as { code: string };
    const { sku } = db.prepare('SELECT sku FROM products WHERE id = ?').get(productId) as { sku: string };
    const imported = await importCsv(
      ctx,
      'shipments',
      `distributor,sku,cases,ship date,arrival date,status\n${code},${sku},40,${today()},${arrive},in transit\n${code},${sku},60,${today()},${arrive},planned\n`,
    );
    expect(imported.report.errors).toEqual([]);
    expect(imported.outcome.ok).toBe(true);
    after = await call(ctx, 'readiness.cell', { distributorId: row.distributorId, productId });
    expect(after.inTransit).toBe(before.inTransit + 100);
  });

  it('accepts the plan as planned shipments, replans from scratch, and says what changed', async () => {
    const board = await call(ctx, 'readiness.board', {});
    const accepted = await call(ctx, 'readiness.acceptPlan', {});
    expect(accepted.shipments).toBe(board.plan.shipments);
    expect(accepted.cases).toBe(board.plan.cases);
    expect(db.prepare("SELECT count(*) FROM shipments WHERE source = 'plan' AND status = 'planned'").pluck().get()).toBe(
      board.plan.shipments,
    );
    const after = await call(ctx, 'readiness.board', {});
    // the accepted plan is the previous version of the plan: the same plan comes out again
    expect(after.plan.shipments).toBe(board.plan.shipments);
    expect(after.totals).toEqual(board.totals);
    expect(after.lastRun).toMatchObject({ shipments: board.plan.shipments, cases: board.plan.cases, shortCases: board.short.cases });
    expect(after.changesTotal).toBe(0);

    // the warehouse sends the first planned shipment: it is firm now, and survives the next acceptance
    const first = (await call(ctx, 'shipment.list', { status: 'planned', source: 'plan', offset: 0, limit: 1 })).rows[0]!;
    await call(ctx, 'shipment.markShipped', { id: first.id });
    // the accepted plan is signed off: a new one replaces it only after a reopen, with a reason, on the record
    const frozen = await dispatch(ctx, 'readiness.acceptPlan', {});
    expect(frozen.ok ? null : frozen.error.rule?.code).toBe('readinessPlanAccepted');
    expect(db.prepare("SELECT count(*) FROM shipments WHERE source = 'plan' AND status = 'planned'").pluck().get()).toBe(
      board.plan.shipments - 1,
    );
    const noReason = await dispatch(ctx, 'readiness.reopenPlan', {});
    expect(noReason.ok ? null : noReason.error.issues?.[0]?.path).toBe('reason');
    await call(ctx, 'readiness.reopenPlan', { reason: 'Capacity changed at the brewery' });
    expect((await call(ctx, 'readiness.board', {})).lastRun?.reopenedAt).not.toBeNull();
    expect(db.prepare("SELECT reason FROM record_history WHERE method = 'readiness.reopenPlan'").pluck().get()).toBe(
      'Capacity changed at the brewery',
    );
    await call(ctx, 'readiness.acceptPlan', {});
    expect((await call(ctx, 'readiness.board', {})).lastRun?.reopenedAt).toBeNull();
    expect(db.prepare('SELECT status FROM shipments WHERE id = ?').pluck().get(first.id)).toBe('in_transit');

    // shipping capacity cut to a trickle: cells turn red and the board lists them as changed
    for (const r of after.capacity) await call(ctx, 'readiness.setCapacity', { regionId: r.regionId, casesPerWeek: 50 });
    const tight = await call(ctx, 'readiness.board', {});
    expectWithinShippingCapacity(tight);
    expect(tight.totals.red).toBeGreaterThan(after.totals.red);
    expect(tight.changesTotal).toBeGreaterThan(0);
    expect(tight.changes.some((x) => x.to === 'red')).toBe(true);
    const short = await call(ctx, 'readiness.shortfalls', { offset: 0, limit: 1000 });
    expect(short.rows.some((s) => s.reason === 'shipping_capacity')).toBe(true);
  });

  it('serves key accounts first under the configured rule', async () => {
    const byRelationship = await call(ctx, 'readiness.board', {});
    expect(byRelationship.keyAccounts).toBe(
      db
        .prepare(
          "SELECT count(*) FROM distributors d WHERE relationship_level = 3 AND status != 'ended' AND EXISTS (SELECT 1 FROM forecast_series f WHERE f.distributor_id = d.id)",
        )
        .pluck()
        .get(),
    );
    for (const { regionId } of byRelationship.rules) {
      const settings = await call(ctx, 'readiness.settings', { regionId });
      await call(ctx, 'readiness.saveSettings', {
        regionId,
        settings: { ...settings, keyAccountRule: 'relationship_or_volume', keyVolumeShare: 0.5 },
      });
    }
    const wider = await call(ctx, 'readiness.board', {});
    expect(wider.keyAccounts).toBeGreaterThan(byRelationship.keyAccounts);
    // with shipping cut to a trickle, key accounts get a larger share of what they need than the rest
    const c = readinessToday(db);
    const served = (key: boolean) => {
      const shipped = shipmentList(c.assessment.plan.shipments)
        .filter((l) => c.inputs.get(l.distributorId)!.key === key)
        .reduce((a, l) => a + l.cases, 0);
      const missing = c.assessment.plan.shortfalls
        .filter((s) => c.inputs.get(s.distributorId)!.key === key && s.reason !== 'lead_time')
        .reduce((a, s) => a + s.cases, 0);
      return shipped / (shipped + missing);
    };
    expect(served(true)).toBeGreaterThan(served(false));
    const { regionId, settings } = byRelationship.rules[0]!;
    const bad = await dispatch(ctx, 'readiness.saveSettings', { regionId, settings: { ...settings, requiredCoverDays: 0 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'settings.requiredCoverDays' }] } });
  });

  it('keeps a SKU group and a warehouse in pallets within their limits', async () => {
    const regionId = db.prepare('SELECT id FROM regions ORDER BY id LIMIT 1').pluck().get() as number;
    await call(ctx, 'readiness.setCapacity', { regionId, casesPerWeek: null });
    await call(ctx, 'readiness.setGroupCapacity', { regionId, pack: 'bottle', casesPerWeek: 120 });
    const board = await call(ctx, 'readiness.board', {});
    const region = board.capacity.find((r) => r.regionId === regionId)!;
    expect(region.casesPerWeek).toBeNull();
    expect(region.groups.find((g) => g.pack === 'bottle')).toMatchObject({ casesPerWeek: 120 });
    expectWithinShippingCapacity(board);
    await call(ctx, 'readiness.setGroupCapacity', { regionId, pack: 'bottle', casesPerWeek: null });

    const d = board.rows[0]!.distributorId;
    await call(ctx, 'readiness.setPalletCapacity', { distributorId: d, pallets: 3 });
    const detail = await call(ctx, 'readiness.distributor', { distributorId: d });
    expect(detail.warehousePallets).toBe(3);
    const lines = (await call(ctx, 'readiness.plan', { distributorId: d, offset: 0, limit: 1000 })).rows as Array<{ arrivalWeek: string }>;
    for (const l of lines)
      expect(detail.occupancyPallets[detail.weeks.indexOf(l.arrivalWeek)]).toBeLessThanOrEqual(
        Math.max(3, detail.occupancyPallets[0]!) + 0.05,
      );
    const sizes = await call(ctx, 'readiness.palletSizes', {});
    await call(ctx, 'readiness.setCasesPerPallet', { productId: sizes[0]!.productId, casesPerPallet: 77 });
    expect((await call(ctx, 'readiness.palletSizes', {}))[0]!.casesPerPallet).toBe(77);
  });

  it('exports the plan for the warehouse as CSV and XLSX, with who is short', async () => {
    const board = await call(ctx, 'readiness.board', {});
    expect(board.plan.shipments).toBeGreaterThan(0);
    expect(board.short.lines).toBeGreaterThan(0);
    const csv = await call(ctx, 'readiness.exportPlan', { format: 'csv' });
    const lines = Buffer.from(csv.contentBase64, 'base64').toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffLine,Ship week (Monday),ISO week,Arrival week (Monday),Distributor code,Distributor,SKU,Product,Cases,Pallets,Key account,Needed by (peak start or week),Cases short,Why,Also binding',
    );
    // The warehouse's shipments, then who is short: one table, each line saying which it is.
    expect(csv.rows).toBe(board.plan.shipments + board.short.lines);
    expect(lines.filter((l) => l.startsWith('Planned shipment,'))).toHaveLength(board.plan.shipments);
    expect(lines.filter((l) => l.startsWith('Short,'))).toHaveLength(board.short.lines);

    const zh = await call(ctx, 'readiness.exportPlan', { format: 'csv', language: 'zh' });
    const zhText = Buffer.from(zh.contentBase64, 'base64').toString('utf8');
    expect(zhText.split('\r\n')[0]).toMatch(/^\ufeff类型,发货周（周一）/);
    expect(zhText).not.toMatch(/Planned shipment|Key account/);

    const xlsx = await call(ctx, 'readiness.exportPlan', { format: 'xlsx' });
    const wb = await readWorkbook(xlsx.contentBase64);
    const plan = wb.getWorksheet('Pre-build plan')!;
    // header, one row per shipment, and the totals row
    expect(plan.rowCount).toBe(board.plan.shipments + 2);
    expect(plan.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(plan.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    const totals = plan.getRow(plan.rowCount);
    expect(totals.getCell(1).value).toBe('Total');
    let planned = 0;
    for (let offset = 0; offset < board.plan.shipments; offset += 1000)
      planned += (await call(ctx, 'readiness.plan', { offset, limit: 1000 })).rows.reduce((s, l) => s + l.cases, 0);
    expect(totals.getCell(8).value).toMatchObject({ formula: `SUM(H2:H${board.plan.shipments + 1})`, result: planned });
    expect(wb.getWorksheet('Who is short')!.rowCount).toBe(board.short.lines + 2);
  });
});
