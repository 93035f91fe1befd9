import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { QueryThread } from '../../main/api/query-thread.js';
import { seedDemo } from '../../main/demo/generate.js';
import type { ServiceContext } from '../../main/api/context.js';
import type { Db } from '../../main/db/open.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { runForecast } from '../../main/forecast/run.js';
import { acceptPlanTask, proposeAcceptance } from '../../main/readiness/accept.js';
import { syncMode } from '../../main/sync/methods.js';

const TODAY = new Date('2026-11-20T10:00:00Z');

/** What an accepted plan wrote: the planned shipments and the colours it remembers. */
function accepted(db: Db) {
  return {
    shipments: db
      .prepare(
        "SELECT distributor_id, product_id, cases, ship_date, arrival_date FROM shipments WHERE source = 'plan' AND status = 'planned' ORDER BY distributor_id, product_id, ship_date, cases",
      )
      .all(),
    runs: db.prepare('SELECT statuses, shipments, cases, short_cases FROM readiness_runs ORDER BY id').all(),
  };
}

let template: TestDb;
beforeAll(async () => {
  template = createTestDb('file');
  seedDemo(template.db, { scale: 'S', today: TODAY });
  await runForecast(template.db, { workers: 1 }, { progress() {}, checkCancelled() {} });
});

/** A copy of the S demo region with its forecast: two copies start exactly alike. */
const seeded = () => createTestDb('test', template);

describe('accepting the readiness plan', () => {
  it('is prepared in the query thread and written on the main thread: the same rows as accepting it there, recorded as the person’s call', async () => {
    const threaded = seeded();
    const inline = seeded();
    const queries = new QueryThread({ databasePath: threaded.path, door: 'cli', version: 'test' });
    try {
      const ctx: ServiceContext = { ...threaded.ctx, queries };
      let prepared = 0;
      const watched = Object.assign(Object.create(queries) as QueryThread, {
        prepare: async (...args: Parameters<QueryThread['prepare']>) => {
          const answer = await queries.prepare(...args);
          // Prepared there, and nothing it read changed since: this proposal is what gets written.
          if (answer.ok) prepared++;
          return answer;
        },
      });
      const answer = await dispatch({ ...ctx, queries: watched }, 'readiness.acceptPlan', {});
      expect(prepared).toBe(1);
      const same = await dispatch(inline.ctx, 'readiness.acceptPlan', {});
      expect(answer).toEqual(same);
      expect(answer).toMatchObject({ ok: true, value: { shipments: expect.any(Number) } });
      expect((answer as { value: { shipments: number } }).value.shipments).toBeGreaterThan(0);
      expect(accepted(threaded.db)).toEqual(accepted(inline.db));
      // The write is the call's own, in the history as accepting it inline records it.
      const history = (db: Db) =>
        db.prepare("SELECT actor_code, entity, action FROM record_history WHERE method = 'readiness.acceptPlan' ORDER BY id").all();
      expect(history(threaded.db).length).toBeGreaterThan(0);
      expect(history(threaded.db)).toEqual(history(inline.db));
    } finally {
      await queries.stop();
    }
  });

  it('is worked out again on the main thread when a write to what it read lands while the thread prepares it', async () => {
    const threaded = seeded();
    const inline = seeded();
    const queries = new QueryThread({ databasePath: threaded.path, door: 'cli', version: 'test' });
    try {
      const regionId = threaded.db.prepare('SELECT id FROM regions ORDER BY id LIMIT 1').pluck().get() as number;
      const squeeze = { regionId, casesPerWeek: 500 };
      // The coordinator lowers the region's shipping capacity while the thread is still preparing.
      const racing = Object.assign(Object.create(queries) as QueryThread, {
        prepare: async (...args: Parameters<QueryThread['prepare']>) => {
          const answer = await queries.prepare(...args);
          expect(await dispatch(threaded.ctx, 'readiness.setCapacity', squeeze)).toMatchObject({ ok: true });
          return answer;
        },
      });
      const answer = await dispatch({ ...threaded.ctx, queries: racing }, 'readiness.acceptPlan', {});
      expect(await dispatch(inline.ctx, 'readiness.setCapacity', squeeze)).toMatchObject({ ok: true });
      expect(answer).toEqual(await dispatch(inline.ctx, 'readiness.acceptPlan', {}));
      expect(accepted(threaded.db)).toEqual(accepted(inline.db));
      // The squeeze does change the plan: the proposal prepared before it would have been wrong.
      const unsqueezed = seeded();
      await dispatch(unsqueezed.ctx, 'readiness.acceptPlan', {});
      expect(accepted(unsqueezed.db).shipments).not.toEqual(accepted(threaded.db).shipments);
    } finally {
      await queries.stop();
    }
  });
});

describe('accepting the readiness plan as a background job (a solo desktop)', () => {
  const ids = (db: Db) => db.prepare("SELECT id FROM shipments WHERE source = 'plan' ORDER BY id").pluck().all();

  it('writes on the job thread the rows accepting in one call writes, reporting progress, recorded as the person’s call', async () => {
    const job = seeded();
    const inline = seeded();
    const queries = new QueryThread({ databasePath: job.path, door: 'cli', version: 'test' });
    try {
      const started = await dispatch({ ...job.ctx, queries }, 'readiness.acceptPlanStart', {});
      expect(started).toMatchObject({ ok: true, value: { jobId: expect.any(Number) } });
      const status = await job.ctx.jobs.wait((started as { value: { jobId: number } }).value.jobId);
      expect(status).toMatchObject({ state: 'done', kind: 'readiness.accept', progress: 1 });
      const same = await dispatch(inline.ctx, 'readiness.acceptPlan', {});
      expect(status.result).toEqual((same as { value: unknown }).value);
      expect((status.result as { shipments: number }).shipments).toBeGreaterThan(0);
      // the screen learns at the start how many lines the job writes, for its progress
      expect((started as { value: { shipments: number } }).value.shipments).toBe((status.result as { shipments: number }).shipments);
      expect(accepted(job.db)).toEqual(accepted(inline.db));
      expect(job.db.prepare("SELECT entity, action FROM record_history WHERE method = 'readiness.acceptPlanStart'").all()).toEqual([
        { entity: 'call', action: 'call' },
      ]);
    } finally {
      await queries.stop();
    }
  });

  it('leaves the plan accepted before, and its colours, as they were when cancelled', async () => {
    const t = seeded();
    expect(await dispatch(t.ctx, 'readiness.acceptPlan', {})).toMatchObject({ ok: true });
    expect(await dispatch(t.ctx, 'readiness.reopenPlan', { reason: 'new stock counts came in' })).toMatchObject({ ok: true });
    const before = { rows: accepted(t.db), ids: ids(t.db) };
    const started = await dispatch(t.ctx, 'readiness.acceptPlanStart', {});
    const jobId = (started as { value: { jobId: number } }).value.jobId;
    // at once: the job's thread is still starting, so Cancel is seen before its first row
    expect(await dispatch(t.ctx, 'job.cancel', { id: jobId })).toMatchObject({ ok: true });
    expect(await t.ctx.jobs.wait(jobId)).toMatchObject({ state: 'cancelled' });
    expect({ rows: accepted(t.db), ids: ids(t.db) }).toEqual(before);
  });

  it('is refused while the accepted plan is signed off: when asked, and again when the job writes', async () => {
    const t = seeded();
    const proposal = proposeAcceptance(t.db, TODAY);
    expect(await dispatch(t.ctx, 'readiness.acceptPlan', {})).toMatchObject({ ok: true });
    expect(await dispatch(t.ctx, 'readiness.acceptPlanStart', {})).toMatchObject({
      ok: false,
      error: { rule: { code: 'readinessPlanAccepted' } },
    });
    // a plan accepted by someone else between asking and writing
    const before = accepted(t.db);
    expect(() => acceptPlanTask(t.db, { proposal }, { progress() {}, checkCancelled() {} })).toThrow(/signed off/);
    expect(accepted(t.db)).toEqual(before);
  });

  it('tells the board what accepting writes: the whole network’s plan, whatever the board shows', async () => {
    const t = seeded();
    const areaId = t.db.prepare('SELECT id FROM areas ORDER BY id LIMIT 1').pluck().get() as number;
    const board = await dispatch(t.ctx, 'readiness.board', { areaId });
    const { plan, acceptance } = (board as { value: { plan: { shipments: number }; acceptance: { shipments: number; cases: number } } })
      .value;
    expect(plan.shipments).toBeLessThan(acceptance.shipments);
    const written = await dispatch(t.ctx, 'readiness.acceptPlan', {});
    expect((written as { value: unknown }).value).toEqual(acceptance);
  });

  it('is not offered to a desktop connected to a team server, which accepts in one call the server replays', () => {
    expect(syncMode('readiness.acceptPlanStart')).toBe('refused');
    expect(syncMode('readiness.acceptPlan')).toBe('synced');
  });
});
