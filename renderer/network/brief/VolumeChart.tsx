import { CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip, type Plugin } from 'chart.js';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { BriefMonth } from '../../../shared/contract/brief.js';
import { calendarMonth } from '../../../shared/domain/months.js';
import { formatNumber, monthName } from '../../ui/format.js';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);

/** Peak months shaded behind the lines: the months the off-season work is for. */
function peakShading(months: BriefMonth[], peak: Set<number>): Plugin<'line'> {
  return {
    id: 'briefPeakShading',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x!;
      const step = months.length > 1 ? x.getPixelForValue(1) - x.getPixelForValue(0) : 0;
      ctx.save();
      ctx.fillStyle = 'rgba(240, 180, 76, 0.16)';
      months.forEach((m, i) => {
        if (peak.has(calendarMonth(m.month)))
          ctx.fillRect(x.getPixelForValue(i) - step / 2, chartArea.top, step, chartArea.bottom - chartArea.top);
      });
      ctx.restore();
    },
  };
}

export function VolumeChart({ months, peakMonths }: { months: BriefMonth[]; peakMonths: number[] }) {
  const { t } = useTranslation('brief');
  const labels = months.map((m) => `${monthName(calendarMonth(m.month))} ${m.month.slice(2, 4)}`);
  return (
    <div className="brief-chart" role="img" aria-label={t('volume.chartLabel')}>
      <Line
        data={{
          labels,
          datasets: [
            {
              label: t('volume.actual'),
              data: months.map((m) => m.actual),
              borderColor: '#1d2430',
              backgroundColor: '#1d2430',
              borderWidth: 2,
              pointRadius: 0,
            },
            {
              label: t('volume.forecast'),
              data: months.map((m) => m.agreed ?? m.forecast),
              borderColor: '#2457c5',
              backgroundColor: '#2457c5',
              borderDash: [5, 3],
              borderWidth: 2,
              pointRadius: 0,
            },
            {
              label: t('volume.lastYear'),
              data: months.map((m) => m.lastYear),
              borderColor: '#9aa3af',
              backgroundColor: '#9aa3af',
              borderWidth: 1.5,
              pointRadius: 0,
            },
          ],
        }}
        plugins={[peakShading(months, new Set(peakMonths))]}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          plugins: {
            legend: { position: 'bottom', labels: { boxWidth: 10, boxHeight: 2, font: { size: 11 } } },
            tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatNumber(c.parsed.y)}` } },
          },
          scales: {
            x: { grid: { display: false }, ticks: { font: { size: 10 }, maxRotation: 0, autoSkip: true, maxTicksLimit: 12 } },
            y: { beginAtZero: true, ticks: { font: { size: 10 }, callback: (v) => formatNumber(Number(v)) }, grid: { color: '#eef0f3' } },
          },
        }}
      />
    </div>
  );
}
