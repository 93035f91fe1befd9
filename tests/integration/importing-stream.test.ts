import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../support/db.js';
import { seedSalesNetwork, storedHistory } from '../support/importing.js';
import { commitImport, previewImport, validateImport } from '../../main/importing/session.js';
import type { Db } from '../../main/db/open.js';

/**
 * The streamed import of bulk history (checked and written a chunk at a time) must say and do exactly
 * what the general path (every row held, then validated, then written) says and does, on any file.
 */

const DISTRIBUTORS = ['D1', 'D2', 'D3'];
const SKUS = ['S1', 'S2'];

function seedNetwork(db: Db): void {
  seedSalesNetwork(db, DISTRIBUTORS, SKUS);
  // Months already stored: the file's rows for them are updates or unchanged.
  db.exec(`
    INSERT INTO sales_history (distributor_id, product_id, month, cases, revenue_cents)
    SELECT d.id, p.id, m.month, 100, 480000 FROM distributors d, products p, (SELECT '2026-02' AS month UNION SELECT '2026-04') m
    WHERE d.code IN ('D1', 'D2');
  `);
}

const cell = {
  distributor: fc.constantFrom('D1', 'D2', 'D3', 'd1', ' D2 ', 'D9', ''),
  sku: fc.constantFrom('S1', 'S2', 's2', 'NOPE', ''),
  month: fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04', '2026-4', '2026/05', '2026-13', 'soon', ''),
  cases: fc.constantFrom('100', '120', '7', ' 8 ', '-4', '1.5', '12,600', '12,5', '1.234', 'x', ''),
  revenue: fc.constantFrom('4800', '5400.50', '', '"12,600"', '"0,5"', '1.234', '-1', 'x', '"1 234,5"'),
};
const row = fc.tuple(cell.distributor, cell.sku, cell.month, cell.cases, cell.revenue).map((cells) => cells.join(','));
const file = fc.array(row, { minLength: 0, maxLength: 40 }).map((rows) => ['distributor,sku,month,cases,revenue', ...rows].join('\n'));

async function outcomeOf(
  db: Db,
  text: string,
  path: 'auto' | 'general',
  choices: { mode: 'all' | 'validOnly'; updates?: 'skip' | 'apply' },
) {
  const preview = await previewImport(db, 'salesHistory', 'history.csv', Buffer.from(text));
  const report = await validateImport(db, preview.importId, { mapping: preview.suggestedMapping }, undefined, path);
  const outcome = await commitImport(db, preview.importId, { mapping: preview.suggestedMapping, ...choices }, undefined, path).then(
    (value) => ({ ok: true as const, value }),
    (error: Error & { code?: string }) => ({ ok: false as const, code: error.code, message: error.message }),
  );
  return { preview, report, outcome, rows: storedHistory(db) };
}

describe('streamed history import', () => {
  it('reports and writes exactly what the general path does, on any file', async () => {
    const streamed = createTestDb();
    const general = createTestDb();
    seedNetwork(streamed.db);
    seedNetwork(general.db);
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.constantFrom('all' as const, 'validOnly' as const),
        fc.constantFrom(undefined, 'skip' as const, 'apply' as const),
        async (text, mode, updates) => {
          const choices = { mode, ...(updates ? { updates } : {}) };
          const a = await outcomeOf(streamed.db, text, 'auto', choices);
          const b = await outcomeOf(general.db, text, 'general', choices);
          expect({ ...a.preview, importId: '' }).toEqual({ ...b.preview, importId: '' });
          expect(a.report).toEqual(b.report);
          expect(a.outcome).toEqual(b.outcome);
          expect(a.rows).toEqual(b.rows);
          // Back to the same start for the next file.
          for (const db of [streamed.db, general.db])
            db.exec(
              "DELETE FROM sales_history WHERE month NOT IN ('2026-02', '2026-04'); UPDATE sales_history SET cases = 100, revenue_cents = 480000",
            );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a row that waited for its column and a later row with the same identity: the file order decides', async () => {
    const { db } = createTestDb();
    seedNetwork(db);
    // Line 2's revenue "1.234" (1234) is read only once line 4 says the column writes decimal commas,
    // after line 3 claimed the same month: line 3 is the duplicate, as the general path says.
    const body = ['distributor,sku,month,cases,revenue', 'D3,S1,2026-01,7,1.234', 'D3,S1,2026-01,8,4', 'D3,S2,2026-01,8,"0,5"'].join('\n');
    const general = await outcomeOf(createAndSeed(), body, 'general', { mode: 'validOnly' });
    const streamed = await outcomeOf(db, body, 'auto', { mode: 'validOnly' });
    expect(streamed.report.errors).toEqual([expect.objectContaining({ line: 3, code: 'duplicate_in_file', params: { line: 2 } })]);
    expect(streamed.report).toEqual(general.report);
    expect(streamed.rows).toEqual(general.rows);
  });

  it('decides an ambiguous number from the rest of its column, as the general path does', async () => {
    const { db } = createTestDb();
    seedNetwork(db);
    // "12,600" alone is ambiguous; the later "12,5" says the column writes decimal commas: 12.6 is not whole.
    const quoted = ['distributor,sku,month,cases,revenue', 'D3,S1,2026-01,7,"12,600"', 'D3,S2,2026-01,8,"12,5"'].join('\n');
    const semicolons = ['distributor;sku;month;cases;revenue', 'D3;S1;2026-01;7;12,600', 'D3;S2;2026-01;8;12,5'].join('\n');
    const alone = ['distributor;sku;month;cases;revenue', 'D3;S1;2026-01;7;12,600', 'D3;S2;2026-01;8;4'].join('\n');
    for (const body of [quoted, semicolons, alone]) {
      const general = await outcomeOf(createAndSeed(), body, 'general', { mode: 'validOnly' });
      const streamed = await outcomeOf(db, body, 'auto', { mode: 'validOnly' });
      expect(streamed.report).toEqual(general.report);
      expect(streamed.rows).toEqual(general.rows);
      db.exec("DELETE FROM sales_history WHERE month NOT IN ('2026-02', '2026-04')");
    }
  });
});

function createAndSeed(): Db {
  const { db } = createTestDb();
  seedNetwork(db);
  return db;
}
