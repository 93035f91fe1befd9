import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../ui/Dialog.js';
import { SelectField } from '../ui/Fields.js';
import { useMergeDistributor } from '../network/mutations.js';

/** Two records of one customer: this one's outlets, contacts, history and targets move to the survivor, and this one goes. */
export function MergeDistributorDialog({
  name,
  fromId,
  candidates,
  onDone,
  onCancel,
}: {
  name: string;
  fromId: number;
  candidates: Array<{ value: number; label: string }>;
  onDone(intoId: number): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('people');
  const merge = useMergeDistributor();
  const [intoId, setIntoId] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>();
  const confirm = async () => {
    if (!intoId) return setError(t('merge.choose'));
    try {
      await merge.mutateAsync({ fromId, intoId });
      onDone(intoId);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <ConfirmDialog
      title={t('merge.title', { name })}
      confirmLabel={t('merge.confirm')}
      danger
      busy={merge.isPending}
      onConfirm={confirm}
      onCancel={onCancel}
      message={t('merge.explain', { name })}
    >
      <SelectField
        label={t('merge.into')}
        options={candidates.filter((c) => c.value !== fromId)}
        placeholder="—"
        value={intoId ?? ''}
        onChange={(e) => setIntoId(Number(e.target.value) || null)}
        error={error}
      />
    </ConfirmDialog>
  );
}
