import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNetworkSummary } from '../network/queries.js';
import { peakForecast } from '../dashboard/peakForecast.js';
import { Card, ErrorNotice, Spinner } from '../ui/Page.js';
import { formatNumber, formatPercent } from '../ui/format.js';
import { useRegionForecasts } from './queries.js';

/** The coming peak in one number: forecast volume of each region's own peak months against last year's. */
export function ForecastTile() {
  const { t } = useTranslation(['forecast', 'common']);
  const summary = useNetworkSummary();
  const regions = summary.data?.regions ?? [];
  const views = useRegionForecasts(regions.map((r) => r.id));
  // loading is not empty: the advice to run the forecast waits until every answer is in
  const loading = !summary.data || views.some((v) => v.isPending);
  const error = summary.error ?? views.find((v) => v.error)?.error ?? null;
  const peak = loading ? null : peakForecast(regions.map((r, i) => ({ peakMonths: r.peakMonths, view: views[i]!.data })));
  return (
    <Card title={t('tile.title')} actions={<Link to="/forecast">{t('tile.open')}</Link>}>
      {error ? (
        <ErrorNotice error={error} />
      ) : loading ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : !peak ? (
        <p className="muted">{t('tile.none')}</p>
      ) : (
        <div className="stat">
          <span className="stat-label">{t('tile.peakVolume')}</span>
          <span className="stat-value">
            {formatNumber(peak.agreed)} <small>{t('unit.cases', { ns: 'common' })}</small>
          </span>
          {peak.lastYear > 0 && (
            <span className="stat-note">
              {t('tile.vsLastYear', {
                change: `${peak.agreed >= peak.lastYear ? '+' : ''}${formatPercent(peak.agreed / peak.lastYear - 1)}`,
              })}
            </span>
          )}
        </div>
      )}
    </Card>
  );
}
