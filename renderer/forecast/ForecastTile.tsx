import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { calendarMonth } from '../../shared/domain/months.js';
import { useApiQuery } from '../api/hooks.js';
import { Card } from '../ui/Page.js';
import { formatNumber, formatPercent } from '../ui/format.js';

/** The coming peak in one number: forecast volume of the peak months against last year's. */
export function ForecastTile() {
  const { t } = useTranslation(['forecast', 'common']);
  const view = useApiQuery('forecast.view', {});
  const v = view.data;
  const peak = new Set(v?.peakMonths ?? []);
  const peakMonths = (v?.forecast ?? []).filter((f) => peak.has(calendarMonth(f.month)));
  const agreed = peakMonths.reduce((s, f) => s + f.agreed, 0);
  const lastYear = peakMonths.reduce((s, f) => s + (f.lastYear ?? 0), 0);
  return (
    <Card title={t('tile.title')} actions={<Link to="/forecast">{t('tile.open')}</Link>}>
      {!v || v.status !== 'ok' || peakMonths.length === 0 ? (
        <p className="muted">{t('tile.none')}</p>
      ) : (
        <div className="stat">
          <span className="stat-label">{t('tile.peakVolume')}</span>
          <span className="stat-value">
            {formatNumber(agreed)} <small>{t('unit.cases', { ns: 'common' })}</small>
          </span>
          {lastYear > 0 && (
            <span className="stat-note">
              {t('tile.vsLastYear', { change: `${agreed >= lastYear ? '+' : ''}${formatPercent(agreed / lastYear - 1)}` })}
            </span>
          )}
        </div>
      )}
    </Card>
  );
}
