import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../shared/contract/people.js';

const show = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** What changed, field by field: before → after. A call entry shows what was asked. */
export function ChangeList({ entry }: { entry: HistoryEntry }) {
  if (entry.action === 'call') return <code className="history-call">{JSON.stringify(entry.changes.input ?? entry.changes)}</code>;
  return (
    <ul className="history-changes">
      {Object.entries(entry.changes).map(([field, pair]) => {
        const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
        return (
          <li key={field}>
            <span className="history-field">{field}</span>:{' '}
            {entry.action === 'create' ? show(after) : entry.action === 'delete' ? show(before) : `${show(before)} → ${show(after)}`}
          </li>
        );
      })}
    </ul>
  );
}

/** One line per change: when, who, which action, what changed, and the reason of a reopen. */
export function HistoryList({ rows, showRecord = false }: { rows: HistoryEntry[]; showRecord?: boolean }) {
  const { t, i18n } = useTranslation('people');
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <table className="table history-table">
      <thead>
        <tr>
          <th scope="col">{t('history.when')}</th>
          <th scope="col">{t('history.who')}</th>
          <th scope="col">{t('history.what')}</th>
          {showRecord && <th scope="col">{t('history.record')}</th>}
          <th scope="col">{t('history.changes')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((h) => (
          <tr key={h.id}>
            <td>{when.format(new Date(h.at))}</td>
            <td>{h.actorName ?? h.actorCode ?? t('history.system')}</td>
            <td>
              {h.method ?? '—'}
              {h.reason && <div className="history-reason">{t('history.reason', { reason: h.reason })}</div>}
            </td>
            {showRecord && (
              <td>
                {h.entity} {h.entity === 'call' ? '' : `#${h.entityId}`}
              </td>
            )}
            <td>
              <ChangeList entry={h} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
