import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetRules } from '../../shared/contract/targets.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { useToast } from '../ui/Toasts.js';
import { useSaveTargetRules } from './mutations.js';

/**
 * How far a target may move from its basis (last year or the natural volume) before saving asks
 * "keep it?": the line of the chosen plan's region, its manager's own, typed as a percentage and
 * stored as a share.
 */
export function TargetRulesDialog({
  rules,
  region,
  onClose,
}: {
  rules: TargetRules;
  region: { id: number; name: string };
  onClose(): void;
}) {
  const { t } = useTranslation(['targets', 'common']);
  const toast = useToast();
  const errors = useFormErrors();
  const save = useSaveTargetRules();
  const [percent, setPercent] = useState(String(Math.round(rules.largeJump * 100)));
  const submit = async () => {
    errors.clear();
    const value = Number(percent);
    try {
      await save.mutateAsync({ regionId: region.id, largeJump: value / 100 });
      toast({ tone: 'success', text: t('jumpRules.saved', { percent: value, region: region.name }) });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={t('jumpRules.title')}
      onClose={onClose}
      footer={<DialogButtons onCancel={onClose} onSubmit={submit} label={t('save', { ns: 'common' })} busy={save.isPending} />}
    >
      <p className="muted">{t('jumpRules.region', { region: region.name })}</p>
      <TextField
        label={t('jumpRules.label')}
        type="number"
        min={5}
        max={1000}
        step={1}
        value={percent}
        onChange={(e) => setPercent(e.target.value)}
        error={errors.errorFor('largeJump')}
        hint={t('jumpRules.hint')}
      />
    </Dialog>
  );
}
