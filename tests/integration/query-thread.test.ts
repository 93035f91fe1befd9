import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { warmWholeNetwork } from '../../main/app/warm.js';
import type { AccountsOverview } from '../../shared/contract/accounts.js';
import type { ApiResult } from '../../shared/contract/result.js';
import { createTestDb } from '../support/db.js';
import { withQueryThread } from '../support/query-thread.js';

const openComplaints = (r: ApiResult<unknown>) =>
  r.ok ? (r.value as AccountsOverview).complaintStats.reduce((a, c) => a + c.open, 0) : Number.NaN;

describe('the query thread', () => {
  it('answers whole-network screens from its own connection exactly as the main thread would, and sees every change the main thread commits', () =>
    withQueryThread(async ({ db, ctx, threaded, queries }) => {
      const inline = await dispatch(ctx, 'accounts.overview', {});
      const fromThread = await dispatch(threaded, 'accounts.overview', {});
      expect(fromThread).toEqual(inline);
      expect(fromThread).toMatchObject({ ok: true });

      // A complaint committed on the main connection shows in the thread's next answer.
      const distributorId = db.prepare('SELECT id FROM distributors ORDER BY id LIMIT 1').pluck().get() as number;
      const before = openComplaints(fromThread);
      const created = await dispatch(threaded, 'complaint.create', {
        distributorId,
        category: 'logistics',
        openedOn: '2026-11-19',
        description: 'Late delivery before the weekend',
      });
      expect(created).toMatchObject({ ok: true });
      expect(openComplaints(await dispatch(threaded, 'accounts.overview', {}))).toBe(before + 1);

      // Input is checked before it leaves the main thread.
      const bad = await dispatch(threaded, 'readiness.cell', { distributorId: 'x' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });

      // The thread's connection is read-only: a mutation sent to it straight is refused and writes nothing.
      const complaints = () => db.prepare('SELECT count(*) FROM complaints').pluck().get() as number;
      const stored = complaints();
      const refused = await queries.call('complaint.create', {
        distributorId,
        category: 'logistics',
        openedOn: '2026-11-19',
        description: 'Sent to the query thread by mistake',
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(complaints()).toBe(stored);
      // ...and the thread goes on answering.
      expect(openComplaints(await dispatch(threaded, 'accounts.overview', {}))).toBe(before + 1);

      // Stopped (as before a restore), the next call starts a fresh thread.
      await queries.stop();
      expect(await dispatch(threaded, 'accounts.overview', {})).toEqual(await dispatch(ctx, 'accounts.overview', {}));
    }));
  it('computes the first screens’ whole-network results ahead, and a screen then answers from them unchanged', () =>
    withQueryThread(async ({ ctx, threaded }) => {
      const warmed = await warmWholeNetwork(threaded);
      expect(warmed.map((r) => r.ok)).toEqual([true, true]);
      // Without a query thread there is nothing to warm.
      expect(await warmWholeNetwork(ctx)).toEqual([]);
      expect(openComplaints(await dispatch(threaded, 'accounts.overview', {}))).toBe(
        openComplaints(await dispatch(ctx, 'accounts.overview', {})),
      );
    }));
  it('times a call inside the thread and keeps its answer there, and a refusal stays a refusal', () =>
    withQueryThread(async ({ ctx, threaded, queries }) => {
      const measured = await queries.measure('accounts.overview', {}, undefined, ctx.actor);
      expect(measured).toMatchObject({ ok: true, value: { ms: expect.any(Number) } });
      expect(Object.keys(measured.ok ? measured.value : {})).toEqual(['ms']);
      // The result it computed is the thread's cached one: the next answer is the main thread's own.
      expect(openComplaints(await dispatch(threaded, 'accounts.overview', {}))).toBe(
        openComplaints(await dispatch(ctx, 'accounts.overview', {})),
      );
      expect(await queries.measure('readiness.cell', { distributorId: 'x' })).toMatchObject({ ok: false });
    }));
  it('keeps a command-line process alive until an idle thread has stopped (a restore or the benchmark waits for it)', async () => {
    const { path } = createTestDb();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', join('tests', 'support', 'stop-idle-query-thread.ts'), path],
      {
        timeout: 60_000,
      },
    );
    expect(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')).toEqual({ answered: true, stopped: true });
  });
});
