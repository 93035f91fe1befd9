import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../shared/contract/people.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A recorded value as a person reads it: moments in their language and time, objects as JSON. */
function useShow(): (v: unknown) => string {
  const { i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (v) =>
    v === null || v === undefined ? '—' : typeof v === 'string' ? (INSTANT.test(v) ? when.format(new Date(v)) : v) : JSON.stringify(v);
}

/** A recorded column or an action's input as a person reads it; the code's own name where no label exists. */
export function useFieldLabel(): (field: string) => string {
  const { t } = useTranslation('briefHistory');
  return (field) =>
    t(`field.${field}`, {
      defaultValue: t(`field.${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`, { defaultValue: field.replace(/_/g, ' ') }),
    });
}

/** What changed, field by field: before → after. A call entry shows what was asked, one field a line. */
export function ChangeList({ entry }: { entry: HistoryEntry }) {
  const show = useShow();
  const label = useFieldLabel();
  if (entry.action === 'call') {
    const input = (entry.changes.input ?? entry.changes) as unknown;
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      return <code className="history-call">{JSON.stringify(input)}</code>;
    return (
      <ul className="history-changes">
        {Object.entries(input).map(([field, value]) => (
          <li key={field}>
            <span className="history-field">{label(field)}</span>: {show(value)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="history-changes">
      {Object.entries(entry.changes).map(([field, pair]) => {
        const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
        return (
          <li key={field}>
            <span className="history-field">{label(field)}</span>:{' '}
            {entry.action === 'create' ? show(after) : entry.action === 'delete' ? show(before) : `${show(before)} → ${show(after)}`}
          </li>
        );
      })}
    </ul>
  );
}

/** One line per change: when, who, which action, what changed, and the reason of a reopen. */
export function HistoryList({ rows, showRecord = false }: { rows: HistoryEntry[]; showRecord?: boolean }) {
  const { t, i18n } = useTranslation(['people', 'briefHistory']);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <table className="plain history-table">
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
              {/* the action in words; its code stays on hover and in the CSV, for the administrator */}
              {h.method ? (
                <span className="history-method" title={h.method}>
                  {t(`briefHistory:method.${h.method}`, { defaultValue: h.method })}
                </span>
              ) : (
                '—'
              )}
              {h.reason && <div className="history-reason">{t('history.reason', { reason: h.reason })}</div>}
            </td>
            {showRecord && (
              <td>
                {t(`entity.${h.entity}`, { defaultValue: h.entity })} {h.entity === 'call' ? '' : `#${h.entityId}`}
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
