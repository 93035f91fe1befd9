import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importCommand } from '../../main/cli/import.js';
import { seedDemoCommand } from '../../main/cli/seed-demo.js';
// the tests' pinned clock
import '../support/db.js';

/** The command line is a door like the others: its input is validated by the contract, its imports go through it. */
const printed: string[] = [];
vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
afterEach(() => {
  printed.length = 0;
});

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'planner-cli-'));
  return { dir, db: join(dir, 'planner.sqlite') };
}

const regionCodes = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT code FROM regions ORDER BY code').pluck().all();
  } finally {
    db.close();
  }
};

describe('the command line', () => {
  it('seed-demo refuses a bad scale or seed by the contract schema, naming the option, before opening any database', async () => {
    const { db } = folder();
    expect(await seedDemoCommand(['--scale', 'Q', '--db', db])).toBe(2);
    expect(printed.join('\n')).toMatch(/--scale: /);
    expect(await seedDemoCommand(['--scale', 'S', '--seed', 'abc', '--db', db])).toBe(2);
    expect(printed.join('\n')).toMatch(/--seed: /);
    expect(existsSync(db)).toBe(false);
  });

  it('imports through preview, validation and commit: every refused row printed, nothing written unless --valid-only', async () => {
    const { dir, db } = folder();
    const file = join(dir, 'regions.csv');
    writeFileSync(file, 'code,name,peak months\nNORTH,North Region,5-9\nSOUTH,,4-10\nEAST,East Region,13\n');

    expect(await importCommand(['--entity', 'regions', '--file', file, '--db', db])).toBe(1);
    const output = printed.join('\n');
    expect(output).toMatch(/^line 3, name: /m);
    expect(output).toMatch(/^line 4, peak months: /m);
    expect(output).toMatch(/Nothing was imported/);
    expect(regionCodes(db)).toEqual([]);

    printed.length = 0;
    expect(await importCommand(['--entity', 'regions', '--file', file, '--db', db, '--valid-only'])).toBe(0);
    expect(printed.join('\n')).toMatch(/Imported: 1 created, 0 updated, 2 skipped/);
    expect(regionCodes(db)).toEqual(['NORTH']);

    expect(await importCommand(['--entity', 'nonsense', '--file', file, '--db', db])).toBe(1);
    expect(printed.join('\n')).toMatch(/entity/);
  });

  it('imports a stock count that looks wrong only with --confirm, after printing why', async () => {
    const { dir, db } = folder();
    expect(await seedDemoCommand(['--scale', 'S', '--db', db, '--no-forecast'])).toBe(0);
    const file = new Database(db);
    const cell = file
      .prepare(
        `SELECT d.id, d.code, p.sku FROM distributors d JOIN sales_history h ON h.distributor_id = d.id JOIN products p ON p.id = h.product_id
         WHERE d.warehouse_capacity_cases > 0 LIMIT 1`,
      )
      .get() as { id: number; code: string; sku: string };
    const counts = () =>
      file.prepare('SELECT count(*) FROM stock_snapshots WHERE distributor_id = ? AND cases = 1000000000').pluck().get(cell.id);
    const csv = join(dir, 'counts.csv');
    writeFileSync(csv, `distributor,sku,date,cases\n${cell.code},${cell.sku},2026-11-30,1000000000\n`);
    printed.length = 0;

    expect(await importCommand(['--entity', 'stockSnapshots', '--file', csv, '--db', db])).toBe(1);
    expect(printed.join('\n')).toMatch(/^line 2, .*: check: /m);
    expect(printed.join('\n')).toMatch(/pass --confirm to import them as they are/);
    expect(counts()).toBe(0);

    expect(await importCommand(['--entity', 'stockSnapshots', '--file', csv, '--db', db, '--confirm'])).toBe(0);
    expect(counts()).toBe(1);
    file.close();
  });
});
