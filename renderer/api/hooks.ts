import { useMutation, useQuery, useQueryClient, keepPreviousData, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { contract, type MethodInput, type MethodName, type MethodResult } from '../../shared/contract/index.js';
import type { JobStatus } from '../../shared/contract/system.js';
import { api, type ApiCallError } from './client.js';
import { domainsAfterJob } from '../../shared/contract/invalidates.js';
import { invalidateAfter, invalidateDomains, queryKey } from './invalidation.js';

export { queryKey };

export function useApiQuery<K extends MethodName>(
  method: K,
  input: MethodInput<K>,
  options: Omit<UseQueryOptions<MethodResult<K>, ApiCallError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<MethodResult<K>, ApiCallError>({
    queryKey: queryKey(method, input),
    queryFn: () => api.call(method, input),
    placeholderData: keepPreviousData,
    ...options,
  });
}

/**
 * One record a screen edits or acts on (a plan, a weekly review, a day route, an event, a distributor):
 * while another record loads, its data is absent (the screen shows it loading) instead of the
 * previous record's kept as placeholder, so nothing typed or clicked meanwhile lands on the wrong one.
 */
export function useRecordQuery<K extends MethodName>(
  method: K,
  input: MethodInput<K>,
  options: Omit<UseQueryOptions<MethodResult<K>, ApiCallError>, 'queryKey' | 'queryFn' | 'placeholderData'> = {},
) {
  return useApiQuery(method, input, { ...options, placeholderData: undefined });
}

/**
 * Runs a mutation; on success the query domains the contract declares it changes are refreshed
 * (INVALIDATES in shared/contract/invalidates.ts), not every cached query.
 */
export function useApiMutation<K extends MethodName>(method: K) {
  const client = useQueryClient();
  if (!contract[method].mutates) console.warn(`${method} is a query, not a mutation`);
  return useMutation<MethodResult<K>, ApiCallError, MethodInput<K>>({
    mutationFn: (input) => api.call(method, input),
    onSuccess: () => invalidateAfter(client, method),
  });
}

/** Polls a background job until it finishes; the caller shows progress and a Cancel button. */
export function useJob(jobId: number | null, onFinished?: (status: JobStatus) => void) {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const client = useQueryClient();
  // The latest callback, without restarting the polling when the caller re-renders.
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    if (jobId === null) return;
    let stopped = false;
    const tick = async () => {
      try {
        const s = await api.call('job.status', { id: jobId });
        if (stopped) return;
        setStatus(s);
        if (s.state === 'running') setTimeout(tick, 250);
        else {
          // What a job of this kind can have written (an import: anything; accepting the plan: readiness).
          await invalidateDomains(client, domainsAfterJob(s.kind));
          finished.current?.(s);
        }
      } catch {
        if (!stopped) setTimeout(tick, 1000);
      }
    };
    void tick();
    return () => {
      stopped = true;
    };
  }, [jobId, client]);
  const cancel = () => (jobId === null ? Promise.resolve() : api.call('job.cancel', { id: jobId }).then(setStatus));
  return { status, cancel };
}
