import { now, today } from '../../shared/domain/clock.js';
import { addDays, addMonths, addWeeks, endOfMonth, endOfWeek, format, isSameMonth, startOfMonth, startOfWeek } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../shared/contract/events.js';
import { useEvents } from './queries.js';
import { Badge, ErrorNotice, PageHeader, Spinner } from '../ui/Page.js';
import { formatDate, formatMonth } from '../ui/format.js';
import { EventDetailPanel } from './EventDetailPanel.js';
import { EventFormDialog } from './EventFormDialog.js';
import { FollowupsCard } from './FollowupsCard.js';

type View = 'month' | 'week' | 'list' | 'followups';
const iso = (d: Date) => format(d, 'yyyy-MM-dd');

export function EventsPage() {
  const { t } = useTranslation(['events', 'common']);
  const [view, setView] = useState<View>('month');
  const [cursor, setCursor] = useState(() => now());
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState<'training' | 'trip' | null>(null);
  const from = view === 'week' ? startOfWeek(cursor, { weekStartsOn: 1 }) : startOfWeek(startOfMonth(cursor), { weekStartsOn: 1 });
  const to = view === 'week' ? endOfWeek(cursor, { weekStartsOn: 1 }) : endOfWeek(endOfMonth(cursor), { weekStartsOn: 1 });
  const events = useEvents(view === 'list' ? {} : { from: iso(from), to: iso(to) });
  const move = (n: number) => setCursor((c) => (view === 'week' ? addWeeks(c, n) : addMonths(c, n)));
  const days: Date[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const onDay = (d: Date) => (events.data ?? []).filter((e) => e.startsAt.slice(0, 10) <= iso(d) && e.endsAt.slice(0, 10) >= iso(d));
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <button type="button" className="button" onClick={() => setCreating('trip')}>
              {t('newTrip')}
            </button>
            <button type="button" className="button button-primary" onClick={() => setCreating('training')}>
              {t('newTraining')}
            </button>
          </>
        }
      >
        <div className="toolbar">
          <div className="tabs" role="tablist" aria-label={t('views')}>
            {(['month', 'week', 'list', 'followups'] as const).map((v) => (
              <button key={v} type="button" role="tab" className="tab" aria-selected={view === v} onClick={() => setView(v)}>
                {t(`view.${v}`)}
              </button>
            ))}
          </div>
          {(view === 'month' || view === 'week') && (
            <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
              <button type="button" className="button button-small" onClick={() => move(-1)} aria-label={t('previous')}>
                ‹
              </button>
              <button type="button" className="button button-small" onClick={() => setCursor(now())}>
                {t('today')}
              </button>
              <button type="button" className="button button-small" onClick={() => move(1)} aria-label={t('next')}>
                ›
              </button>
              <strong style={{ marginLeft: 8 }}>
                {view === 'week' ? `${formatDate(iso(from))} – ${formatDate(iso(to))}` : formatMonth(iso(cursor).slice(0, 7))}
              </strong>
            </div>
          )}
        </div>
      </PageHeader>
      <ErrorNotice error={events.error} />
      {view === 'followups' ? (
        <FollowupsCard />
      ) : !events.data ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : view === 'list' ? (
        <EventList events={events.data} onSelect={setSelected} />
      ) : (
        <div className={`calendar ${view}`} role="grid" aria-label={t('calendar')}>
          {['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => (
            <div key={d} className="calendar-head" role="columnheader">
              {t(`day.${d}`)}
            </div>
          ))}
          {days.map((d) => (
            <div
              key={iso(d)}
              role="gridcell"
              aria-label={formatDate(iso(d))}
              className={`calendar-day${view === 'month' && !isSameMonth(d, cursor) ? ' other-month' : ''}${iso(d) === today() ? ' today' : ''}`}
            >
              <div className="calendar-date">{format(d, 'd')}</div>
              {onDay(d).map((e) => (
                <button key={e.id} type="button" className={`event-chip ${e.kind}`} onClick={() => setSelected(e.id)} title={e.title}>
                  {e.conflicts.length > 0 && <span aria-label={t('hasConflicts')}>⚠ </span>}
                  {e.startsAt.slice(0, 10) === iso(d) && <span className="muted">{e.startsAt.slice(11)} </span>}
                  {e.title}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
      {selected !== null && view !== 'followups' && <EventDetailPanel eventId={selected} onClose={() => setSelected(null)} />}
      {creating && <EventFormDialog kind={creating} onClose={() => setCreating(null)} onSaved={(id) => setSelected(id)} />}
    </div>
  );
}

function EventList({ events, onSelect }: { events: EventSummary[]; onSelect(id: number): void }) {
  const { t } = useTranslation('events');
  if (events.length === 0) return <p className="muted">{t('noEvents')}</p>;
  return (
    <table className="plain" aria-label={t('eventList')}>
      <thead>
        <tr>
          <th>{t('when')}</th>
          <th>{t('kind')}</th>
          <th>{t('eventTitle')}</th>
          <th>{t('location')}</th>
          <th className="num">{t('invited')}</th>
          <th className="num">{t('accepted')}</th>
          <th className="num">{t('attended')}</th>
          <th>{t('conflicts')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id}>
            <td>
              {formatDate(e.startsAt)} {e.startsAt.slice(11)}
            </td>
            <td>
              <Badge tone={e.kind === 'training' ? 'blue' : 'amber'}>{t(`kinds.${e.kind}`)}</Badge>
            </td>
            <td>
              <button type="button" className="link-button" onClick={() => onSelect(e.id)}>
                {e.title}
              </button>
            </td>
            <td>{e.location ?? '–'}</td>
            <td className="num">{e.invited}</td>
            <td className="num">{e.accepted}</td>
            <td className="num">{e.attended}</td>
            <td>{e.conflicts.length ? <Badge tone="red">{e.conflicts.length}</Badge> : <span className="muted">–</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
