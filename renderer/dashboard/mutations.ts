import { useMutationWithToast } from '../api/useMutationWithToast.js';

// Seeding the demo region writes every feature's records (shared/contract/invalidates.ts: EVERYTHING);
// it runs as a job, whose end refreshes every query (renderer/api/hooks.ts useJob).
export const useSeedDemo = () => useMutationWithToast('demo.seed');
