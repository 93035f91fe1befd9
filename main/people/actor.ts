import type { Actor } from '../../shared/contract/people.js';
import type { Role } from '../../shared/contract/permissions.js';
import type { ServiceContext } from '../api/context.js';
import { prepared, type Db } from '../db/open.js';
import { sessionsFor } from './sessions.js';

/** Person 0: the administrator every database has, before any region or staff record exists. */
export const BUILT_IN_ADMIN_ID = 0;
export const BUILT_IN_ADMIN_CODE = 'admin';

export function builtInAdministrator(): Actor {
  return { personId: BUILT_IN_ADMIN_ID, code: BUILT_IN_ADMIN_CODE, name: 'Administrator', roles: ['administrator'], regionIds: null };
}

interface PersonRow {
  id: number;
  code: string;
  name: string;
  role: Role;
  regionId: number;
  admin: number;
  archivedAt: string | null;
  active: number;
}

export function personRow(db: Db, where: 'id' | 'code', value: number | string): PersonRow | undefined {
  return prepared(
    db,
    `SELECT id, code, name, role, region_id AS regionId, admin, archived_at AS archivedAt, active FROM staff WHERE ${where === 'id' ? 'id' : 'code'} = ?`,
  ).get(value) as PersonRow | undefined;
}

/** The home region first, then the further regions an administrator assigned (staff_regions). */
export function regionsOfPerson(db: Db, personId: number, homeRegionId: number): number[] {
  const extra = prepared(db, 'SELECT region_id FROM staff_regions WHERE staff_id = ? ORDER BY region_id').pluck().all(personId) as number[];
  return [homeRegionId, ...extra.filter((id) => id !== homeRegionId)];
}

export function actorOf(db: Db, row: PersonRow): Actor {
  const admin = row.admin === 1;
  return {
    personId: row.id,
    code: row.code,
    name: row.name,
    roles: admin ? [row.role, 'administrator'] : [row.role],
    regionIds: admin ? null : regionsOfPerson(db, row.id, row.regionId),
  };
}

/** The person as they are now: an archived or inactive person no longer acts. */
export function loadActor(db: Db, personId: number): Actor | null {
  if (personId === BUILT_IN_ADMIN_ID) return builtInAdministrator();
  const row = personRow(db, 'id', personId);
  if (!row || row.archivedAt !== null || row.active !== 1) return null;
  return actorOf(db, row);
}

export function findActorByCode(db: Db, code: string): Actor | null {
  if (code.toLowerCase() === BUILT_IN_ADMIN_CODE) return builtInAdministrator();
  const row = personRow(db, 'code', code);
  return row ? loadActor(db, row.id) : null;
}

/**
 * The context of one request: the door's shared context with its own actor and session. A proxy,
 * not a copy: a handler that swaps the shared connection (a restore) must swap it for every door.
 */
export function withActor(ctx: ServiceContext, actor: Actor | undefined, session?: string): ServiceContext {
  const own: Pick<ServiceContext, 'actor' | 'session'> = { actor, session: session ?? ctx.session };
  return new Proxy(ctx, {
    get: (target, key, receiver) => (key === 'actor' || key === 'session' ? own[key] : Reflect.get(target, key, receiver)),
    set: (target, key, value) => {
      if (key === 'actor' || key === 'session') own[key] = value;
      else Reflect.set(target, key, value);
      return true;
    },
  });
}

/**
 * The context of a request carrying a session key: the person of that session. Without a known
 * session the context's own actor stays (the command line's `--as`, tests).
 */
export function withSession(ctx: ServiceContext, session: string | undefined): ServiceContext {
  const personId = sessionsFor(ctx.databasePath).personOf(session);
  if (personId === undefined) return session ? withActor(ctx, ctx.actor, session) : ctx;
  return withActor(ctx, loadActor(ctx.db, personId) ?? undefined, session);
}

/** The staff id to store as decided_by / owner: none for the built-in administrator. */
export function staffIdOf(ctx: ServiceContext): number | undefined {
  const id = ctx.actor?.personId;
  return id === undefined || id === BUILT_IN_ADMIN_ID ? undefined : id;
}
