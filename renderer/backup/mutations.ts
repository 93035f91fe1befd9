import { useApiMutation } from '../api/hooks.js';
import { useMutationWithToast } from '../api/useMutationWithToast.js';

// Taking a backup refreshes only the list; a restore replaces the file and so refreshes everything.
export const useCreateBackup = () => useMutationWithToast('backup.create');
export const useRestoreBackup = () => useMutationWithToast('backup.restore');
export const useDismissRestoreNotice = () => useApiMutation('backup.dismissRestoreNotice');
