import { useTranslation } from 'react-i18next';
import { calendarMonth } from '../../shared/domain/months.js';
import type { OffSeasonMonth } from '../../shared/contract/targets.js';
import { Card, ErrorNotice, Spinner } from '../ui/Page.js';
import { formatNumber, monthName } from '../ui/format.js';
import { useTargetOffSeason } from './queries.js';

/**
 * The off-season months that lead into the peak, month by month for each distributor: shipments
 * before the peak and new outlets to sign, both derived from the peak plan (main/targets/offSeason.ts),
 * so the distributor sees what each quiet month must deliver, not one number for the season.
 */
/** The targets of the months whose shipments are known: what the season's shipments so far are measured against. */
const dueSoFar = (months: OffSeasonMonth[]) => months.reduce((a, m) => a + (m.shipped !== null ? m.target : 0), 0);

export function OffSeasonTab({ planId }: { planId: number }) {
  const { t } = useTranslation(['targets', 'common']);
  const query = useTargetOffSeason(planId);
  const o = query.data;
  const label = (m: string) => `${monthName(calendarMonth(m))} ${m.slice(0, 4)}`;
  /** A month's target, what was shipped once it is over, and the outlets to sign; `due` is what the shipped figure is measured against (a season's total: the months over only). */
  const cell = (m: Omit<OffSeasonMonth, 'month' | 'natural'>, due?: number) => (
    <>
      {formatNumber(m.target)}
      {m.shipped !== null && (
        <div style={{ color: m.shipped >= (due ?? m.target) ? 'var(--green)' : 'var(--red)' }}>
          {t('offSeason.shipped', { cases: formatNumber(m.shipped) })}
        </div>
      )}
      {m.shipped !== null && due !== undefined && <div className="muted">{t('offSeason.dueSoFar', { due: formatNumber(due) })}</div>}
      {m.needed !== null && m.needed !== m.target && (
        <div style={{ color: 'var(--amber)' }}>
          {t(m.needed > m.target ? 'offSeason.catchUp' : 'offSeason.aheadOfPlan', { cases: formatNumber(m.needed) })}
        </div>
      )}
      {/* a month over signs no more outlets: they were spread over the months ahead */}
      {!m.over && <div className="muted">{t('offSeason.outlets', { count: m.newOutlets })}</div>}
    </>
  );
  return (
    <Card title={t('offSeason.title')} className="card-flush">
      <ErrorNotice error={query.error} />
      {!o ? (
        query.error ? null : (
          <Spinner label={t('loading', { ns: 'common' })} />
        )
      ) : o.months.length === 0 || o.distributors.length === 0 ? (
        <p className="muted">{t('offSeason.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('offSeason.intro')}</p>
          <div style={{ overflowX: 'auto' }}>
            <table className="plain" aria-label={t('offSeason.title')}>
              <thead>
                <tr>
                  <th>{t('offSeason.distributor')}</th>
                  {o.totals.map((m) => (
                    <th key={m.month} className="num">
                      {label(m.month)}
                      {m.over && <div className="muted small">{t('offSeason.over')}</div>}
                    </th>
                  ))}
                  <th className="num">{t('offSeason.total')}</th>
                </tr>
              </thead>
              <tbody>
                {o.distributors.map((d) => (
                  <tr key={d.distributorId}>
                    <th scope="row">{d.name}</th>
                    {d.months.map((m) => (
                      <td key={m.month} className="num">
                        {cell(m)}
                      </td>
                    ))}
                    <td className="num">
                      {cell(
                        { over: false, target: d.target, newOutlets: d.newOutlets, shipped: d.shipped, needed: null },
                        dueSoFar(d.months),
                      )}
                      <div className="muted">{t('offSeason.natural', { natural: formatNumber(d.natural) })}</div>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('offSeason.region')}</th>
                  {o.totals.map((m) => (
                    <td key={m.month} className="num">
                      {cell(m)}
                    </td>
                  ))}
                  <td className="num">
                    {cell(
                      {
                        over: false,
                        target: o.totals.reduce((a, m) => a + m.target, 0),
                        newOutlets: o.totals.reduce((a, m) => a + m.newOutlets, 0),
                        shipped: o.totals.some((m) => m.shipped !== null) ? o.totals.reduce((a, m) => a + (m.shipped ?? 0), 0) : null,
                        needed: null,
                      },
                      dueSoFar(o.totals),
                    )}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}
