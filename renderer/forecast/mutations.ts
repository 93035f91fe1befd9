import { useApiMutation } from '../api/hooks.js';
import { useMutationWithToast } from '../api/useMutationWithToast.js';

// A forecast change also refreshes readiness and targets, which read the forecast (shared/contract/invalidates.ts).
/** Starts a forecast run as a background job; the screen follows it with useJob. */
export const useRunForecast = () => useMutationWithToast('forecast.run');
export const useSaveOverride = () => useApiMutation('forecast.override');
export const useDeleteOverride = () => useMutationWithToast('forecast.overrideDelete');
/** Corrects a month of sales history: the forecast, readiness, targets and key accounts read it. */
export const useSetSales = () => useApiMutation('sales.set');
