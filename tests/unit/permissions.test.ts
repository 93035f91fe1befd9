import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHOD_NAMES, contract, type MethodName } from '../../shared/contract/index.js';
import { PERMISSIONS, PUBLIC_METHODS, ROLES, type Role } from '../../shared/contract/permissions.js';
import { SCOPE_RESOLVERS } from '../../main/people/scope.js';
import { startBridge, type Bridge } from '../../main/bridge/server.js';
import { registerIpc, CHANNEL_PREFIX } from '../../main/electron/ipc.js';
import { withActor } from '../../main/people/actor.js';
import type { ApiResult } from '../../shared/contract/result.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';

const MUTATING = METHOD_NAMES.filter((m) => contract[m].mutates);

describe('the permission table', () => {
  it('has an entry for every mutating method of the contract, and none for a method that does not exist or only reads', () => {
    const missing = MUTATING.filter((m) => !PERMISSIONS[m]);
    expect(missing, 'mutating methods without a permission entry').toEqual([]);
    const stale = Object.keys(PERMISSIONS).filter((m) => !MUTATING.includes(m as never));
    expect(stale, 'entries for methods that are not mutating contract methods').toEqual([]);
  });
  it('gives every region or ownership rule a resolver that finds the record’s region', () => {
    const unresolved = Object.entries(PERMISSIONS)
      .filter(([, p]) => p.scope !== 'any')
      .map(([m]) => m)
      .filter((m) => !SCOPE_RESOLVERS[m as MethodName]);
    expect(unresolved).toEqual([]);
  });
  it('lets an administrator call everything, and names only known roles', () => {
    for (const [method, p] of Object.entries(PERMISSIONS)) {
      expect(p.roles, method).toContain('administrator');
      for (const r of p.roles) expect(ROLES).toContain(r);
      expect(p.rule.length, method).toBeGreaterThan(10);
    }
  });
});

/**
 * Every role against every mutating method, through both doors: a role the table refuses gets
 * `forbidden` quoting the rule before its input is even read; an allowed role gets past the check
 * (here the empty input then fails validation, or the call runs).
 */
const PEOPLE: Record<Exclude<Role, 'administrator'>, string> = {
  regional_manager: 'M1',
  logistics_coordinator: 'L1',
  salesperson: 'S1',
};

function expectAsTable(method: string, role: Role, result: ApiResult<unknown>): void {
  const allowed = PERMISSIONS[method]!.roles.includes(role);
  if (allowed) {
    if (!result.ok) expect(result.error.code, `${role} → ${method}: ${result.error.message}`).not.toBe('forbidden');
  } else {
    expect(result, `${role} → ${method}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!result.ok) expect(result.error.message).toContain(PERMISSIONS[method]!.rule);
  }
}

async function seedPeople(ctx: Parameters<typeof call>[0]): Promise<void> {
  const region = await call(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [6, 7, 8] } });
  for (const [role, code] of Object.entries(PEOPLE)) {
    await call(ctx, 'staff.create', {
      draft: { code, name: `Person ${code}`, role, regionId: region.id, areaIds: [], phone: null, email: null },
    });
  }
  await call(ctx, 'auth.setup', { mode: 'none' });
}

describe('roles through the loopback bridge', () => {
  const { ctx } = createTestDb('file');
  let bridge: Bridge;
  beforeAll(async () => {
    await seedPeople(ctx);
    // Nobody acts by default: each request acts as the person of its session.
    bridge = await startBridge({ ctx: withActor(ctx, undefined) });
  });
  afterAll(() => bridge.close());
  const post = async (method: string, body: unknown, session?: string): Promise<ApiResult<unknown>> => {
    const response = await fetch(`${bridge.url}/api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-planner-token': bridge.token,
        ...(session ? { 'x-planner-session': session } : {}),
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as ApiResult<unknown>;
  };

  it('refuses a tab that has not signed in', async () => {
    expect(await post('distributor.create', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Sign in/) },
    });
    expect(await post('network.summary', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await post('auth.status', {})).toMatchObject({ ok: true, value: { mode: 'none', actor: null } });
  });

  for (const [role, code] of Object.entries(PEOPLE) as Array<[Role, string]>) {
    it(`lets a ${role} call exactly what the table allows`, async () => {
      const signedIn = await post('auth.signIn', { code });
      expect(signedIn).toMatchObject({ ok: true, value: { actor: { code, roles: [role] } } });
      const session = signedIn.ok ? (signedIn.value as { session: string }).session : '';
      expect(await post('auth.status', {}, session)).toMatchObject({ ok: true, value: { actor: { code } } });
      for (const method of MUTATING) {
        if (PUBLIC_METHODS.has(method)) continue;
        expectAsTable(method, role, await post(method, {}, session));
      }
      await post('auth.signOut', {}, session);
      expect(await post('network.summary', {}, session)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
  }
});

describe('roles through the IPC door', () => {
  it('keeps each window’s signed-in person and enforces the table for it', async () => {
    const { ctx } = createTestDb();
    await seedPeople(ctx);
    const ipc = new Map<string, (event: unknown, input: unknown) => Promise<ApiResult<unknown>>>();
    registerIpc(
      { handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<ApiResult<unknown>>) => ipc.set(channel, fn) } as never,
      withActor(ctx, undefined),
    );
    const event = (id: number) => ({ senderFrame: { url: 'app://planner/index.html', parent: null }, sender: { id } });
    const invoke = (id: number, method: string, input: unknown) => ipc.get(`${CHANNEL_PREFIX}${method}`)!(event(id), input);

    expect(await invoke(9, 'distributor.create', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    let window = 1;
    for (const [role, code] of Object.entries(PEOPLE) as Array<[Role, string]>) {
      const sender = window++;
      expect(await invoke(sender, 'auth.signIn', { code })).toMatchObject({ ok: true });
      for (const method of MUTATING) {
        if (PUBLIC_METHODS.has(method)) continue;
        expectAsTable(method, role, await invoke(sender, method, {}));
      }
    }
    // Another window of the same app has not signed in.
    expect(await invoke(99, 'network.summary', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await invoke(1, 'auth.signOut', {});
    expect(await invoke(1, 'network.summary', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(2, 'network.summary', {})).toMatchObject({ ok: true });
  });
});
