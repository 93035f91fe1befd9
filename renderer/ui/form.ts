import { useState } from 'react';
import { ApiCallError } from '../api/client.js';

/**
 * Form state with server-side validation: the contract's field issues (`draft.leadTimeDays`) land
 * under the matching field, and other failures in one message at the top of the form. A field is
 * named by its path without the input's wrapper (`draft`, or `under`: `rules.weights.strength` is
 * `weights.strength`), and a group of fields by its first part (`weights`).
 */
export function useFormErrors({ under = 'draft' }: { under?: string } = {}) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  return {
    fieldErrors,
    formError,
    errorFor: (field: string) => fieldErrors[field],
    clear() {
      setFieldErrors({});
      setFormError(null);
    },
    fromError(error: unknown) {
      if (error instanceof ApiCallError && error.issues.length) {
        const next: Record<string, string> = {};
        for (const issue of error.issues) {
          const path = issue.path.startsWith(`${under}.`) ? issue.path.slice(under.length + 1) : issue.path;
          next[path] ??= issue.message;
          next[path.split('.')[0]!] ??= issue.message;
        }
        setFieldErrors(next);
        setFormError(error.code === 'validation' ? null : error.message);
      } else {
        setFieldErrors({});
        setFormError(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/** Empty input means "not given"; anything else is parsed as a number (NaN is caught by the contract). */
export const numberOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text));
