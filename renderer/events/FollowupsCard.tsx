import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowupRow } from '../../shared/contract/events.js';
import { useStaff } from '../network/queries.js';
import { useUpdateFollowup } from './mutations.js';
import { useFollowups } from './queries.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { FilterSelect, SelectField, TextArea } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { Badge, Card, Spinner } from '../ui/Page.js';
import { formatDate } from '../ui/format.js';
import { staffOptions } from '../../shared/domain/labels.js';

/** Every opinion and suggestion collected at trips and trainings, with who owns it and where it stands. */
export function FollowupsCard() {
  const { t } = useTranslation(['events', 'common']);
  const [status, setStatus] = useState('open');
  const [ownerId, setOwnerId] = useState('');
  const staff = useStaff();
  const list = useFollowups({
    ...(status ? { status: status as 'open' } : {}),
    ...(ownerId ? { ownerId: Number(ownerId) } : {}),
  });
  const update = useUpdateFollowup();
  const errors = useFormErrors();
  const [editing, setEditing] = useState<FollowupRow | null>(null);
  const [next, setNext] = useState<'open' | 'in_progress' | 'done'>('done');
  const [resolution, setResolution] = useState('');
  return (
    <Card
      title={t('followupsTitle')}
      className="card-flush"
      actions={
        <div style={{ display: 'flex', gap: 8 }}>
          <FilterSelect
            label={t('statusLabel')}
            value={status}
            onChange={setStatus}
            options={(['open', 'in_progress', 'done'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
            allLabel={t('all', { ns: 'common' })}
          />
          <FilterSelect
            label={t('owner')}
            value={ownerId}
            onChange={setOwnerId}
            options={staffOptions(staff.data ?? [])}
            allLabel={t('all', { ns: 'common' })}
          />
        </div>
      }
    >
      {!list.data ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : list.data.length === 0 ? (
        <p className="muted" style={{ padding: 14 }}>
          {t('noFollowups')}
        </p>
      ) : (
        <table className="plain" aria-label={t('followupsTitle')}>
          <thead>
            <tr>
              <th>{t('statusLabel')}</th>
              <th>{t('whatTheySaid')}</th>
              <th>{t('fromDistributor')}</th>
              <th>{t('event')}</th>
              <th>{t('category')}</th>
              <th>{t('owner')}</th>
              <th>{t('dueDate')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.map((f) => (
              <tr key={f.id}>
                <td>
                  <Badge tone={f.status === 'done' ? 'green' : f.overdue ? 'red' : 'amber'}>{t(`status.${f.status}`)}</Badge>
                </td>
                <td style={{ whiteSpace: 'normal' }}>
                  {f.text}
                  {f.resolution && <div className="muted small">{f.resolution}</div>}
                </td>
                <td>{f.distributorName ?? '–'}</td>
                <td>{f.eventTitle ?? (f.reviewWeekStart ? t('fromReview', { date: formatDate(f.reviewWeekStart) }) : '–')}</td>
                <td>{t(`categories.${f.category}`)}</td>
                <td>{f.ownerName ?? '–'}</td>
                <td>{f.dueDate ? formatDate(f.dueDate) : '–'}</td>
                <td className="num">
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('updateFollowup', { text: f.text.slice(0, 40) })}
                    onClick={() => {
                      setEditing(f);
                      setNext(f.status === 'open' ? 'done' : f.status);
                      setResolution(f.resolution ?? '');
                    }}
                  >
                    {t('update')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <Dialog
          title={t('updateTitle')}
          onClose={() => setEditing(null)}
          footer={
            <DialogButtons
              onCancel={() => setEditing(null)}
              onSubmit={async () => {
                errors.clear();
                try {
                  await update.mutateAsync({ id: editing.id, status: next, resolution: resolution || null, ownerId: editing.ownerId });
                  setEditing(null);
                } catch (e) {
                  errors.fromError(e);
                }
              }}
              label={t('save', { ns: 'common' })}
              busy={update.isPending}
            />
          }
        >
          <p style={{ margin: 0 }}>{editing.text}</p>
          <SelectField
            label={t('statusLabel')}
            options={(['open', 'in_progress', 'done'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={next}
            onChange={(e) => setNext(e.target.value as 'done')}
          />
          <TextArea
            label={t('resolution')}
            value={resolution}
            onChange={(e) => setResolution(e.target.value)}
            error={errors.errorFor('resolution')}
          />
        </Dialog>
      )}
    </Card>
  );
}
