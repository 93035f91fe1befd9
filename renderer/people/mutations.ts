import type { MethodInput } from '../../shared/contract/index.js';
import { api } from '../api/client.js';
import { useApiMutation } from '../api/hooks.js';
import { useMutationWithToast } from '../api/useMutationWithToast.js';

// Signing in, out and the first start change who is asking: the gate drops every cached query itself
// (renderer/people/AuthGate.tsx), so these are plain calls rather than cached mutations.
export const setUpSignIn = (input: MethodInput<'auth.setup'>) => api.call('auth.setup', input);
export const signInPerson = (input: MethodInput<'auth.signIn'>) => api.call('auth.signIn', input);
export const endSession = () => api.call('auth.signOut', {});

// The administrator's changes to accounts (shared/contract/invalidates.ts: session, and more when a
// person's roles or regions change).
export const useSetSignInMode = () => useApiMutation('auth.setMode');
export const useCreatePerson = () => useApiMutation('person.create');
export const useUpdatePerson = () => useApiMutation('person.update');
export const useSetPassword = () => useApiMutation('person.setPassword');
export const useSetPersonDisabled = () => useMutationWithToast('person.setDisabled');

/** The methods that reopen a signed-off record, with the reason that goes into its history. */
export type ReopenMethod = 'devPlan.reopen' | 'weeklyReview.reopen' | 'evaluation.reopen' | 'readiness.reopenPlan';
export const useReopen = (method: ReopenMethod) => useApiMutation(method);
