import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayStop } from '../../shared/contract/development.js';
import { Badge, Card, ErrorNotice, Spinner } from '../ui/Page.js';
import { formatDate, formatNumber } from '../ui/format.js';
import { todayIso } from './context.js';
import { OutletPicker } from './OutletPicker.js';
import { DueOutletsPanel } from './DueOutletsPanel.js';
import './daywork.css';
import { RouteSketch } from './RouteSketch.js';
import { VisitDialog, type VisitTarget } from './VisitDialog.js';
import { useAttempt } from '../api/useMutationWithToast.js';
import { downloadDayRoute, useSaveDayRoute } from './mutations.js';
import { useDayRoute, useDueOutlets } from './queries.js';

const key = (s: { outletType: string; outletId: number }) => `${s.outletType}:${s.outletId}`;

/**
 * The day's work plan: outlets in driving order with the distance of each leg. "Order route" asks
 * the route heuristic; arrows keep a manual order. Every stop logs its visit in place.
 */
export function DayRouteCard({ salespersonId }: { salespersonId: number }) {
  const { t } = useTranslation(['development', 'common', 'daywork']);
  const attempt = useAttempt();
  const [day, setDay] = useState(todayIso);
  const route = useDayRoute({ salespersonId, day });
  const save = useSaveDayRoute();
  const [visiting, setVisiting] = useState<VisitTarget | null>(null);
  const [exporting, setExporting] = useState(false);
  const stops = route.data?.stops ?? [];
  const due = useDueOutlets({ salespersonId, day, weeks: 4 });
  const planAreas = due.data?.fromPlan ? new Set(due.data.areas.map((a) => a.id)) : null;
  const persist = async (
    next: Array<{ outletType: DayStop['outletType']; outletId: number }>,
    optimize: boolean,
    start: { lat: number; lng: number } | null = route.data?.start ?? null,
  ) => {
    await save.run({ salespersonId, day, stops: next, optimize, start }, (saved) =>
      optimize && saved.km !== null ? t('route.ordered', { km: formatNumber(saved.km, 1) }) : undefined,
    );
  };
  const plain = stops.map((s) => ({ outletType: s.outletType, outletId: s.outletId }));
  const move = (i: number, by: number) => {
    const next = [...plain];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    void persist(next, false);
  };
  const printSheet = () => {
    // Only the route goes to paper: the rest of the page is hidden while the print dialog is open.
    document.body.classList.add('printing-route');
    window.addEventListener('afterprint', () => document.body.classList.remove('printing-route'), { once: true });
    window.print();
  };
  const exportSheet = async () => {
    setExporting(true);
    await attempt(() => downloadDayRoute({ salespersonId, day }));
    setExporting(false);
  };
  return (
    <Card
      title={t('route.title')}
      className="day-route"
      actions={
        <>
          <input
            type="date"
            aria-label={t('route.day')}
            value={day}
            onChange={(e) => e.target.value && setDay(e.target.value)}
            style={{ height: 28 }}
          />
          <button
            type="button"
            className="button button-small"
            onClick={() => persist(plain, true)}
            disabled={stops.length < 2 || save.isPending}
          >
            {t('route.order')}
          </button>
          <button type="button" className="button button-small" onClick={exportSheet} disabled={stops.length === 0 || exporting}>
            {t('route.export')}
          </button>
          <button type="button" className="button button-small" onClick={printSheet} disabled={stops.length === 0}>
            {t('route.print')}
          </button>
        </>
      }
    >
      <ErrorNotice error={route.error} />
      <div className="print-only day-sheet-head">
        <strong>{route.data?.salespersonName}</strong> · {formatDate(day)} · {t('route.title')}
      </div>
      <DueOutletsPanel
        salespersonId={salespersonId}
        day={day}
        busy={save.isPending}
        onAdd={(outlets, start) =>
          persist(
            [...plain, ...outlets.map((o) => ({ outletType: o.outletType, outletId: o.outletId }))],
            true,
            route.data?.start ?? (start ? { lat: start.lat, lng: start.lng } : null),
          )
        }
      />
      <OutletPicker
        label={t('route.addOutlet')}
        exclude={new Set(stops.map(key))}
        onPick={(o) => persist([...plain, { outletType: o.outletType, outletId: o.outletId }], false)}
      />
      {!route.data ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : stops.length === 0 ? (
        <p className="muted">{t('route.empty')}</p>
      ) : (
        <div className="route-layout">
          <RouteSketch stops={stops} start={route.data.start} />
          <div style={{ overflowX: 'auto' }}>
            <table className="plain" aria-label={t('route.stops')}>
              <thead>
                <tr>
                  <th className="num">#</th>
                  <th>{t('outlet')}</th>
                  <th>{t('area')}</th>
                  <th>{t('stageLabel')}</th>
                  <th className="num">{t('route.leg')}</th>
                  <th>{t('route.visit')}</th>
                  <th className="route-controls" aria-label={t('route.reorder')} />
                </tr>
              </thead>
              <tbody>
                {stops.map((s, i) => (
                  <tr key={key(s)}>
                    <td className="num">{s.position}</td>
                    <td style={{ whiteSpace: 'normal' }}>
                      <div>{s.name}</div>
                      <div className="muted small">
                        {t(`type.${s.outletType}`)} · {s.code}
                        {s.address ? ` · ${s.address}` : ''}
                        {s.competitorBrand ? ` · ${t('competitor')}: ${s.competitorBrand}` : ''}
                      </div>
                      {s.contacts.length > 0 && (
                        <div className="stop-contacts small">
                          {s.contacts.map((c, j) => (
                            <span key={j}>
                              {c.name}
                              {c.role ? ` (${c.role})` : ''}
                              {c.phone ? ` · ${c.phone}` : ''}
                            </span>
                          ))}
                        </div>
                      )}
                    </td>
                    <td>
                      {s.areaName}
                      {planAreas && !planAreas.has(s.areaId) && (
                        <>
                          {' '}
                          <Badge tone="amber">{t('daywork:outside')}</Badge>
                        </>
                      )}
                    </td>
                    <td>
                      {s.stage ? (
                        <Badge tone={s.stage === 'signed' ? 'green' : s.stage === 'rejected' ? 'red' : 'blue'}>
                          {t(`stage.${s.stage}`)}
                        </Badge>
                      ) : (
                        <span className="muted">–</span>
                      )}
                    </td>
                    <td className="num">{s.legKm === null ? '–' : `${formatNumber(s.legKm, 1)} km`}</td>
                    <td>
                      {s.visit ? (
                        <Badge tone="green">{t(`outcome.${s.visit.outcome}`)}</Badge>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() => setVisiting({ outletType: s.outletType, outletId: s.outletId, name: s.name })}
                            aria-label={t('route.logVisitAt', { name: s.name })}
                          >
                            {t('route.logVisit')}
                          </button>
                          {/* On paper: a box to write the outcome in at the outlet. */}
                          <span className="print-only visit-blank" aria-hidden="true" />
                        </>
                      )}
                    </td>
                    <td className="route-controls" style={{ whiteSpace: 'nowrap' }}>
                      <button
                        type="button"
                        className="icon-button"
                        onClick={() => move(i, -1)}
                        disabled={i === 0}
                        aria-label={t('route.up', { name: s.name })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        onClick={() => move(i, 1)}
                        disabled={i === stops.length - 1}
                        aria-label={t('route.down', { name: s.name })}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="icon-button"
                        onClick={() =>
                          persist(
                            plain.filter((_, j) => j !== i),
                            false,
                          )
                        }
                        aria-label={t('route.remove', { name: s.name })}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td />
                  <td colSpan={3}>
                    {t('route.total', { count: stops.length })}
                    {route.data.optimized && <span className="muted"> · {t('route.optimized')}</span>}
                    {route.data.withoutCoordinates > 0 && (
                      <span className="muted"> · {t('route.withoutCoordinates', { count: route.data.withoutCoordinates })}</span>
                    )}
                  </td>
                  <td className="num" aria-label={t('route.distance')}>
                    {route.data.km === null ? '–' : `${formatNumber(route.data.km, 1)} km`}
                  </td>
                  <td colSpan={2} />
                </tr>
              </tfoot>
            </table>
          </div>
        </div>
      )}
      {visiting && <VisitDialog salespersonId={salespersonId} day={day} outlet={visiting} onClose={() => setVisiting(null)} />}
    </Card>
  );
}
