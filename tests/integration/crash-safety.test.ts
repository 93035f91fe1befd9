import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { runForecast } from '../../main/forecast/run.js';

/**
 * Kills a process in the middle of a large import and of a forecast write (SIGKILL, no chance to
 * clean up), many times at random moments: the database must reopen intact with each operation
 * either fully applied or not at all. PLANNER_CRASH_RUNS raises the count (CI: 5 per operation).
 */
const RUNS = Number(process.env.PLANNER_CRASH_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'planner-crash-'));
const template = join(dir, 'template.sqlite');
let baseline: { terminals: number; runs: number; values: number };

beforeAll(async () => {
  const db = openDatabase(template);
  seedDemo(db, { scale: 'S' });
  await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
  baseline = {
    terminals: db.prepare('SELECT count(*) FROM terminals').pluck().get() as number,
    runs: db.prepare('SELECT count(*) FROM forecast_runs').pluck().get() as number,
    values: db.prepare('SELECT count(*) FROM forecast_values').pluck().get() as number,
  };
  closeDatabase(db);
}, 120_000);

function killMidway(file: string, mode: 'import' | 'forecast', delayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/crash-child.ts', file, mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let finished = false;
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('writing')) setTimeout(() => child.kill('SIGKILL'), delayMs);
      if (text.includes('done')) finished = true;
    });
    child.once('error', reject);
    child.once('exit', () => resolve(finished ? 'finished' : 'killed'));
  });
}

describe('crash safety', () => {
  for (const mode of ['import', 'forecast'] as const) {
    it(`a ${mode} killed at random moments leaves the database intact and all-or-nothing`, async () => {
      const outcomes: string[] = [];
      for (let i = 0; i < RUNS; i++) {
        const file = join(dir, `${mode}-${i}.sqlite`);
        copyFileSync(template, file);
        outcomes.push(await killMidway(file, mode, 5 + Math.floor(Math.random() * 400)));
        const db = new Database(file);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        if (mode === 'import') {
          expect([baseline.terminals, baseline.terminals + 40_000]).toContain(db.prepare('SELECT count(*) FROM terminals').pluck().get());
        } else {
          const runs = db.prepare('SELECT count(*) FROM forecast_runs').pluck().get() as number;
          expect([baseline.runs, baseline.runs + 1]).toContain(runs);
          expect(db.prepare('SELECT count(*) FROM forecast_values').pluck().get()).toBe(baseline.values);
          expect(db.prepare('SELECT count(*) FROM forecast_runs WHERE finished_at IS NULL').pluck().get()).toBe(0);
        }
        db.close();
      }
      console.log(
        `crash safety (${mode}): ${outcomes.filter((o) => o === 'killed').length} killed mid-write, ${outcomes.filter((o) => o === 'finished').length} finished first`,
      );
    }, 180_000);
  }
});
