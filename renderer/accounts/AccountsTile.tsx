import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/hooks.js';
import { Card } from '../ui/Page.js';

export function AccountsTile() {
  const { t } = useTranslation('accounts');
  const o = useApiQuery('accounts.overview', {}).data;
  return (
    <Card title={t('tile.title')} actions={<Link to="/accounts">{t('tile.open')}</Link>}>
      {!o || o.rows.length === 0 ? (
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
