import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { useState } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { calendarMonth } from '../../shared/domain/months.js';
import { FilterSelect } from '../ui/Fields.js';
import { Badge, Card, Spinner } from '../ui/Page.js';
import { formatNumber, monthName } from '../ui/format.js';
import { pct, signed } from './growth.js';
import { useTargetAchievement } from './queries.js';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

/** Target against actual sales month by month, by region, distributor, salesperson or SKU. */
export function AchievementTab({ planId }: { planId: number }) {
  const { t } = useTranslation(['targets', 'common']);
  const [by, setBy] = useState<'region' | 'distributor' | 'salesperson' | 'sku'>('region');
  const data = useTargetAchievement({ planId, by });
  const a = data.data;
  const region = a?.rows[0];
  return (
    <Card
      title={t('achievementTitle')}
      actions={
        <FilterSelect
          label={t('groupBy')}
          value={by}
          onChange={(x) => setBy(x as typeof by)}
          options={(['region', 'distributor', 'salesperson', 'sku'] as const).map((x) => ({ value: x, label: t(`by.${x}`) }))}
          allLabel={t('by.region')}
        />
      }
    >
      {!a ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : a.rows.every((r) => r.months.every((m) => m.actual === null)) ? (
        <p className="muted">{t('noActuals')}</p>
      ) : (
        <>
          {by === 'region' && region && (
            <div style={{ height: 240 }} role="img" aria-label={t('achievementChart')}>
              <Bar
                data={{
                  labels: a.months.map((m) => monthName(calendarMonth(m))),
                  datasets: [
                    { label: t('target'), data: region.months.map((m) => m.target), backgroundColor: 'rgba(36,87,197,0.35)' },
                    { label: t('actual'), data: region.months.map((m) => m.actual ?? 0), backgroundColor: '#1f8a4c' },
                  ],
                }}
                options={{ responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } }}
              />
            </div>
          )}
          <div style={{ overflowX: 'auto', maxHeight: 420 }}>
            <table className="plain" aria-label={t('achievementTitle')}>
              <thead>
                <tr>
                  <th />
                  {a.months.map((m) => (
                    <th key={m} className="num">
                      {monthName(calendarMonth(m))}
                    </th>
                  ))}
                  <th className="num">{t('variance')}</th>
                </tr>
              </thead>
              <tbody>
                {a.rows.map((r) => (
                  <tr key={r.key}>
                    <td>{r.label}</td>
                    {r.months.map((m) => {
                      const varPct = m.actual === null ? null : pct(m.actual, m.target);
                      return (
                        <td
                          key={m.month}
                          className="num"
                          title={`${t('target')} ${formatNumber(m.target)} · ${t('actual')} ${formatNumber(m.actual)}`}
                        >
                          {m.actual === null ? (
                            <span className="muted">{formatNumber(m.target)}</span>
                          ) : (
                            <span style={{ color: (varPct ?? 0) >= 0 ? 'var(--green)' : 'var(--red)' }}>
                              {formatNumber(m.actual - m.target)}
                            </span>
                          )}
                        </td>
                      );
                    })}
                    <td className="num">
                      <Badge tone={r.actual >= r.target ? 'green' : r.actual >= r.target * 0.9 ? 'amber' : 'red'}>
                        {signed(pct(r.actual, r.target))}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('achievementHint')}</p>
        </>
      )}
    </Card>
  );
}
