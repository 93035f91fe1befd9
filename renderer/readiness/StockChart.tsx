import { CategoryScale, Chart as ChartJS, Filler, Legend, LinearScale, LineElement, PointElement, Tooltip, BarElement } from 'chart.js';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ReadinessCellDetail } from '../../shared/contract/readiness.js';
import { formatDate, formatNumber } from '../ui/format.js';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, BarElement, Filler, Tooltip, Legend);

/** Projected stock week by week, with and without the plan, against the stock required at peak start. */
export function StockChart({ detail }: { detail: ReadinessCellDetail }) {
  const { t } = useTranslation('readiness');
  const labels = detail.weeks.map((w) => formatDate(w));
  return (
    <div style={{ height: 280 }} role="img" aria-label={t('chartLabel', { distributor: detail.distributorName, sku: detail.sku })}>
      <Chart
        type="line"
        data={{
          labels,
          datasets: [
            { type: 'line', label: t('withPlan'), data: detail.withPlan, borderColor: '#2457c5', backgroundColor: 'rgba(36,87,197,0.12)', fill: true, pointRadius: 0, borderWidth: 2, stepped: true },
            { type: 'line', label: t('withoutPlan'), data: detail.projected, borderColor: '#9aa3af', borderDash: [4, 4], pointRadius: 0, borderWidth: 1.5, stepped: true },
            {
              type: 'line',
              label: t('requiredAtPeak'),
              data: detail.weeks.map((_, i) => (i >= detail.peakStartWeek ? detail.required : null)),
              borderColor: '#c2362b',
              borderWidth: 1.5,
              pointRadius: 0,
            },
            { type: 'bar', label: t('weeklyDemand'), data: detail.demand, backgroundColor: 'rgba(240,180,76,0.45)', barPercentage: 0.6 },
          ],
        }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          scales: { x: { ticks: { maxRotation: 0, autoSkipPadding: 16, font: { size: 11 } }, grid: { display: false } }, y: { beginAtZero: true, ticks: { callback: (v) => formatNumber(Number(v)) } } },
          plugins: { legend: { position: 'bottom', labels: { boxWidth: 14, font: { size: 11 } } } },
        }}
      />
    </div>
  );
}
