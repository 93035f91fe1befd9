import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../support/db.js';
import type { Db } from '../../main/db/open.js';
import { editTarget, setLine } from '../../main/targets/service.js';
import type { Level } from '../../main/targets/cascade.js';

/**
 * An edit of the target cascade reads only the cells it can move (the node and its parent). Whatever
 * the plan and whatever the edits, the plan must end exactly as when every edit reads the whole plan.
 */

const DISTRIBUTORS = [1, 2, 3];
const PRODUCTS = [
  { id: 1, brand: 'North' },
  { id: 2, brand: 'North' },
  { id: 3, brand: 'Lotus' },
  { id: 4, brand: 'Lotus' },
];
const MONTHS = ['2027-06', '2027-07'];

interface CellSeed {
  target: number;
  natural: number;
  basis: number;
  locked: boolean;
}

function seedPlan(db: Db, cells: CellSeed[]): void {
  const at = "'2026-01-01'";
  db.exec(`
    INSERT INTO regions (id, code, name, created_at, updated_at) VALUES (1, 'R1', 'Region', ${at}, ${at});
    INSERT INTO areas (id, code, name, region_id, created_at, updated_at) VALUES (1, 'A1', 'Area', 1, ${at}, ${at});
    INSERT INTO target_plans (id, region_id, season_year, name, status, basis, months, created_at, updated_at)
    VALUES (1, 1, 2027, 'Peak', 'draft', 'forecast', '2027-06,2027-07', ${at}, ${at});
  `);
  const distributor = db.prepare(
    `INSERT INTO distributors (id, code, name, area_id, lead_time_days, warehouse_capacity_cases, relationship_level, status, created_at, updated_at)
     VALUES (?, ?, ?, 1, 7, 1000, 2, 'active', ${at}, ${at})`,
  );
  for (const d of DISTRIBUTORS) distributor.run(d, `D${d}`, `Distributor ${d}`);
  const product = db.prepare(
    `INSERT INTO products (id, sku, name, brand, pack, size_ml, units_per_case, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'can', 330, 24, 'active', ${at}, ${at})`,
  );
  for (const p of PRODUCTS) product.run(p.id, `S${p.id}`, `Product ${p.id}`, p.brand);
  const cell = db.prepare(
    'INSERT INTO target_cells (plan_id, distributor_id, product_id, month, target, natural, basis, locked) VALUES (1, ?, ?, ?, ?, ?, ?, ?)',
  );
  let i = 0;
  for (const d of DISTRIBUTORS)
    for (const p of PRODUCTS)
      for (const m of MONTHS) {
        const c = cells[i++]!;
        cell.run(d, p.id, m, c.target, c.natural, c.basis, c.locked ? 1 : 0);
      }
}

const cellSeed = fc.record({
  target: fc.integer({ min: 0, max: 400 }),
  natural: fc.integer({ min: 0, max: 400 }),
  basis: fc.integer({ min: 0, max: 400 }),
  locked: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
});

const distributorId = fc.constantFrom(...DISTRIBUTORS, 9);
const productId = fc.constantFrom(...PRODUCTS.map((p) => p.id), 99);
const level: fc.Arbitrary<Level> = fc.oneof(
  fc.record({ level: fc.constant('distributor' as const), distributorId, brand: fc.constantFrom('North', 'Lotus', 'Other') }),
  fc.record({ level: fc.constant('sku' as const), distributorId, productId }),
  fc.record({ level: fc.constant('cell' as const), distributorId, productId, month: fc.constantFrom(...MONTHS, '2027-08') }),
);
const edit = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), at: level, value: fc.integer({ min: 0, max: 3000 }) }),
  fc.record({
    kind: fc.constant('line' as const),
    brand: fc.constantFrom('North', 'Lotus'),
    productId: fc.constantFrom(undefined, 1, 3),
    value: fc.integer({ min: 0, max: 6000 }),
  }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function apply(db: Db, e: Edit, read: 'affected' | 'whole'): string {
  try {
    if (e.kind === 'edit') editTarget(db, 1, e.at, e.value, true, read);
    else setLine(db, 1, e.brand, e.productId, e.value, true, read);
    return 'ok';
  } catch (error) {
    return `${(error as { code?: string }).code}: ${(error as Error).message}`;
  }
}

const cellsOf = (db: Db) =>
  db.prepare('SELECT distributor_id, product_id, month, target, locked FROM target_cells ORDER BY 1, 2, 3').raw().all() as unknown[];

describe('incremental target cascade', () => {
  it('an edit that reads only the cells it can move leaves the plan as the whole-plan recomputation does', () => {
    const cellCount = DISTRIBUTORS.length * PRODUCTS.length * MONTHS.length;
    fc.assert(
      fc.property(
        fc.array(cellSeed, { minLength: cellCount, maxLength: cellCount }),
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        (cells, edits) => {
          const incremental = createTestDb();
          const full = createTestDb();
          seedPlan(incremental.db, cells);
          seedPlan(full.db, cells);
          for (const e of edits) {
            expect(apply(incremental.db, e, 'affected')).toBe(apply(full.db, e, 'whole'));
            expect(cellsOf(incremental.db)).toEqual(cellsOf(full.db));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('an edit of one distributor SKU changes nothing outside that distributor and brand', () => {
    const { db } = createTestDb();
    seedPlan(
      db,
      Array.from({ length: 24 }, (_, i) => ({ target: 100 + i, natural: 100, basis: 100 + i, locked: false })),
    );
    const before = cellsOf(db) as Array<[number, number, string, number, number]>;
    editTarget(db, 1, { level: 'sku', distributorId: 2, productId: 1 }, 150, true);
    const after = cellsOf(db) as Array<[number, number, string, number, number]>;
    const moved = after.filter((c, i) => c[3] !== before[i]![3]).map((c) => `${c[0]}:${c[1]}`);
    expect(new Set(moved)).toEqual(new Set(['2:1', '2:2']));
    // The distributor's brand total held: the other SKU of the brand gave what the edited one took.
    const total = (rows: typeof before) => rows.filter((c) => c[0] === 2 && c[1] <= 2).reduce((a, c) => a + c[3], 0);
    expect(total(after)).toBe(total(before));
  });
});
