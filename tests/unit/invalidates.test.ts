import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, contract, type MethodName } from '../../shared/contract/index.js';
import {
  AFTER_ANY_CHANGE,
  INVALIDATES,
  JOB_INVALIDATES,
  QUERY_DOMAINS,
  domainsAfterJob,
  invalidatedDomains,
  queryDomain,
} from '../../shared/contract/invalidates.js';
import { TASKS } from '../../main/jobs/tasks.js';
import { invalidateAfter, invalidateDomains, queryKey } from '../../renderer/api/invalidation.js';

const MUTATING = METHOD_NAMES.filter((m) => contract[m].mutates);
const QUERIES = METHOD_NAMES.filter((m) => !contract[m].mutates);

describe('what each mutation invalidates', () => {
  it('has an entry for every mutating method of the contract, and none for a method that does not exist or only reads', () => {
    const missing = MUTATING.filter((m) => !INVALIDATES[m]);
    expect(missing, 'mutating methods without an invalidation entry').toEqual([]);
    const stale = Object.keys(INVALIDATES).filter((m) => !MUTATING.includes(m as never));
    expect(stale, 'entries for methods that are not mutating contract methods').toEqual([]);
  });

  it('names only known domains, and every query method has a domain', () => {
    for (const [method, domains] of Object.entries(INVALIDATES)) {
      expect(domains.length, method).toBeGreaterThan(0);
      for (const d of domains) expect(QUERY_DOMAINS, method).toContain(d);
    }
    const unlisted = QUERIES.filter((m) => queryDomain(m) === 'unlisted');
    expect(unlisted, 'query methods whose prefix has no domain').toEqual([]);
  });

  it('refreshes what a mutation makes stale on its own feature’s screens', () => {
    // A mutation must at least refresh the domain its own feature reads from.
    for (const m of MUTATING) {
      expect(invalidatedDomains(m), m).toContain(queryDomain(m));
    }
  });

  it('lists the effects that cross features', () => {
    expect(invalidatedDomains('stock.set')).toEqual(expect.arrayContaining(['readiness', ...AFTER_ANY_CHANGE]));
    expect(invalidatedDomains('forecast.run')).toEqual(expect.arrayContaining(['forecast', 'readiness', 'targets']));
    expect(invalidatedDomains('sales.set')).toEqual(expect.arrayContaining(['forecast', 'readiness', 'targets', 'accounts']));
    expect(invalidatedDomains('targets.setLine')).toEqual(expect.arrayContaining(['targets', 'development']));
    expect(invalidatedDomains('followup.create')).toEqual(expect.arrayContaining(['events', 'development']));
    expect(invalidatedDomains('distributor.update')).toEqual(
      expect.arrayContaining(['network', 'forecast', 'readiness', 'targets', 'accounts', 'events', 'development']),
    );
    // A session-only change does not touch the data screens.
    expect(invalidatedDomains('person.setPassword')).toEqual(['session', 'unlisted']);
  });
});

describe('invalidation in the renderer’s query cache', () => {
  const cached: MethodName[] = [
    'readiness.board',
    'shipment.list',
    'staff.list',
    'region.list',
    'targets.view',
    'distributor.brief',
    'history.list',
    'sync.status',
  ];

  function cacheWithEverything() {
    const client = new QueryClient();
    for (const m of cached) client.setQueryData(queryKey(m, {} as never), { some: 'data' });
    return client;
  }
  const staleAfter = async (method: MethodName) => {
    const client = cacheWithEverything();
    await invalidateAfter(client, method);
    return cached.filter((m) => client.getQueryState(queryKey(m, {} as never))?.isInvalidated);
  };

  it('refreshes a query of an unknown method after any change, rather than leaving it stale', async () => {
    const client = new QueryClient();
    const key = ['unlisted', 'goal.list', {}];
    expect(queryDomain('goal.list')).toBe('unlisted');
    client.setQueryData(key, []);
    await invalidateAfter(client, 'person.setPassword');
    expect(client.getQueryState(key)?.isInvalidated).toBe(true);
  });

  it('keys a query by its domain first, then its method and input', () => {
    expect(queryKey('readiness.board', { month: '2026-05' } as never)).toEqual(['readiness', 'readiness.board', { month: '2026-05' }]);
    expect(queryKey('distributor.brief', { id: 3 })).toEqual(['brief', 'distributor.brief', { id: 3 }]);
  });

  it('after a stock count refreshes readiness and what reads every feature, not the network pickers or targets', async () => {
    expect(await staleAfter('stock.set')).toEqual(['readiness.board', 'shipment.list', 'distributor.brief', 'history.list', 'sync.status']);
  });

  it('after a distributor edit refreshes every data screen', async () => {
    expect(await staleAfter('distributor.update')).toEqual(cached);
  });

  it('after a password change refreshes none of the data', async () => {
    expect(await staleAfter('person.setPassword')).toEqual([]);
  });

  it('after a background job refreshes what its kind can write: every task has an entry', async () => {
    expect(Object.keys(TASKS).filter((kind) => !JOB_INVALIDATES[kind])).toEqual([]);
    expect(Object.keys(JOB_INVALIDATES).filter((kind) => !TASKS[kind])).toEqual([]);
    const staleAfterJob = async (kind: string) => {
      const client = cacheWithEverything();
      await invalidateDomains(client, domainsAfterJob(kind));
      return cached.filter((m) => client.getQueryState(queryKey(m, {} as never))?.isInvalidated);
    };
    // Accepting the readiness plan: the board and the shipments, not the pickers or the targets.
    expect(await staleAfterJob('readiness.accept')).toEqual([
      'readiness.board',
      'shipment.list',
      'distributor.brief',
      'history.list',
      'sync.status',
    ]);
    expect(await staleAfterJob('forecast.run')).toEqual(expect.arrayContaining(['readiness.board', 'targets.view']));
    expect(await staleAfterJob('forecast.run')).not.toContain('staff.list');
    // An import or a kind not listed: everything.
    expect(await staleAfterJob('import.run')).toEqual(cached);
    // Previewing or validating a file writes nothing: the import dialog's own queries only.
    const withImportFields = () => {
      const client = cacheWithEverything();
      client.setQueryData(queryKey('import.fields', { entity: 'terminals' }), []);
      return client;
    };
    const stale = (client: QueryClient) =>
      [...cached, 'import.fields' as const].filter(
        (m) => client.getQueryState(m === 'import.fields' ? queryKey(m, { entity: 'terminals' }) : queryKey(m, {} as never))?.isInvalidated,
      );
    const afterCheck = withImportFields();
    await invalidateDomains(afterCheck, domainsAfterJob('import.check'));
    expect(stale(afterCheck)).toEqual(['import.fields']);
    // Starting an import job changes nothing yet: what it writes is refreshed when it ends (above).
    const afterStart = withImportFields();
    await invalidateAfter(afterStart, 'import.start');
    expect(stale(afterStart)).toEqual(['import.fields']);
    expect(await staleAfterJob('some.new.job')).toEqual(cached);
  });
});
