import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { SyncStatus } from '../../shared/contract/sync.js';
import { api } from '../api/client.js';
import { queryKey, useApiQuery } from '../api/hooks.js';

/**
 * How often the shell asks the local engine for its state: quickly while a sync runs (the person
 * watches it), every few seconds when connected (the engine syncs in the background and the words
 * "synced 10:42" must not go stale), rarely when solo (only another door could connect it).
 */
export function statusInterval(status: SyncStatus | undefined): number {
  if (!status) return 5_000;
  if (status.state === 'syncing' || status.jobId !== null) return 1_000;
  if (status.state === 'solo') return 30_000;
  return 4_000;
}

export const syncStatusKey = queryKey('sync.status', {});

/** The local sync engine's state, polled (a cheap local read; no network from the renderer). */
export function useSyncStatus() {
  return useApiQuery('sync.status', {}, { refetchInterval: (q) => statusInterval(q.state.data) });
}

/**
 * After a sync brought the server's changes into the local file, every screen must show them: when
 * the time of the last completed sync moves, the other cached queries are refreshed (local reads).
 * Mounted once, in the shell.
 */
export function useRefreshAfterSync(status: SyncStatus | undefined) {
  const client = useQueryClient();
  const seen = useRef<string | null | undefined>(undefined);
  const last = status?.lastSyncAt;
  useEffect(() => {
    if (last === undefined) return;
    if (seen.current !== undefined && seen.current !== last) {
      void client.invalidateQueries({ predicate: (q) => q.queryKey[1] !== 'sync.status' });
    }
    seen.current = last;
  }, [last, client]);
}

/** The local changes the team server refused, until the person acknowledges them. */
export const useSyncRefusals = () => useApiQuery('sync.refusals', {}, { refetchInterval: 5_000 });

/**
 * Asks a team server for its certificate's fingerprint, for the person to compare before connecting
 * (asked on the button, not cached: the answer is about that address at that moment).
 */
export const probeServer = (serverUrl: string) => api.call('sync.probe', { serverUrl });
