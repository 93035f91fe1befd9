import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyLines } from '../../main/importing/key-lines.js';

describe('KeyLines: the first line of each identity of a file', () => {
  it('answers as a Map of first lines does, for packed numeric and text identities, across growth', () => {
    const key = fc.oneof(
      // packed history identities (distributor, product, month index), with many sharing low bits
      fc
        .tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 22800, max: 24400 }))
        .map(([d, p, m]) => (d * 2 ** 17 + p) * 2 ** 15 + m),
      fc.constantFrom('3000000:1:24300', '3000001:1:24300'),
      fc.integer({ min: 0, max: 5 }),
    );
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), (keys) => {
        const lines = new KeyLines();
        const reference = new Map<number | string, number>();
        keys.forEach((k, i) => {
          const line = i + 2;
          const earlier = reference.get(k) ?? 0;
          if (!earlier) reference.set(k, line);
          expect(lines.firstLine(k, line)).toBe(earlier);
        });
      }),
      { numRuns: 30 },
    );
  });

  it('holds a hundred thousand identities and still finds the first of each', () => {
    const lines = new KeyLines();
    for (let i = 0; i < 100_000; i++) expect(lines.firstLine(i * 2 ** 15, i + 2)).toBe(0);
    for (let i = 0; i < 100_000; i += 997) expect(lines.firstLine(i * 2 ** 15, 999_999)).toBe(i + 2);
  });
});
