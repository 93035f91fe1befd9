import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import { TEST_NOW } from '../support/db.js';
import { PASSWORD, type Desktop } from '../support/team.js';
import { teamOnLoopback } from '../support/team-on-loopback.js';

/**
 * Each region's logistics coordinator accepts their region's pre-build plan on their own desktop; the
 * team server replays each acceptance as its author, so one region's acceptance never replaces or
 * reopens the other's, there or on the desktops; the accepted plans travel by region.
 */
const team = teamOnLoopback('sync-readiness-regions');

async function ok(desktop: Desktop, method: string, input: unknown): Promise<unknown> {
  const result = await dispatch(desktop.ctx, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** The planned shipments of accepted plans on a file, by distributor code: ids, so a replaced plan shows as new ids. */
const planned = (db: ReturnType<typeof openDatabase>, code: string) =>
  db
    .prepare(
      "SELECT s.id FROM shipments s JOIN distributors d ON d.id = s.distributor_id WHERE s.source = 'plan' AND s.status = 'planned' AND d.code = ? ORDER BY s.id",
    )
    .pluck()
    .all(code) as number[];

const onServer = <T>(read: (db: ReturnType<typeof openDatabase>) => T): T => {
  const db = openDatabase(team.serverFile);
  try {
    return read(db);
  } finally {
    closeDatabase(db);
  }
};

describe('the readiness plan of a team of two regions', () => {
  it('is accepted by each region’s coordinator on their own desktop and replayed region by region', async () => {
    const { S, D1, D2, P1 } = team.ids;
    // A forecast of both regions' distributors, published on the server as a run would publish it.
    onServer((db) => {
      db.prepare("INSERT INTO forecast_runs (id, started_at, finished_at, first_month, horizon) VALUES (1, ?, ?, '2026-11', 12)").run(
        TEST_NOW,
        TEST_NOW,
      );
      for (const d of [D1!, D2!]) {
        db.prepare(
          "INSERT INTO forecast_series (distributor_id, product_id, run_id, history_hash, method, model, params) VALUES (?, ?, 1, 'h', 'ets', 'ETS(A,N,N)', '{}')",
        ).run(d, P1);
        for (let i = 0; i < 12; i++) {
          const month = `${2026 + Math.floor((10 + i) / 12)}-${String(((10 + i) % 12) + 1).padStart(2, '0')}`;
          db.prepare(
            'INSERT INTO forecast_values (distributor_id, product_id, month, point, lo80, hi80, lo95, hi95) VALUES (?, ?, ?, 300, 250, 350, 220, 380)',
          ).run(d, P1, month);
        }
      }
    });
    // South's own coordinator, added by the administrator
    const admin = await team.connected('admin');
    await ok(admin, 'person.create', { code: 'L2', name: 'Person L2', role: 'logistics_coordinator', regionIds: [S], password: PASSWORD });
    await admin.engine.syncNow();

    const north = await team.connected('L1');
    const south = await team.connected('L2');
    await north.engine.syncNow();
    await south.engine.syncNow();
    const northPlan = (await ok(north, 'readiness.board', {})) as { acceptance: { shipments: number } };
    expect(northPlan.acceptance.shipments).toBeGreaterThan(0);

    // South accepts first; North then accepts its own: the server keeps South's rows as they were
    await ok(south, 'readiness.acceptPlan', {});
    await south.engine.syncNow();
    const southRows = onServer((db) => planned(db, 'D2'));
    expect(southRows.length).toBeGreaterThan(0);
    expect(onServer((db) => planned(db, 'D1'))).toEqual([]);

    await north.engine.syncNow();
    await ok(north, 'readiness.acceptPlan', {});
    const round = await north.engine.syncNow();
    expect(round.pending).toBe(0);
    expect(north.engine.status().state).toBe('synced');
    expect(onServer((db) => planned(db, 'D1'))).toHaveLength(northPlan.acceptance.shipments);
    expect(onServer((db) => planned(db, 'D2'))).toEqual(southRows);

    // North's coordinator reopens North's: South's stays signed off, on the server too
    await ok(north, 'readiness.reopenPlan', { reason: 'a count was wrong' });
    await north.engine.syncNow();
    await south.engine.syncNow();
    const again = await dispatch(south.ctx, 'readiness.acceptPlan', {});
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.rule?.code).toBe('readinessPlanAccepted');
    expect(planned(south.ctx.db, 'D2')).toEqual(southRows);

    // South's coordinator on a second desktop finds South's plan signed off there too (the accepted
    // plans travel by region), and is refused at once rather than after the server's replay
    const laptop = await team.connected('L2');
    await laptop.engine.syncNow();
    const board = (await ok(laptop, 'readiness.board', {})) as { lastRun: { reopenedAt: string | null } | null };
    expect(board.lastRun).toMatchObject({ reopenedAt: null });
    const there = await dispatch(laptop.ctx, 'readiness.acceptPlan', {});
    expect(there.ok).toBe(false);
    if (!there.ok) expect(there.error.rule?.code).toBe('readinessPlanAccepted');
    expect(laptop.engine.status().pending).toBe(0);
    // North's plans are not South's to see
    expect(
      laptop.ctx.db
        .prepare('SELECT count(*) FROM readiness_runs WHERE regions = ?')
        .pluck()
        .get(JSON.stringify([team.ids.N])),
    ).toBe(0);
  }, 120_000);

  it('carries a coordinator’s settings for their region to the server and every desktop, and refuses another region’s at once', async () => {
    const { N, S } = team.ids;
    const north = await team.connected('L1');
    await north.engine.syncNow();
    const settings = (await ok(north, 'readiness.settings', { regionId: N })) as Record<string, unknown>;
    const southBefore = (await ok(north, 'readiness.settings', { regionId: S })) as Record<string, unknown>;
    await ok(north, 'readiness.saveSettings', { regionId: N, settings: { ...settings, requiredCoverDays: 35 } });
    // another region's settings are refused on the desktop itself: nothing is queued for the server
    const refused = await dispatch(north.ctx, 'readiness.saveSettings', {
      regionId: S,
      settings: { ...southBefore, requiredCoverDays: 7 },
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('forbidden');
    const round = await north.engine.syncNow();
    expect(round.pending).toBe(0);
    const read = (db: ReturnType<typeof openDatabase>, regionId: number) =>
      JSON.parse(
        (db.prepare('SELECT value FROM team_rules WHERE key = ?').pluck().get(`readiness.settings.region.${regionId}`) as string) ?? 'null',
      ) as {
        requiredCoverDays: number;
      } | null;
    expect(onServer((db) => read(db, N!))?.requiredCoverDays).toBe(35);
    expect(onServer((db) => read(db, S!))).toBeNull();
    // the administrator's desktop plans North with North's cover and South with South's
    const admin = await team.connected('admin');
    await admin.engine.syncNow();
    expect(((await ok(admin, 'readiness.settings', { regionId: N })) as { requiredCoverDays: number }).requiredCoverDays).toBe(35);
    expect(await ok(admin, 'readiness.settings', { regionId: S })).toEqual(southBefore);
  }, 120_000);
});
