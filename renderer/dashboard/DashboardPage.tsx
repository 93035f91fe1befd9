import { calendarToday } from '../../shared/domain/season.js';
import { useTranslation } from 'react-i18next';
import { useNetworkSummary } from '../network/queries.js';
import { ErrorNotice, PageHeader, Spinner } from '../ui/Page.js';
import { formatNumber } from '../ui/format.js';
import { DemoOffer } from './DemoOffer.js';
import { SeasonCalendar } from './SeasonCalendar.js';
import { DASHBOARD_TILES } from './tiles.js';

export function DashboardPage() {
  const { t } = useTranslation('common');
  const summary = useNetworkSummary();
  const today = calendarToday();
  if (!summary.data)
    return <div className="page">{summary.error ? <ErrorNotice error={summary.error} /> : <Spinner label={t('loading')} />}</div>;
  const s = summary.data;
  return (
    <div className="page">
      <PageHeader
        title={t('dashboard.title')}
        subtitle={
          s.isEmpty
            ? t('dashboard.emptySubtitle')
            : t('dashboard.subtitle', {
                distributors: formatNumber(s.totals.distributors),
                subDealers: formatNumber(s.totals.subDealers),
                terminals: formatNumber(s.totals.terminals),
                products: formatNumber(s.totals.products),
              })
        }
      />
      {s.isEmpty ? (
        <DemoOffer />
      ) : (
        <>
          <SeasonCalendar regions={s.regions} today={today} />
          <div className="dashboard-tiles">
            {DASHBOARD_TILES.map(({ id, component: Tile }) => (
              <Tile key={id} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
