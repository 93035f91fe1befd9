import { contract, type MethodName } from '../../shared/contract/index.js';
import type { Actor } from '../../shared/contract/people.js';
import { PERMISSIONS, PUBLIC_METHODS, refusalMessage, type Permission } from '../../shared/contract/permissions.js';
import { DomainError, refusal } from '../../shared/contract/result.js';
import type { Db } from '../db/open.js';
import { SCOPE_RESOLVERS, type ScopeResolver } from './scope.js';

/**
 * The permission check every door goes through, in two steps called by `dispatch`: the roles before
 * the input is read (a refused person learns nothing about the records), the scope once the input is
 * valid. A refusal names the rule, so the person knows who may do it instead.
 */
export function authorizeRole(actor: Actor | undefined, method: MethodName): void {
  if (PUBLIC_METHODS.has(method)) return;
  if (!actor) throw refusal('forbidden', 'signInFirst', 'Sign in first: the planner needs to know who is working.');
  if (!contract[method].mutates) return;
  const permission = PERMISSIONS[method];
  if (!permission) throw new DomainError('forbidden', `Not allowed: ${method} has no permission rule yet.`);
  if (actor.roles.includes('administrator')) return;
  if (!permission.roles.some((role) => actor.roles.includes(role)))
    throw refusal('forbidden', roleRule(permission), refusalMessage(method, permission), { method });
}

export function authorizeScope(db: Db, actor: Actor | undefined, method: MethodName, input: unknown): void {
  const permission = PERMISSIONS[method];
  if (!actor || !permission || PUBLIC_METHODS.has(method) || !contract[method].mutates) return;
  if (actor.roles.includes('administrator') || permission.scope === 'any') return;
  const resolve = SCOPE_RESOLVERS[method];
  if (!resolve) throw new DomainError('forbidden', `Not allowed: ${method} has no scope rule yet.`);
  // The resolver registered for this method reads this method's input, which dispatch parsed with its schema.
  const target = (resolve as ScopeResolver)(db, input);
  // A salesperson acts only for themselves; other roles allowed by the table act inside their regions.
  const actsAsSalesperson =
    actor.roles.includes('salesperson') && !permission.roles.some((r) => r !== 'salesperson' && actor.roles.includes(r));
  if (permission.scope === 'own' && actsAsSalesperson) {
    if (target.ownerId !== actor.personId) throw refusal('forbidden', 'notAllowedOwn', refusalMessage(method, permission), { method });
    return;
  }
  const mine = actor.regionIds ?? [];
  if (!target.regionIds.every((id) => mine.includes(id)))
    throw refusal('forbidden', 'notAllowedRegion', refusalMessage(method, permission), { method });
}

/**
 * Who may do it instead, as a code the screens word in the person's language (rules:refusal.notAllowed…);
 * the English message quotes the method's own rule. The team's role sets are few (permissions.ts).
 */
export function roleRule(permission: Permission): string {
  const others = permission.roles.filter((r) => r !== 'administrator');
  const only = (...roles: string[]) => others.length === roles.length && roles.every((r) => others.includes(r as never));
  if (others.length === 0) return 'notAllowedAdmin';
  if (only('regional_manager')) return 'notAllowedManager';
  if (only('regional_manager', 'salesperson')) return 'notAllowedManagerOrSalesperson';
  if (only('logistics_coordinator')) return 'notAllowedLogistics';
  return 'notAllowedRoles';
}
