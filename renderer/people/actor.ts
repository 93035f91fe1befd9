import { createContext, useContext } from 'react';
import type { Actor } from '../../shared/contract/people.js';
import { PERMISSIONS, type Role } from '../../shared/contract/permissions.js';

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

/**
 * Whether the signed-in person's roles allow calling a mutating method: screens hide or show as read-only
 * what the core would refuse. Only the roles are checked here; the region of each record is the core's
 * to check, and it words the refusal if one slips through.
 */
export function useMay(method: string): boolean {
  const actor = useActor();
  const permission = PERMISSIONS[method];
  return !!permission && hasRole(actor, ...permission.roles);
}
