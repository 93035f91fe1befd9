import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueOutlet, DueOutlets } from '../../shared/contract/daywork.js';
import { Badge, Spinner } from '../ui/Page.js';
import { formatDate } from '../ui/format.js';
import { useDueOutlets } from './queries.js';

const key = (o: { outletType: string; outletId: number }) => `${o.outletType}:${o.outletId}`;
const WEEKS = [2, 4, 8, 12] as const;

/**
 * What the plan and the pipeline say is due on the route's day, ticked by default: one action adds
 * them all and orders the route from the salesperson's start point. Stops outside the plan's areas
 * are flagged before they are added.
 */
export function DueOutletsPanel({
  salespersonId,
  day,
  busy,
  onAdd,
}: {
  salespersonId: number;
  day: string;
  busy: boolean;
  onAdd(outlets: DueOutlet[], start: DueOutlets['start']): Promise<void>;
}) {
  const { t } = useTranslation(['daywork', 'development']);
  const [weeks, setWeeks] = useState<number>(4);
  const [open, setOpen] = useState(true);
  const due = useDueOutlets({ salespersonId, day, weeks });
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const outlets = useMemo(() => due.data?.outlets ?? [], [due.data]);
  const picked = outlets.filter((o) => !unticked.has(key(o)));
  const toggle = (o: DueOutlet) =>
    setUnticked((u) => {
      const next = new Set(u);
      if (next.has(key(o))) next.delete(key(o));
      else next.add(key(o));
      return next;
    });
  const reasonText = (o: DueOutlet) =>
    o.reason === 'next_step'
      ? t('reason.next_step', { date: formatDate(o.detailDate) })
      : o.reason === 'prospect'
        ? t('reason.prospect', { stage: t(`development:stage.${o.stage ?? 'prospect'}`) })
        : o.detailDate
          ? t('reason.not_visited', { date: formatDate(o.detailDate) })
          : t('reason.never_visited');
  return (
    <section className="due-outlets" aria-label={t('title')}>
      <div className="due-head">
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {t('heading', { count: outlets.length })}
        </button>
        {due.data && (
          <span className="muted small">
            {due.data.fromPlan ? t('planAreas', { areas: due.data.areas.map((a) => a.name).join(', ') }) : t('noPlan')}
          </span>
        )}
        <label className="due-weeks">
          {t('notVisitedFor')}{' '}
          <select aria-label={t('notVisitedFor')} value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {WEEKS.map((w) => (
              <option key={w} value={w}>
                {t('weeks', { count: w })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {open &&
        (!due.data ? (
          <Spinner label={t('loading')} />
        ) : outlets.length === 0 ? (
          <p className="muted small">{t('none')}</p>
        ) : (
          <>
            <div className="due-list">
              <table className="plain compact" aria-label={t('table')}>
                <thead>
                  <tr>
                    <th>
                      <input
                        type="checkbox"
                        aria-label={t('all')}
                        checked={picked.length === outlets.length}
                        onChange={(e) => setUnticked(e.target.checked ? new Set() : new Set(outlets.map(key)))}
                      />
                    </th>
                    <th>{t('development:outlet')}</th>
                    <th>{t('development:area')}</th>
                    <th>{t('why')}</th>
                  </tr>
                </thead>
                <tbody>
                  {outlets.map((o) => (
                    <tr key={key(o)}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('include', { name: o.name })}
                          checked={!unticked.has(key(o))}
                          onChange={() => toggle(o)}
                        />
                      </td>
                      <td className="due-name">
                        {o.name}{' '}
                        <span className="muted">
                          {t(`development:type.${o.outletType}`)} · {o.code}
                          {o.distributorName ? ` · ${o.distributorName}` : ''}
                        </span>
                      </td>
                      <td>
                        {o.areaName} {!o.inPlanAreas && <Badge tone="amber">{t('outside')}</Badge>}
                        {o.latitude === null && <Badge tone="grey">{t('noMap')}</Badge>}
                      </td>
                      <td>
                        <Badge tone={o.reason === 'next_step' ? 'red' : o.reason === 'prospect' ? 'blue' : 'grey'}>{reasonText(o)}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="due-actions">
              <button
                type="button"
                className="button button-primary button-small"
                disabled={picked.length === 0 || busy}
                onClick={async () => {
                  await onAdd(picked, due.data!.start);
                  setUnticked(new Set());
                }}
              >
                {t('add', { count: picked.length })}
              </button>
              <span className="muted small">{t(due.data.start ? `start.${due.data.start.source}` : 'start.none')}</span>
            </div>
          </>
        ))}
    </section>
  );
}
