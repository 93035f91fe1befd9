import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BriefChange, DistributorBrief } from '../../../shared/contract/brief.js';
import { hasRole, useActor } from '../../people/actor.js';
import { formatNumber } from '../../ui/format.js';
import { BriefSection } from './BriefSections.js';
import { BriefTable } from './BriefTable.js';

/** The history screen, filtered to this distributor's own record (it is the administrator's screen). */
export const fullHistoryPath = (distributorId: number) => `/history?entity=distributor&entityId=${distributorId}`;

/** Coded values said in words where the app already has the words (a contact's level). */
const WORDS: Record<string, string> = { level: 'network:level' };

function value(t: TFunction<'briefHistory'>, v: unknown, field?: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (field && WORDS[field] && typeof v === 'string') return t(`${WORDS[field]}.${v}` as never, { defaultValue: v });
  if (typeof v === 'boolean') return v ? t('yes') : t('no');
  if (typeof v === 'number') return formatNumber(v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** "field: before → after"; a new record shows what it was given, a removed one what it had. */
function ChangeLine({ change, t }: { change: BriefChange; t: TFunction<'briefHistory'> }) {
  if (!change.fields.length) return <span className="muted">—</span>;
  return (
    <ul className="brief-history-fields">
      {change.fields.map((f) => (
        <li key={f.field}>
          <span className="brief-history-field">{t(`field.${f.field}`, { defaultValue: f.field.replace(/_/g, ' ') })}:</span>{' '}
          {f.before === null ? (
            value(t, f.after, f.field)
          ) : f.after === null && (change.action === 'delete' || change.method?.endsWith('.delete')) ? (
            <>
              <s>{value(t, f.before, f.field)}</s> <span className="muted">({t('removed')})</span>
            </>
          ) : (
            <>
              <span className="muted">{value(t, f.before, f.field)}</span> → {value(t, f.after, f.field)}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The distributor's history of changes: its own record, its contacts, target cells, account and stock,
 * and its outlets, newest first. The printed brief keeps the newest few (brief.css).
 */
export function HistorySection({ brief }: { brief: DistributorBrief }) {
  const { t, i18n } = useTranslation(['briefHistory', 'network']);
  const actor = useActor();
  const h = brief.history;
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const admin = hasRole(actor, 'administrator');
  return (
    <BriefSection
      title={t('title')}
      to={admin ? fullHistoryPath(brief.distributor.id) : undefined}
      linkLabel={t('link')}
      className="brief-wide brief-history"
    >
      {h.entries.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <>
          <p className="muted small brief-line">{t('count', { count: h.total, shown: h.entries.length })}</p>
          <BriefTable
            label={t('table')}
            className="brief-history-table"
            rows={h.entries}
            rowKey={(c) => c.id}
            columns={[
              { header: t('when'), className: 'nowrap', cell: (c) => when.format(new Date(c.at)) },
              {
                header: t('who'),
                cell: (c) => (
                  <>
                    {c.actorName ?? c.actorCode ?? t('system')}
                    {c.actorName && c.actorCode ? <span className="muted actor-code"> {c.actorCode}</span> : null}
                  </>
                ),
              },
              {
                header: t('what'),
                cell: (c) => (
                  <>
                    {c.method ? t(`method.${c.method}`, { defaultValue: c.method }) : t(`record.${c.record}`)}
                    {c.recordLabel && <span className="muted"> · {c.recordLabel}</span>}
                    {c.reason && <div className="muted small">{t('reason', { reason: c.reason })}</div>}
                  </>
                ),
              },
              { header: t('changes'), className: 'wrap', cell: (c) => <ChangeLine change={c} t={t} /> },
            ]}
          />
        </>
      )}
    </BriefSection>
  );
}
