import { createContext, useContext } from 'react';
import type { Actor } from '../../shared/contract/people.js';
import type { Role } from '../../shared/contract/permissions.js';

/** The signed-in person, for screens that show or hide what this person may do (the core decides). */
export const ActorContext = createContext<{ actor: Actor; signOut: () => void } | null>(null);

export function useActor(): Actor | null {
  return useContext(ActorContext)?.actor ?? null;
}

export function useSignOut(): () => void {
  return useContext(ActorContext)?.signOut ?? (() => {});
}

export const hasRole = (actor: Actor | null, ...roles: Role[]): boolean =>
  !!actor && (actor.roles.includes('administrator') || roles.some((r) => actor.roles.includes(r)));

/** A salesperson works on their own month: their pickers are fixed to themselves. */
export const isOnlySalesperson = (actor: Actor | null): boolean =>
  !!actor && actor.roles.includes('salesperson') && actor.roles.length === 1;
