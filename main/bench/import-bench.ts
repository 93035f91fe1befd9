import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/open.js';
import { ENTITIES } from '../importing/entities.js';
import { commitImport, previewImport } from '../importing/session.js';
import { round } from './measure.js';
import { withTriggersSuspended } from '../db/triggers.js';
import { withChangeMarkedOnce } from '../db/table-versions.js';

export interface ImportFigures {
  rows: number;
  seconds: number;
  rowsPerSec: number;
  /** Each round's seconds (the fastest is `seconds`). */
  secondsEach?: number[];
  /** The preview's pass over the file, part of `seconds`. */
  previewSeconds?: number;
  sqliteSeconds?: number;
  sqliteRatio?: number;
  /** The sqlite3 tool reading the same file into the real sales_history table (keys, indexes, foreign keys). */
  sqliteIndexedSeconds?: number;
  /** Each round's seconds of the sqlite3 tool's insert (the fastest is `sqliteIndexedSeconds`). */
  sqliteIndexedSecondsEach?: number[];
  /** ours / sqliteIndexedSeconds */
  sqliteIndexedRatio?: number;
  peakMB?: number;
  note?: string;
}

/** A sales-history sheet as a distributor sends it: code, SKU, month, cases, revenue. */
async function writeHistoryCsv(db: Db, file: string, rows: number): Promise<void> {
  const distributors = db.prepare('SELECT code FROM distributors ORDER BY id').pluck().all() as string[];
  const skus = db.prepare('SELECT sku FROM products ORDER BY id').pluck().all() as string[];
  const out = createWriteStream(file);
  out.write('distributor,sku,month,cases,revenue\n');
  let written = 0;
  // Months far before any demo history so the import only adds rows.
  outer: for (let year = 1900; ; year++) {
    for (const d of distributors) {
      for (const s of skus) {
        for (let m = 1; m <= 12; m++) {
          const cases = ((written * 7919) % 900) + 10;
          if (!out.write(`${d},${s},${year}-${String(m).padStart(2, '0')},${cases},${cases * 4800}\n`)) {
            await new Promise((r) => out.once('drain', r));
          }
          if (++written >= rows) break outer;
        }
      }
    }
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

/**
 * Each side runs this many times, alternating (ours, the sqlite3 tool, ours, …), and the fastest run of
 * each is compared: on a machine whose speed drifts by a third between minutes (the file's pages
 * evicted, other jobs), one run each compared the weather as much as the code.
 */
const IMPORT_ROUNDS = 2;

/**
 * One million sales-history rows through the app's own import path (parse, validate every row,
 * write in one transaction), beside the sqlite3 tool inserting the same file into the same indexed
 * table, and sqlite3's own `.import` of the file into a bare table.
 */
export async function benchmarkImport(
  db: Db,
  workDir: string,
  rows = 1_000_000,
  rounds = IMPORT_ROUNDS,
): Promise<ImportFigures | { skipped: string }> {
  if (!('salesHistory' in ENTITIES)) return { skipped: 'no sales-history import yet' };
  const file = join(workDir, 'bench-sales-history.csv');
  if (!existsSync(file)) await writeHistoryCsv(db, file, rows);
  const bytes = await readFile(file);
  const hasTool = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' }).status === 0;
  const ours: number[] = [];
  const previews: number[] = [];
  const tool: number[] = [];
  let imported = 0;
  let toolFailed: string | null = null;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const preview = await previewImport(db, 'salesHistory' as never, 'history.csv', bytes);
    previews.push((performance.now() - t0) / 1000);
    const outcome = await commitImport(db, preview.importId, { mapping: preview.suggestedMapping, mode: 'all', updates: 'apply' });
    ours.push((performance.now() - t0) / 1000);
    imported = outcome.created + outcome.updated;
    removeBenchRows(db);
    if (!hasTool || toolFailed !== null) continue;
    const insert = sqliteIndexedInsert(db, file, rows);
    removeBenchRows(db);
    if (typeof insert === 'number') tool.push(insert);
    else toolFailed = insert.failed;
  }
  const seconds = Math.min(...ours);
  const figures: ImportFigures = {
    rows: imported,
    seconds: round(seconds),
    previewSeconds: round(previews[ours.indexOf(seconds)]!),
    rowsPerSec: Math.round(rows / seconds),
    ...(rounds > 1 ? { secondsEach: ours.map((s) => round(s)) } : {}),
  };
  if (!hasTool) {
    figures.note = 'sqlite3 command-line tool not found (apt-get install sqlite3): no comparison with SQLite';
    return figures;
  }
  const sqliteSeconds = sqliteBareImport(workDir, file);
  figures.sqliteSeconds = round(sqliteSeconds);
  figures.sqliteRatio = round(seconds / sqliteSeconds);
  if (toolFailed !== null) {
    figures.note = `sqlite3 could not insert the file into the indexed table: ${toolFailed}`;
    return figures;
  }
  const toolSeconds = Math.min(...tool);
  figures.sqliteIndexedSeconds = round(toolSeconds);
  if (rounds > 1) figures.sqliteIndexedSecondsEach = tool.map((s) => round(s));
  figures.sqliteIndexedRatio = round(seconds / toolSeconds);
  return figures;
}

/** sqlite3's own `.import` of the file into a bare table of a new database: what reading the file costs SQLite. */
function sqliteBareImport(workDir: string, file: string): number {
  const bare = join(workDir, 'bench-sqlite3-import.sqlite');
  rmSync(bare, { force: true });
  const script = [
    'PRAGMA journal_mode=WAL;',
    'CREATE TABLE sales(distributor TEXT, sku TEXT, month TEXT, cases INTEGER, revenue INTEGER);',
    '.mode csv',
    `.import --skip 1 ${file} sales`,
  ].join('\n');
  const s0 = performance.now();
  spawnSync('sqlite3', [bare], { input: script, encoding: 'utf8' });
  const seconds = (performance.now() - s0) / 1000;
  rmSync(bare, { force: true });
  return seconds;
}

/**
 * The fair limit: the sqlite3 tool putting the same file into the real table of this database, with
 * its primary key, both indexes and foreign keys, codes resolved to ids by a join, the connection
 * settings the app uses and the totals triggers suspended as the app's import suspends them.
 * Committed as ours is; the caller removes the rows the same way. Its seconds, or why it failed.
 */
function sqliteIndexedInsert(db: Db, file: string, rows: number): number | { failed: string } {
  const triggers = db
    .prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN ('sales_history_totals_insert', 'sales_history_totals_update')",
    )
    .pluck()
    .all() as string[];
  const indexed = [
    '.bail on',
    'PRAGMA foreign_keys=ON;',
    'PRAGMA cache_size=-65536;',
    'PRAGMA temp_store=MEMORY;',
    '.timeout 5000',
    'BEGIN;',
    'DROP TRIGGER IF EXISTS sales_history_totals_insert;',
    'DROP TRIGGER IF EXISTS sales_history_totals_update;',
    'CREATE TEMP TABLE raw(distributor TEXT, sku TEXT, month TEXT, cases INTEGER, revenue REAL);',
    `.import --csv --skip 1 --schema temp ${file} raw`,
    `INSERT INTO sales_history (distributor_id, product_id, month, cases, revenue_cents)
       SELECT d.id, p.id, r.month, r.cases, CAST(round(r.revenue * 100) AS INTEGER)
       FROM temp.raw r JOIN distributors d ON d.code = r.distributor JOIN products p ON p.sku = r.sku;`,
    'SELECT changes();',
    ...triggers.map((t) => `${t};`),
    'COMMIT;',
  ].join('\n');
  const i0 = performance.now();
  const run = spawnSync('sqlite3', [db.name], { input: indexed, encoding: 'utf8' });
  const seconds = (performance.now() - i0) / 1000;
  if (run.status === 0 && Number(run.stdout.trim().split('\n').pop()) === rows) return seconds;
  return { failed: (run.stderr || run.stdout).trim().slice(0, 200) };
}

/**
 * Leaves the benchmark database as it was for the other figures: the file's months (1900s) go, with the
 * per-row totals trigger and change marks suspended (a million trigger runs took longer than the import)
 * and the totals of those months removed with them.
 */
function removeBenchRows(db: Db): void {
  db.transaction(() => {
    withTriggersSuspended(db, ['sales_history_totals_delete'], () =>
      withChangeMarkedOnce(db, 'sales_history', () => db.prepare("DELETE FROM sales_history WHERE month < '1990'").run()),
    );
    db.prepare("DELETE FROM history_month_totals WHERE month < '1990'").run();
    db.prepare("DELETE FROM history_distributor_month_totals WHERE month < '1990'").run();
  })();
}
