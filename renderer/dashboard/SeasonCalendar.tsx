import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from '../../shared/contract/network.js';
import { daysUntil, nextPeakStart } from '../../shared/domain/season.js';
import { Card } from '../ui/Page.js';
import { formatDate, monthName } from '../ui/format.js';

/** Peak months per region on one strip, with the countdown to the next peak: the off-season clock. */
export function SeasonCalendar({ regions, today }: { regions: NetworkSummary['regions']; today: Date }) {
  const { t } = useTranslation('common');
  const currentMonth = today.getUTCMonth() + 1;
  const next = regions
    .map((r) => ({ region: r, start: nextPeakStart(r.peakMonths, today) }))
    .filter((x): x is { region: (typeof regions)[number]; start: Date } => x.start !== null)
    .sort((a, b) => a.start.getTime() - b.start.getTime())[0];
  return (
    <Card title={t('dashboard.seasonCalendar')}>
      <div className="grid-2" style={{ gridTemplateColumns: '220px 1fr', alignItems: 'center' }}>
        <div className="stat">
          <span className="stat-label">{t('dashboard.nextPeak')}</span>
          {next ? (
            <>
              <span className="stat-value" aria-label={t('dashboard.daysToPeak', { count: daysUntil(next.start, today) })}>
                {t('dashboard.daysToPeak', { count: daysUntil(next.start, today) })}
              </span>
              <span className="stat-note">
                {next.region.name} · {formatDate(next.start.toISOString())}
              </span>
            </>
          ) : (
            <span className="stat-note">{t('dashboard.noRegions')}</span>
          )}
        </div>
        <div>
          <div className="season-strip" role="table" aria-label={t('dashboard.seasonCalendar')}>
            <div role="row" style={{ display: 'contents' }}>
              <span role="columnheader" />
              {Array.from({ length: 12 }, (_, i) => (
                <span key={i} role="columnheader" className="month-head">
                  {monthName(i + 1)}
                </span>
              ))}
            </div>
            {regions.map((r) => (
              <div key={r.id} role="row" style={{ display: 'contents' }}>
                <span role="rowheader" className="region-name">
                  {r.name}
                </span>
                {Array.from({ length: 12 }, (_, i) => {
                  const peak = r.peakMonths.includes(i + 1);
                  return (
                    <span
                      key={i}
                      role="cell"
                      aria-label={`${monthName(i + 1, 'long')}: ${peak ? t('dashboard.peak') : t('dashboard.offSeason')}`}
                      className={`season-cell${peak ? ' peak' : ''}${i + 1 === currentMonth ? ' now' : ''}`}
                    />
                  );
                })}
              </div>
            ))}
          </div>
          <div className="legend">
            <span>
              <i style={{ background: '#f0b44c' }} />
              {t('dashboard.peak')}
            </span>
            <span>
              <i style={{ background: '#eef0f3' }} />
              {t('dashboard.offSeason')}
            </span>
            <span>
              <i style={{ outline: '2px solid #2457c5', outlineOffset: -2 }} />
              {t('dashboard.thisMonth')}
            </span>
          </div>
        </div>
      </div>
    </Card>
  );
}
