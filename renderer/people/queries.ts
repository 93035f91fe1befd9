import type { MethodInput } from '../../shared/contract/index.js';
import type { HistoryFilter } from '../../shared/contract/people.js';
import { api } from '../api/client.js';
import { queryKey, useApiQuery } from '../api/hooks.js';

/**
 * Query keys of the people screens: sign-in state and accounts start with the `session` domain, the
 * change history with `history` (shared/contract/invalidates.ts).
 */
export const peopleKeys = {
  authStatus: () => queryKey('auth.status', {}),
  people: () => queryKey('person.list', {}),
  history: (input: MethodInput<'history.list'>) => queryKey('history.list', input),
};

/** Who is signed in and who may sign in; never a placeholder (the gate must not show a stale person). */
export const useAuthStatus = () => useApiQuery('auth.status', {}, { placeholderData: undefined });

/** The people who sign in, for the administrator. */
export const usePeople = () => useApiQuery('person.list', {});

/** A page of the change history, or one record's changes. */
export const useHistory = (input: MethodInput<'history.list'>) => useApiQuery('history.list', input);

/** The filtered history as a file (asked on the button, not cached). */
export const exportHistory = (filter: HistoryFilter) => api.call('history.export', filter);
