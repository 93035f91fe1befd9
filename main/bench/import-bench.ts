import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/open.js';
import { ENTITIES } from '../importing/entities.js';
import { commitImport, previewImport } from '../importing/session.js';
import { round } from './measure.js';
import { withTriggersSuspended } from '../db/triggers.js';

export interface ImportFigures {
  rows: number;
  seconds: number;
  rowsPerSec: number;
  /** The preview's pass over the file, part of `seconds`. */
  previewSeconds?: number;
  sqliteSeconds?: number;
  sqliteRatio?: number;
  /** The sqlite3 tool reading the same file into the real sales_history table (keys, indexes, foreign keys). */
  sqliteIndexedSeconds?: number;
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
 * One million sales-history rows through the app's own import path (parse, validate every row,
 * write in one transaction), beside sqlite3's own `.import` of the same file into a bare table.
 */
export async function benchmarkImport(db: Db, workDir: string, rows = 1_000_000): Promise<ImportFigures | { skipped: string }> {
  if (!('salesHistory' in ENTITIES)) return { skipped: 'no sales-history import yet' };
  const file = join(workDir, 'bench-sales-history.csv');
  if (!existsSync(file)) await writeHistoryCsv(db, file, rows);
  const bytes = await readFile(file);
  const t0 = performance.now();
  const preview = await previewImport(db, 'salesHistory' as never, 'history.csv', bytes);
  const previewSeconds = (performance.now() - t0) / 1000;
  const outcome = await commitImport(db, preview.importId, { mapping: preview.suggestedMapping, mode: 'all', updates: 'apply' });
  const seconds = (performance.now() - t0) / 1000;
  removeBenchRows(db);
  const figures: ImportFigures = {
    rows: outcome.created + outcome.updated,
    seconds: round(seconds),
    previewSeconds: round(previewSeconds),
    rowsPerSec: Math.round(rows / seconds),
  };
  const sqlite = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  if (sqlite.status !== 0) {
    figures.note = 'sqlite3 command-line tool not found (apt-get install sqlite3): no comparison with SQLite';
    return figures;
  }
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
  const sqliteSeconds = (performance.now() - s0) / 1000;
  rmSync(bare, { force: true });
  figures.sqliteSeconds = round(sqliteSeconds);
  figures.sqliteRatio = round(seconds / sqliteSeconds);

  // The fair limit: the sqlite3 tool putting the same file into the real table of this database, with
  // its primary key, both indexes and foreign keys, codes resolved to ids by a join, the connection
  // settings the app uses and the totals triggers suspended as the app's import suspends them.
  // Committed as ours is, then removed the same way.
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
  const indexedSeconds = (performance.now() - i0) / 1000;
  removeBenchRows(db);
  if (run.status === 0 && Number(run.stdout.trim().split('\n').pop()) === rows) {
    figures.sqliteIndexedSeconds = round(indexedSeconds);
    figures.sqliteIndexedRatio = round(seconds / indexedSeconds);
  } else {
    figures.note = `sqlite3 could not insert the file into the indexed table: ${(run.stderr || run.stdout).trim().slice(0, 200)}`;
  }
  return figures;
}

/**
 * Leaves the benchmark database as it was for the other figures: the file's months (1900s) go, with the
 * per-row totals trigger suspended (a million trigger runs took longer than the import) and the totals
 * of those months removed with them.
 */
function removeBenchRows(db: Db): void {
  db.transaction(() => {
    withTriggersSuspended(db, ['sales_history_totals_delete'], () => db.prepare("DELETE FROM sales_history WHERE month < '1990'").run());
    db.prepare("DELETE FROM history_month_totals WHERE month < '1990'").run();
    db.prepare("DELETE FROM history_distributor_month_totals WHERE month < '1990'").run();
  })();
}
