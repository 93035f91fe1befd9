import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cascadeLine, CascadeError, editNode, largestRemainder, setLineTotal, type Cell, type Level } from '../../main/targets/cascade.js';
import { cascadeLineColumns, columnsOf, editNodeColumns, splitInto } from '../../main/targets/columns.js';
import { cascadeLineOld, editNodeOld, largestRemainderOld, setLineTotalOld } from '../support/cascade-objects.js';

/**
 * The cascade runs on columns (main/targets/columns.ts); the object path it replaced is kept in
 * tests/support/cascade-objects.ts as the oracle. On generated plans and edit sequences both must give
 * the same targets, case for case, and refuse the same edits with the same rule, words and figures.
 */

const MONTHS = ['2027-05', '2027-06', '2027-07', '2027-08', '2027-09'];

// Ids as a connected desktop makes them too (negative, far apart); brands per product.
const DIST_IDS = [3, 1, 7, -1_000_001, 42, 9, 11, 2, 5, 8, 13, 21];
const PRODUCTS = [
  { id: 10, brand: 'North' },
  { id: 11, brand: 'North' },
  { id: -5, brand: 'Lotus' },
  { id: 30, brand: 'Lotus' },
  { id: 31, brand: 'Lotus' },
  { id: 40, brand: 'Amber' },
];

/** A plan: some distributor x SKU x month cells (in a shuffled order), small bases so fractions tie often. */
const plan = fc
  .record({
    distributors: fc.integer({ min: 1, max: DIST_IDS.length }),
    keep: fc.array(fc.boolean(), { minLength: 360, maxLength: 360 }),
    basis: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 5000 })), {
      minLength: 360,
      maxLength: 360,
    }),
    locked: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 360, maxLength: 360 }),
    seed: fc.integer(),
  })
  .map(({ distributors, keep, basis, locked, seed }) => {
    const cells: Cell[] = [];
    let i = 0;
    for (const d of DIST_IDS.slice(0, distributors))
      for (const p of PRODUCTS)
        for (const month of MONTHS) {
          const k = i++;
          if (!keep[k]) continue;
          cells.push({
            distributorId: d,
            productId: p.id,
            brand: p.brand,
            month,
            target: 0,
            natural: basis[k]!,
            basis: basis[k]!,
            locked: false,
          });
          if (locked[k] === 0) cells[cells.length - 1]!.locked = true;
        }
    // a deterministic shuffle: groups must keep the order in which their first cell comes, whatever it is
    let s = seed >>> 0;
    for (let j = cells.length - 1; j > 0; j--) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      const r = s % (j + 1);
      [cells[j], cells[r]] = [cells[r]!, cells[j]!];
    }
    return cells;
  });

const level: fc.Arbitrary<Level> = fc.oneof(
  fc.record({
    level: fc.constant('distributor' as const),
    distributorId: fc.constantFrom(...DIST_IDS, 99),
    brand: fc.constantFrom('North', 'Lotus', 'Amber', 'None'),
  }),
  fc.record({
    level: fc.constant('sku' as const),
    distributorId: fc.constantFrom(...DIST_IDS),
    productId: fc.constantFrom(...PRODUCTS.map((p) => p.id), 77),
  }),
  fc.record({
    level: fc.constant('cell' as const),
    distributorId: fc.constantFrom(...DIST_IDS),
    productId: fc.constantFrom(...PRODUCTS.map((p) => p.id)),
    month: fc.constantFrom(...MONTHS, '2027-12'),
  }),
);

const step = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    at: level,
    value: fc.oneof(fc.integer({ min: 0, max: 200_000 }), fc.constant(-1), fc.constant(0.5)),
  }),
  fc.record({ kind: fc.constant('line' as const), value: fc.integer({ min: 0, max: 2_000_000 }) }),
  fc.record({ kind: fc.constant('lock' as const), at: fc.nat() }),
);

/** Runs one call on both paths; returns what each refused (or null). */
function both(oldCells: Cell[], newCells: Cell[], run: (cells: Cell[], old: boolean) => void) {
  const refusal = (cells: Cell[], old: boolean) => {
    try {
      run(cells, old);
      return null;
    } catch (error) {
      if (!(error instanceof CascadeError)) throw error;
      return { rule: error.rule, message: error.message, params: error.params };
    }
  };
  expect(refusal(newCells, false)).toEqual(refusal(oldCells, true));
  expect(newCells.map((c) => c.target)).toEqual(oldCells.map((c) => c.target));
}

const copy = (cells: Cell[]) => cells.map((c) => ({ ...c }));

describe('the columnar cascade equals the object cascade it replaced', () => {
  it('on generated plans: the first cascade, then any sequence of edits, line totals and locks', () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 0, max: 3_000_000 }), fc.array(step, { maxLength: 12 }), (cells, total, steps) => {
        const oldCells = copy(cells);
        const newCells = copy(cells);
        both(oldCells, newCells, (c, old) => (old ? cascadeLineOld : cascadeLine)(c, total));
        for (const s of steps) {
          if (s.kind === 'edit') both(oldCells, newCells, (c, old) => (old ? editNodeOld : editNode)(c, s.at, s.value));
          else if (s.kind === 'line') both(oldCells, newCells, (c, old) => (old ? setLineTotalOld : setLineTotal)(c, s.value));
          else if (oldCells.length > 0) {
            const i = s.at % oldCells.length;
            oldCells[i]!.locked = !oldCells[i]!.locked;
            newCells[i]!.locked = !newCells[i]!.locked;
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('on one brand of a plan held as columns (as the whole pass runs each brand), the same as on that brand alone', () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: 0, max: 50 }), (cells, total, extra) => {
        const cols = columnsOf(cells);
        for (const brand of ['North', 'Lotus', 'Amber']) {
          const line = Int32Array.from(cells.flatMap((c, i) => (c.brand === brand ? [i] : [])));
          const alone = copy(cells.filter((c) => c.brand === brand));
          const refusedOld = (() => {
            try {
              cascadeLineOld(alone, total);
              if (alone.length > 0) {
                const d = alone[0]!.distributorId;
                const now = alone.filter((c) => c.distributorId === d).reduce((a, c) => a + c.target, 0);
                editNodeOld(alone, { level: 'distributor', distributorId: d, brand }, now + extra);
              }
              return null;
            } catch (error) {
              return (error as CascadeError).rule;
            }
          })();
          const refusedNew = (() => {
            try {
              cascadeLineColumns(cols, line, total);
              if (line.length > 0) {
                const d = cols.distributor[line[0]!]!;
                let now = 0;
                for (const i of line) if (cols.distributor[i] === d) now += cols.target[i]!;
                editNodeColumns(cols, line, { level: 'distributor', distributorId: cols.distributorIds[d]!, brand }, now + extra);
              }
              return null;
            } catch (error) {
              return (error as CascadeError).rule;
            }
          })();
          expect(refusedNew).toBe(refusedOld);
          expect(Array.from(line, (i) => cols.target[i])).toEqual(alone.map((c) => c.target));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('splits any total over any weights as largestRemainder did, including ties, many parts and wrap-rounds', () => {
    // Finite totals and weights: the object path loops for ever on an infinite remainder, so it cannot be the oracle there.
    const weight = fc.oneof(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: -5, max: 1000 }),
      fc.double({ min: -10, max: 1e6, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 1e7 }), fc.double({ min: 0, max: 1e5, noNaN: true })),
        fc.array(weight, { minLength: 1, maxLength: 80 }),
        (total, weights) => {
          const expected = largestRemainderOld(total, weights);
          expect(largestRemainder(total, weights)).toEqual(expected);
          const out = new Float64Array(weights.length);
          splitInto(total, Float64Array.from(weights), weights.length, out);
          expect(Array.from(out)).toEqual(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses to spread a total over nothing, as before', () => {
    expect(() => largestRemainder(5, [])).toThrow(CascadeError);
    expect(largestRemainder(0, [])).toEqual([]);
    // parts that are not numbers (an overflowing total): what the object path gave
    expect(largestRemainder(1e7, [Number.MAX_VALUE, Number.MAX_VALUE])).toEqual(
      largestRemainderOld(1e7, [Number.MAX_VALUE, Number.MAX_VALUE]),
    );
  });
});
