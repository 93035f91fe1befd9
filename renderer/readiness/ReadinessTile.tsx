import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/hooks.js';
import { Card } from '../ui/Page.js';
import { StatusDot } from './ReadinessPage.js';

export function ReadinessTile() {
  const { t } = useTranslation('readiness');
  const board = useApiQuery('readiness.board', {});
  const totals = board.data?.totals;
  return (
    <Card title={t('tile.title')} actions={<Link to="/readiness">{t('tile.open')}</Link>}>
      {!totals || board.data?.missing.forecast ? (
        <p className="muted">{t('noForecastText')}</p>
      ) : (
        <div className="stat">
          <span className="stat-value">
            <StatusDot status="red" title={t('status.red')} /> {totals.red} <StatusDot status="amber" title={t('status.amber')} /> {totals.amber}{' '}
            <StatusDot status="green" title={t('status.green')} /> {totals.green}
          </span>
          <span className="stat-note">{t('tile.text', totals)}</span>
        </div>
      )}
    </Card>
  );
}
