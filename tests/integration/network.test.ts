import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { seedDemo } from '../../main/demo/generate.js';
import { withTerminalSearchDeferred } from '../../main/network/search-index.js';
import { createTestDb } from '../support/db.js';

const call = async (ctx: Parameters<typeof dispatch>[0], method: string, input: unknown) => {
  const result = await dispatch(ctx, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as any;
};

async function seedMinimal(ctx: Parameters<typeof dispatch>[0]) {
  const region = await call(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [5, 6, 7, 8, 9] } });
  const area = await call(ctx, 'area.create', { draft: { code: 'N-01', name: 'Riverside', regionId: region.id } });
  const sales = await call(ctx, 'staff.create', {
    draft: { code: 'E1', name: 'Li Wei', role: 'salesperson', regionId: region.id, areaIds: [area.id] },
  });
  const distributor = await call(ctx, 'distributor.create', {
    draft: {
      code: 'D1',
      name: 'Riverside Beverage',
      areaId: area.id,
      salespersonId: sales.id,
      leadTimeDays: 7,
      warehouseCapacityCases: 12000,
      relationshipLevel: 2,
      status: 'active',
      startDate: '2019-03-01',
    },
  });
  return { region, area, sales, distributor };
}

describe('network services on a real SQLite file', () => {
  it('creates a distributor with a sub-dealer and a terminal, and shows them as a tree', async () => {
    const { ctx } = createTestDb();
    const { area, distributor } = await seedMinimal(ctx);
    const sub = await call(ctx, 'subDealer.create', {
      draft: { code: 'S1', name: 'Wang Wholesale', distributorId: distributor.id, areaId: area.id, status: 'active' },
    });
    await call(ctx, 'terminal.create', {
      draft: { code: 'T1', name: "Zhao's Grill", channel: 'restaurant', subDealerId: sub.id, areaId: area.id, status: 'active' },
    });
    await call(ctx, 'terminal.create', {
      draft: { code: 'T2', name: 'Station Kiosk', channel: 'kiosk', distributorId: distributor.id, areaId: area.id, status: 'prospect' },
    });
    const page = await call(ctx, 'distributor.get', { id: distributor.id });
    expect(page.distributor.subDealerCount).toBe(1);
    expect(page.distributor.terminalCount).toBe(2);
    expect(page.subDealers[0].terminalCount).toBe(1);
    expect(page.directTerminals.map((t: any) => t.code)).toEqual(['T2']);
    expect(page.terminalsByStatus).toMatchObject({ active: 1, prospect: 1, lost: 0 });
    const list = await call(ctx, 'terminal.list', { distributorId: distributor.id });
    expect(list.total).toBe(2);
    expect(list.rows.every((t: any) => t.networkDistributorName === 'Riverside Beverage')).toBe(true);
  });

  it('rejects bad input naming the field, and writes nothing', async () => {
    const { ctx, db } = createTestDb();
    const { area } = await seedMinimal(ctx);
    const result = await dispatch(ctx, 'distributor.create', {
      draft: {
        code: 'D2',
        name: 'X',
        areaId: area.id,
        leadTimeDays: -3,
        warehouseCapacityCases: 1,
        relationshipLevel: 2,
        status: 'active',
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.issues?.[0]?.path).toBe('draft.leadTimeDays');
    }
    expect(db.prepare('SELECT count(*) FROM distributors').pluck().get()).toBe(1);
    const unknown = await dispatch(ctx, 'distributor.create', { draft: {}, __proto__: { admin: true }, extra: 1 });
    expect(unknown.ok).toBe(false);
    const missingArea = await dispatch(ctx, 'distributor.create', {
      draft: { code: 'D3', name: 'Y', areaId: 999, leadTimeDays: 3, warehouseCapacityCases: 1, relationshipLevel: 1, status: 'active' },
    });
    expect(missingArea).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'draft.areaId' }] } });
  });

  it('refuses to orphan outlets and can reassign them on delete', async () => {
    const { ctx, db } = createTestDb();
    const { area, distributor } = await seedMinimal(ctx);
    const other = await call(ctx, 'distributor.create', {
      draft: {
        code: 'D9',
        name: 'Other',
        areaId: area.id,
        leadTimeDays: 5,
        warehouseCapacityCases: 100,
        relationshipLevel: 1,
        status: 'active',
      },
    });
    await call(ctx, 'subDealer.create', {
      draft: { code: 'S1', name: 'Sub', distributorId: distributor.id, areaId: area.id, status: 'active' },
    });
    const refused = await dispatch(ctx, 'distributor.delete', { id: distributor.id, disposition: { outlets: 'none' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'in_use' } });
    await call(ctx, 'distributor.delete', { id: distributor.id, disposition: { outlets: 'reassign', toId: other.id } });
    expect(db.prepare('SELECT distributor_id FROM sub_dealers').pluck().get()).toBe(other.id);
  });

  it('finds terminals by any part of name, code, address or competitor through the search index, exactly as a full scan would', async () => {
    const { ctx, db } = createTestDb();
    seedDemo(db, { scale: 'S' });
    const scan = (text: string) =>
      db
        .prepare(
          `SELECT id FROM terminals WHERE name LIKE @p OR code LIKE @p OR address LIKE @p OR competitor_brand LIKE @p ORDER BY name COLLATE NOCASE, id`,
        )
        .pluck()
        .all({ p: `%${text}%` }) as number[];
    const search = async (text: string) => (await call(ctx, 'terminal.list', { search: text, limit: 1000 })).rows.map((r: any) => r.id);
    const sample = db.prepare('SELECT name, code, address FROM terminals ORDER BY id LIMIT 1 OFFSET 17').get() as {
      name: string;
      code: string;
      address: string;
    };
    for (const text of [
      sample.name.slice(2, 9),
      sample.name.toUpperCase().slice(0, 5),
      sample.code.slice(-4),
      sample.address.slice(4, 12),
      'lotus',
      'Blue Ocean',
      'zz',
      'no such outlet',
    ]) {
      expect(await search(text), text).toEqual(scan(text));
    }
    // Rare words sort their matches; common ones walk the name index; a word in most terminals is
    // checked row by row: every way gives the scan's rows, in both directions and on later pages.
    for (const text of ['lotus', 'lane', sample.code.slice(-4)]) {
      const all = scan(text);
      const page = async (direction: 'asc' | 'desc', offset: number) =>
        (await call(ctx, 'terminal.list', { search: text, sort: 'name', direction, offset, limit: 50 })) as {
          rows: Array<{ id: number }>;
          total: number;
        };
      const first = await page('asc', 0);
      expect(first.total, text).toBe(all.length);
      expect(first.rows.map((r) => r.id)).toEqual(all.slice(0, 50));
      expect((await page('asc', 100)).rows.map((r) => r.id)).toEqual(all.slice(100, 150));
      const descending = db
        .prepare(
          `SELECT id FROM terminals WHERE name LIKE @p OR code LIKE @p OR address LIKE @p OR competitor_brand LIKE @p ORDER BY name COLLATE NOCASE DESC, id LIMIT 50`,
        )
        .pluck()
        .all({ p: `%${text}%` });
      expect((await page('desc', 0)).rows.map((r) => r.id)).toEqual(descending);
    }
    // A page of a longer list: the total is the index's own count, the same as the scan's.
    expect((await call(ctx, 'terminal.list', { search: 'lotus', limit: 5 })).total).toBe(scan('lotus').length);
    expect((await call(ctx, 'terminal.list', { search: 'lotus', status: 'active', limit: 5 })).total).toBe(
      db
        .prepare(
          "SELECT count(*) FROM terminals WHERE status = 'active' AND (name LIKE @p OR code LIKE @p OR address LIKE @p OR competitor_brand LIKE @p)",
        )
        .pluck()
        .get({ p: '%lotus%' }) as number,
    );
    // The index follows inserts, renames and deletes.
    const t = await call(ctx, 'terminal.create', {
      draft: {
        code: 'T-QX-1',
        name: 'Quixotic Quay Bar',
        channel: 'bar_night',
        distributorId: db.prepare('SELECT id FROM distributors LIMIT 1').pluck().get(),
        areaId: db.prepare('SELECT id FROM areas LIMIT 1').pluck().get(),
        status: 'prospect',
      },
    });
    expect(await search('xotic qu')).toEqual([t.id]);
    await call(ctx, 'terminal.update', {
      id: t.id,
      draft: {
        code: 'T-QX-1',
        name: 'Harbour Quay Bar',
        channel: 'bar_night',
        distributorId: t.distributorId,
        areaId: t.areaId,
        status: 'prospect',
      },
    });
    expect(await search('xotic')).toEqual([]);
    expect(await search('our quay')).toEqual([t.id]);
    await call(ctx, 'terminal.delete', { id: t.id });
    expect(await search('our quay')).toEqual([]);
  });

  it('a bulk write that fails leaves the search index and its trigger as they were', async () => {
    const { ctx, db } = createTestDb();
    const { area, distributor } = await seedMinimal(ctx);
    const insert = db.prepare(
      "INSERT INTO terminals (code, name, channel, distributor_id, area_id, status, created_at, updated_at) VALUES (?, ?, 'kiosk', ?, ?, 'active', 'x', 'x')",
    );
    expect(() =>
      db.transaction(() =>
        withTerminalSearchDeferred(db, () => {
          insert.run('K-1', 'Kiosk Alpha', distributor.id, area.id);
          throw new Error('cancelled');
        }),
      )(),
    ).toThrow('cancelled');
    db.transaction(() => withTerminalSearchDeferred(db, () => insert.run('K-2', 'Kiosk Beta', distributor.id, area.id)))();
    insert.run('K-3', 'Kiosk Gamma', distributor.id, area.id);
    expect((await call(ctx, 'terminal.list', { search: 'kiosk', limit: 10 })).rows.map((r: any) => r.code)).toEqual(['K-2', 'K-3']);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'terminals_search_insert'").pluck().get()).toBe(
      1,
    );
  });

  it('a large terminal import is indexed for search once at the end; a refused one leaves the index as it was', async () => {
    const { ctx, db } = createTestDb();
    seedDemo(db, { scale: 'S' });
    const [distributor, area] = db
      .prepare('SELECT d.code, a.code FROM distributors d JOIN areas a ON a.id = d.area_id LIMIT 1')
      .raw()
      .get() as [string, string];
    const rows = Array.from({ length: 1200 }, (_, i) => `IMP-${i},Zanzibar Kiosk ${i},kiosk,,${distributor},${area},active`);
    const sheet = (extra: string[] = []) =>
      Buffer.from(['code,name,channel,subDealer,distributor,area,status', ...rows, ...extra].join('\n')).toString('base64');
    const importSheet = async (content: string) => {
      const preview = await call(ctx, 'import.preview', { entity: 'terminals', fileName: 't.csv', contentBase64: content });
      return dispatch(ctx, 'import.commit', {
        importId: preview.importId,
        mapping: preview.suggestedMapping,
        decimalComma: false,
        mode: 'all',
      });
    };
    const refused = await importSheet(sheet(['IMP-X,Broken,not-a-channel,,' + distributor + ',' + area + ',active']));
    expect(refused.ok).toBe(false);
    expect((await call(ctx, 'terminal.list', { search: 'zanzibar', limit: 10 })).total).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'terminals_search_insert'").pluck().get()).toBe(
      1,
    );
    expect((await importSheet(sheet())).ok).toBe(true);
    expect((await call(ctx, 'terminal.list', { search: 'zanzibar kiosk 11', limit: 50 })).total).toBe(111); // 11, 110–119, 1100–1199
    expect((await call(ctx, 'terminal.list', { search: 'zanzibar', limit: 10 })).total).toBe(1200);
    // the row-by-row trigger is back for the next edit
    await call(ctx, 'terminal.create', {
      draft: {
        code: 'Z-1',
        name: 'Zanzibar Corner',
        channel: 'kiosk',
        distributorId: db.prepare('SELECT id FROM distributors LIMIT 1').pluck().get(),
        areaId: db.prepare('SELECT id FROM areas LIMIT 1').pluck().get(),
        status: 'active',
      },
    });
    expect((await call(ctx, 'terminal.list', { search: 'zanzibar', limit: 10 })).total).toBe(1201);
  });

  it('generates a deterministic demo region', () => {
    const a = createTestDb();
    const b = createTestDb();
    const today = new Date('2026-11-22T00:00:00Z');
    const ra = seedDemo(a.db, { scale: 'S', today });
    const rb = seedDemo(b.db, { scale: 'S', today });
    expect(ra.counts).toEqual(rb.counts);
    expect(ra.counts.distributors).toBe(20);
    expect(ra.counts.terminals).toBeGreaterThan(500);
    const names = (db: typeof a.db) => db.prepare('SELECT name FROM terminals ORDER BY id LIMIT 50').pluck().all();
    expect(names(a.db)).toEqual(names(b.db));
  });
});
