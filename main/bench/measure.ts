/** Small timing helpers for the benchmark: figures are measured here, never asserted in tests. */
export interface QueryFigure {
  name: string;
  p50ms: number;
  p95ms: number;
  /** The first call of the run, after the app's own warm-up (main/app/warm.ts): what the first person to open the screen waits. */
  firstMs?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export async function timeRepeated(name: string, runs: number, fn: () => unknown): Promise<QueryFigure> {
  // Two warm-up runs: statement preparation and page cache are not what a user waits for twice.
  const t = performance.now();
  await fn();
  const firstMs = round(performance.now() - t);
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name, p50ms: round(percentile(times, 50)), p95ms: round(percentile(times, 95)), firstMs };
}

export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: round(performance.now() - t0), value };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Peak resident memory of this process so far, in MB. */
export const peakRssMb = () => round(process.resourceUsage().maxRSS / 1024, 0);
