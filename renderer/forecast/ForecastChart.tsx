import {
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartType,
  type Plugin,
} from 'chart.js';
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ForecastView } from '../../shared/contract/forecast.js';
import { calendarMonth } from '../../shared/domain/months.js';
import { formatNumber, monthName } from '../ui/format.js';

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Filler, Tooltip, Legend);

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration must repeat chart.js's type parameter
  interface PluginOptionsByType<TType extends ChartType> {
    peakShading?: { months?: string[]; peak?: number[] };
  }
}

/** Shades the peak-season months behind the lines, so the peak the forecast is for stands out. */
const peakShading: Plugin<'line'> = {
  id: 'peakShading',
  beforeDatasetsDraw(chart, _args, options: { months?: string[]; peak?: number[] }) {
    const { ctx, chartArea, scales } = chart;
    const x = scales.x!;
    const peak = new Set(options.peak ?? []);
    const months = options.months ?? [];
    const step = months.length > 1 ? x.getPixelForValue(1) - x.getPixelForValue(0) : 0;
    ctx.save();
    ctx.fillStyle = 'rgba(240, 180, 76, 0.13)';
    months.forEach((m, i) => {
      if (peak.has(calendarMonth(m))) ctx.fillRect(x.getPixelForValue(i) - step / 2, chartArea.top, step, chartArea.bottom - chartArea.top);
    });
    ctx.restore();
  },
};

export function ForecastChart({ view }: { view: ForecastView }) {
  const { t } = useTranslation('forecast');
  const months = [...view.history.map((h) => h.month), ...view.forecast.map((f) => f.month)];
  const historyCount = view.history.length;
  const pad = <T,>(values: T[], before: number) => [...Array<null>(Math.max(0, before)).fill(null), ...values];
  const label = (m: string) => `${monthName(calendarMonth(m))} ${m.slice(2, 4)}`;
  const lastHistory = view.history[historyCount - 1];
  // the forecast line starts from the last actual month so the two read as one line
  const joined = (values: number[]) =>
    lastHistory ? pad([lastHistory.cases, ...values] as Array<number | null>, historyCount - 1) : pad(values, historyCount);
  const data = {
    labels: months.map(label),
    datasets: [
      {
        label: t('chart.hi95'),
        data: pad(
          view.forecast.map((f) => f.hi95),
          historyCount,
        ),
        borderWidth: 0,
        pointRadius: 0,
        backgroundColor: 'rgba(36, 87, 197, 0.08)',
        fill: '+1',
      },
      {
        label: t('chart.lo95'),
        data: pad(
          view.forecast.map((f) => f.lo95),
          historyCount,
        ),
        borderWidth: 0,
        pointRadius: 0,
        fill: false,
      },
      {
        label: t('chart.hi80'),
        data: pad(
          view.forecast.map((f) => f.hi80),
          historyCount,
        ),
        borderWidth: 0,
        pointRadius: 0,
        backgroundColor: 'rgba(36, 87, 197, 0.16)',
        fill: '+1',
      },
      {
        label: t('chart.lo80'),
        data: pad(
          view.forecast.map((f) => f.lo80),
          historyCount,
        ),
        borderWidth: 0,
        pointRadius: 0,
        fill: false,
      },
      {
        label: t('chart.history'),
        data: view.history.map((h) => h.cases),
        borderColor: '#1d2430',
        backgroundColor: '#1d2430',
        borderWidth: 1.8,
        pointRadius: 0,
        tension: 0.2,
      },
      {
        label: t('chart.forecast'),
        data: joined(view.forecast.map((f) => f.point)),
        borderColor: '#2457c5',
        backgroundColor: '#2457c5',
        borderWidth: 2,
        borderDash: [6, 4],
        pointRadius: 2,
        tension: 0.2,
      },
      ...(view.forecast.some((f) => f.agreed !== f.point)
        ? [
            {
              label: t('chart.agreed'),
              data: joined(view.forecast.map((f) => f.agreed)),
              borderColor: '#1f8a4c',
              backgroundColor: '#1f8a4c',
              borderWidth: 2,
              pointRadius: 3,
              tension: 0.2,
            },
          ]
        : []),
      {
        label: t('chart.lastYear'),
        data: pad(
          view.forecast.map((f) => f.lastYear),
          historyCount,
        ),
        borderColor: '#9aa3af',
        backgroundColor: '#9aa3af',
        borderWidth: 1.5,
        borderDash: [2, 3],
        pointRadius: 0,
      },
    ],
  };
  const hiddenInLegend = new Set([t('chart.hi95'), t('chart.lo95'), t('chart.hi80'), t('chart.lo80')]);
  return (
    <div style={{ height: 320 }} role="img" aria-label={t('chart.label')}>
      <Line
        data={data}
        plugins={[peakShading]}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12, font: { size: 11 } } },
            y: {
              beginAtZero: true,
              ticks: { callback: (v) => formatNumber(Number(v)), font: { size: 11 } },
              title: { display: true, text: t('chart.cases') },
            },
          },
          plugins: {
            legend: { position: 'bottom', labels: { boxWidth: 14, font: { size: 11 }, filter: (item) => !hiddenInLegend.has(item.text) } },
            tooltip: { filter: (item) => !hiddenInLegend.has(item.dataset.label ?? '') && item.raw !== null },
            peakShading: { months, peak: view.peakMonths },
          },
        }}
      />
    </div>
  );
}
