import { useApiMutation } from '../api/hooks.js';
import { useMutationWithToast } from '../api/useMutationWithToast.js';

// Key-account changes refresh the accounts domain (shared/contract/invalidates.ts).
export const useSaveAccountsSettings = () => useApiMutation('accounts.saveSettings');
/** The fit and total purchases of an account, saved as each field is left; a failure is shown as a toast. */
export const useSetAccountProfile = () => useMutationWithToast('accounts.setProfile');
export const useCreateComplaint = () => useApiMutation('complaint.create');
export const useCloseComplaint = () => useApiMutation('complaint.close');
export const useScoreProspect = () => useApiMutation('prospect.score');
