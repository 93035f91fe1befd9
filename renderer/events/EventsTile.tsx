import { today } from '../../shared/domain/clock.js';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEvents, useFollowups } from './queries.js';
import { Card, ErrorNotice, Spinner } from '../ui/Page.js';
import { formatDate } from '../ui/format.js';

export function EventsTile() {
  const { t } = useTranslation(['events', 'common']);
  const todayDay = today();
  const events = useEvents({ from: todayDay });
  const open = useFollowups({ status: 'open' });
  const upcoming = events.data ?? [];
  return (
    <Card title={t('tile.title')} actions={<Link to="/events">{t('tile.open')}</Link>}>
      {events.error ? (
        <ErrorNotice error={events.error} />
      ) : !events.data ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : upcoming.length === 0 ? (
        <p className="muted">{t('tile.none')}</p>
      ) : (
        <ul className="tree">
          {upcoming.slice(0, 3).map((e) => (
            <li key={e.id} className="tree-row">
              <span className="muted">{formatDate(e.startsAt)}</span>
              <span className="grow">{e.title}</span>
              {e.conflicts.length > 0 && <span aria-label={t('hasConflicts')}>⚠</span>}
            </li>
          ))}
        </ul>
      )}
      {events.data && (
        <p className="stat-note">
          {t('tile.upcoming', { count: upcoming.length })}
          {/* loading is not empty: no "0 open follow-up items" before the answer is in */}
          {open.data && <> · {t('tile.open_items', { count: open.data.length })}</>}
        </p>
      )}
    </Card>
  );
}
