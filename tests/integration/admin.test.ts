import { describe, expect, it } from 'vitest';
import { withActor } from '../../main/people/actor.js';
import { call, refusal } from '../support/call.js';
import { asPerson, createTestDb } from '../support/db.js';

/** A database set up with passwords and two regions, administered by the built-in administrator. */
async function setUp() {
  const t = createTestDb();
  const anonymous = withActor(t.ctx, undefined);
  await call(anonymous, 'auth.setup', { mode: 'password', adminPassword: 'admin-pass-1' });
  const north = await call(t.ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [5, 6, 7, 8] } });
  const south = await call(t.ctx, 'region.create', { draft: { code: 'S', name: 'South', peakMonths: [5, 6, 7, 8] } });
  return { ...t, anonymous, north, south };
}

describe('administration of people on a real SQLite file', () => {
  it('creates a person who signs in with the password the administrator set, never shown back', async () => {
    const { ctx, anonymous, north, south } = await setUp();
    const created = await call(ctx, 'person.create', {
      code: 'MW',
      name: 'Mei Wang',
      role: 'regional_manager',
      regionIds: [north.id, south.id],
      password: 'mei-wang-2026',
    });
    expect(created).toMatchObject({ code: 'MW', role: 'regional_manager', admin: false, hasPassword: true, disabled: false });
    expect(created.regionNames).toEqual(['North', 'South']);
    expect(JSON.stringify(await call(ctx, 'person.list', {}))).not.toMatch(/mei-wang-2026|scrypt/);
    const signedIn = await call(anonymous, 'auth.signIn', { code: 'MW', password: 'mei-wang-2026' });
    // Both regions are the person's: permissions and what they see follow them.
    expect(signedIn.actor).toMatchObject({ roles: ['regional_manager'], regionIds: [north.id, south.id] });
    expect((await refusal(anonymous, 'auth.signIn', { code: 'MW', password: 'wrong password' })).code).toBe('forbidden');

    // Reset: the old password stops working, the new one works.
    await call(ctx, 'person.setPassword', { personId: created.personId, password: 'new-password-9' });
    expect((await refusal(anonymous, 'auth.signIn', { code: 'MW', password: 'mei-wang-2026' })).code).toBe('forbidden');
    await call(anonymous, 'auth.signIn', { code: 'MW', password: 'new-password-9' });
  });

  it('changes role, regions and administration, and disables a person so they can no longer act', async () => {
    const { ctx, anonymous, north, south } = await setUp();
    const p = await call(ctx, 'person.create', {
      code: 'AL',
      name: 'Ana López',
      role: 'salesperson',
      regionIds: [north.id],
      password: 'ana-lopez-1',
    });
    const updated = await call(ctx, 'person.update', {
      personId: p.personId,
      name: 'Ana López',
      role: 'regional_manager',
      regionIds: [south.id],
      admin: true,
    });
    expect(updated).toMatchObject({ role: 'regional_manager', admin: true, regionIds: [south.id] });
    expect((await call(anonymous, 'auth.signIn', { code: 'AL', password: 'ana-lopez-1' })).actor.roles).toEqual([
      'regional_manager',
      'administrator',
    ]);

    await call(ctx, 'person.setDisabled', { personId: p.personId, disabled: true });
    expect((await call(ctx, 'person.list', {})).people.find((x) => x.code === 'AL')).toMatchObject({ disabled: true });
    expect((await refusal(anonymous, 'auth.signIn', { code: 'AL', password: 'ana-lopez-1' })).code).toBe('forbidden');
    expect(() => asPerson(ctx, 'AL')).toThrow();
    await call(ctx, 'person.setDisabled', { personId: p.personId, disabled: false });
    await call(anonymous, 'auth.signIn', { code: 'AL', password: 'ana-lopez-1' });

    // The change is in the history, with who made it, and without any password.
    const history = await call(ctx, 'history.list', { entity: 'person', entityId: String(p.personId), limit: 50 });
    expect(history.rows.map((r) => r.method)).toContain('person.update');
    expect(JSON.stringify(history.rows)).not.toContain('ana-lopez-1');
  });

  it('refuses bad input with the field named and leaves the database as it was', async () => {
    const { ctx, db, north } = await setUp();
    const before = db.prepare('SELECT count(*) FROM staff').pluck().get();
    const short = await refusal(ctx, 'person.create', {
      code: 'X1',
      name: 'X',
      role: 'salesperson',
      regionIds: [north.id],
      password: 'short',
    });
    expect(short.issues?.[0]).toMatchObject({ path: 'password', message: 'At least 8 characters' });
    const noRegion = await refusal(ctx, 'person.create', { code: 'X1', name: 'X', role: 'salesperson', regionIds: [] });
    expect(noRegion.issues?.[0]).toMatchObject({ path: 'regionIds', message: 'Choose at least one region' });
    const badRegion = await refusal(ctx, 'person.create', { code: 'X1', name: 'X', role: 'salesperson', regionIds: [north.id, 999] });
    expect(badRegion.issues?.[0]).toMatchObject({ path: 'regionIds.1' });
    await call(ctx, 'person.create', { code: 'X1', name: 'X', role: 'salesperson', regionIds: [north.id] });
    expect(
      (await refusal(ctx, 'person.create', { code: 'x1', name: 'Y', role: 'salesperson', regionIds: [north.id] })).issues?.[0],
    ).toMatchObject({
      path: 'code',
    });
    expect(db.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(Number(before) + 1);
  });

  it('is for administrators only, and an administrator cannot lock themselves out', async () => {
    const { ctx, north } = await setUp();
    await call(ctx, 'person.create', { code: 'MGR', name: 'Manager', role: 'regional_manager', regionIds: [north.id] });
    const adm = await call(ctx, 'person.create', {
      code: 'ADM',
      name: 'Second admin',
      role: 'regional_manager',
      regionIds: [north.id],
      admin: true,
    });
    const manager = asPerson(ctx, 'MGR');
    expect((await refusal(manager, 'person.list', {})).code).toBe('forbidden');
    const refused = await refusal(manager, 'person.create', { code: 'Z', name: 'Z', role: 'salesperson', regionIds: [north.id] });
    expect(refused.message).toMatch(/only an administrator creates the people who sign in/);
    expect((await refusal(manager, 'auth.setMode', { mode: 'none' })).code).toBe('forbidden');
    const self = asPerson(ctx, 'ADM');
    expect((await refusal(self, 'person.setDisabled', { personId: adm.personId, disabled: true })).message).toMatch(
      /cannot disable yourself/,
    );
    expect(
      (
        await refusal(self, 'person.update', {
          personId: adm.personId,
          name: 'Second admin',
          role: 'regional_manager',
          regionIds: [north.id],
          admin: false,
        })
      ).issues?.[0]?.path,
    ).toBe('admin');
  });

  it('switches between password and no-password sign-in', async () => {
    const { ctx, anonymous, north } = await setUp();
    await call(ctx, 'person.create', { code: 'NP', name: 'No password', role: 'salesperson', regionIds: [north.id] });
    expect((await refusal(anonymous, 'auth.signIn', { code: 'NP' })).message).toMatch(/no password yet/);
    expect((await call(ctx, 'auth.setMode', { mode: 'none' })).mode).toBe('none');
    expect((await call(anonymous, 'auth.signIn', { code: 'NP' })).actor.code).toBe('NP');
    expect((await call(ctx, 'auth.setMode', { mode: 'password' })).mode).toBe('password');
    expect((await refusal(anonymous, 'auth.signIn', { code: 'admin', password: 'wrong one!' })).code).toBe('forbidden');
    await call(anonymous, 'auth.signIn', { code: 'admin', password: 'admin-pass-1' });
  });
});
