import type { PeopleAdministration, PersonAccount } from '../../../shared/contract/admin.js';
import type { AuthStatus, SignInMode } from '../../../shared/contract/people.js';
import type { StaffRole } from '../../../shared/domain/network.js';
import { refusal } from '../../../shared/contract/result.js';
import type { ServiceContext } from '../../api/context.js';
import { nowIso, prepared, type Db } from '../../db/open.js';
import { createStaff } from '../../network/staff.js';
import { personRow } from '../actor.js';
import { authStatus } from '../auth.js';
import { hashPassword } from '../password.js';

/**
 * The administrator's side of people: staff records that sign in. Every function here is a plain
 * service over the database, so the screen, the command line and the team server share it.
 */

interface AccountRow {
  personId: number;
  code: string;
  name: string;
  role: StaffRole;
  admin: number;
  regionId: number;
  hasPassword: number;
  active: number;
}

const SELECT = `SELECT s.id AS personId, s.code, s.name, s.role, s.admin, s.region_id AS regionId,
  s.password_hash IS NOT NULL AS hasPassword, s.active FROM staff s`;

function regionNames(db: Db): Map<number, string> {
  const rows = prepared(db, 'SELECT id, name FROM regions').all() as Array<{ id: number; name: string }>;
  return new Map(rows.map((r) => [r.id, r.name]));
}

function extraRegions(db: Db, personId: number): number[] {
  return (
    prepared(db, 'SELECT region_id AS r FROM staff_regions WHERE staff_id = ? ORDER BY region_id').all(personId) as Array<{ r: number }>
  ).map((row) => row.r);
}

function toAccount(db: Db, row: AccountRow, names: Map<number, string>): PersonAccount {
  const regionIds = [row.regionId, ...extraRegions(db, row.personId).filter((id) => id !== row.regionId)];
  return {
    personId: row.personId,
    code: row.code,
    name: row.name,
    role: row.role,
    admin: row.admin === 1,
    regionIds,
    regionNames: regionIds.map((id) => names.get(id) ?? `#${id}`),
    hasPassword: row.hasPassword === 1,
    disabled: row.active !== 1,
  };
}

export function getAccount(db: Db, personId: number): PersonAccount {
  const row = prepared(db, `${SELECT} WHERE s.id = ? AND s.archived_at IS NULL`).get(personId) as AccountRow | undefined;
  if (!row) throw refusal('not_found', 'personMissing', `Person #${personId} does not exist or is archived.`, { id: personId });
  return toAccount(db, row, regionNames(db));
}

export function listAccounts(db: Db): PeopleAdministration {
  const settings = prepared(db, 'SELECT mode, admin_password_hash IS NOT NULL AS has FROM auth_settings WHERE id = 1').get() as
    { mode: SignInMode | null; has: number } | undefined;
  const names = regionNames(db);
  const rows = prepared(db, `${SELECT} WHERE s.archived_at IS NULL ORDER BY s.name COLLATE NOCASE, s.id`).all() as AccountRow[];
  return {
    mode: settings?.mode ?? null,
    adminHasPassword: settings?.has === 1,
    people: rows.map((row) => toAccount(db, row, names)),
  };
}

/** Every region must exist; the issue names the field, so the form can point at it. */
function checkRegions(db: Db, regionIds: number[]): void {
  regionIds.forEach((regionId, i) => {
    if (!prepared(db, 'SELECT 1 FROM regions WHERE id = ?').get(regionId)) {
      throw refusal('validation', 'recordMissing', `Region #${regionId} does not exist.`, { what: 'Region', id: regionId }, [
        { path: `regionIds.${i}`, message: 'No such region' },
      ]);
    }
  });
}

function writeRegions(db: Db, personId: number, regionIds: number[]): void {
  prepared(db, 'DELETE FROM staff_regions WHERE staff_id = ?').run(personId);
  const insert = prepared(db, 'INSERT INTO staff_regions (staff_id, region_id) VALUES (?, ?)');
  for (const regionId of regionIds.slice(1)) insert.run(personId, regionId);
}

export interface NewPerson {
  code: string;
  name: string;
  role: StaffRole;
  regionIds: number[];
  admin: boolean;
  password: string | null;
}

export function createPerson(db: Db, input: NewPerson): PersonAccount {
  const personId = db.transaction(() => {
    checkRegions(db, input.regionIds);
    if (prepared(db, 'SELECT 1 FROM staff WHERE code = ? COLLATE NOCASE').get(input.code) || input.code.toLowerCase() === 'admin') {
      throw refusal('conflict', 'personCodeTaken', `The code ${input.code} is already someone’s.`, { code: input.code }, [
        { path: 'code', message: 'Already used' },
      ]);
    }
    const staff = createStaff(db, {
      code: input.code,
      name: input.name,
      role: input.role,
      regionId: input.regionIds[0]!,
      areaIds: [],
      phone: null,
      email: null,
      active: true,
    });
    prepared(db, 'UPDATE staff SET admin = ?, password_hash = ? WHERE id = ?').run(
      input.admin ? 1 : 0,
      input.password === null ? null : hashPassword(input.password),
      staff.id,
    );
    writeRegions(db, staff.id, input.regionIds);
    return staff.id;
  })();
  return getAccount(db, personId);
}

export function updatePerson(
  ctx: ServiceContext,
  input: { personId: number; name: string; role: StaffRole; regionIds: number[]; admin: boolean },
): PersonAccount {
  const { db } = ctx;
  db.transaction(() => {
    getAccount(db, input.personId);
    checkRegions(db, input.regionIds);
    if (!input.admin && ctx.actor?.personId === input.personId) {
      throw refusal('conflict', 'adminOwnRemoval', 'You cannot remove your own administration: ask another administrator.', {}, [
        { path: 'admin', message: 'Not your own' },
      ]);
    }
    prepared(db, 'UPDATE staff SET name = ?, role = ?, region_id = ?, admin = ?, updated_at = ? WHERE id = ?').run(
      input.name,
      input.role,
      input.regionIds[0],
      input.admin ? 1 : 0,
      nowIso(),
      input.personId,
    );
    writeRegions(db, input.personId, input.regionIds);
    // A distributor's assigned salesperson must be a salesperson (as staff.update keeps it).
    if (input.role !== 'salesperson')
      prepared(db, 'UPDATE distributors SET salesperson_id = NULL WHERE salesperson_id = ?').run(input.personId);
  })();
  return getAccount(db, input.personId);
}

export function setDisabled(ctx: ServiceContext, input: { personId: number; disabled: boolean }): { saved: true } {
  if (!personRow(ctx.db, 'id', input.personId))
    throw refusal('not_found', 'personMissing', `Person #${input.personId} does not exist.`, { id: input.personId });
  if (input.disabled && ctx.actor?.personId === input.personId) {
    throw refusal('conflict', 'disableSelf', 'You cannot disable yourself: ask another administrator.');
  }
  // A disabled person's open sessions stop at their next call: loadActor no longer finds them.
  prepared(ctx.db, 'UPDATE staff SET active = ?, updated_at = ? WHERE id = ?').run(input.disabled ? 0 : 1, nowIso(), input.personId);
  return { saved: true };
}

/**
 * Password or no-password sign-in, after the first start. Passwords need the built-in administrator
 * to have one, or nobody could sign in as administrator afterwards.
 */
export function setSignInMode(ctx: ServiceContext, input: { mode: SignInMode; adminPassword?: string | undefined }): AuthStatus {
  ctx.db.transaction(() => {
    const current = prepared(ctx.db, 'SELECT admin_password_hash AS h FROM auth_settings WHERE id = 1').get() as
      { h: string | null } | undefined;
    if (!current) throw refusal('conflict', 'signInNotChosen', 'Choose how people sign in at first start.');
    const hash = input.adminPassword ? hashPassword(input.adminPassword) : current.h;
    if (input.mode === 'password' && !hash) {
      throw refusal('validation', 'adminPasswordFirst', 'Choose the administrator’s password first.', {}, [
        { path: 'adminPassword', message: 'Choose a password' },
      ]);
    }
    prepared(ctx.db, 'UPDATE auth_settings SET mode = ?, admin_password_hash = ?, updated_at = ? WHERE id = 1').run(
      input.mode,
      hash,
      nowIso(),
    );
  })();
  return authStatus(ctx);
}

/** Queries are not in the permission table (it covers changes); this one shows who can sign in, so it checks here. */
export function requireAdministrator(ctx: ServiceContext): void {
  if (!ctx.actor?.roles.includes('administrator')) {
    throw refusal('forbidden', 'peopleAdminOnly', 'Not allowed: only an administrator sees the people and their sign-in (person.list).');
  }
}
