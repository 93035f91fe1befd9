import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_OUTCOMES, VISIT_PURPOSES, type OutletType, type VisitOutcome, type VisitPurpose } from '../../shared/domain/development.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { SelectField, TextArea, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { useToast } from '../ui/Toasts.js';
import { today } from '../../shared/domain/clock.js';
import { useLogVisit } from './mutations.js';

export interface VisitTarget {
  outletType: OutletType;
  outletId: number;
  name: string;
}

/** A visit in a few keystrokes: purpose and outcome preset for a development call, Enter saves. */
export function VisitDialog({
  salespersonId,
  day,
  outlet,
  onClose,
}: {
  salespersonId: number;
  day: string;
  outlet: VisitTarget;
  onClose(): void;
}) {
  const { t } = useTranslation(['development', 'common']);
  const toast = useToast();
  const errors = useFormErrors();
  const log = useLogVisit();
  const [v, setV] = useState({
    day,
    purpose: 'develop' as VisitPurpose,
    outcome: 'interested' as VisitOutcome,
    nextStep: '',
    nextDate: '',
    note: '',
  });
  const submit = async () => {
    errors.clear();
    try {
      const saved = await log.mutateAsync({
        salespersonId,
        day: v.day,
        outletType: outlet.outletType,
        outletId: outlet.outletId,
        purpose: v.purpose,
        outcome: v.outcome,
        nextStep: v.nextStep || null,
        nextDate: v.nextDate || null,
        note: v.note || null,
      });
      toast({
        tone: 'success',
        text:
          saved.stageAfter && saved.stageAfter !== saved.stageBefore
            ? t('visit.loggedMoved', { name: outlet.name, stage: t(`stage.${saved.stageAfter}`) })
            : t('visit.logged', { name: outlet.name }),
      });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={t('visit.title', { name: outlet.name })}
      onClose={onClose}
      footer={<DialogButtons onCancel={onClose} onSubmit={submit} label={t('visit.save')} busy={log.isPending} />}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {errors.formError && (
          <div className="notice notice-error" role="alert">
            {errors.formError}
          </div>
        )}
        <div className="form-grid">
          <SelectField
            label={t('visit.outcome')}
            value={v.outcome}
            onChange={(e) => setV({ ...v, outcome: e.target.value as VisitOutcome })}
            options={VISIT_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
            error={errors.errorFor('outcome')}
          />
          <SelectField
            label={t('visit.purpose')}
            value={v.purpose}
            onChange={(e) => setV({ ...v, purpose: e.target.value as VisitPurpose })}
            options={VISIT_PURPOSES.map((o) => ({ value: o, label: t(`purpose.${o}`) }))}
          />
          <TextField
            label={t('visit.day')}
            type="date"
            value={v.day}
            onChange={(e) => setV({ ...v, day: e.target.value })}
            error={errors.errorFor('day')}
            max={today()}
            required
          />
          <TextField
            label={v.outcome === 'rejected' ? t('rules:revisit.label') : t('visit.nextDate')}
            hint={v.outcome === 'rejected' ? t('rules:revisit.hint') : undefined}
            type="date"
            value={v.nextDate}
            onChange={(e) => setV({ ...v, nextDate: e.target.value })}
            error={errors.errorFor('nextDate')}
          />
          <TextField
            label={t('visit.nextStep')}
            className="span-2"
            value={v.nextStep}
            onChange={(e) => setV({ ...v, nextStep: e.target.value })}
            error={errors.errorFor('nextStep')}
          />
          <TextArea
            label={v.outcome === 'rejected' ? t('visit.whyRejected') : t('visit.note')}
            className="span-2"
            value={v.note}
            onChange={(e) => setV({ ...v, note: e.target.value })}
            error={errors.errorFor('note')}
            required={v.outcome === 'rejected'}
          />
        </div>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
