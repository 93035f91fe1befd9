import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useReadinessBoard } from './queries.js';
import { Card, ErrorNotice, Spinner } from '../ui/Page.js';
import { formatNumber } from '../ui/format.js';
import { StatusDot } from './StatusDot.js';

export function ReadinessTile() {
  const { t } = useTranslation(['readiness', 'common']);
  const board = useReadinessBoard({});
  const b = board.data;
  return (
    <Card title={t('tile.title')} actions={<Link to="/readiness">{t('tile.open')}</Link>}>
      {board.error ? (
        <ErrorNotice error={board.error} />
      ) : !b ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : b.missing.forecast ? (
        <p className="muted">{t('noForecastText')}</p>
      ) : (
        <div className="stat">
          <span className="stat-value">
            <StatusDot status="red" title={t('status.red')} /> {formatNumber(b.totals.red)}{' '}
            <StatusDot status="amber" title={t('status.amber')} /> {formatNumber(b.totals.amber)}{' '}
            <StatusDot status="green" title={t('status.green')} /> {formatNumber(b.totals.green)}
          </span>
          <span className="stat-note">
            {t('tile.text', { red: formatNumber(b.totals.red), amber: formatNumber(b.totals.amber), green: formatNumber(b.totals.green) })}
          </span>
          {b.short.cases > 0 && (
            <span className="stat-note">{t('tile.short', { cases: formatNumber(b.short.cases), distributors: b.short.distributors })}</span>
          )}
        </div>
      )}
    </Card>
  );
}
