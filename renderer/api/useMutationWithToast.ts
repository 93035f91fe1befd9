import { useCallback } from 'react';
import type { MethodInput, MethodName, MethodResult } from '../../shared/contract/index.js';
import { useToast } from '../ui/Toasts.js';
import { useApiMutation } from './hooks.js';

/**
 * Runs some work and tells the person how it went: the success text (when given) or the error, worded
 * in their language (a rule's refusal already is: renderer/api/client.ts). Resolves to the result, or
 * to undefined after a failure was shown, so callers go on without a try/catch of their own.
 */
export function useAttempt() {
  const toast = useToast();
  return useCallback(
    async <T>(work: () => Promise<T>, success?: (result: T) => string | undefined): Promise<T | undefined> => {
      try {
        const result = await work();
        const text = success?.(result);
        if (text) toast({ tone: 'success', text });
        return result;
      } catch (error) {
        toast({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
        return undefined;
      }
    },
    [toast],
  );
}

/** A contract mutation with its outcome shown as a toast: `run(input, result => successText)`. */
export function useMutationWithToast<K extends MethodName>(method: K) {
  const mutation = useApiMutation(method);
  const attempt = useAttempt();
  const { mutateAsync } = mutation;
  const run = useCallback(
    (input: MethodInput<K>, success?: (result: MethodResult<K>) => string | undefined) => attempt(() => mutateAsync(input), success),
    [attempt, mutateAsync],
  );
  return { ...mutation, run };
}
