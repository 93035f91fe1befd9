import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cascadeLine,
  CascadeError,
  editNode,
  growthSplit,
  largestRemainder,
  sum,
  type Cell,
  type Level,
} from '../../main/targets/cascade.js';

const grid = fc
  .record({
    distributors: fc.integer({ min: 1, max: 6 }),
    skus: fc.integer({ min: 1, max: 4 }),
    months: fc.integer({ min: 1, max: 5 }),
    basis: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 120, maxLength: 120 }),
    total: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(({ distributors, skus, months, basis, total }) => {
    const cells: Cell[] = [];
    let i = 0;
    for (let d = 1; d <= distributors; d++)
      for (let s = 1; s <= skus; s++)
        for (let m = 1; m <= months; m++) {
          const b = basis[i++ % basis.length]!;
          cells.push({ distributorId: d, productId: s, brand: 'B', month: `2027-0${m}`, target: 0, natural: b, basis: b, locked: false });
        }
    return { cells, total, distributors, skus, months };
  });

const edit = (d: number, s: number, m: number) =>
  fc.oneof(
    fc.record({ level: fc.constant('distributor' as const), distributorId: fc.integer({ min: 1, max: d }), brand: fc.constant('B') }),
    fc.record({
      level: fc.constant('sku' as const),
      distributorId: fc.integer({ min: 1, max: d }),
      productId: fc.integer({ min: 1, max: s }),
    }),
    fc.record({
      level: fc.constant('cell' as const),
      distributorId: fc.integer({ min: 1, max: d }),
      productId: fc.integer({ min: 1, max: s }),
      month: fc.integer({ min: 1, max: m }).map((x) => `2027-0${x}`),
    }),
  );

describe('target cascade properties', () => {
  it('keeps every total exact, locked cells still and targets non-negative after any sequence of edits', () => {
    fc.assert(
      fc.property(
        grid.chain((g) =>
          fc.tuple(
            fc.constant(g),
            fc.array(
              fc.record({ at: edit(g.distributors, g.skus, g.months), value: fc.integer({ min: 0, max: 400_000 }), lock: fc.boolean() }),
              { maxLength: 25 },
            ),
          ),
        ),
        ([g, edits]) => {
          const cells = g.cells;
          cascadeLine(cells, g.total);
          expect(sum(cells)).toBe(g.total);
          for (const { at, value, lock } of edits) {
            const lockedBefore = cells.filter((c) => c.locked).map((c) => [c, c.target] as const);
            const parentTotals = new Map<number, number>();
            for (const c of cells) parentTotals.set(c.distributorId, (parentTotals.get(c.distributorId) ?? 0) + c.target);
            try {
              editNode(cells, at as Level, value);
              // the edited node now holds its value
              const node = cells.filter(
                (c) =>
                  c.distributorId === at.distributorId &&
                  (at.level === 'distributor' || c.productId === (at as { productId: number }).productId) &&
                  (at.level !== 'cell' || c.month === (at as { month: string }).month),
              );
              expect(sum(node)).toBe(value);
              if (at.level !== 'distributor')
                expect(sum(cells.filter((c) => c.distributorId === at.distributorId))).toBe(parentTotals.get(at.distributorId));
            } catch (error) {
              expect(error).toBeInstanceOf(CascadeError);
            }
            // the line total never moves with edits below it
            expect(sum(cells)).toBe(g.total);
            for (const [c, v] of lockedBefore) expect(c.target).toBe(v);
            for (const c of cells) {
              expect(Number.isInteger(c.target)).toBe(true);
              expect(c.target).toBeGreaterThanOrEqual(0);
            }
            if (lock) {
              const c = cells[(value * 7919) % cells.length]!;
              c.locked = !c.locked;
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splits with largest remainders that always add up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e7 }),
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (total, weights) => {
          const parts = largestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
        },
      ),
    );
  });
});

describe('target cascade known answers', () => {
  const cell = (d: number, s: number, m: string, basis: number): Cell => ({
    distributorId: d,
    productId: s,
    brand: 'B',
    month: m,
    target: 0,
    natural: basis,
    basis,
    locked: false,
  });

  it('follows each distributor’s own seasonal profile and mix', () => {
    const cells = [cell(1, 1, '2027-05', 10), cell(1, 1, '2027-06', 30), cell(2, 1, '2027-05', 30), cell(2, 1, '2027-06', 30)];
    cascadeLine(cells, 200);
    // shares 40:60 -> 80 and 120; months follow each one's own profile
    expect(cells.map((c) => c.target)).toEqual([20, 60, 60, 60]);
  });

  it('rebalances siblings and refuses what cannot be absorbed, changing nothing', () => {
    const cells = [cell(1, 1, '2027-05', 10), cell(2, 1, '2027-05', 10), cell(3, 1, '2027-05', 10)];
    cascadeLine(cells, 300);
    cells[2]!.locked = true;
    editNode(cells, { level: 'distributor', distributorId: 1, brand: 'B' }, 150);
    expect(cells.map((c) => c.target)).toEqual([150, 50, 100]);
    expect(() => editNode(cells, { level: 'distributor', distributorId: 1, brand: 'B' }, 250)).toThrow(CascadeError);
    expect(cells.map((c) => c.target)).toEqual([150, 50, 100]);
  });

  it('splits growth into new outlets, mix and existing outlets', () => {
    const split = growthSplit(
      1200,
      1000,
      [
        { target: 700, natural: 500 },
        { target: 500, natural: 500 },
      ],
      5,
      20,
    );
    expect(split).toEqual({ growth: 200, fromNewOutlets: 100, fromMix: 100, fromExisting: 0 });
  });
});
