import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { memoKeys } from '../../main/db/memo.js';
import { withQueryThread } from '../support/query-thread.js';

describe('whole-network results are held by the query thread alone', () => {
  it('the exports, an account’s detail and the invitation picker are answered there, as the main thread would, without a copy on the main thread', () =>
    withQueryThread(async ({ db, ctx, threaded }) => {
      const distributorId = db.prepare("SELECT id FROM distributors WHERE status != 'ended' ORDER BY id LIMIT 1").pluck().get() as number;
      const sheetOf = db
        .prepare('SELECT plan_id AS planId, distributor_id AS distributorId FROM target_cells ORDER BY plan_id DESC LIMIT 1')
        .get() as {
        planId: number;
        distributorId: number;
      };
      const sheetInput = { ...sheetOf, language: 'en' as const };
      const eventId = db.prepare('SELECT id FROM events ORDER BY id LIMIT 1').pluck().get() as number;
      const exported = await dispatch(threaded, 'readiness.exportPlan', { format: 'csv' });
      const detail = await dispatch(threaded, 'accounts.detail', { distributorId });
      const sheet = await dispatch(threaded, 'targets.exportSheet', sheetInput);
      const candidates = await dispatch(threaded, 'event.inviteCandidates', { eventId });
      for (const answer of [exported, detail, sheet, candidates]) expect(answer).toMatchObject({ ok: true });
      // Nothing whole-network was computed (and kept) on the main connection.
      expect(memoKeys(db)).toEqual([]);

      // The same answers as the main thread computes them itself.
      expect(await dispatch(ctx, 'readiness.exportPlan', { format: 'csv' })).toEqual(exported);
      expect(await dispatch(ctx, 'accounts.detail', { distributorId })).toEqual(detail);
      // (the workbook's bytes carry the second it was zipped: compared without them)
      const withoutBytes = (r: typeof sheet) =>
        r.ok
          ? { ...(r.value as { contentBase64: string }), contentBase64: (r.value as { contentBase64: string }).contentBase64.length > 0 }
          : r;
      expect(withoutBytes(await dispatch(ctx, 'targets.exportSheet', sheetInput))).toEqual(withoutBytes(sheet));
      expect(await dispatch(ctx, 'event.inviteCandidates', { eventId })).toEqual(candidates);
      expect(memoKeys(db).some((k) => k.startsWith('accounts'))).toBe(true);
    }));
});
