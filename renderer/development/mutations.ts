import type { MethodInput } from '../../shared/contract/index.js';
import { api } from '../api/client.js';
import { useMutationWithToast } from '../api/useMutationWithToast.js';
import { currentLanguage } from '../i18n/index.js';
import { downloadBase64 } from '../importing/download.js';

// Every development change refreshes the development domain; a weekly review also the events
// calendar, which warns of clashes with its week (shared/contract/invalidates.ts). Each hook offers
// `run(input, successText)` (errors as a toast) beside `mutateAsync` for forms that show them on fields.
export const useAddToPipeline = () => useMutationWithToast('pipeline.add');
export const useUpdatePipelineItem = () => useMutationWithToast('pipeline.update');
export const useMovePipelineItem = () => useMutationWithToast('pipeline.move');
export const useRemovePipelineItem = () => useMutationWithToast('pipeline.remove');
export const useSaveDevPlan = () => useMutationWithToast('devPlan.save');
export const useSubmitDevPlan = () => useMutationWithToast('devPlan.submit');
export const useDecideDevPlan = () => useMutationWithToast('devPlan.decide');
export const useSaveDayRoute = () => useMutationWithToast('dayRoute.save');
export const useLogVisit = () => useMutationWithToast('visit.log');
export const useDeleteVisit = () => useMutationWithToast('visit.delete');
export const useSaveWeeklyReview = () => useMutationWithToast('weeklyReview.save');
export const useCommentWeeklyReview = () => useMutationWithToast('weeklyReview.comment');
export const useDecideEvaluation = () => useMutationWithToast('evaluation.decide');
export const useSaveEvaluationSettings = () => useMutationWithToast('evaluation.saveSettings');

/** Downloads a salesperson's day route sheet in the person's language. */
export async function downloadDayRoute(input: Omit<MethodInput<'dayRoute.export'>, 'language'>) {
  const file = await api.call('dayRoute.export', { ...input, language: currentLanguage() });
  downloadBase64(file.fileName, file.mimeType, file.contentBase64);
  return file;
}

/** Downloads the month's scorecard in the person's language. */
export async function downloadScorecard(input: Omit<MethodInput<'evaluation.export'>, 'language'>) {
  const file = await api.call('evaluation.export', { ...input, language: currentLanguage() });
  downloadBase64(file.fileName, file.mimeType, file.contentBase64);
  return file;
}
