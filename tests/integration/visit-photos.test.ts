import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { closeDatabase, openDatabase } from '../../main/db/open.js';
import { VISIT_PHOTO_MAX_BYTES } from '../../shared/domain/visitPhotos.js';
import type { Visit } from '../../shared/contract/development.js';
import type { VisitPhoto } from '../../shared/contract/visitPhotos.js';
import type { ApiResult } from '../../shared/contract/result.js';
import { PASSWORD, postJson, type Desktop } from '../support/team.js';
import { teamOnLoopback } from '../support/team-on-loopback.js';

/**
 * A visit's photo: checked (type by its bytes, size limit) before anything is written, refused with
 * a rule code from a desktop and from a phone's push alike, kept with the visit on the server and
 * synced to the region's other desktops, where `visit.photo` shows it.
 */
const team = teamOnLoopback('visit-photos');
const { connected } = team;

/** A JPEG's first bytes and then `size` bytes in all: enough for the type check, whatever the size. */
function jpeg(size: number): string {
  const bytes = Buffer.alloc(size, 0x11);
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  bytes.set([0xff, 0xd9], size - 2);
  return bytes.toString('base64');
}

const visit = (salespersonId: number, distributorId: number, photo?: { mimeType: string; dataBase64: string }) => ({
  salespersonId,
  day: '2026-11-12',
  outletType: 'distributor',
  outletId: distributorId,
  purpose: 'service',
  outcome: 'done',
  note: 'shelf photo',
  ...(photo ? { photo } : {}),
});

const post = (path: string, body: unknown, token?: string) => postJson(team.server.url, path, body, token);

const count = (db: Desktop['ctx']['db'], table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('visit photos', () => {
  it('refuses a photo that is not an image, or too large, with its rule; nothing is written or queued', async () => {
    const s1 = await connected('S1');
    const cases = [
      { photo: { mimeType: 'image/jpeg', dataBase64: Buffer.from('not a picture at all').toString('base64') }, rule: 'visitPhotoType' },
      { photo: { mimeType: 'image/gif', dataBase64: Buffer.from('GIF89a........').toString('base64') }, rule: 'visitPhotoType' },
      { photo: { mimeType: 'image/jpeg', dataBase64: 'not base64 at all!' }, rule: 'visitPhotoType' },
      { photo: { mimeType: 'image/jpeg', dataBase64: jpeg(VISIT_PHOTO_MAX_BYTES + 1) }, rule: 'visitPhotoTooLarge' },
    ];
    for (const c of cases) {
      const result = await dispatch(s1.ctx, 'visit.log', visit(team.ids.S1!, team.ids.D1!, c.photo));
      expect(result.ok, c.rule).toBe(false);
      if (result.ok) continue;
      expect(result.error.rule?.code).toBe(c.rule);
      expect(result.error.issues?.[0]?.path).toBe('photo');
      if (c.rule === 'visitPhotoTooLarge') {
        expect(result.error.rule?.params).toEqual({
          kb: Math.ceil((VISIT_PHOTO_MAX_BYTES + 1) / 1024),
          limitKb: VISIT_PHOTO_MAX_BYTES / 1024,
        });
      }
    }
    expect(count(s1.ctx.db, 'visits')).toBe(0);
    expect(count(s1.ctx.db, 'visit_photos')).toBe(0);
    expect(count(s1.ctx.db, 'sync_queue')).toBe(0);
  });

  it('refuses the same from a phone’s push, stores nothing, and answers the rule', async () => {
    const session = (await post('/api/sync/connect', { personCode: 'S1', password: PASSWORD, deviceName: 'phone' })).body as {
      clientId: string;
      token: string;
    };
    const entry = (seq: number, photo: { mimeType: string; dataBase64: string }) => ({
      seq,
      method: 'visit.log',
      input: visit(team.ids.S1!, team.ids.D1!, photo),
      ids: {},
      at: '2026-11-12T10:00:00Z',
    });
    const answer = await post(
      '/api/sync/push',
      {
        clientId: session.clientId,
        entries: [
          entry(1, { mimeType: 'image/jpeg', dataBase64: jpeg(VISIT_PHOTO_MAX_BYTES + 2048) }),
          entry(2, { mimeType: 'image/png', dataBase64: jpeg(2048) }),
        ],
      },
      session.token,
    );
    expect(answer.status).toBe(200);
    const results = answer.body.results as Array<{ seq: number; ok: boolean; error?: { rule?: { code: string } } }>;
    expect(results.map((r) => [r.seq, r.ok, r.error?.rule?.code])).toEqual([
      [1, false, 'visitPhotoTooLarge'],
      [2, false, 'visitPhotoType'],
    ]);
    const db = openDatabase(team.serverFile);
    try {
      expect(db.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM visit_photos').pluck().get()).toBe(0);
    } finally {
      closeDatabase(db);
    }
  });

  it('keeps a photo with its visit on the server and brings it to the manager’s desktop', async () => {
    const s1 = team.desktops[0]!;
    const photo = { mimeType: 'image/jpeg', dataBase64: jpeg(180 * 1024) };
    const logged = await dispatch(s1.ctx, 'visit.log', visit(team.ids.S1!, team.ids.D1!, photo));
    expect(logged.ok).toBe(true);
    const visitId = (logged as { ok: true; value: Visit }).value.id;
    expect(visitId).toBeLessThan(0);
    await s1.engine.syncNow();
    expect(count(s1.ctx.db, 'sync_queue')).toBe(0);

    const db = openDatabase(team.serverFile);
    try {
      expect(
        db.prepare('SELECT mime_type AS mimeType, bytes, data_base64 AS data FROM visit_photos WHERE visit_id = ?').get(visitId),
      ).toEqual({
        mimeType: 'image/jpeg',
        bytes: 180 * 1024,
        data: photo.dataBase64,
      });
    } finally {
      closeDatabase(db);
    }

    const m1 = await connected('M1');
    const list = (await dispatch(m1.ctx, 'visit.list', { salespersonId: team.ids.S1!, from: '2026-11-01', to: '2026-11-30' })) as ApiResult<
      Visit[]
    >;
    expect(list.ok && list.value.map((v) => [v.id, v.hasPhoto])).toEqual([[visitId, true]]);
    const shown = (await dispatch(m1.ctx, 'visit.photo', { visitId })) as ApiResult<VisitPhoto | null>;
    expect(shown).toEqual({ ok: true, value: { visitId, mimeType: 'image/jpeg', dataBase64: photo.dataBase64, bytes: 180 * 1024 } });

    // Deleting the visit takes its photo with it, on the server and then on the other desktop.
    expect((await dispatch(s1.ctx, 'visit.delete', { id: visitId })).ok).toBe(true);
    await s1.engine.syncNow();
    await m1.engine.syncNow();
    expect(count(m1.ctx.db, 'visits')).toBe(0);
    expect(count(m1.ctx.db, 'visit_photos')).toBe(0);
  });

  it('shows a photo only to people who may see the visit', async () => {
    const s1 = team.desktops[0]!;
    const logged = (await dispatch(
      s1.ctx,
      'visit.log',
      visit(team.ids.S1!, team.ids.D1!, { mimeType: 'image/jpeg', dataBase64: jpeg(4096) }),
    )) as ApiResult<Visit>;
    await s1.engine.syncNow();
    const visitId = logged.ok ? logged.value.id : 0;
    const s3 = (await post('/api/sync/connect', { personCode: 'S3', password: PASSWORD, deviceName: 'phone' })).body as { token: string };
    const answer = await post('/api/call', { method: 'visit.photo', input: { visitId } }, s3.token);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const m1 = team.desktops[1]!;
    await m1.engine.syncNow();
    const shown = (await dispatch(m1.ctx, 'visit.photo', { visitId })) as ApiResult<VisitPhoto | null>;
    expect(shown.ok && shown.value?.bytes).toBe(4096);
  });
});
