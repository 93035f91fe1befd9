import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streamCsv } from '../../main/importing/csv-stream.js';
import { readSheet } from '../../main/importing/read-file.js';

/** The streamed reading must give the rows readSheet (Papa over the whole text) gives, on any text. */
async function both(text: string) {
  const bytes = Buffer.from(text, 'utf8');
  const whole = await readSheet('f.csv', bytes).then(
    (s) => ({ ok: true as const, headers: s.headers, rows: s.rows, delimiter: s.delimiter }),
    (e: Error) => ({ ok: false as const, message: e.message }),
  );
  let streamed;
  try {
    const rows: string[][] = [];
    const head = streamCsv(bytes, undefined, (chunk, first) => {
      expect(first).toBe(rows.length);
      rows.push(...chunk);
    });
    streamed = { ok: true as const, headers: head.headers, rows, delimiter: head.delimiter };
    expect(head.totalRows).toBe(rows.length);
  } catch (e) {
    streamed = { ok: false as const, message: (e as Error).message };
  }
  return { whole, streamed };
}

describe('streamed CSV reading', () => {
  it('reads quote-free and quoted text as readSheet does: rows, header, delimiter, empty lines', async () => {
    const cell = fc.constantFrom('D001', 'NS-330B', '2026-01', '120', '5400.50', '12,5', '', ' ', 'a b', '"q, x"', 'Ω');
    const delimiter = fc.constantFrom(',', ';', '\t', '|');
    const newline = fc.constantFrom('\n', '\r\n');
    await fc.assert(
      fc.asyncProperty(
        delimiter,
        newline,
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 30 }),
        fc.boolean(),
        async (sep, nl, rows, trailing) => {
          const lines = [['distributor', 'sku', 'month', 'cases', 'revenue'].join(sep), ...rows.map((r) => r.join(sep))];
          const text = lines.join(nl) + (trailing ? nl : '');
          const { whole, streamed } = await both(text);
          expect(streamed).toEqual(whole);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses what readSheet refuses, with the same message', async () => {
    for (const text of ['', '\n\n', ' , ,\nD1,S1', 'a,b\n"unclosed,1\n']) {
      const { whole, streamed } = await both(text);
      expect(streamed).toEqual(whole);
    }
  });
});
