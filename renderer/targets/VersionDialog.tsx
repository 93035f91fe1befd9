import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { SelectField, TextField } from '../ui/Fields.js';
import { useSaveTargetVersion } from './mutations.js';

/** Saves the plan as it stands as a new version (the agreed one, usually), which then becomes the chosen plan. */
export function VersionDialog({
  planId,
  current,
  onClose,
  onSaved,
}: {
  planId: number;
  current: string;
  onClose(): void;
  onSaved(id: number): void;
}) {
  const { t } = useTranslation(['targets', 'common']);
  const save = useSaveTargetVersion();
  const [name, setName] = useState(`${current} (agreed)`);
  const [status, setStatus] = useState<'draft' | 'agreed'>('agreed');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      title={t('saveVersion')}
      onClose={onClose}
      footer={
        <DialogButtons
          onCancel={onClose}
          onSubmit={async () => {
            try {
              const v = await save.mutateAsync({ planId, name, status });
              onSaved(v.id);
              onClose();
            } catch (e) {
              setError((e as Error).message);
            }
          }}
          label={t('save', { ns: 'common' })}
          busy={save.isPending}
        />
      }
    >
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      <div className="form-grid">
        <TextField label={t('versionName')} value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField
          label={t('versionStatus')}
          options={(['draft', 'agreed'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={(e) => setStatus(e.target.value as 'draft')}
        />
      </div>
    </Dialog>
  );
}
