import { z } from 'zod';
import { mutation, query } from './define.js';
import { code, id, name } from './fields.js';
import { STAFF_ROLES, type StaffRole } from '../domain/network.js';
import type { AuthStatus, SignInMode } from './people.js';

/**
 * Administration of the people who sign in: who they are, their role and regions, whether they may
 * sign in, and their password. UI-independent on purpose: the team server's command line (`--as`)
 * calls these same methods. Passwords go in and are never given back, not even as a hash.
 */
export interface PersonAccount {
  personId: number;
  code: string;
  name: string;
  role: StaffRole;
  admin: boolean;
  /** The home region first, then the further regions. */
  regionIds: number[];
  regionNames: string[];
  hasPassword: boolean;
  disabled: boolean;
}

export interface PeopleAdministration {
  mode: SignInMode | null;
  adminHasPassword: boolean;
  people: PersonAccount[];
}

const password = z.string().min(8, 'At least 8 characters').max(200, 'At most 200 characters');
const regionIds = z
  .array(id)
  .min(1, 'Choose at least one region')
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'A region is listed twice');

export const personAccount = z.strictObject({
  name,
  role: z.enum(STAFF_ROLES),
  regionIds,
  admin: z.boolean().default(false),
});

export const adminContract = {
  /** Administrators only: every person, disabled ones included, with whether a password is set. */
  'person.list': query<PeopleAdministration>()(z.strictObject({})),
  /** A staff record that can sign in; with no password it signs in only while the database has no passwords. */
  'person.create': mutation<PersonAccount>()(z.strictObject({ code, ...personAccount.shape, password: password.nullable().default(null) })),
  'person.update': mutation<PersonAccount>()(z.strictObject({ personId: id, ...personAccount.shape })),
  /** A disabled person keeps their history and records but can no longer sign in or act. */
  'person.setDisabled': mutation<{ saved: true }>()(z.strictObject({ personId: id, disabled: z.boolean() })),
  /** Switch between password and no-password sign-in after the first start. */
  'auth.setMode': mutation<AuthStatus>()(z.strictObject({ mode: z.enum(['none', 'password']), adminPassword: password.optional() })),
} as const;
