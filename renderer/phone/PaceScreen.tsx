import { useTranslation } from 'react-i18next';
import type { ScorecardRow } from '../../shared/contract/development.js';
import { INDICATORS } from '../../shared/domain/development.js';
import { formatMonth, monthShare } from './dates.js';
import type { Loaded } from './hooks.js';

interface Props {
  day: string;
  month: string;
  data: Loaded<ScorecardRow | null>;
  onReload: () => void;
}

/**
 * The month so far against the approved plan, indicator by indicator, from the same scorecard the
 * regional manager decides on; "due by today" is the plan's share for the days gone.
 */
export function PaceScreen({ day, month, data, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const share = monthShare(day);
  return (
    <section aria-labelledby="pace-title">
      <div className="section-head">
        <h2 id="pace-title">{t('pace.title', { month: formatMonth(month, i18n.language) })}</h2>
        <button type="button" className="ghost" onClick={onReload}>
          {t('pace.refresh')}
        </button>
      </div>
      {data.state === 'loading' && <p className="muted">{t('pace.loading')}</p>}
      {data.state === 'no_copy' && <p className="notice">{t('pace.noCopy')}</p>}
      {data.state === 'error' && (
        <p role="alert" className="error">
          {t('pace.failed', { message: data.message })}
        </p>
      )}
      {data.state === 'ready' && data.value === null && <p className="muted">{t('pace.notFound')}</p>}
      {data.state === 'ready' && data.value !== null && (
        <>
          {data.stale && <p className="notice small">{t('route.offlineCopy')}</p>}
          {!data.value.plan && <p className="muted">{t('pace.noPlan')}</p>}
          <ul className="pace">
            {INDICATORS.map((indicator) => {
              const row = data.value!;
              const actual = row.actual[indicator];
              const plan = row.plan?.[indicator] ?? null;
              const name = t(`pace.indicator.${indicator}`);
              const due = plan === null ? null : Math.round(plan * share);
              return (
                <li key={indicator} className="card">
                  <div className="pace-head">
                    <h3>{name}</h3>
                    <strong>{plan === null ? actual : t('pace.ofPlan', { actual, plan })}</strong>
                  </div>
                  {plan !== null && plan > 0 && (
                    <>
                      <progress
                        max={plan}
                        value={Math.min(actual, plan)}
                        aria-label={t('pace.progress', { name, actual, plan })}
                        className={due !== null && actual < due ? 'behind' : 'ahead'}
                      />
                      <p className="muted small">{t('pace.dueByNow', { due })}</p>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          <p className="muted pace-total">
            {data.value.total !== null && t('pace.total', { total: Math.round(data.value.total * 100) })}
            {data.value.rank !== null && ` · ${t('pace.rank', { rank: data.value.rank, team: data.value.teamSize })}`}
          </p>
        </>
      )}
    </section>
  );
}
