import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError } from '../api/client.js';
import { ConfirmDialog } from '../ui/Dialog.js';

/**
 * Saves a target, and when the core asks about a large jump on natural volume (an issue on the path
 * 'confirm'), asks the user in a dialog and saves again with confirm: true. Cancelling rejects, so
 * the edited cell goes back to its value.
 */
export function useJumpConfirm(): { save<T>(run: (confirm: boolean) => Promise<T>): Promise<T>; dialog: ReactNode } {
  const { t } = useTranslation(['rules', 'common']);
  const [question, setQuestion] = useState<string | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const save = async <T,>(run: (confirm: boolean) => Promise<T>): Promise<T> => {
    try {
      return await run(false);
    } catch (e) {
      if (!(e instanceof ApiCallError) || !e.issues.some((i) => i.path === 'confirm')) throw e;
      setQuestion(e.message);
      const yes = await new Promise<boolean>((resolve) => (answer.current = resolve));
      setQuestion(null);
      if (!yes) throw new Error(t('jump.kept'));
      return run(true);
    }
  };
  const dialog =
    question === null ? null : (
      <ConfirmDialog
        title={t('jump.title')}
        message={question}
        confirmLabel={t('jump.confirm')}
        onConfirm={() => answer.current?.(true)}
        onCancel={() => answer.current?.(false)}
      />
    );
  return { save, dialog };
}
