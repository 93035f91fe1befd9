import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { startBridge, type Bridge } from '../../main/bridge/server.js';
import { seedDemo } from '../../main/demo/generate.js';
import { registerIpc } from '../../main/electron/ipc.js';
import { runForecast } from '../../main/forecast/run.js';
import { METHOD_NAMES } from '../../shared/contract/index.js';
import { createTestDb } from '../support/db.js';

/**
 * Hostile input at every door: random and malicious payloads to every contract method, through the
 * loopback bridge and through the IPC handlers. Each answer is a structured result, the process
 * survives and the database stays intact. PLANNER_FUZZ_RUNS raises the count (CI: 12 per method and door).
 */
const RUNS = Number(process.env.PLANNER_FUZZ_RUNS ?? 12);
const { db, ctx } = createTestDb('file');
let bridge: Bridge;
const counts = { bridge: 0, ipc: 0 };

beforeAll(async () => {
  seedDemo(db, { scale: 'S' });
  await runForecast(db, { workers: 1 }, { progress() {}, checkCancelled() {} });
  bridge = await startBridge({ ctx, rendererDir: fileURLToPath(new URL('../../out/renderer', import.meta.url)) });
}, 120_000);
afterAll(async () => {
  await bridge.close();
  await ctx.jobs.idle();
  console.log(`fuzz: ${counts.bridge} cases through the bridge, ${counts.ipc} through IPC, ${METHOD_NAMES.length} methods`);
});

const nasty = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE distributors; --",
    '" OR 1=1 --',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    '\u0000',
    '𝕏'.repeat(50),
    '%s%n',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.integer(),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, -0, 0.5),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 20 }),
);
const keys = fc.constantFrom(
  'id',
  'draft',
  'planId',
  'distributorId',
  'productId',
  'regionId',
  'month',
  'value',
  'entity',
  'mapping',
  'importId',
  'scope',
  'level',
  'at',
  'disposition',
  'search',
  'limit',
  'offset',
  'sort',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'code',
  'name',
  'format',
  'force',
  'cases',
  'status',
  'lines',
  'note',
);
const { value: hostile } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nasty,
    fc.dictionary(keys, tie('value'), { maxKeys: 6 }),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
}));
const payload = fc.oneof(
  hostile,
  fc.dictionary(keys, hostile, { maxKeys: 8 }),
  fc.anything({ maxDepth: 4, withObjectString: true, withNullPrototype: true }),
);

function checkResult(result: any) {
  expect(typeof result?.ok).toBe('boolean');
  if (!result.ok) {
    expect(typeof result.error.code).toBe('string');
    expect(typeof result.error.message).toBe('string');
    expect(JSON.stringify(result.error)).not.toMatch(/\bat .*\.(ts|js):\d+|SQLITE_|node_modules/);
  }
}

describe('hostile input at every door', () => {
  it('through the loopback bridge: a structured answer for every payload', async () => {
    for (const method of METHOD_NAMES) {
      await fc.assert(
        fc.asyncProperty(payload, async (p) => {
          let body: string;
          try {
            body = JSON.stringify(p) ?? 'null';
          } catch {
            body = '{}';
          }
          const r = await fetch(`${bridge.url}/api/${encodeURIComponent(method)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-planner-token': bridge.token },
            body,
          });
          expect([200, 400]).toContain(r.status);
          checkResult(await r.json());
          counts.bridge++;
        }),
        { numRuns: RUNS, seed: 424242 },
      );
    }
  });

  it('through the IPC handlers: a structured answer for every payload', async () => {
    const ipc = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
    registerIpc({ handle: (channel: string, fn: any) => ipc.set(channel, fn) } as never, ctx);
    const event = { senderFrame: { url: 'app://planner/index.html', parent: null } };
    for (const [channel, handle] of ipc) {
      await fc.assert(
        fc.asyncProperty(payload, async (p) => {
          checkResult(await handle(event, p));
          counts.ipc++;
        }),
        { numRuns: RUNS, seed: 4242 },
      );
      // an unknown method name never reaches a handler
      expect(channel.startsWith('planner:')).toBe(true);
    }
    checkResult(await dispatch(ctx, '__proto__', {}));
    checkResult(await dispatch(ctx, 'constructor', {}));
  });

  it('leaves the database intact', () => {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('admin');
  });
});
