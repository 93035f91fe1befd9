import type { AuthStatus, SignedIn, SignInMode, SignInPerson } from '../../shared/contract/people.js';
import type { Role } from '../../shared/contract/permissions.js';
import { refusal } from '../../shared/contract/result.js';
import type { ServiceContext } from '../api/context.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { BUILT_IN_ADMIN_CODE, BUILT_IN_ADMIN_ID, findActorByCode, loadActor, personRow } from './actor.js';
import { hashPassword, verifyPassword } from './password.js';
import { sessionsFor } from './sessions.js';

interface AuthRow {
  mode: SignInMode | null;
  adminPasswordHash: string | null;
}

function authSettings(db: Db): AuthRow {
  return (
    (prepared(db, 'SELECT mode, admin_password_hash AS adminPasswordHash FROM auth_settings WHERE id = 1').get() as
      AuthRow | undefined) ?? {
      mode: null,
      adminPasswordHash: null,
    }
  );
}

export function authStatus(ctx: ServiceContext): AuthStatus {
  const { db } = ctx;
  const settings = authSettings(db);
  const staff = prepared(
    db,
    `SELECT s.id AS personId, s.code, s.name, s.role, s.admin, r.name AS regionName, s.password_hash IS NOT NULL AS hasPassword
     FROM staff s JOIN regions r ON r.id = s.region_id WHERE s.archived_at IS NULL AND s.active = 1 ORDER BY s.name COLLATE NOCASE`,
  ).all() as Array<Omit<SignInPerson, 'roles' | 'hasPassword'> & { role: Role; admin: number; hasPassword: number }>;
  const people: SignInPerson[] = [
    {
      personId: BUILT_IN_ADMIN_ID,
      code: BUILT_IN_ADMIN_CODE,
      name: 'Administrator',
      roles: ['administrator'],
      regionName: null,
      hasPassword: settings.adminPasswordHash !== null,
    },
    ...staff.map(({ role, admin, hasPassword, ...p }) => ({
      ...p,
      roles: admin ? [role, 'administrator' as const] : [role],
      hasPassword: hasPassword === 1,
    })),
  ];
  return { mode: settings.mode, people, actor: ctx.actor ?? null };
}

/** First start: how this database signs people in. Chosen once; later changes are an administrator's. */
export function setupAuth(ctx: ServiceContext, input: { mode: SignInMode; adminPassword?: string | undefined }): AuthStatus {
  ctx.db.transaction(() => {
    if (authSettings(ctx.db).mode !== null) throw refusal('conflict', 'signInSetUp', 'Sign-in is already set up for this database.');
    prepared(ctx.db, 'INSERT OR REPLACE INTO auth_settings (id, mode, admin_password_hash, updated_at) VALUES (1, ?, ?, ?)').run(
      input.mode,
      input.mode === 'password' && input.adminPassword ? hashPassword(input.adminPassword) : null,
      nowIso(),
    );
  })();
  return authStatus(ctx);
}

export function signIn(ctx: ServiceContext, input: { code: string; password?: string | undefined }): SignedIn {
  const settings = authSettings(ctx.db);
  if (settings.mode === null) throw refusal('conflict', 'signInNotChosen', 'Choose how people sign in first.');
  const actor = findActorByCode(ctx.db, input.code);
  // One message for an unknown person and a wrong password: the refusal must not confirm who exists.
  const refused = refusal('forbidden', 'signInRefused', 'Unknown person or wrong password.', {}, [
    { path: 'password', message: 'Unknown person or wrong password' },
  ]);
  if (!actor) throw refused;
  if (settings.mode === 'password') {
    const stored = actor.personId === BUILT_IN_ADMIN_ID ? settings.adminPasswordHash : passwordHashOf(ctx.db, actor.personId);
    if (!stored) {
      throw refusal(
        'forbidden',
        'noPasswordYet',
        `${actor.name} has no password yet: an administrator sets one under People and sign-in.`,
        { name: actor.name },
        [{ path: 'password', message: 'No password set' }],
      );
    }
    if (!verifyPassword(input.password ?? '', stored)) throw refused;
  }
  const session = sessionsFor(ctx.databasePath).open(actor.personId);
  return { session, actor };
}

function passwordHashOf(db: Db, personId: number): string | null {
  return (prepared(db, 'SELECT password_hash AS h FROM staff WHERE id = ?').get(personId) as { h: string | null } | undefined)?.h ?? null;
}

export function signOut(ctx: ServiceContext): { signedOut: true } {
  sessionsFor(ctx.databasePath).close(ctx.session);
  return { signedOut: true };
}

export function setPassword(ctx: ServiceContext, input: { personId: number; password: string | null }): { saved: true } {
  const actor = ctx.actor!;
  if (actor.personId !== input.personId && !actor.roles.includes('administrator')) {
    throw refusal(
      'forbidden',
      'ownPasswordOnly',
      'Not allowed: a person sets their own password; an administrator sets anyone’s (person.setPassword).',
    );
  }
  const hash = input.password === null ? null : hashPassword(input.password);
  if (input.personId === BUILT_IN_ADMIN_ID) {
    prepared(ctx.db, 'UPDATE auth_settings SET admin_password_hash = ?, updated_at = ? WHERE id = 1').run(hash, nowIso());
  } else {
    if (!loadActor(ctx.db, input.personId))
      throw refusal('not_found', 'personMissing', `Person #${input.personId} does not exist or is archived.`, { id: input.personId });
    prepared(ctx.db, 'UPDATE staff SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, nowIso(), input.personId);
  }
  return { saved: true };
}

export function setAdmin(ctx: ServiceContext, input: { personId: number; admin: boolean }): { saved: true } {
  if (!personRow(ctx.db, 'id', input.personId))
    throw refusal('not_found', 'personMissing', `Person #${input.personId} does not exist.`, { id: input.personId });
  prepared(ctx.db, 'UPDATE staff SET admin = ?, updated_at = ? WHERE id = ?').run(input.admin ? 1 : 0, nowIso(), input.personId);
  return { saved: true };
}
