import { z } from 'zod';
import { mutation, query } from './define.js';
import { code, id, page, yearMonth, type Page } from './fields.js';
import type { ExportedFile } from './development.js';
import type { Role } from './permissions.js';

/** Who is acting: set by each door from its session, never taken from a call's input. */
export interface Actor {
  /** 0 is the built-in administrator, which exists before any region or staff record does. */
  personId: number;
  code: string;
  name: string;
  roles: Role[];
  /** The regions this person works in; `null` for an administrator: every region. */
  regionIds: number[] | null;
}

export type SignInMode = 'none' | 'password';

export interface SignInPerson {
  personId: number;
  code: string;
  name: string;
  roles: Role[];
  regionName: string | null;
  hasPassword: boolean;
}

export interface AuthStatus {
  /** `null` until the first start chose how people sign in. */
  mode: SignInMode | null;
  people: SignInPerson[];
  actor: Actor | null;
}

export interface SignedIn {
  /** The session key the door keeps for this window or tab. */
  session: string;
  actor: Actor;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorCode: string | null;
  actorName: string | null;
  method: string | null;
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | 'call';
  /** field → [before, after] of what changed; for a call, `{ input, result }` summarised. */
  changes: Record<string, unknown>;
  reason: string | null;
}

export const HISTORY_ENTITIES = [
  'dev_plan',
  'weekly_review',
  'evaluation',
  'target_plan',
  'distributor',
  'sub_dealer',
  'terminal',
  'product',
  'person',
  'event',
  'visit',
  'pipeline',
  'call',
] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

const password = z.string().min(8, 'At least 8 characters').max(200);
const reason = z.string().trim().min(3, 'Say why (at least 3 characters)').max(500);
const weekStart = z.iso.date('Use a date like 2026-03-02');

export const historyFilter = z.strictObject({
  entity: z.enum(HISTORY_ENTITIES).optional(),
  entityId: z.string().trim().max(80).optional(),
  actorCode: z.string().trim().max(40).optional(),
  method: z.string().trim().max(80).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type HistoryFilter = z.output<typeof historyFilter>;

export const peopleContract = {
  'auth.status': query<AuthStatus>()(z.strictObject({})),
  /** First start only: how this database signs people in, and the administrator's password. */
  'auth.setup': mutation<AuthStatus>()(
    z
      .strictObject({ mode: z.enum(['none', 'password']), adminPassword: password.optional() })
      .refine((s) => s.mode === 'none' || s.adminPassword !== undefined, { path: ['adminPassword'], message: 'Choose a password' }),
  ),
  'auth.signIn': mutation<SignedIn>()(z.strictObject({ code, password: z.string().max(200).optional() })),
  'auth.signOut': mutation<{ signedOut: true }>()(z.strictObject({})),
  /** personId 0: the built-in administrator. Yourself, or anyone when you are an administrator. */
  'person.setPassword': mutation<{ saved: true }>()(
    z.strictObject({ personId: z.union([z.literal(0), id]), password: password.nullable() }),
  ),
  'person.setAdmin': mutation<{ saved: true }>()(z.strictObject({ personId: id, admin: z.boolean() })),
  'history.list': query<Page<HistoryEntry>>()(z.strictObject({ ...historyFilter.shape, ...page })),
  'history.export': query<ExportedFile>()(historyFilter),
  /** Signed off means frozen: each of these undoes one sign-off, with the reason on the record. */
  'devPlan.reopen': mutation<{ reopened: true }>()(z.strictObject({ salespersonId: id, month: yearMonth, reason })),
  'weeklyReview.reopen': mutation<{ reopened: true }>()(z.strictObject({ salespersonId: id, weekStart, reason })),
  'evaluation.reopen': mutation<{ reopened: true }>()(z.strictObject({ salespersonId: id, month: yearMonth, reason })),
  /** Two records of one customer: everything of `fromId` moves to `intoId`, numbers added; `fromId` is then gone. */
  'distributor.merge': mutation<{ merged: true; into: number }>()(z.strictObject({ fromId: id, intoId: id })),
} as const;
