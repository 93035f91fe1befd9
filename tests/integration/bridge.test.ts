import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startBridge, type Bridge } from '../../main/bridge/server.js';
import { createTestDb } from '../support/db.js';

let bridge: Bridge;
const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

// One database for the file: the bridge outlives a single test.
const { ctx } = createTestDb('file');
beforeAll(async () => {
  bridge = await startBridge({ ctx, rendererDir });
});
afterAll(() => bridge.close());

function raw(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(`/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-planner-token': bridge.token, host: `127.0.0.1:${bridge.port}`, ...headers },
    body: JSON.stringify(body),
  });

describe('the loopback bridge', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(bridge.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(bridge.openUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
  });

  it('answers the contract with the right token', async () => {
    const r = await api('network.summary', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { isEmpty: true } });
  });

  it('refuses a missing or wrong token', async () => {
    expect((await api('network.summary', {}, { 'x-planner-token': 'nope' })).status).toBe(401);
    expect((await api('network.summary', {}, { 'x-planner-token': `${bridge.token}x` })).status).toBe(401);
    const none = await raw('/api/network.summary', {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: `127.0.0.1:${bridge.port}` },
      body: '{}',
    });
    expect(none.status).toBe(401);
  });

  it('refuses other Host headers (DNS rebinding)', async () => {
    expect((await api('network.summary', {}, { host: `evil.example:${bridge.port}` })).status).toBe(421);
    expect((await api('network.summary', {}, { host: 'localhost:1' })).status).toBe(421);
    expect((await api('network.summary', {}, { host: `localhost:${bridge.port}` })).status).toBe(200);
  });

  it('refuses foreign origins and sends no CORS headers', async () => {
    const r = await api('network.summary', {}, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    const ok = await api('network.summary', {}, { origin: `http://127.0.0.1:${bridge.port}` });
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.headers).filter((h) => h.startsWith('access-control'))).toEqual([]);
    const preflight = await raw('/api/network.summary', {
      method: 'OPTIONS',
      headers: { host: `127.0.0.1:${bridge.port}`, origin: 'https://evil.example' },
    });
    expect(preflight.status).toBe(403);
    const ownPreflight = await raw('/api/network.summary', { method: 'OPTIONS', headers: { host: `127.0.0.1:${bridge.port}` } });
    expect(ownPreflight.status).toBe(405);
  });

  it('accepts JSON only and caps the body', async () => {
    const form = await raw('/api/network.summary', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-planner-token': bridge.token, host: `127.0.0.1:${bridge.port}` },
      body: '{}',
    });
    expect(form.status).toBe(415);
    // announced too large: refused before a byte of it is read
    const big = await raw('/api/network.summary', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-planner-token': bridge.token,
        host: `127.0.0.1:${bridge.port}`,
        'content-length': String(MAX_BODY_BYTES + 1),
        connection: 'close',
      },
    }).catch((e: Error) => ({ status: e.message, headers: {}, body: '' }));
    expect(big.status).toBe(413);
    const notJson = await raw('/api/network.summary', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-planner-token': bridge.token, host: `127.0.0.1:${bridge.port}` },
      body: '{"a":',
    });
    expect(notJson.status).toBe(400);
  });

  it('has short header and request timeouts', () => {
    expect(bridge.server.headersTimeout).toBeLessThanOrEqual(10_000);
    expect(bridge.server.requestTimeout).toBeLessThanOrEqual(120_000);
  });

  it('never returns stack traces or SQL', async () => {
    for (const [method, body] of [
      ['no.such.method', {}],
      ['distributor.get', { id: 99999 }],
      [
        'distributor.create',
        {
          draft: {
            code: "x'); DROP TABLE distributors; --",
            name: 'x',
            areaId: 1,
            leadTimeDays: 1,
            warehouseCapacityCases: 1,
            relationshipLevel: 1,
            status: 'active',
          },
        },
      ],
    ] as const) {
      const r = await api(method, body);
      expect(r.body).not.toMatch(/at .*\.(ts|js):\d+|SQLITE_|SELECT |INSERT |node_modules/);
      expect(JSON.parse(r.body).ok).toBe(false);
    }
  });

  it('serves the app and refuses paths outside it', async () => {
    const page = await raw('/', { headers: { host: `127.0.0.1:${bridge.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    for (const path of ['/../../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json']) {
      const r = await raw(path, { headers: { host: `127.0.0.1:${bridge.port}` } });
      expect(r.body).not.toContain('"better-sqlite3"');
    }
  });
});
