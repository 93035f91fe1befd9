import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../shared/contract/people.js';
import { useRegions } from '../network/queries.js';
import { formatPercent } from '../ui/format.js';

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

/** Rules kept as shares (0.6) that the screens show as percentages (60%). */
const SHARES = new Set([
  'paretoShare',
  'volumeDropShare',
  'keyVolumeShare',
  'serviceLevelKey',
  'serviceLevelOther',
  'reward',
  'penalty',
  'cap',
  'largeJump',
]);

/** The wrapper of a region's rules in an action's input: the action's name already says what they are. */
const WRAPPERS = new Set(['rules', 'settings']);

/** An action's input as lines: nested settings one line per value, named by their path ("weights · visits"). */
function leaves(value: unknown, path: string[] = []): Array<[string[], unknown]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || path.length >= 3) return [[path, value]];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, path.length === 0 && WRAPPERS.has(k) ? path : [...path, k]));
}

/** What changed, field by field: before → after. A call entry shows what was asked, one value a line. */
export function ChangeList({ entry }: { entry: HistoryEntry }) {
  const show = useShow();
  const label = useFieldLabel();
  // a region named by an action (its rules) reads by its name
  const regions = useRegions().data;
  const valueOf = (field: string, value: unknown) =>
    field === 'regionId'
      ? (regions?.find((r) => r.id === value)?.name ?? show(value))
      : SHARES.has(field) && typeof value === 'number'
        ? formatPercent(value, Math.abs(value * 100 - Math.round(value * 100)) < 1e-9 ? 0 : 1)
        : show(value);
  if (entry.action === 'call') {
    const input = (entry.changes.input ?? entry.changes) as unknown;
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      return <code className="history-call">{JSON.stringify(input)}</code>;
    return (
      <ul className="history-changes">
        {leaves(input).map(([path, value]) => (
          <li key={path.join('.')}>
            <span className="history-field">{path.map(label).join(' · ')}</span>: {valueOf(path[path.length - 1] ?? '', value)}
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
