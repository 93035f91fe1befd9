import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { TextArea } from '../ui/Fields.js';
import { useToast } from '../ui/Toasts.js';
import { useReopen, type ReopenMethod } from './mutations.js';
import { useMay } from './actor.js';

/**
 * Signed off means frozen: the one way to change a signed-off record is to reopen it, with a reason
 * that goes into its history.
 */
export function ReopenButton({ method, input, what }: { method: ReopenMethod; input: Record<string, unknown>; what: string }) {
  const { t } = useTranslation('people');
  const toast = useToast();
  const reopen = useReopen(method);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const may = useMay(method);
  const submit = async () => {
    try {
      await reopen.mutateAsync({ ...input, reason } as never);
      toast({ tone: 'success', text: t('reopen.done') });
      setOpen(false);
      setReason('');
    } catch (e) {
      setError((e as { issues?: Array<{ message: string }> }).issues?.[0]?.message ?? (e as Error).message);
    }
  };
  if (!may) return null;
  return (
    <>
      <button type="button" className="button button-small" onClick={() => setOpen(true)} aria-label={`${t('reopen.button')} ${what}`}>
        {t('reopen.button')}
      </button>
      {open && (
        <Dialog
          title={`${t('reopen.title')}: ${what}`}
          onClose={() => setOpen(false)}
          footer={<DialogButtons onCancel={() => setOpen(false)} onSubmit={submit} label={t('reopen.confirm')} busy={reopen.isPending} />}
        >
          <TextArea label={t('reopen.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={error} required />
        </Dialog>
      )}
    </>
  );
}
