import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { BenchResults } from './command.js';

/** Where the figures of the README's table are kept, one file per scale, committed with it. */
export const baselinePath = (scale: string) => `docs/bench/results-${scale}.json`;

/**
 * The last committed figures of this scale: as the current commit holds them (git), else the file as
 * it is on disk (a copy of the app without git).
 */
export function committedResults(scale: string): BenchResults | null {
  const path = baselinePath(scale);
  try {
    return JSON.parse(
      execFileSync('git', ['show', `HEAD:${path}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    ) as BenchResults;
  } catch {
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as BenchResults) : null;
  }
}

const change = (before: number | undefined, now: number | undefined, unit: string): string | null => {
  if (before === undefined || now === undefined || before === 0) return null;
  const percent = Math.round(((now - before) / before) * 100);
  return `${before} → ${now} ${unit} (${percent > 0 ? '+' : ''}${percent}%)`;
};

/** Each figure measured in both runs, before → now, so that a slower screen shows at once. */
export function renderChanges(before: BenchResults, now: BenchResults): string {
  const lines = [
    `Change against the committed figures of ${before.date.slice(0, 10)} (${baselinePath(now.scale)}):`,
    '',
    '| figure | change |',
    '| --- | --- |',
  ];
  const row = (name: string, text: string | null) => text && lines.push(`| ${name} | ${text} |`);
  const imp = (r: BenchResults) => (r.import && 'seconds' in r.import ? r.import : undefined);
  row('import: 1M sales-history rows', change(imp(before)?.seconds, imp(now)?.seconds, 's'));
  row('import: ours / sqlite3 into the indexed table', change(imp(before)?.sqliteIndexedRatio, imp(now)?.sqliteIndexedRatio, '×'));
  for (const q of now.queries ?? []) {
    const old = before.queries?.find((b) => b.name === q.name);
    row(`query p95: ${q.name}`, change(old?.p95ms, q.p95ms, 'ms'));
  }
  for (const c of now.recompute ?? []) {
    const old = before.recompute?.find((b) => b.name === c.name);
    row(`recompute: ${c.name}`, change(old?.ms, c.ms, 'ms'));
    row(`recompute peak memory: ${c.name}`, change(old?.peakMB, c.peakMB, 'MB'));
  }
  row('memory: peak resident', change(before.memory?.peakMB, now.memory?.peakMB, 'MB'));
  return lines.join('\n');
}
