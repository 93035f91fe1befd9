import { BarElement, CategoryScale, Chart as ChartJS, Filler, Legend, LinearScale, LineElement, PointElement, Tooltip } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ReadinessCellDetail } from '../../shared/contract/readiness.js';
import { formatDate, formatNumber } from '../ui/format.js';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, BarElement, Filler, Tooltip, Legend);

/** Projected stock week by week, with and without the plan, against the stock required from peak start. */
export function StockChart({ detail }: { detail: ReadinessCellDetail }) {
  const { t } = useTranslation('readiness');
  const labels = detail.weeks.map((w) => formatDate(w));
  const peak = detail.peakStartWeek;
  return (
    <figure style={{ margin: 0 }}>
      <div style={{ height: 300 }} role="img" aria-label={t('chartLabel', { distributor: detail.distributorName, sku: detail.sku })}>
        <Chart
          type="line"
          data={{
            labels,
            datasets: [
              {
                type: 'line',
                label: t('withPlan'),
                data: detail.withPlan,
                borderColor: '#2457c5',
                backgroundColor: 'rgba(36,87,197,0.10)',
                fill: true,
                pointRadius: 0,
                borderWidth: 2,
                stepped: true,
              },
              {
                type: 'line',
                label: t('withoutPlan'),
                data: detail.projected,
                borderColor: '#9aa3af',
                borderDash: [4, 4],
                pointRadius: 0,
                borderWidth: 1.5,
                stepped: true,
              },
              {
                type: 'line',
                label: t('requiredAtPeak'),
                // over the cover period the required stock is meant for
                data: detail.weeks.map((_, i) =>
                  peak !== null && i >= peak && i <= peak + Math.ceil(detail.requiredCoverDays / 7) ? detail.required : null,
                ),
                borderColor: '#c2362b',
                borderDash: [6, 3],
                borderWidth: 2,
                pointRadius: 0,
              },
              { type: 'bar', label: t('weeklyDemand'), data: detail.demand, backgroundColor: 'rgba(240,180,76,0.45)', barPercentage: 0.6 },
              {
                type: 'bar',
                label: t('plannedArrivals'),
                data: detail.planned,
                backgroundColor: 'rgba(42,161,96,0.55)',
                barPercentage: 0.6,
              },
            ],
          }}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            interaction: { mode: 'index', intersect: false },
            scales: {
              x: { ticks: { maxRotation: 0, autoSkipPadding: 16, font: { size: 11 } }, grid: { display: false } },
              y: { beginAtZero: true, ticks: { callback: (v) => formatNumber(Number(v)) } },
            },
            plugins: { legend: { position: 'bottom', labels: { boxWidth: 14, font: { size: 11 } } } },
          }}
        />
      </div>
      <figcaption className="muted small">{t('chartNote')}</figcaption>
    </figure>
  );
}
