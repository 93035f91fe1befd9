import { useApiMutation } from '../api/hooks.js';
import { api } from '../api/client.js';
import { useAttempt, useMutationWithToast } from '../api/useMutationWithToast.js';
import { currentLanguage } from '../i18n/index.js';
import { downloadBase64 } from '../importing/download.js';

// The target changes; what each refreshes is declared in shared/contract/invalidates.ts (targets and
// the development screens that read the outlets a plan asks for).
export const useCreateTargetPlan = () => useApiMutation('targets.create');
export const useEditTarget = () => useApiMutation('targets.edit');
export const useSetTargetLine = () => useApiMutation('targets.setLine');
export const useSetAgreedTarget = () => useApiMutation('targets.setAgreed');
export const useLockTargetCell = () => useApiMutation('targets.lock');
export const useSaveTargetVersion = () => useApiMutation('targets.saveVersion');
export const useSaveTargetRules = () => useApiMutation('targets.saveRules');
export const useRefreshNatural = () => useMutationWithToast('targets.refreshNatural');

/** Downloads a distributor's target sheet in the person's language; a failure is shown as a toast. */
export function useExportTargetSheet(planId: number | null) {
  const attempt = useAttempt();
  return async (distributorId: number) => {
    if (planId === null) return;
    const file = await attempt(() => api.call('targets.exportSheet', { planId, distributorId, language: currentLanguage() }));
    if (file) downloadBase64(file.fileName, file.mimeType, file.contentBase64);
  };
}
