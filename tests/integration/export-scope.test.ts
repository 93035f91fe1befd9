import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { ServiceContext } from '../../main/api/context.js';
import { IMPORT_ENTITIES, type ImportEntity } from '../../shared/domain/importing.js';
import { call } from '../support/call.js';
import { twoRegions } from '../support/twoRegions.js';

/** The CSV of an entity as the person exports it, parsed. */
async function exported(ctx: ServiceContext, entity: ImportEntity) {
  const file = await call(ctx, 'export.entity', { entity, format: 'csv' });
  const text = Buffer.from(file.contentBase64, 'base64')
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return { rows: file.rows, data: Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data };
}

describe('exports are scoped in their statements, entity by entity', () => {
  let w: Awaited<ReturnType<typeof twoRegions>>;
  beforeAll(async () => {
    w = await twoRegions({ scope: 'file' });
  }, 120_000);

  it("splits every region-placed entity between the regions' managers, nothing lost and nothing twice", async () => {
    // Products are every region's; staff may belong to several regions (staff_regions).
    for (const entity of IMPORT_ENTITIES.filter((e) => e !== 'products' && e !== 'staff')) {
      const [west, north, all] = [await exported(w.asWest, entity), await exported(w.asNorth, entity), await exported(w.ctx, entity)];
      expect(west.rows + north.rows, entity).toBe(all.rows);
      const key = (r: Record<string, string>) => JSON.stringify(r);
      expect(new Set([...west.data, ...north.data].map(key)), entity).toEqual(new Set(all.data.map(key)));
    }
    const westDistributor = w.db.prepare('SELECT code FROM distributors WHERE id = ?').pluck().get(w.moved) as string;
    const west = await exported(w.asWest, 'subDealers');
    expect(west.rows).toBeGreaterThan(0);
    expect(new Set(west.data.map((r) => Object.values(r)[2]))).toEqual(new Set([westDistributor]));
    expect((await exported(w.asWest, 'products')).rows).toBe((await exported(w.ctx, 'products')).rows);
  });

  it('a large sales history export holds only the rows of the regions in scope', async () => {
    // Two hundred years of months for every product of West's one distributor: tens of thousands of rows.
    w.db
      .prepare(
        `WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 2399)
         INSERT OR IGNORE INTO sales_history (distributor_id, product_id, month, cases)
         SELECT ?, p.id, printf('%04d-%02d', 1900 + i / 12, i % 12 + 1), 1 FROM m, products p`,
      )
      .run(w.moved);
    const count = (sql: string, ...params: unknown[]) =>
      w.db
        .prepare(sql)
        .pluck()
        .get(...params) as number;
    const westRows = count('SELECT count(*) FROM sales_history WHERE distributor_id = ?', w.moved);
    expect(westRows).toBeGreaterThan(20_000);
    const west = await exported(w.asWest, 'salesHistory');
    expect(west.rows).toBe(westRows);
    const north = await exported(w.asNorth, 'salesHistory');
    expect(north.rows).toBe(count('SELECT count(*) FROM sales_history WHERE distributor_id != ?', w.moved));
    const westCode = count('SELECT code FROM distributors WHERE id = ?', w.moved) as unknown as string;
    expect(north.data.some((r) => Object.values(r)[0] === westCode)).toBe(false);
    expect(new Set(west.data.map((r) => Object.values(r)[0]))).toEqual(new Set([westCode]));
  }, 120_000);
});
