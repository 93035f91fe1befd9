import type { MethodInput } from '../../shared/contract/index.js';
import { queryKey, useApiQuery, useRecordQuery } from '../api/hooks.js';

/** Query keys of the events screens (trainings and trips, invitations, follow-ups); all start with `events`. */
export const eventKeys = {
  all: ['events'] as const,
  list: (input: MethodInput<'event.list'>) => queryKey('event.list', input),
  detail: (id: number) => queryKey('event.get', { id }),
  inviteCandidates: (eventId: number) => queryKey('event.inviteCandidates', { eventId }),
  inviteLists: () => queryKey('inviteList.list', {}),
  followups: (input: MethodInput<'followup.list'>) => queryKey('followup.list', input),
};

export const useEvents = (input: MethodInput<'event.list'>) => useApiQuery('event.list', input);
export const useEvent = (id: number) => useRecordQuery('event.get', { id });
/** The distributors an event may invite, with those already invited marked. */
export const useInviteCandidates = (eventId: number) => useApiQuery('event.inviteCandidates', { eventId });
export const useInviteLists = () => useApiQuery('inviteList.list', {});
export const useFollowups = (input: MethodInput<'followup.list'>) => useApiQuery('followup.list', input);
