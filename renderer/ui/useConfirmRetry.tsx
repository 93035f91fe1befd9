import { useRef, useState, type ReactNode } from 'react';
import { ApiCallError } from '../api/client.js';
import { ConfirmDialog } from './Dialog.js';

/**
 * Saves, and when the core asks for a confirmation (a refusal with an issue on the path 'confirm':
 * a large jump in a target, a doubtful stock count), shows its question in a dialog and saves again
 * with confirm: true. Cancelling rejects with `kept`, so an edited cell goes back to its value.
 */
export function useConfirmRetry(words: {
  title: string;
  confirm: string;
  kept: string;
  /** What to show under the question (e.g. each conflict the refusal listed), from the refusal itself. */
  details?: (refusal: ApiCallError) => ReactNode;
}): {
  save<T>(run: (confirm: boolean) => Promise<T>): Promise<T>;
  dialog: ReactNode;
} {
  const [question, setQuestion] = useState<{ text: string; details: ReactNode } | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const save = async <T,>(run: (confirm: boolean) => Promise<T>): Promise<T> => {
    try {
      return await run(false);
    } catch (e) {
      if (!(e instanceof ApiCallError) || !e.issues.some((i) => i.path === 'confirm')) throw e;
      setQuestion({ text: e.message, details: words.details?.(e) ?? null });
      const yes = await new Promise<boolean>((resolve) => (answer.current = resolve));
      setQuestion(null);
      if (!yes) throw new Error(words.kept, { cause: e });
      return run(true);
    }
  };
  const dialog =
    question === null ? null : (
      <ConfirmDialog
        title={words.title}
        message={question.text}
        confirmLabel={words.confirm}
        onConfirm={() => answer.current?.(true)}
        onCancel={() => answer.current?.(false)}
      >
        {question.details}
      </ConfirmDialog>
    );
  return { save, dialog };
}
