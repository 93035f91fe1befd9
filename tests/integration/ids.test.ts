import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../main/api/context.js';
import { nextId, withIds, type IdAllocator } from '../../main/db/ids.js';
import type { Db } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { runForecast } from '../../main/forecast/run.js';
import { contract, type MethodName } from '../../shared/contract/index.js';
import { call, refusal } from '../support/call.js';
import { createTestDb } from '../support/db.js';

/** A connected desktop's allocator as SYNC-DESIGN.md gives client 1: downwards from -(2^32) - 1; remembers what it gave. */
class RecordingAllocator implements IdAllocator {
  readonly taken: Record<string, number[]> = {};
  private free = -(2 ** 32) - 1;
  next(table: string): number {
    const id = this.free--;
    (this.taken[table] ??= []).push(id);
    return id;
  }
}

/**
 * Tables whose rows carry a surrogate `id` (INTEGER PRIMARY KEY), read from the migrated schema, so
 * a table added later is checked too. The record history is written by the server for every call
 * and reaches desktops by pull, never created on a desktop.
 */
const NOT_CREATED_BY_CALLS = new Set(['record_history', 'auth_settings', 'sync_link', 'sync_server']);
function surrogateTables(db: Db): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  // A full-text index's own tables (terminals_search_*) are derived, not records.
  const virtual = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    .pluck()
    .all() as string[];
  return tables.filter((t) => {
    if (NOT_CREATED_BY_CALLS.has(t) || virtual.some((v) => t.startsWith(`${v}_`))) return false;
    const cols = db.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string; type: string; pk: number }>;
    return (
      cols.some((c) => c.name === 'id' && c.pk === 1 && c.type.toUpperCase() === 'INTEGER') && cols.filter((c) => c.pk > 0).length === 1
    );
  });
}

const idsOf = (db: Db, table: string): number[] => db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[];

describe('record ids come from the allocator (main/db/ids.ts)', () => {
  it('nextId is null outside withIds, the allocator inside, and never leaks between concurrent calls', async () => {
    expect(nextId('visits')).toBeNull();
    const a = new RecordingAllocator();
    const b: IdAllocator = { next: () => 42 };
    const [x, y] = await Promise.all([
      withIds(a, async () => {
        await new Promise((r) => setTimeout(r, 5));
        return nextId('visits');
      }),
      withIds(b, async () => nextId('visits')),
    ]);
    expect(x).toBe(-(2 ** 32) - 1);
    expect(y).toBe(42);
    expect(nextId('visits')).toBeNull();
  });

  it('without an allocator SQLite chooses positive ids, as before; with one, the records take exactly its ids', async () => {
    const { db, ctx } = createTestDb();
    const region = await call(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [6, 7] } });
    const area = await call(ctx, 'area.create', { draft: { code: 'N1', name: 'Riverside', regionId: region.id } });
    const draft = (code: string) => ({
      draft: { code, name: code, areaId: area.id, leadTimeDays: 7, warehouseCapacityCases: 1000, relationshipLevel: 2, status: 'active' },
    });
    const first = await call(ctx, 'distributor.create', draft('D1'));
    expect([region.id, area.id, first.id]).toEqual([1, 1, 1]);

    const alloc = new RecordingAllocator();
    const d = await withIds(alloc, () => call(ctx, 'distributor.create', draft('D2')));
    expect(d.id).toBe(-(2 ** 32) - 1);
    expect(alloc.taken).toEqual({ distributors: [d.id] });
    expect(idsOf(db, 'distributors')).toEqual([d.id, 1]);

    // Back on SQLite's choice: one above the highest id, never in a desktop's range.
    const solo = await call(ctx, 'distributor.create', draft('D3'));
    expect(solo.id).toBe(2);
    expect(idsOf(db, 'distributors')).toEqual([d.id, 1, 2]);
  });

  it('refuses 0 as an id, accepts negative and large ids through the contract', async () => {
    const { ctx } = createTestDb();
    expect((await refusal(ctx, 'distributor.get', { id: 0 })).code).toBe('validation');
    expect((await refusal(ctx, 'distributor.get', { id: 1.5 })).code).toBe('validation');
    expect((await refusal(ctx, 'distributor.get', { id: -(2 ** 32) - 1 })).code).toBe('not_found');
    expect((await refusal(ctx, 'distributor.get', { id: -(2 ** 52) })).code).toBe('not_found');
    expect((await refusal(ctx, 'distributor.get', { id: 2 ** 40 })).code).toBe('not_found');
    expect((await refusal(ctx, 'distributor.get', { id: 2 ** 53 })).code).toBe('validation');
  });
});

describe('every create path of a contract call takes its id from nextId', () => {
  let db: Db;
  let ctx: ServiceContext;
  const alloc = new RecordingAllocator();
  const before = new Map<string, Set<number>>();
  const called = new Set<MethodName>();
  const desk = async <K extends MethodName>(method: K, input: unknown) => {
    called.add(method);
    return withIds(alloc, () => call(ctx, method, input));
  };

  beforeAll(async () => {
    ({ db, ctx } = createTestDb('file'));
    seedDemo(db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
    for (const t of surrogateTables(db)) before.set(t, new Set(idsOf(db, t)));
  }, 240_000);

  it('creates every kind of record on a desktop with negative ids, linked to each other, and stores exactly those ids', async () => {
    // The forecast job runs inline here (the app runs it on the team server, in a worker).
    await withIds(alloc, () => runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} }));

    const region = await desk('region.create', { draft: { code: 'DESK', name: 'Desk region', peakMonths: [6, 7, 8] } });
    const area = await desk('area.create', { draft: { code: 'DESK-1', name: 'Desk area', regionId: region.id } });
    const sp = await desk('staff.create', {
      draft: { code: 'DESK-SP', name: 'Desk seller', role: 'salesperson', regionId: region.id, areaIds: [area.id] },
    });
    const product = await desk('product.create', {
      draft: { sku: 'DESK-SKU', name: 'Desk lager', brand: 'Desk', pack: 'can', sizeMl: 500, unitsPerCase: 24, status: 'active' },
    });
    const d = await desk('distributor.create', {
      draft: {
        code: 'DESK-D',
        name: 'Desk distributor',
        areaId: area.id,
        salespersonId: sp.id,
        leadTimeDays: 7,
        warehouseCapacityCases: 1000,
        relationshipLevel: 2,
        status: 'active',
      },
    });
    const sub = await desk('subDealer.create', {
      draft: { code: 'DESK-S', name: 'Desk sub', distributorId: d.id, areaId: area.id, status: 'prospect' },
    });
    const terminal = await desk('terminal.create', {
      draft: { code: 'DESK-T', name: 'Desk kiosk', channel: 'kiosk', distributorId: d.id, areaId: area.id, status: 'prospect' },
    });
    const contact = await desk('contact.create', {
      draft: { ownerType: 'distributor', ownerId: d.id, name: 'Desk owner', level: 'owner' },
    });
    for (const r of [region, area, sp, product, d, sub, terminal, contact]) expect(r.id).toBeLessThan(-(2 ** 32));
    // The trigram search index follows a terminal with a negative id.
    expect((await call(ctx, 'terminal.list', { search: 'Desk kio' })).rows.map((t) => t.id)).toEqual([terminal.id]);
    expect((await call(ctx, 'distributor.get', { id: d.id })).distributor.name).toBe('Desk distributor');

    const complaint = await desk('complaint.create', {
      distributorId: d.id,
      category: 'logistics',
      openedOn: '2026-11-10',
      description: 'Late',
    });
    expect(complaint.id).toBe(alloc.taken.complaints!.at(-1));

    const event = await desk('event.create', {
      draft: {
        kind: 'trip',
        title: 'Desk trip',
        startsAt: '2027-01-12T09:00',
        endsAt: '2027-01-12T17:00',
        regionId: region.id,
        staffIds: [sp.id],
      },
    });
    await desk('event.addItem', { eventId: event.id, kind: 'cost', label: 'Hotel', amount: 80 });
    const followup = await desk('followup.create', {
      eventId: event.id,
      distributorId: d.id,
      kind: 'suggestion',
      text: 'Kegs',
      category: 'product',
      ownerId: sp.id,
      dueDate: '2027-02-01',
    });
    expect(followup.id).toBe(alloc.taken.followups!.at(-1));

    await desk('pipeline.add', {
      outletType: 'terminal',
      outletId: terminal.id,
      ownerId: sp.id,
      priority: 1,
      estimatedVolume: 40,
      competitorHeld: false,
    });
    await desk('pipeline.move', { outletType: 'terminal', outletId: terminal.id, stage: 'contacted' });
    const visit = await desk('visit.log', {
      salespersonId: sp.id,
      day: '2026-11-19',
      outletType: 'sub_dealer',
      outletId: sub.id,
      purpose: 'develop',
      outcome: 'interested',
    });
    expect(visit.id).toBe(alloc.taken.visits!.at(-1));
    const plan = await desk('devPlan.save', {
      salespersonId: sp.id,
      month: '2027-03',
      areaIds: [area.id],
      plannedVisits: 20,
      newSubDealers: 1,
      newTerminals: 2,
      competitors: [],
      note: null,
    });
    expect(plan.id).toBe(alloc.taken.dev_plans!.at(-1));

    const demoRegion = db.prepare("SELECT id FROM regions WHERE code != 'DESK' ORDER BY id LIMIT 1").pluck().get() as number;
    const suggestion = await call(ctx, 'targets.suggest', { regionId: demoRegion, seasonYear: 2027 });
    const lines = suggestion.brands.slice(0, 1).map((b) => ({ brand: b.brand, volume: Math.round(b.lastYear * 1.1) }));
    const targets = await desk('targets.create', {
      regionId: demoRegion,
      seasonYear: 2027,
      name: 'Desk peak',
      basis: 'last_year',
      lines,
      newOutlets: 4,
    });
    const version = await desk('targets.saveVersion', { planId: targets.id, name: 'Desk peak agreed', status: 'agreed' });
    expect(alloc.taken.target_plans).toEqual([targets.id, version.id]);

    const month = db.prepare('SELECT min(month) FROM forecast_values').pluck().get() as string;
    const demoDistributor = db.prepare('SELECT distributor_id FROM forecast_values LIMIT 1').pluck().get() as number;
    const override = await desk('forecast.override', {
      level: 'distributor',
      distributorId: demoDistributor,
      month,
      mode: 'absolute',
      value: 500,
      note: 'Agreed on the desktop',
    });
    expect(override.id).toBe(alloc.taken.forecast_overrides!.at(-1));

    const shipment = await desk('shipment.create', {
      distributorId: d.id,
      productId: product.id,
      cases: 25,
      shipDate: '2026-11-23',
      arrivalDate: '2026-11-30',
      status: 'planned',
    });
    expect(shipment.id).toBe(alloc.taken.shipments!.at(-1));
    const accepted = await desk('readiness.acceptPlan', {});
    expect(accepted.shipments).toBeGreaterThan(0);

    // An import creates its records through the same services, so with the same ids.
    const csv = `distributor,sku,cases,ship date,arrival date,status\nDESK-D,DESK-SKU,40,2026-11-23,2026-11-30,planned\n`;
    const preview = await call(ctx, 'import.preview', {
      entity: 'shipments',
      fileName: 'shipments.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    await desk('import.commit', { importId: preview.importId, mapping: preview.suggestedMapping, mode: 'all', updates: 'apply' });

    // Every new row of every table with a surrogate id carries exactly the ids the allocator gave.
    const tables = surrogateTables(db);
    expect(tables).toEqual(
      expect.arrayContaining(['visits', 'dev_plans', 'events', 'event_items', 'followups', 'pipeline_events', 'shipments']),
    );
    for (const t of tables) {
      const fresh = idsOf(db, t).filter((id) => !before.get(t)!.has(id));
      expect({ table: t, ids: fresh }).toEqual({ table: t, ids: [...(alloc.taken[t] ?? [])].sort((x, y) => x - y) });
    }
    // and the scenario really created a record of every such table (a table it never writes would prove
    // nothing): a new table with a surrogate id needs its create call in the scenario above.
    expect(Object.keys(alloc.taken).sort()).toEqual([...tables].sort());
    // Nothing a call created outside the allocator (all new surrogate-id tables are covered above).
    expect(tables.filter((t) => !alloc.taken[t] && idsOf(db, t).some((id) => !before.get(t)!.has(id)))).toEqual([]);
  }, 240_000);

  it('every mutating method that inserts a surrogate-id row is exercised above or is a bulk/server-only path', () => {
    // Mutating methods whose handlers write a new surrogate-id row. Adding a method that creates
    // records? Put it in the scenario above (and here), so a forgotten nextId fails this file.
    const creating: MethodName[] = [
      'region.create',
      'area.create',
      'staff.create',
      'product.create',
      'distributor.create',
      'subDealer.create',
      'terminal.create',
      'contact.create',
      'complaint.create',
      'event.create',
      'event.addItem',
      'followup.create',
      'pipeline.add',
      'pipeline.move',
      'visit.log',
      'devPlan.save',
      'targets.create',
      'targets.saveVersion',
      'forecast.override',
      'shipment.create',
      'readiness.acceptPlan',
      'import.commit',
    ];
    for (const m of creating)
      expect({ m, mutates: contract[m].mutates, exercised: called.has(m) }).toEqual({ m, mutates: true, exercised: true });
  });
});

describe('the source: every INSERT into a surrogate-id table names its id', () => {
  it('has no INSERT into such a table without an id column (outside the demo generator and benchmarks)', () => {
    const { db } = createTestDb();
    const tables = new Set(surrogateTables(db));
    const root = fileURLToPath(new URL('../../main', import.meta.url));
    const files = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => !/^(demo|bench|db[\\/]migrations)[\\/]/.test(f));
    const missing: string[] = [];
    let seen = 0;
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      for (const m of text.matchAll(/INSERT\s+(?:OR\s+\w+\s+)?INTO\s+(?:main\.)?(\w+)\s*\(([^)]*)\)/g)) {
        if (!tables.has(m[1]!)) continue;
        seen++;
        if (!m[2]!.split(',').some((c) => c.trim() === 'id')) missing.push(`${f}: INSERT INTO ${m[1]}`);
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
