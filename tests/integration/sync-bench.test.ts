import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syncBench } from '../../main/bench/sync.js';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import { seedDemo } from '../../main/demo/generate.js';
import { bundleChild } from '../support/team.js';

/**
 * The team server's benchmark at a tiny size (S region, 100 changes, 5 desktops), so the module
 * keeps working: a real server process, real desktops, the simulated load. Shapes and counts only,
 * never timings.
 */
const dir = mkdtempSync(join(tmpdir(), 'planner-sync-bench-'));
let script = '';

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (script) rmSync(script, { force: true });
});

describe('the sync benchmark', () => {
  it('measures a first sync, 100 changes each way and 5 simulated desktops against a real server', async () => {
    const source = join(dir, 'demo-S.sqlite');
    const db = openDatabase(source);
    await seedDemo(db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
    closeDatabase(db);
    script = await bundleChild('tests/support/team-server-child.ts', 'sync-bench-server');

    const figures = await syncBench({
      sourceDb: source,
      dir: join(dir, 'work'),
      changes: 100,
      desktops: 5,
      periodMs: 1000,
      rounds: 2,
      changesPerSync: 3,
      serverCommand: [script],
    });

    expect(figures.firstSync.map((f) => f.role)).toEqual(['salesperson', 'regional_manager']);
    for (const f of figures.firstSync) {
      expect(f.rows).toBeGreaterThan(0);
      expect(f.seconds).toBeGreaterThan(0);
      expect(f.regionIds).toHaveLength(1);
      expect(f.replicaMB).toBeGreaterThan(0);
    }
    expect(figures.changes).toMatchObject({
      count: 100,
      pushRefused: 0,
      pushOnlySeconds: expect.any(Number),
      confirmSeconds: expect.any(Number),
      pullSeconds: expect.any(Number),
    });
    // The visits and the server's history rows of them reached the manager's desktop.
    expect(figures.changes.pulledRows).toBeGreaterThanOrEqual(100);
    expect(figures.load).toMatchObject({ desktops: 5, rounds: 2, failures: 0, refused: 0 });
    expect(figures.load.push.count).toBe(10);
    expect(figures.load.pull.count).toBeGreaterThanOrEqual(10);
    expect(figures.load.push.p95ms).toBeGreaterThanOrEqual(figures.load.push.p50ms);
    // Each desktop sees the visits the others logged in its region.
    expect(figures.load.pulledRows).toBeGreaterThan(0);
    expect(figures.load.serverCpuSeconds).toBeGreaterThan(0);
    expect(figures.load.serverPeakRssMB).toBeGreaterThan(0);
    expect(figures.load.desktopsAt70PercentCpu).toBeGreaterThan(0);
  }, 240_000);
});
