import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, ErrorNotice, Spinner } from '../ui/Page.js';
import { formatList, formatNumber, formatPercent } from '../ui/format.js';
import { useTargetPlans } from './queries.js';

export function TargetsTile() {
  const { t } = useTranslation(['targets', 'common']);
  const plans = useTargetPlans();
  const p = plans.data?.[0];
  return (
    <Card title={t('tile.title')} actions={<Link to="/targets">{t('tile.open')}</Link>}>
      {plans.error ? (
        <ErrorNotice error={plans.error} />
      ) : !plans.data ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : !p ? (
        <p className="muted">{t('tile.none')}</p>
      ) : (
        <div className="stat">
          <span className="stat-value">{formatNumber(p.target)}</span>
          <span className="stat-note">
            {t('tile.text', {
              name: p.name,
              // the plan's totals are its brands', not the region's whole volume beside it on the dashboard
              brands: formatList(
                p.brands.length > 4 ? [...p.brands.slice(0, 3), t('tile.moreBrands', { count: p.brands.length - 3 })] : p.brands,
              ),
              target: formatNumber(p.target),
              growth: formatPercent(p.natural > 0 ? p.target / p.natural - 1 : 0),
            })}
          </span>
        </div>
      )}
    </Card>
  );
}
