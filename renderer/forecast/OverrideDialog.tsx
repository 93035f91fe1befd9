import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForecastScope, OverrideLevel } from '../../shared/contract/forecast.js';
import { useSaveOverride } from './mutations.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { SelectField, TextArea, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { formatMonth, formatNumber } from '../ui/format.js';
import { useToast } from '../ui/Toasts.js';

/** Records the number agreed with the distributor for a month, with the reason; the statistical one stays. */
export function OverrideDialog({
  month,
  level,
  scope,
  statistical,
  onClose,
}: {
  month: string;
  level: OverrideLevel;
  scope: ForecastScope;
  statistical: number;
  onClose(): void;
}) {
  const { t } = useTranslation(['forecast', 'common']);
  const toast = useToast();
  const save = useSaveOverride();
  const errors = useFormErrors();
  const [mode, setMode] = useState<'absolute' | 'percent'>('absolute');
  const [value, setValue] = useState(String(Math.round(statistical)));
  const [note, setNote] = useState('');
  const submit = async () => {
    errors.clear();
    try {
      await save.mutateAsync({ level, ...scope, month, mode, value: value.trim() === '' ? Number.NaN : Number(value), note });
      toast({ tone: 'success', text: t('agreedSaved') });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={t('agreeTitle', { month: formatMonth(month) })}
      onClose={onClose}
      footer={<DialogButtons onCancel={onClose} onSubmit={() => void submit()} label={t('saveAgreed')} busy={save.isPending} />}
    >
      <p style={{ margin: 0 }}>{t('agreeText', { level: t(`level.${level}`), statistical: formatNumber(statistical) })}</p>
      {errors.formError && (
        <div className="notice notice-error" role="alert">
          {errors.formError}
        </div>
      )}
      <div className="form-grid">
        <SelectField
          label={t('agreeMode')}
          options={[
            { value: 'absolute', label: t('modeAbsolute') },
            { value: 'percent', label: t('modePercent') },
          ]}
          value={mode}
          onChange={(e) => setMode(e.target.value as 'absolute')}
        />
        <TextField
          label={mode === 'absolute' ? t('agreedCases') : t('agreedPercent')}
          type="number"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={errors.errorFor('value')}
          required
        />
        <TextArea
          label={t('reason')}
          className="span-2"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={errors.errorFor('note')}
          required
        />
      </div>
    </Dialog>
  );
}
