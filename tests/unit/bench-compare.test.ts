import { describe, expect, it } from 'vitest';
import { renderChanges } from '../../main/bench/compare.js';
import type { BenchResults } from '../../main/bench/command.js';

const machine = { cores: 2, cpu: 'x', memoryGB: 8, node: 'v20', platform: 'linux' };

describe('bench: change against the committed figures', () => {
  it('prints each figure measured in both runs, before and now, with the change in percent', () => {
    const before: BenchResults = {
      date: '2026-11-30T10:00:00.000Z',
      scale: 'L',
      machine,
      import: { rows: 1_000_000, seconds: 10, rowsPerSec: 100_000, sqliteIndexedRatio: 2 },
      queries: [{ name: 'dashboard', p50ms: 4, p95ms: 8 }],
      recompute: [{ name: 'readiness', ms: 400, peakMB: 600 }],
      memory: { peakMB: 1000 },
    };
    const now: BenchResults = {
      ...before,
      date: '2026-12-01T10:00:00.000Z',
      import: { rows: 1_000_000, seconds: 5, rowsPerSec: 200_000, sqliteIndexedRatio: 1.2 },
      queries: [
        { name: 'dashboard', p50ms: 5, p95ms: 10 },
        { name: 'a new screen', p50ms: 1, p95ms: 2 },
      ],
      recompute: [{ name: 'readiness', ms: 100, peakMB: 300 }],
      memory: { peakMB: 500 },
    };
    const text = renderChanges(before, now);
    expect(text).toContain('2026-11-30');
    expect(text).toContain('| import: 1M sales-history rows | 10 → 5 s (-50%) |');
    expect(text).toContain('| import: ours / sqlite3 into the indexed table | 2 → 1.2 × (-40%) |');
    expect(text).toContain('| query p95: dashboard | 8 → 10 ms (+25%) |');
    expect(text).toContain('| recompute: readiness | 400 → 100 ms (-75%) |');
    expect(text).toContain('| recompute peak memory: readiness | 600 → 300 MB (-50%) |');
    expect(text).toContain('| memory: peak resident | 1000 → 500 MB (-50%) |');
    // A figure the committed run did not have has nothing to compare with.
    expect(text).not.toContain('a new screen');
  });
});
