import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_CATEGORIES, RSVPS } from '../../shared/contract/events.js';
import { LANGUAGES, type Language } from '../../shared/contract/system.js';
import { useStaff } from '../network/queries.js';
import { useAttempt } from '../api/useMutationWithToast.js';
import { RecordHistory } from '../people/RecordHistory.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { SelectField, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { Badge, Card, ErrorNotice, Spinner } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { formatDate, formatNumber } from '../ui/format.js';
import { EventFormDialog } from './EventFormDialog.js';
import { InviteDialog } from './InviteDialog.js';
import { staffOptions } from '../../shared/domain/labels.js';
import { conflictText } from './conflictText.js';
import { downloadEventIcs, useAddEventItem, useCreateFollowup, useDeleteEvent, useRemoveEventItem, useSetInvitee } from './mutations.js';
import { useEvent, useFollowups } from './queries.js';

export function EventDetailPanel({ eventId, onClose }: { eventId: number; onClose(): void }) {
  const { t, i18n } = useTranslation(['events', 'common', 'daywork']);
  const toast = useToast();
  const attempt = useAttempt();
  const staff = useStaff();
  const detail = useEvent(eventId);
  const setInvitee = useSetInvitee();
  const addItem = useAddEventItem();
  const removeItem = useRemoveEventItem();
  const remove = useDeleteEvent();
  const createFollowup = useCreateFollowup();
  const followups = useFollowups({ eventId });
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [removing, setRemoving] = useState<{ id: number; label: string } | null>(null);
  const [item, setItem] = useState({ kind: 'agenda', label: '', at: '', amount: '', url: '' });
  const [fu, setFu] = useState({ distributorId: '', kind: 'suggestion', text: '', category: 'product', ownerId: '', dueDate: '' });
  const itemErrors = useFormErrors();
  const fuErrors = useFormErrors();
  const e = detail.data;
  if (!e) return detail.error ? <ErrorNotice error={detail.error} /> : <Spinner label={t('loading', { ns: 'common' })} />;
  const ics = async (distributorId?: number) => {
    const language = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : undefined;
    await attempt(() => downloadEventIcs(eventId, distributorId, language));
  };
  // attendance and feedback exist once the event has begun on its region's clock (the core decides)
  const started = e.started;
  return (
    <section className="event-panel" aria-label={t('eventPanel', { title: e.title })}>
      <Card
        title={
          <>
            <Badge tone={e.kind === 'training' ? 'blue' : 'amber'}>{t(`kinds.${e.kind}`)}</Badge> {e.title}
          </>
        }
        actions={
          <div className="no-print" style={{ display: 'flex', gap: 6 }}>
            <button type="button" className="button button-small" onClick={() => void ics()}>
              {t('downloadIcs')}
            </button>
            <button type="button" className="button button-small" onClick={() => window.print()}>
              {t('printLists')}
            </button>
            <button type="button" className="button button-small" onClick={() => setEditing(true)}>
              {t('edit', { ns: 'common' })}
            </button>
            <button type="button" className="button button-small" onClick={() => setDeleting(true)}>
              {t('delete', { ns: 'common' })}
            </button>
            <button type="button" className="icon-button" onClick={onClose} aria-label={t('close', { ns: 'common' })}>
              ×
            </button>
          </div>
        }
      >
        <p style={{ marginTop: 0 }}>
          {formatDate(e.startsAt)} {e.startsAt.slice(11)} – {formatDate(e.endsAt)} {e.endsAt.slice(11)} · {e.location ?? t('noLocation')}
          {e.topic && <> · {t(`topics.${e.topic}`, { defaultValue: e.topic })}</>}
          {e.trainer && <> · {t('trainerLine', { name: e.trainer, kind: t(e.trainerKind ?? 'expert') })}</>}
          {e.representativeName && <> · {t('ledBy', { name: e.representativeName })}</>}
        </p>
        {e.conflicts.length > 0 && (
          <div className="notice notice-warn" role="alert" aria-label={t('conflicts')}>
            <strong>{t('conflictsFound')}</strong>
            <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
              {e.conflicts.map((c, i) => (
                <li key={i}>{conflictText(t, c)}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="grid-4" style={{ marginTop: 10 }}>
          <div className="stat">
            <span className="stat-label">{t('invited')}</span>
            <span className="stat-value">
              {e.invited}
              {e.capacity ? <small> / {e.capacity}</small> : null}
            </span>
          </div>
          <div className="stat">
            <span className="stat-label">{t('accepted')}</span>
            <span className="stat-value">{e.accepted}</span>
          </div>
          <div className="stat">
            <span className="stat-label">{t('attended')}</span>
            <span className="stat-value">{e.attended}</span>
            <span className="stat-note">
              {e.averageFeedback === null ? t('noFeedback') : t('avgFeedback', { score: formatNumber(e.averageFeedback, 1) })}
            </span>
          </div>
          <div className="stat">
            <span className="stat-label">{t('costVsBudget')}</span>
            <span className="stat-value">{formatNumber(e.actualCost, 0)}</span>
            <span className="stat-note">
              {e.budgetTotal !== null
                ? t('budgetOf', { budget: formatNumber(e.budgetTotal, 0) })
                : e.budgetPerPerson !== null
                  ? t('budgetPer', { budget: formatNumber(e.budgetPerPerson, 0) })
                  : t('noBudget')}
            </span>
          </div>
        </div>
        <RecordHistory entity="event" entityId={eventId} />
      </Card>
      <div className="grid-2">
        <Card title={t('invitees')}>
          <div className="no-print" style={{ display: 'flex', gap: 8, alignItems: 'flex-end', marginBottom: 10 }}>
            <button type="button" className="button" onClick={() => setInviting(true)}>
              {t('daywork:invite.open')}
            </button>
          </div>
          {inviting && <InviteDialog eventId={eventId} onClose={() => setInviting(false)} />}
          {/* a long list of invitees with their answer, attendance and feedback stays inside its card */}
          <div style={{ overflowX: 'auto' }}>
            <table className="plain" aria-label={t('attendanceList')}>
              <thead>
                <tr>
                  <th>{t('distributor')}</th>
                  <th>{t('rsvp')}</th>
                  <th>{t('came')}</th>
                  <th>{t('feedback')}</th>
                  <th className="no-print" />
                </tr>
              </thead>
              <tbody>
                {e.invitees.map((i) => (
                  <tr key={i.distributorId}>
                    <td style={{ whiteSpace: 'normal', minWidth: 140 }}>
                      {i.distributorName}
                      {i.contactName && <div className="muted small">{i.contactName}</div>}
                    </td>
                    <td>
                      <select
                        aria-label={t('rsvpOf', { name: i.distributorName })}
                        value={i.rsvp}
                        onChange={(ev) =>
                          void setInvitee.run({ eventId, distributorId: i.distributorId, rsvp: ev.target.value as (typeof RSVPS)[number] })
                        }
                      >
                        {RSVPS.map((r) => (
                          <option key={r} value={r}>
                            {t(`rsvps.${r}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('attendedOf', { name: i.distributorName })}
                        checked={i.attended === true}
                        disabled={!started}
                        title={started ? undefined : t('notStarted', { ns: 'rules' })}
                        onChange={(ev) => void setInvitee.run({ eventId, distributorId: i.distributorId, attended: ev.target.checked })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={t('scoreOf', { name: i.distributorName })}
                        value={i.feedbackScore ?? ''}
                        disabled={!started}
                        onChange={(ev) =>
                          void setInvitee.run({
                            eventId,
                            distributorId: i.distributorId,
                            feedbackScore: ev.target.value ? Number(ev.target.value) : null,
                          })
                        }
                      >
                        <option value="">–</option>
                        {[1, 2, 3, 4, 5].map((s) => (
                          <option key={s} value={s}>
                            {'★'.repeat(s)}
                          </option>
                        ))}
                      </select>{' '}
                      <input
                        aria-label={t('commentOf', { name: i.distributorName })}
                        defaultValue={i.feedbackComment ?? ''}
                        placeholder={t('comment')}
                        style={{ width: 120 }}
                        onBlur={(ev) =>
                          ev.target.value !== (i.feedbackComment ?? '') &&
                          void setInvitee.run({ eventId, distributorId: i.distributorId, feedbackComment: ev.target.value || null })
                        }
                      />
                    </td>
                    <td className="num no-print">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => void ics(i.distributorId)}
                        aria-label={t('icsFor', { name: i.distributorName })}
                      >
                        .ics
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 14 }}>
          <Card title={t('agendaCostsMaterials')}>
            <ul className="tree">
              {e.items.map((x) => (
                <li key={x.id} className="tree-row">
                  <Badge tone={x.kind === 'cost' ? 'amber' : x.kind === 'material' ? 'grey' : x.kind === 'discussion' ? 'green' : 'blue'}>
                    {t(`itemKinds.${x.kind}`)}
                  </Badge>
                  <span className="grow">
                    {x.at && <span className="muted">{x.at.replace('T', ' ')} </span>}
                    {x.url ? (
                      <a href={x.url} target="_blank" rel="noreferrer">
                        {x.label}
                      </a>
                    ) : (
                      x.label
                    )}
                  </span>
                  {x.amount !== null && <span>{formatNumber(x.amount, 2)}</span>}
                  <button
                    type="button"
                    className="link-button no-print"
                    onClick={() => setRemoving({ id: x.id, label: x.label })}
                    aria-label={t('removeItem', { label: x.label })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <form
              className="form-grid no-print"
              style={{ marginTop: 8 }}
              onSubmit={async (ev) => {
                ev.preventDefault();
                itemErrors.clear();
                try {
                  await addItem.mutateAsync({
                    eventId,
                    kind: item.kind as 'agenda',
                    label: item.label,
                    at: item.at || null,
                    amount: item.amount ? Number(item.amount) : null,
                    url: item.url || null,
                  });
                  setItem({ ...item, label: '', amount: '', url: '' });
                } catch (err) {
                  itemErrors.fromError(err);
                }
              }}
            >
              <SelectField
                label={t('itemKind')}
                options={(['agenda', 'discussion', 'cost', 'material'] as const).map((k) => ({ value: k, label: t(`itemKinds.${k}`) }))}
                value={item.kind}
                onChange={(ev) => setItem({ ...item, kind: ev.target.value })}
              />
              <TextField
                label={t('itemLabel')}
                value={item.label}
                onChange={(ev) => setItem({ ...item, label: ev.target.value })}
                error={itemErrors.errorFor('label')}
              />
              {(item.kind === 'agenda' || item.kind === 'discussion') && (
                <TextField
                  label={t('itemAt')}
                  type="datetime-local"
                  value={item.at}
                  onChange={(ev) => setItem({ ...item, at: ev.target.value })}
                />
              )}
              {item.kind === 'cost' && (
                <TextField
                  label={t('amount')}
                  type="number"
                  value={item.amount}
                  onChange={(ev) => setItem({ ...item, amount: ev.target.value })}
                  error={itemErrors.errorFor('amount')}
                />
              )}
              {item.kind === 'material' && (
                <TextField
                  label={t('link')}
                  value={item.url}
                  onChange={(ev) => setItem({ ...item, url: ev.target.value })}
                  error={itemErrors.errorFor('url')}
                />
              )}
              <div>
                <button type="submit" className="button">
                  {t('add')}
                </button>
              </div>
            </form>
          </Card>
          <Card title={t('followupsFromEvent')}>
            {(followups.data ?? []).length === 0 ? (
              <p className="muted">{t('noFollowups')}</p>
            ) : (
              <ul className="tree">
                {(followups.data ?? []).map((f) => (
                  <li key={f.id} className="tree-row">
                    <Badge tone={f.status === 'done' ? 'green' : f.overdue ? 'red' : 'amber'}>{t(`status.${f.status}`)}</Badge>
                    <span className="grow">
                      {f.text} <span className="muted">· {f.distributorName ?? '–'}</span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <form
              className="form-grid no-print"
              style={{ marginTop: 8 }}
              onSubmit={async (ev) => {
                ev.preventDefault();
                fuErrors.clear();
                try {
                  await createFollowup.mutateAsync({
                    eventId,
                    distributorId: fu.distributorId ? Number(fu.distributorId) : null,
                    kind: fu.kind as 'suggestion',
                    text: fu.text,
                    category: fu.category as 'product',
                    ownerId: fu.ownerId ? Number(fu.ownerId) : null,
                    dueDate: fu.dueDate || null,
                  });
                  setFu({ ...fu, text: '' });
                  toast({ tone: 'success', text: t('followupAdded') });
                } catch (err) {
                  fuErrors.fromError(err);
                }
              }}
            >
              <SelectField
                label={t('fromDistributor')}
                options={e.invitees.map((i) => ({ value: i.distributorId, label: i.distributorName }))}
                placeholder={t('none', { ns: 'common' })}
                value={fu.distributorId}
                onChange={(ev) => setFu({ ...fu, distributorId: ev.target.value })}
              />
              <SelectField
                label={t('fuKind')}
                options={[
                  { value: 'suggestion', label: t('suggestion') },
                  { value: 'opinion', label: t('opinion') },
                ]}
                value={fu.kind}
                onChange={(ev) => setFu({ ...fu, kind: ev.target.value })}
              />
              <TextField
                label={t('whatTheySaid')}
                value={fu.text}
                onChange={(ev) => setFu({ ...fu, text: ev.target.value })}
                error={fuErrors.errorFor('text')}
                className="span-2"
              />
              <SelectField
                label={t('category')}
                options={FOLLOWUP_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
                value={fu.category}
                onChange={(ev) => setFu({ ...fu, category: ev.target.value })}
              />
              <SelectField
                label={t('owner')}
                options={staffOptions(staff.data ?? [])}
                placeholder={t('none', { ns: 'common' })}
                value={fu.ownerId}
                onChange={(ev) => setFu({ ...fu, ownerId: ev.target.value })}
              />
              <TextField
                label={t('dueDate')}
                type="date"
                value={fu.dueDate}
                onChange={(ev) => setFu({ ...fu, dueDate: ev.target.value })}
              />
              <div>
                <button type="submit" className="button">
                  {t('addFollowup')}
                </button>
              </div>
            </form>
          </Card>
        </div>
      </div>
      {editing && <EventFormDialog kind={e.kind} event={e} onClose={() => setEditing(false)} />}
      {removing && (
        <ConfirmDialog
          title={t('removeItemTitle', { label: removing.label })}
          message={t('removeItemText')}
          confirmLabel={t('removeItemConfirm')}
          danger
          onCancel={() => setRemoving(null)}
          busy={removeItem.isPending}
          onConfirm={async () => {
            if (!(await removeItem.run({ eventId, itemId: removing.id }))) return;
            setRemoving(null);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('deleteTitle', { title: e.title })}
          message={t('deleteText', { count: e.invited })}
          confirmLabel={t('delete', { ns: 'common' })}
          danger
          onCancel={() => setDeleting(false)}
          busy={remove.isPending}
          onConfirm={async () => {
            if (!(await remove.run({ id: eventId }))) return;
            setDeleting(false);
            onClose();
          }}
        />
      )}
    </section>
  );
}
