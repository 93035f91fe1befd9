import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { INDICATORS } from '../../shared/domain/development.js';
import { formatNumber } from '../ui/format.js';
import { Card, ErrorNotice, Spinner } from '../ui/Page.js';
import { paceTone, thisMonth, todayIso } from './context.js';
import { useDevelopmentDashboard } from './queries.js';

/** The month's development progress across the team: done against due by today, plans waiting. */
export function DevelopmentTile() {
  const { t } = useTranslation(['development', 'common']);
  const dash = useDevelopmentDashboard(thisMonth());
  const d = dash.data;
  return (
    <Card title={t('tile.title')} actions={<Link to="/development">{t('tile.open')}</Link>}>
      {dash.error ? (
        <ErrorNotice error={dash.error} />
      ) : !d ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : d.plan.visits + d.plan.newSubDealers + d.plan.newTerminals === 0 ? (
        <p className="muted">{t('tile.noPlans')}</p>
      ) : (
        <>
          <table className="plain" aria-label={t('tile.title')}>
            <thead>
              <tr>
                <th>{t('indicator')}</th>
                <th className="num">{t('tile.doneOfPlan')}</th>
              </tr>
            </thead>
            <tbody>
              {INDICATORS.map((k) => (
                <tr key={k}>
                  <td>{t(`indicators.${k}`)}</td>
                  <td className="num">
                    <span className={`dot dot-${paceTone(d.actual[k], d.dueByNow[k])}`} aria-hidden="true" /> {formatNumber(d.actual[k])} /{' '}
                    {formatNumber(d.plan[k])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="stat-note">
            {t('tile.waiting', { count: d.plans.submitted })} · {t('tile.visitsToday', { count: d.visitsToday, day: todayIso() })} ·{' '}
            {t('tile.open_prospects', { count: d.pipeline.prospect + d.pipeline.contacted + d.pipeline.negotiating })}
          </p>
        </>
      )}
    </Card>
  );
}
