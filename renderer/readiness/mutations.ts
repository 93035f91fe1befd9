import type { ReadinessFilter } from '../../shared/contract/readiness.js';
import { api } from '../api/client.js';
import { useApiMutation } from '../api/hooks.js';
import { useMutationWithToast } from '../api/useMutationWithToast.js';
import { currentLanguage } from '../i18n/index.js';
import { downloadBase64 } from '../importing/download.js';

// Readiness changes refresh the readiness domain only (shared/contract/invalidates.ts): stock,
// shipments, capacities and settings are read by no other feature's screens.
export const useSaveReadinessSettings = () => useApiMutation('readiness.saveSettings');
export const useSetRegionCapacity = () => useApiMutation('readiness.setCapacity');
export const useSetGroupCapacity = () => useApiMutation('readiness.setGroupCapacity');
export const useSetPalletCapacity = () => useApiMutation('readiness.setPalletCapacity');
export const useSetCasesPerPallet = () => useMutationWithToast('readiness.setCasesPerPallet');
export const useAcceptPlan = () => useMutationWithToast('readiness.acceptPlan');
/** The same as a background job (a solo desktop): the dialog follows it with useJob. */
export const useAcceptPlanStart = () => useMutationWithToast('readiness.acceptPlanStart');
export const useSetStock = () => useApiMutation('stock.set');
export const useCreateShipment = () => useApiMutation('shipment.create');
export const useMarkShipped = () => useApiMutation('shipment.markShipped');
export const useDeleteShipment = () => useApiMutation('shipment.delete');
export const useMarkShippedBulk = () => useMutationWithToast('shipment.markShippedBulk');

/** Downloads the pre-build plan for the filter, in the person's language. */
export async function exportPlan(filter: ReadinessFilter, format: 'csv' | 'xlsx') {
  const file = await api.call('readiness.exportPlan', { ...filter, format, language: currentLanguage() });
  downloadBase64(file.fileName, file.mimeType, file.contentBase64);
  return file;
}
