import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAccountsOverview } from './queries.js';
import { Card, ErrorNotice, Spinner } from '../ui/Page.js';

export function AccountsTile() {
  const { t } = useTranslation(['accounts', 'common']);
  const overview = useAccountsOverview();
  const o = overview.data;
  return (
    <Card title={t('tile.title')} actions={<Link to="/accounts">{t('tile.open')}</Link>}>
      {overview.error ? (
        <ErrorNotice error={overview.error} />
      ) : !o ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : o.rows.length === 0 ? (
        <p className="muted">{t('emptyText')}</p>
      ) : (
        <div className="stat">
          <span className="stat-value">{o.atRisk}</span>
          <span className="stat-note">{t('tile.text', { risky: o.atRisk, core: o.counts.EI })}</span>
        </div>
      )}
    </Card>
  );
}
