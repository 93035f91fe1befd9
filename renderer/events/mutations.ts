import type { Language } from '../../shared/contract/system.js';
import { api } from '../api/client.js';
import { useApiMutation } from '../api/hooks.js';
import { useMutationWithToast } from '../api/useMutationWithToast.js';
import { downloadBase64 } from '../importing/download.js';

// Event changes refresh the events domain; follow-ups also the development screens, where they are a
// salesperson's to-dos (shared/contract/invalidates.ts).
export const useCreateEvent = () => useApiMutation('event.create');
export const useUpdateEvent = () => useApiMutation('event.update');
export const useDeleteEvent = () => useMutationWithToast('event.delete');
/** An answer, attendance or feedback of one invitee, saved as it is chosen; a failure is shown as a toast. */
export const useSetInvitee = () => useMutationWithToast('event.setInvitee');
export const useAddEventItem = () => useApiMutation('event.addItem');
export const useRemoveEventItem = () => useMutationWithToast('event.removeItem');
export const useInvite = () => useMutationWithToast('event.invite');
export const useSaveInviteList = () => useMutationWithToast('inviteList.save');
export const useCreateFollowup = () => useMutationWithToast('followup.create');
export const useUpdateFollowup = () => useApiMutation('followup.update');

/** Downloads the event's calendar file (one distributor's, when given) in the person's language. */
export async function downloadEventIcs(eventId: number, distributorId?: number, language?: Language) {
  const file = await api.call('event.ics', { eventId, ...(distributorId ? { distributorId } : {}), ...(language ? { language } : {}) });
  downloadBase64(file.fileName, file.mimeType, file.contentBase64);
  return file;
}
