import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCertificate } from '../../main/team/cert.js';
import { startTeamServer, type TeamServer, type TeamServerOptions } from '../../main/team/server.js';
import { clientRange } from '../../main/sync/ids.js';
import '../support/db.js';
import { PASSWORD, postJson, seedTeam } from '../support/team.js';

/**
 * Every refusal of the team server: no session, a wrong or expired one, a person outside their role
 * or region, replayed, out-of-order and forged queue entries, mutations through the query door, and
 * repeated failed sign-ins slowed and then locked (per person and per address).
 */
const dir = mkdtempSync(join(tmpdir(), 'planner-team-security-'));
const file = join(dir, 'team.sqlite');
let ids: Record<string, number> = {};
let cert = { cert: '', key: '' };
const servers: TeamServer[] = [];

beforeAll(async () => {
  ids = await seedTeam(file);
  cert = await ensureCertificate(file);
});

afterAll(async () => {
  for (const s of servers) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

async function serve(options: Partial<TeamServerOptions> = {}): Promise<TeamServer> {
  const server = await startTeamServer({ databasePath: file, cert: cert.cert, key: cert.key, guard: { baseDelayMs: 0 }, ...options });
  servers.push(server);
  return server;
}

const post = (server: TeamServer, path: string, body: unknown, token?: string) => postJson(server.url, path, body, token);

interface Session {
  clientId: string;
  clientNo: number;
  token: string;
}

async function connect(server: TeamServer, personCode: string): Promise<Session> {
  const answer = await post(server, '/api/sync/connect', { personCode, password: PASSWORD, deviceName: 'test' });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as unknown as Session;
}

const entry = (seq: number, method: string, input: unknown, entryIds: Record<string, number[]> = {}) => ({
  seq,
  method,
  input,
  ids: entryIds,
  at: '2026-11-20T10:00:00.000Z',
});

const visit = (salespersonId: number, outletId: number) => ({
  salespersonId,
  day: '2026-11-19',
  outletType: 'distributor',
  outletId,
  purpose: 'service',
  outcome: 'done',
});

describe('the team server refuses', () => {
  it('calls without a session, with an unknown token, and with an expired one', async () => {
    const server = await serve({ sessionTtlMs: 1 });
    for (const path of ['/api/sync/push', '/api/sync/pull', '/api/sync/snapshot', '/api/call']) {
      const body =
        path === '/api/call'
          ? { method: 'app.info', input: {} }
          : path === '/api/sync/push'
            ? { clientId: 'x'.repeat(36), entries: [] }
            : path === '/api/sync/pull'
              ? { clientId: 'x'.repeat(36), cursor: 0, touched: [] }
              : { clientId: 'x'.repeat(36), tbl: 'visits', after: null, limit: 10 };
      expect((await post(server, path, body)).status, path).toBe(401);
      expect((await post(server, path, body, 'not-a-token-at-all')).status, path).toBe(401);
    }
    const session = await connect(server, 'S1');
    await new Promise((r) => setTimeout(r, 20));
    const expired = await post(server, '/api/sync/pull', { clientId: session.clientId, cursor: 0, touched: [] }, session.token);
    expect(expired.status).toBe(401);
    expect(expired.body.error!.message).toMatch(/expired/);
  });

  it('a person acting outside their role or their region, and stores the refusal as the answer', async () => {
    const server = await serve();
    const s1 = await connect(server, 'S1');
    const push = await post(
      server,
      '/api/sync/push',
      {
        clientId: s1.clientId,
        entries: [
          entry(1, 'stock.set', { distributorId: ids.D1, productId: ids.P1, date: '2026-11-20', cases: 5 }),
          entry(2, 'visit.log', visit(ids.S3!, ids.D2!)),
          entry(3, 'distributor.update', {
            id: ids.D2,
            draft: {
              code: 'D2',
              name: 'Renamed',
              areaId: ids.A2,
              leadTimeDays: 3,
              warehouseCapacityCases: 1,
              relationshipLevel: 1,
              status: 'active',
            },
          }),
        ],
      },
      s1.token,
    );
    expect(push.status).toBe(200);
    const results = push.body.results as { seq: number; ok: boolean; error?: { code: string } }[];
    expect(results.map((r) => [r.seq, r.ok, r.error?.code])).toEqual([
      [1, false, 'forbidden'],
      [2, false, 'forbidden'],
      [3, false, 'forbidden'],
    ]);
    const pulled = await post(server, '/api/sync/pull', { clientId: s1.clientId, cursor: 0, touched: [], resultsAfter: 0 }, s1.token);
    expect((pulled.body.results as unknown[]).length).toBe(3);
    expect(pulled.body.lastSeq).toBe(3);
    const db = server.core.db;
    expect(db.prepare('SELECT count(*) FROM stock_snapshots').pluck().get()).toBe(0);
    expect(db.prepare('SELECT name FROM distributors WHERE id = ?').pluck().get(ids.D2)).toBe('Distributor D2');
  });

  it('a replayed entry (answered from the stored result, applied once), a gap, and another device’s client id', async () => {
    const server = await serve();
    const s2 = await connect(server, 'S2');
    const other = await connect(server, 'S1');
    const db = server.core.db;
    const before = db.prepare('SELECT count(*) FROM visits').pluck().get() as number;
    const body = { clientId: s2.clientId, entries: [entry(1, 'visit.log', visit(ids.S2!, ids.D1!))] };
    const first = await post(server, '/api/sync/push', body, s2.token);
    const again = await post(server, '/api/sync/push', body, s2.token);
    expect(first.body.results).toEqual([{ seq: 1, ok: true }]);
    expect(again.body.results).toEqual(first.body.results);
    expect(db.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(before + 1);

    const gap = await post(
      server,
      '/api/sync/push',
      { clientId: s2.clientId, entries: [entry(3, 'visit.log', visit(ids.S2!, ids.D1!))] },
      s2.token,
    );
    expect(gap.status).toBe(409);
    expect(gap.body.error!.message).toMatch(/arrived before change 2/);

    const forgedClient = await post(
      server,
      '/api/sync/push',
      { clientId: other.clientId, entries: [entry(1, 'visit.log', visit(ids.S2!, ids.D1!))] },
      s2.token,
    );
    expect(forgedClient.status).toBe(403);
    expect(db.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(before + 1);
  });

  it('forged ids: outside the device’s range, or already taken', async () => {
    const server = await serve();
    const s2 = await connect(server, 'S2');
    const db = server.core.db;
    const before = db.prepare('SELECT count(*) FROM visits').pluck().get() as number;
    const foreign = clientRange(s2.clientNo + 1).high;
    const own = clientRange(s2.clientNo).high;
    const push = await post(
      server,
      '/api/sync/push',
      {
        clientId: s2.clientId,
        entries: [
          entry(1, 'visit.log', visit(ids.S2!, ids.D1!), { visits: [foreign] }),
          entry(2, 'visit.log', visit(ids.S2!, ids.D1!), { visits: [own] }),
          entry(3, 'visit.log', visit(ids.S2!, ids.D1!), { visits: [own] }),
        ],
      },
      s2.token,
    );
    const results = push.body.results as { seq: number; ok: boolean; error?: { code: string; message: string } }[];
    expect(results.map((r) => [r.seq, r.ok])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(results[0]!.error!.message).toMatch(/not this desktop's to give/);
    expect(results[2]!.error!.message).toMatch(/already taken/);
    expect(db.prepare('SELECT id FROM visits WHERE id IN (?, ?)').pluck().all(foreign, own)).toEqual([own]);
    expect(db.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(before + 1);
  });

  it('changes through the query door, and a method that cannot be pushed', async () => {
    const server = await serve();
    const s1 = await connect(server, 'S1');
    const mutation = await post(server, '/api/call', { method: 'visit.log', input: visit(ids.S1!, ids.D1!) }, s1.token);
    expect(mutation.status).toBe(403);
    const query = await post(server, '/api/call', { method: 'app.info', input: {} }, s1.token);
    expect(query.status).toBe(200);
    expect(query.body).toMatchObject({ ok: true });
    const push = await post(
      server,
      '/api/sync/push',
      { clientId: s1.clientId, entries: [entry(1, 'backup.restore', { fileName: 'x.sqlite' })] },
      s1.token,
    );
    expect(push.body.results).toMatchObject([{ seq: 1, ok: false, error: { code: 'forbidden' } }]);
  });

  it('slows repeated failed sign-ins, then locks them per person, even with the right password', async () => {
    const slow = await serve({ guard: { baseDelayMs: 60_000 } });
    expect((await post(slow, '/api/sync/connect', { personCode: 'L1', password: 'wrong password', deviceName: 't' })).status).toBe(401);
    const waited = await post(slow, '/api/sync/connect', { personCode: 'L1', password: PASSWORD, deviceName: 't' });
    expect(waited.status).toBe(429);
    expect(waited.body.error!.message).toMatch(/wait \d+ seconds/);
    const wait = Number(waited.headers['retry-after']);
    expect(waited.body.error).toMatchObject({ rule: { code: 'signInWait', params: { seconds: wait, count: wait } } });
    expect(Number(waited.headers['retry-after'])).toBeGreaterThan(0);

    const server = await serve({ guard: { baseDelayMs: 0, lockAfter: 5 } });
    for (let i = 0; i < 5; i++) {
      expect((await post(server, '/api/sync/connect', { personCode: 'M1', password: `guess ${i}`, deviceName: 't' })).status).toBe(401);
    }
    const locked = await post(server, '/api/sync/connect', { personCode: 'M1', password: PASSWORD, deviceName: 't' });
    expect(locked.status).toBe(429);
    expect(locked.body.error!.message).toMatch(/locked/);
    expect(locked.body.error).toMatchObject({
      rule: { code: 'signInLocked', params: { minutes: expect.any(Number), count: expect.any(Number) } },
    });
    // Another person is not locked by M1's failures.
    expect((await post(server, '/api/sync/connect', { personCode: 'S1', password: PASSWORD, deviceName: 't' })).status).toBe(200);
  });

  it('locks an address that tries many people', async () => {
    const server = await serve({ guard: { baseDelayMs: 0, lockAfter: 50, lockAfterPerAddress: 3 } });
    for (const code of ['S1', 'S2', 'S3']) {
      expect((await post(server, '/api/sync/connect', { personCode: code, password: 'not it at all', deviceName: 't' })).status).toBe(401);
    }
    const locked = await post(server, '/api/sync/connect', { personCode: 'L1', password: PASSWORD, deviceName: 't' });
    expect(locked.status).toBe(429);
  });

  it('keeps passwords as scrypt hashes and never sends them to desktops', async () => {
    const server = await serve();
    const hashes = server.core.db.prepare('SELECT password_hash FROM staff WHERE password_hash IS NOT NULL').pluck().all() as string[];
    expect(hashes.length).toBe(5);
    for (const h of hashes) expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
    const m1 = await connect(server, 'M1');
    const page = await post(server, '/api/sync/snapshot', { clientId: m1.clientId, tbl: 'staff', after: null, limit: 100 }, m1.token);
    const rows = page.body.rows as Record<string, unknown>[];
    expect(rows.length).toBe(5);
    for (const row of rows) expect(row).not.toHaveProperty('password_hash');
  });
});
