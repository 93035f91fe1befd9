import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lastDayOf } from '../../shared/domain/months.js';
import { Badge, Card, ErrorNotice } from '../ui/Page.js';
import { formatDate } from '../ui/format.js';
import { todayIso, type DevelopmentScope } from './context.js';
import { DayRouteCard } from './DayRouteCard.js';
import { OutletPicker } from './OutletPicker.js';
import { VisitDialog, type VisitTarget } from './VisitDialog.js';
import { VisitPhotoButton } from './VisitPhotoButton.js';
import { PlanCard } from './PlanCard.js';
import { useDeleteVisit } from './mutations.js';
import { useVisits } from './queries.js';

/** The salesperson's month: plan and pace, today's route, and the visits logged so far. */
export function MonthTab({ scope }: { scope: DevelopmentScope }) {
  if (scope.salespersonId === null) return null;
  return (
    <div className="grid-2 month-grid">
      <PlanCard scope={scope} />
      <DayRouteCard salespersonId={scope.salespersonId} />
      <div className="span-2">
        <VisitsCard salespersonId={scope.salespersonId} month={scope.month} />
      </div>
    </div>
  );
}

function VisitsCard({ salespersonId, month }: { salespersonId: number; month: string }) {
  const { t } = useTranslation(['development', 'common', 'visitPhotos']);
  const visits = useVisits({ salespersonId, from: `${month}-01`, to: lastDayOf(month) });
  const remove = useDeleteVisit();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [visiting, setVisiting] = useState<VisitTarget | null>(null);
  const rows = visits.data ?? [];
  return (
    <Card title={t('visits.title', { count: rows.length })}>
      <ErrorNotice error={visits.error} />
      {/* A visit that was not on the day's route: found by name, logged the same way. */}
      <OutletPicker
        label={t('visits.logUnplanned')}
        onPick={(o) => setVisiting({ outletType: o.outletType, outletId: o.outletId, name: o.name })}
      />
      {visiting && <VisitDialog salespersonId={salespersonId} day={todayIso()} outlet={visiting} onClose={() => setVisiting(null)} />}
      {rows.length === 0 ? (
        <p className="muted">{t('visits.none')}</p>
      ) : (
        <div style={{ maxHeight: 360, overflow: 'auto' }}>
          <table className="plain" aria-label={t('visits.table')}>
            <thead>
              <tr>
                <th>{t('visit.day')}</th>
                <th>{t('outlet')}</th>
                <th>{t('visit.purpose')}</th>
                <th>{t('visit.outcome')}</th>
                <th>{t('visits.stageChange')}</th>
                <th>{t('visit.nextStep')}</th>
                <th>{t('visit.note')}</th>
                <th>{t('column', { ns: 'visitPhotos' })}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.id}>
                  <td>{formatDate(v.day)}</td>
                  <td>{v.outletName}</td>
                  <td>{t(`purpose.${v.purpose}`)}</td>
                  <td>{t(`outcome.${v.outcome}`)}</td>
                  <td>
                    {v.stageAfter ? (
                      <Badge
                        tone={v.stageAfter === 'signed' ? 'green' : v.stageAfter === 'rejected' ? 'red' : 'blue'}
                      >{`${v.stageBefore ? t(`stage.${v.stageBefore}`) : '–'} → ${t(`stage.${v.stageAfter}`)}`}</Badge>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                  <td>{v.nextStep ?? '–'}</td>
                  <td style={{ whiteSpace: 'normal', maxWidth: 280 }}>{v.note ?? '–'}</td>
                  <td>
                    <VisitPhotoButton visit={v} />
                  </td>
                  <td>
                    {confirming === v.id ? (
                      <>
                        <button
                          type="button"
                          className="button button-small button-danger"
                          onClick={async () => {
                            await remove.run({ id: v.id }, () => t('visits.deleted'));
                            setConfirming(null);
                          }}
                        >
                          {t('visits.confirmDelete')}
                        </button>{' '}
                        <button type="button" className="button button-small" onClick={() => setConfirming(null)}>
                          {t('cancel', { ns: 'common' })}
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="icon-button"
                        onClick={() => setConfirming(v.id)}
                        aria-label={t('visits.delete', { name: v.outletName, day: v.day })}
                      >
                        ×
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
