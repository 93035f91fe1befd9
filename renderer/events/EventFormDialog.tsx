import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../shared/contract/events.js';
import { TRAINING_TOPICS } from '../../shared/contract/events.js';
import { useStaff } from '../network/queries.js';
import { useCreateEvent, useUpdateEvent } from './mutations.js';
import { useConfirmRetry } from '../ui/useConfirmRetry.js';
import { useNetworkOptions } from '../network/options.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { SelectField, TextArea, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { useToast } from '../ui/Toasts.js';
import { staffOptions } from '../../shared/domain/labels.js';
import { conflictText, refusedConflicts } from './conflictText.js';

/** A training session or a trip: what, when, where, who leads it, for how many, at what budget. */
export function EventFormDialog({
  kind,
  event,
  onClose,
  onSaved,
}: {
  kind: 'training' | 'trip';
  event?: EventDetail;
  onClose(): void;
  onSaved?(id: number): void;
}) {
  const { t } = useTranslation(['events', 'common']);
  const toast = useToast();
  const network = useNetworkOptions();
  const staff = useStaff();
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const ask = useConfirmRetry({
    title: t('eventConflicts.title', { ns: 'rules' }),
    confirm: t('eventConflicts.confirm', { ns: 'rules' }),
    kept: t('eventConflicts.kept', { ns: 'rules' }),
    // each conflict the save found, worded in the user's language
    details: (refusal) => (
      <ul aria-label={t('conflicts')}>
        {refusedConflicts(refusal.rule?.params).map((c, i) => (
          <li key={i}>{conflictText(t, c)}</li>
        ))}
      </ul>
    ),
  });
  const errors = useFormErrors();
  const [v, setV] = useState({
    title: event?.title ?? '',
    topic: event?.topic ?? (kind === 'training' ? 'sales_policy' : ''),
    trainer: event?.trainer ?? '',
    trainerKind: event?.trainerKind ?? 'expert',
    representativeId: event?.representativeId ? String(event.representativeId) : '',
    regionId: event?.regionId ? String(event.regionId) : String(network.regions[0]?.value ?? ''),
    startsAt: event?.startsAt ?? '',
    endsAt: event?.endsAt ?? '',
    location: event?.location ?? '',
    capacity: event?.capacity ? String(event.capacity) : '',
    budgetPerPerson: event?.budgetPerPerson !== null && event?.budgetPerPerson !== undefined ? String(event.budgetPerPerson) : '',
    budgetTotal: event?.budgetTotal !== null && event?.budgetTotal !== undefined ? String(event.budgetTotal) : '',
    notes: event?.notes ?? '',
  });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const num = (s: string) => (s.trim() === '' ? null : Number(s));
  const submit = async () => {
    errors.clear();
    const draft = {
      kind,
      title: v.title,
      topic: v.topic || null,
      trainer: v.trainer || null,
      trainerKind: kind === 'training' ? (v.trainerKind as 'expert') : null,
      representativeId: num(v.representativeId),
      regionId: num(v.regionId),
      startsAt: v.startsAt,
      endsAt: v.endsAt,
      location: v.location || null,
      capacity: num(v.capacity),
      budgetPerPerson: num(v.budgetPerPerson),
      budgetTotal: num(v.budgetTotal),
      notes: v.notes || null,
      staffIds: event?.staffIds ?? [],
    };
    try {
      const saved = await ask.save((confirm) =>
        event ? update.mutateAsync({ id: event.id, draft, confirm }) : create.mutateAsync({ draft, confirm }),
      );
      toast({ tone: 'success', text: t('saved', { title: saved.title }) });
      onSaved?.(saved.id);
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={event ? t('editEvent', { title: event.title }) : t(kind === 'training' ? 'newTraining' : 'newTrip')}
      onClose={onClose}
      wide
      footer={
        <DialogButtons
          onCancel={onClose}
          onSubmit={() => void submit()}
          label={t('save', { ns: 'common' })}
          busy={create.isPending || update.isPending}
        />
      }
    >
      {ask.dialog}
      {errors.formError && (
        <div className="notice notice-error" role="alert">
          {errors.formError}
        </div>
      )}
      <div className="form-grid">
        <TextField
          label={t('eventTitle')}
          value={v.title}
          onChange={set('title')}
          error={errors.errorFor('title')}
          required
          className="span-2"
        />
        {kind === 'training' ? (
          <>
            <SelectField
              label={t('topic')}
              options={TRAINING_TOPICS.map((x) => ({ value: x, label: t(`topics.${x}`) }))}
              value={TRAINING_TOPICS.includes(v.topic as never) ? v.topic : ''}
              placeholder={t('customTopic')}
              onChange={set('topic')}
            />
            <TextField label={t('trainer')} value={v.trainer} onChange={set('trainer')} />
            <SelectField
              label={t('trainerKind')}
              options={[
                { value: 'expert', label: t('expert') },
                { value: 'leader', label: t('leader') },
              ]}
              value={v.trainerKind}
              onChange={set('trainerKind')}
            />
          </>
        ) : (
          <SelectField
            label={t('representative')}
            options={staffOptions(staff.data ?? [])}
            placeholder={t('choose', { ns: 'common' })}
            value={v.representativeId}
            onChange={set('representativeId')}
          />
        )}
        <SelectField label={t('region')} options={network.regions} value={v.regionId} onChange={set('regionId')} />
        <TextField
          label={t('startsAt')}
          type="datetime-local"
          value={v.startsAt}
          onChange={set('startsAt')}
          error={errors.errorFor('startsAt')}
          required
        />
        <TextField
          label={t('endsAt')}
          type="datetime-local"
          value={v.endsAt}
          onChange={set('endsAt')}
          error={errors.errorFor('endsAt')}
          required
        />
        <TextField label={kind === 'trip' ? t('destination') : t('location')} value={v.location} onChange={set('location')} />
        <TextField label={t('capacity')} type="number" value={v.capacity} onChange={set('capacity')} error={errors.errorFor('capacity')} />
        <TextField
          label={t('budgetPerPerson')}
          type="number"
          value={v.budgetPerPerson}
          onChange={set('budgetPerPerson')}
          error={errors.errorFor('budgetPerPerson')}
        />
        <TextField
          label={t('budgetTotal')}
          type="number"
          value={v.budgetTotal}
          onChange={set('budgetTotal')}
          error={errors.errorFor('budgetTotal')}
        />
        <TextArea label={t('notes')} value={v.notes} onChange={set('notes')} className="span-2" />
      </div>
    </Dialog>
  );
}
