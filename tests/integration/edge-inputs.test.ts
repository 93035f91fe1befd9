import { request } from 'node:http';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toApiError } from '../../main/api/dispatch.js';
import { startBridge, type Bridge } from '../../main/bridge/server.js';
import { openDatabase } from '../../main/db/open.js';
import { call, refusal } from '../support/call.js';
import { createTestDb } from '../support/db.js';

/** Small inputs that used to give wrong data or an internal error (issue 15, items 7–9). */

async function network(ctx: Parameters<typeof call>[0]) {
  const region = await call(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [6, 7, 8] } });
  const area = await call(ctx, 'area.create', { draft: { code: 'N1', name: 'North 1', regionId: region.id } });
  return { region, area };
}

describe('exports quote every delimiter a locale may use', () => {
  it('a value holding a comma, semicolon, tab or pipe (x;=1+1) is quoted in CSV exports', async () => {
    const { ctx } = createTestDb();
    const { area } = await network(ctx);
    const names = ['x;=1+1', 'tab\there', 'pipe|here', 'comma, here', 'plain'];
    for (const [i, name] of names.entries())
      await call(ctx, 'distributor.create', {
        draft: {
          code: `D${i}`,
          name,
          areaId: area.id,
          status: 'active',
          leadTimeDays: 3,
          warehouseCapacityCases: 1000,
          relationshipLevel: 1,
        },
      });
    const file = await call(ctx, 'export.entity', { entity: 'distributors', format: 'csv' });
    const text = Buffer.from(file.contentBase64, 'base64')
      .toString('utf8')
      .replace(/^\ufeff/, '');
    expect(text).toContain('"x;=1+1"');
    expect(text).toContain('"tab\there"');
    expect(text).toContain('"pipe|here"');
    expect(text).toContain('"comma, here"');
    expect(text).not.toContain('"plain"');
    // read back with the file's own delimiter, every name is whole
    const cells = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.flat();
    for (const name of names) expect(cells).toContain(name);
  });
});

describe('events refuse impossible times', () => {
  it('refuses 25:61, the 31st of April and 29 February of a common year; accepts real ones', async () => {
    const { ctx } = createTestDb();
    for (const [startsAt, endsAt] of [
      ['2026-12-03T25:61', '2026-12-04T10:00'],
      ['2026-12-03T09:00', '2026-12-03T09:60'],
      ['2027-04-31T09:00', '2027-05-01T10:00'],
      ['2027-02-29T09:00', '2027-03-01T10:00'],
      ['2027-13-01T09:00', '2028-01-01T10:00'],
      ['2026-12-03T09:00Z', '2026-12-03T10:00'],
    ]) {
      const error = await refusal(ctx, 'event.create', { draft: { kind: 'trip', title: 'Impossible', startsAt, endsAt } });
      expect(error.code).toBe('validation');
    }
    expect(await call(ctx, 'event.list', {})).toEqual([]);
    const ok = await call(ctx, 'event.create', {
      draft: { kind: 'trip', title: 'Leap day', startsAt: '2028-02-29T09:00', endsAt: '2028-02-29T23:59' },
    });
    // and its .ics export works
    const ics = await call(ctx, 'event.ics', { eventId: ok.id });
    expect(Buffer.from(ics.contentBase64, 'base64').toString('utf8')).toContain('BEGIN:VEVENT');
  });
});

describe('hostile small inputs', () => {
  it('a NUL character in a terminal search is answered, not an internal error', async () => {
    const { ctx } = createTestDb();
    const { area } = await network(ctx);
    const distributor = await call(ctx, 'distributor.create', {
      draft: {
        code: 'D1',
        name: 'Lotus Trading',
        areaId: area.id,
        status: 'active',
        leadTimeDays: 3,
        warehouseCapacityCases: 1000,
        relationshipLevel: 1,
      },
    });
    await call(ctx, 'terminal.create', {
      draft: { code: 'T1', name: 'Lotus kiosk', channel: 'kiosk', distributorId: distributor.id, areaId: area.id, status: 'active' },
    });
    for (const search of ['lot\u0000us', '\u0000', 'lotus\u0000', 'a\u0000']) {
      const page = await call(ctx, 'terminal.list', { search });
      expect(page.rows.length).toBeLessThanOrEqual(1);
    }
    expect((await call(ctx, 'terminal.list', { search: 'lotus\u0000' })).rows.map((t) => t.code)).toEqual(['T1']);
  });

  it('a write refused because another program wrote first (SQLITE_BUSY_SNAPSHOT) is reported as busy, try again', async () => {
    const { db, path } = createTestDb();
    const other = openDatabase(path);
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM regions').get();
    other.prepare("INSERT INTO regions (code, name, created_at, updated_at) VALUES ('X', 'X', '', '')").run();
    let caught: unknown;
    try {
      db.prepare("INSERT INTO regions (code, name, created_at, updated_at) VALUES ('Y', 'Y', '', '')").run();
    } catch (error) {
      caught = error;
    }
    db.exec('ROLLBACK');
    other.close();
    expect((caught as { code?: string }).code).toBe('SQLITE_BUSY_SNAPSHOT');
    expect(toApiError(caught)).toMatchObject({ code: 'busy', message: expect.stringMatching(/Try again/) });
  });

  describe('through the loopback bridge', () => {
    const { ctx } = createTestDb('file');
    let bridge: Bridge;
    beforeAll(async () => {
      bridge = await startBridge({ ctx });
    });
    afterAll(() => bridge.close());

    it('a malformed % in the method path answers 400, not 500', async () => {
      for (const path of ['/api/%', '/api/region.list%E0%A4%A', '/api/%zz']) {
        const status = await new Promise<number>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: bridge.port,
              path,
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-planner-token': bridge.token, host: `127.0.0.1:${bridge.port}` },
            },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode!));
            },
          );
          req.on('error', reject);
          req.end('{}');
        });
        expect(status).toBe(400);
      }
    });
  });
});
