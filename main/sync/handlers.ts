import type { syncContract, SyncStatus } from '../../shared/contract/sync.js';
import { DomainError } from '../../shared/contract/result.js';
import type { FeatureHandlers } from '../api/handlers-type.js';

/** What a desktop never connected to a team server reports: it works alone, as it always did. */
export function soloStatus(): SyncStatus {
  return {
    state: 'solo',
    serverUrl: null,
    person: null,
    pending: 0,
    offlineSince: null,
    lastSyncAt: null,
    refusals: 0,
    jobId: null,
    lastError: null,
  };
}

const notYet = (): never => {
  throw new DomainError('conflict', 'This desktop is not connected to a team server.');
};

export const syncHandlers = {
  'sync.status': () => soloStatus(),
  'sync.probe': () => notYet(),
  'sync.connect': () => notYet(),
  'sync.now': () => soloStatus(),
  'sync.disconnect': () => soloStatus(),
  'sync.refusals': () => [],
  'sync.acknowledge': () => ({ acknowledged: true as const }),
} satisfies FeatureHandlers<typeof syncContract>;
