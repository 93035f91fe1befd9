import type { MethodInput } from '../../shared/contract/index.js';
import { api } from '../api/client.js';
import { useMutationWithToast } from '../api/useMutationWithToast.js';

// The sync changes refresh the sync state (and the session when connecting or disconnecting changes
// who is signed in): shared/contract/invalidates.ts.
export const useSyncNow = () => useMutationWithToast('sync.now');
export const useDisconnect = () => useMutationWithToast('sync.disconnect');
export const useAcknowledgeRefusal = () => useMutationWithToast('sync.acknowledge');

/**
 * Connects to a team server. A plain call: the connect dialog refreshes every cached query itself,
 * since the first sync may bring in any feature's records.
 */
export const connectToServer = (input: MethodInput<'sync.connect'>) => api.call('sync.connect', input);
