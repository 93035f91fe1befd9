import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { QueryThread } from '../../main/api/query-thread.js';
import { memoKeys } from '../../main/db/memo.js';
import { seedDemo } from '../../main/demo/generate.js';
import { createTestDb } from '../support/db.js';

describe('whole-network results are held by the query thread alone', () => {
  it('the plan’s export and an account’s detail are answered there, as the main thread would, without a copy on the main thread', async () => {
    const { db, ctx, path } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-20T10:00:00Z') });
    const queries = new QueryThread({ databasePath: path, door: 'cli', version: 'test' });
    const threaded = { ...ctx, queries };
    try {
      const distributorId = db.prepare("SELECT id FROM distributors WHERE status != 'ended' ORDER BY id LIMIT 1").pluck().get() as number;
      const exported = await dispatch(threaded, 'readiness.exportPlan', { format: 'csv' });
      const detail = await dispatch(threaded, 'accounts.detail', { distributorId });
      expect(exported).toMatchObject({ ok: true });
      expect(detail).toMatchObject({ ok: true });
      // Nothing whole-network was computed (and kept) on the main connection.
      expect(memoKeys(db).filter((k) => k.startsWith('readiness') || k.startsWith('accounts'))).toEqual([]);

      // The same answers as the main thread computes them itself.
      expect(await dispatch(ctx, 'readiness.exportPlan', { format: 'csv' })).toEqual(exported);
      expect(await dispatch(ctx, 'accounts.detail', { distributorId })).toEqual(detail);
      expect(memoKeys(db).some((k) => k.startsWith('accounts'))).toBe(true);
    } finally {
      await queries.stop();
    }
  });
});
