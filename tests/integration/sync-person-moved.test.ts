import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import { PASSWORD, syncedDump } from '../support/team.js';
import { teamOnLoopback } from '../support/team-on-loopback.js';

/**
 * A desktop keeps a replica of what its person may see. When an administrator moves the person to
 * another region, the next sync must leave the replica holding the new region's rows and none of
 * the old one's, and the desktop must act as the person is now; rows that did not change since
 * never come with a pull, so the change log alone cannot do it.
 */
const team = teamOnLoopback('sync-person-moved');

const serverDump = (regionIds: number[]) => {
  const db = openDatabase(team.serverFile);
  try {
    return syncedDump(db, regionIds);
  } finally {
    closeDatabase(db);
  }
};

const distributorCodes = (db: ReturnType<typeof openDatabase>) => db.prepare('SELECT code FROM distributors ORDER BY code').pluck().all();

describe('a person moved to another region', () => {
  it('finds the new region on the desktop after the next sync, and nothing of the old one', async () => {
    const { N, S, S1, A1 } = team.ids;
    const desktop = await team.connected('S1');
    await desktop.engine.syncNow();
    expect(distributorCodes(desktop.ctx.db)).toEqual(['D1']);
    expect(desktop.engine.status().person?.regionIds).toEqual([N]);

    // the administrator moves S1 from North to South on their own desktop
    const admin = await team.connected('admin');
    const moved = await dispatch(admin.ctx, 'person.update', { personId: S1, name: 'Person S1', role: 'salesperson', regionIds: [S] });
    expect(moved.ok).toBe(true);
    const adminRound = await admin.engine.syncNow();
    expect(adminRound.pending).toBe(0);

    const status = await desktop.engine.syncNow();
    expect(status.state).toBe('synced');
    expect(status.person?.regionIds).toEqual([S]);
    // D2 never changed since S1 connected: it comes with the reload, and D1 (unchanged too) goes
    expect(distributorCodes(desktop.ctx.db)).toEqual(['D2']);
    expect(syncedDump(desktop.ctx.db)).toEqual(serverDump([S!]));

    // the desktop's own checks follow: North's outlets are no longer S1's to add
    const north = await dispatch(desktop.ctx, 'subDealer.create', {
      draft: { code: 'SD9', name: 'New prospect', areaId: A1, status: 'prospect' },
    });
    expect(north.ok).toBe(false);
    expect(desktop.engine.status().pending).toBe(0);
  });

  it('is loaded in the new region when the desktop connects again (its session had ended)', async () => {
    const { N, S, S2 } = team.ids;
    const desktop = await team.connected('S2');
    await desktop.engine.syncNow();
    expect(distributorCodes(desktop.ctx.db)).toEqual(['D1']);

    const admin = await team.connected('admin');
    expect((await dispatch(admin.ctx, 'person.update', { personId: S2, name: 'Person S2', role: 'salesperson', regionIds: [S] })).ok).toBe(
      true,
    );
    await admin.engine.syncNow();

    // connecting again renews the session on the same link: the queue and cursor continue, the rows follow the person
    const status = await desktop.engine.connect(
      { serverUrl: team.server.url, fingerprint: team.server.fingerprint, personCode: 'S2', password: PASSWORD },
      false,
    );
    expect(status.person?.regionIds).toEqual([S]);
    expect(status.person?.regionIds).not.toContain(N);
    expect(distributorCodes(desktop.ctx.db)).toEqual(['D2']);
    expect(syncedDump(desktop.ctx.db)).toEqual(serverDump([S!]));
  });
});
