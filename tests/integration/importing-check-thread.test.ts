import { describe, expect, it } from 'vitest';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';
import { seedSalesNetwork, storedHistory } from '../support/importing.js';
import type { ImportPreview } from '../../shared/contract/importing.js';
import type { Db } from '../../main/db/open.js';
import { tableVersions } from '../../main/db/table-versions.js';
import { checkOnOwnThread, OWN_THREAD_FROM_BYTES } from '../../main/importing/check-thread.js';
import { commitImport, previewImport } from '../../main/importing/session.js';
import { streamCommit, streamRows, type StreamFile } from '../../main/importing/stream-import.js';
import { JobCancelled } from '../../main/jobs/task.js';

/**
 * A large history file is read and checked on a second thread while this one writes (check-thread.ts):
 * what it reports and writes must be what one thread reports and writes, and a refusal, a failure or
 * a cancel must leave the database as it was.
 */

const DISTRIBUTORS = 100;
const SKUS = 10;
const MAPPING = { distributor: 0, sku: 1, month: 2, cases: 3, revenue: 4 };

function seedNetwork(db: Db): void {
  seedSalesNetwork(
    db,
    Array.from({ length: DISTRIBUTORS }, (_, i) => code('DIST', i + 1)),
    Array.from({ length: SKUS }, (_, i) => code('SKU', i + 1)),
  );
  // Two months already stored for every pair: the file's rows for them are updates or unchanged.
  db.exec(`
    INSERT INTO sales_history (distributor_id, product_id, month, cases, revenue_cents)
    SELECT d.id, p.id, m.month, 100, 480000 FROM distributors d, products p, (SELECT '2020-02' AS month UNION SELECT '2020-04') m;
  `);
}

const code = (prefix: string, n: number) => `${prefix}-${String(n).padStart(4, '0')}`;

/** Six years of every pair (72,000 rows, over the size that takes the second thread), with the problems a real file has. */
function historyFile(lastLine?: string): string {
  const lines = ['distributor,sku,month,cases,revenue'];
  for (let d = 1; d <= DISTRIBUTORS; d++)
    for (let s = 1; s <= SKUS; s++)
      for (let m = 0; m < 72; m++) {
        const month = `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        // unchanged for one stored month, a correction for the other
        const cases = month === '2020-02' ? 100 : ((d * 7 + s * 13 + m * 31) % 900) + 10;
        const revenue = month === '2020-02' ? '4800.00' : `${cases * 48}.50`;
        lines.push(`${code('DIST', d)},${code('SKU', s)},${month},${cases},${revenue}`);
      }
  lines.push('DIST-9999,SKU-0001,2026-01,5,10', 'DIST-0001,SKU-0001,2026-13,5,10', 'DIST-0002,SKU-0002,2021-03,5,10');
  if (lastLine) lines.push(lastLine);
  return lines.join('\n');
}

function streamFile(text: string): StreamFile {
  return { entity: 'salesHistory', fileName: 'history.csv', bytes: Buffer.from(text), encoding: undefined };
}

function seeded(): ReturnType<typeof createTestDb> {
  const test = createTestDb();
  seedNetwork(test.db);
  return test;
}

describe('a large history file checked on its own thread', () => {
  it('hands over the same rows, in the same order, and the same report as checking on one thread', () => {
    const { db } = seeded();
    const file = streamFile(historyFile());
    expect(file.bytes.length).toBeGreaterThan(OWN_THREAD_FROM_BYTES);
    const collect = () => {
      const drafts: unknown[] = [];
      return { drafts, write: (draft: unknown) => drafts.push({ ...(draft as object) }) };
    };
    const threaded = collect();
    const single = collect();
    const fromThread = db.transaction(() => checkOnOwnThread(db, file, { mapping: MAPPING }, threaded.write, true)).immediate();
    const fromHere = streamRows(db, file, { mapping: MAPPING }, single.write, true);
    expect(fromThread).not.toBeNull();
    expect(fromThread).toEqual(fromHere);
    expect(fromHere.report).toMatchObject({ totalRows: 72_003, creates: 70_000, updates: 1_000, unchanged: 1_000, refusedRows: 3 });
    expect(threaded.drafts).toHaveLength(71_000);
    expect(threaded.drafts).toEqual(single.drafts);
  });

  it('imports what the general path imports', async () => {
    const threaded = seeded();
    const general = seeded();
    const text = historyFile();
    const outcomes = [];
    for (const [{ db }, path] of [
      [threaded, 'auto'],
      [general, 'general'],
    ] as const) {
      const preview = await previewImport(db, 'salesHistory', 'history.csv', Buffer.from(text));
      outcomes.push(
        await commitImport(
          db,
          preview.importId,
          { mapping: preview.suggestedMapping, mode: 'validOnly', updates: 'apply' },
          undefined,
          path,
        ),
      );
    }
    expect(outcomes[0]).toEqual({ created: 70_000, updated: 1_000, unchanged: 1_000, skipped: 3 });
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(storedHistory(threaded.db)).toEqual(storedHistory(general.db));
    // the month totals recounted after the bulk write
    const totals = (db: Db) => db.prepare('SELECT month, cases, rows FROM history_month_totals ORDER BY month').all();
    expect(totals(threaded.db)).toEqual(totalsOfRows(threaded.db));
  });

  it('runs in the job thread as the app runs it, with progress, and writes what the general path writes', async () => {
    const { ctx, db } = seeded();
    const general = seeded();
    const text = historyFile();
    const started = await call(ctx, 'import.previewStart', {
      entity: 'salesHistory',
      fileName: 'history.csv',
      contentBase64: Buffer.from(text).toString('base64'),
    });
    const preview = (await ctx.jobs.wait(started.jobId)).result as ImportPreview;
    const commit = await call(ctx, 'import.start', {
      importId: preview.importId,
      mapping: preview.suggestedMapping,
      mode: 'validOnly',
      updates: 'apply',
      step: 'commit',
    });
    expect(await ctx.jobs.wait(commit.jobId)).toMatchObject({
      state: 'done',
      progress: 1,
      result: { created: 70_000, updated: 1_000, unchanged: 1_000, skipped: 3 },
    });
    const reference = await previewImport(general.db, 'salesHistory', 'history.csv', Buffer.from(text));
    await commitImport(
      general.db,
      reference.importId,
      { mapping: reference.suggestedMapping, mode: 'validOnly', updates: 'apply' },
      undefined,
      'general',
    );
    expect(storedHistory(db)).toEqual(storedHistory(general.db));
  });

  it('refuses the whole file for one bad line at its very end, and leaves the database as it was', async () => {
    const { db } = seeded();
    const before = storedHistory(db);
    const preview = await previewImport(db, 'salesHistory', 'history.csv', Buffer.from(historyFile('DIST-0001,SKU-0001,2027-01,lots,10')));
    await expect(
      commitImport(db, preview.importId, { mapping: preview.suggestedMapping, mode: 'all', updates: 'apply' }),
    ).rejects.toMatchObject({
      rule: { code: 'importRowsRefused' },
    });
    expect(storedHistory(db)).toEqual(before);
  });

  it('passes on the checking thread’s refusal as the refusal it is', () => {
    const { db } = seeded();
    const file = streamFile(historyFile());
    expect(() =>
      db.transaction(() => checkOnOwnThread(db, file, { mapping: { ...MAPPING, cases: 9 } }, () => {}, true)).immediate(),
    ).toThrow(expect.objectContaining({ rule: expect.objectContaining({ code: 'importMapRequired' }) }));
  });

  it('stops at a cancel between batches, with nothing written and the change marks back in place', () => {
    const { db } = seeded();
    const before = storedHistory(db);
    const versions = tableVersions(db).tables.sales_history ?? 0;
    let batches = 0;
    const control = {
      progress: () => {},
      checkCancelled: () => {
        if (++batches === 2) throw new JobCancelled();
      },
    };
    expect(() => streamCommit(db, streamFile(historyFile()), { mapping: MAPPING, mode: 'validOnly', updates: 'apply' }, control)).toThrow(
      JobCancelled,
    );
    expect(storedHistory(db)).toEqual(before);
    expect(tableVersions(db).tables.sales_history ?? 0).toBe(versions);
    // the per-row marks work again after the rollback
    db.prepare("UPDATE sales_history SET cases = 1 WHERE month = '2020-02' AND distributor_id = 1 AND product_id = 1").run();
    expect(tableVersions(db).tables.sales_history).toBe(versions + 1);
  });

  it('marks the history changed once, for the connection’s cached results, and only if it commits', () => {
    const { db } = seeded();
    const versions = tableVersions(db).tables.sales_history ?? 0;
    streamCommit(db, streamFile(historyFile()), { mapping: MAPPING, mode: 'validOnly', updates: 'apply' });
    expect(tableVersions(db).tables.sales_history).toBe(versions + 1);
    expect(() =>
      streamCommit(db, streamFile(historyFile('DIST-0001,SKU-0001,2027-01,lots,10')), { mapping: MAPPING, mode: 'all' }),
    ).toThrow();
    expect(tableVersions(db).tables.sales_history).toBe(versions + 1);
    const marks = db
      .prepare("SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'tv_sales_history_%' ORDER BY name")
      .pluck()
      .all();
    expect(marks).toEqual(['tv_sales_history_delete', 'tv_sales_history_insert', 'tv_sales_history_update']);
  });
});

function totalsOfRows(db: Db) {
  return db.prepare('SELECT month, sum(cases) AS cases, count(*) AS rows FROM sales_history GROUP BY month ORDER BY month').all();
}
