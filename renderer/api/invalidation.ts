// query-core, not react-query: the node-side type check (tests) must not pull React's DOM shims in.
import type { QueryClient } from '@tanstack/query-core';
import type { MethodInput, MethodName } from '../../shared/contract/index.js';
import { invalidatedDomains, queryDomain, type QueryDomain } from '../../shared/contract/invalidates.js';

/**
 * Query keys start with the method's domain (shared/contract/invalidates.ts), then the method name, so a
 * mutation refreshes the domains it declares and a feature can address all of its queries by prefix.
 */
export const queryKey = <K extends MethodName>(method: K, input?: MethodInput<K>) => [queryDomain(method), method, input ?? {}] as const;

/** Refreshes every cached query of the given domains (only those on screen refetch now; the rest are marked stale). */
export function invalidateDomains(client: QueryClient, domains: readonly QueryDomain[]) {
  return client.invalidateQueries({ predicate: (q) => domains.includes(q.queryKey[0] as QueryDomain) });
}

/** What a mutation's success makes stale, as the contract declares it. */
export function invalidateAfter(client: QueryClient, method: MethodName) {
  return invalidateDomains(client, invalidatedDomains(method));
}
