import { Chart as ChartJS, Legend, LinearScale, LineElement, LogarithmicScale, PointElement, Tooltip, type Plugin } from 'chart.js';
import { useState } from 'react';
import { Line, Scatter } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { AccountSegmentRow, AccountsOverview } from '../../shared/contract/accounts.js';
import { useAccountsOverview } from './queries.js';
import { DataTable, type Column } from '../ui/DataTable.js';
import { Badge, Card, EmptyState, ErrorNotice, PageHeader, Spinner, type Tone } from '../ui/Page.js';
import { formatNumber, formatPercent } from '../ui/format.js';
import { useMay } from '../people/actor.js';
import { AccountPanel } from './AccountPanel.js';
import { AccountsSettingsDialog } from './AccountsSettingsDialog.js';
import { ComplaintsTab, ProspectsTab, SkuTab } from './Tabs.js';

ChartJS.register(LinearScale, LogarithmicScale, PointElement, LineElement, Tooltip, Legend);

export const SEGMENT_TONE: Record<string, Tone> = { EI: 'green', EII: 'red', EIII: 'blue', EIV: 'grey' };
const SEGMENT_COLOR: Record<string, string> = { EI: '#1f8a4c', EII: '#c2362b', EIII: '#2457c5', EIV: '#8a93a0' };
type Tab = 'matrix' | 'risk' | 'complaints' | 'skus' | 'prospects';

export function AccountsPage() {
  const { t } = useTranslation(['accounts', 'common', 'rules']);
  const overview = useAccountsOverview();
  const [tab, setTab] = useState<Tab>('matrix');
  const [selected, setSelected] = useState<number | null>(null);
  const [settings, setSettings] = useState(false);
  // the lines and weights are the managers' to set; everyone reads them under the matrix
  const maySetRules = useMay('accounts.saveSettings');
  const o = overview.data;
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          o &&
          maySetRules && (
            <button type="button" className="button" onClick={() => setSettings(true)}>
              {t('accountsSettings.open', { ns: 'rules' })}
            </button>
          )
        }
      />
      {settings && o && <AccountsSettingsDialog overview={o} onClose={() => setSettings(false)} />}
      <ErrorNotice error={overview.error} />
      {!o ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : o.rows.length === 0 ? (
        <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>
      ) : (
        <>
          <div className="grid-4">
            {(['EI', 'EII', 'EIII', 'EIV'] as const).map((s) => (
              <Card key={s}>
                <div className="stat">
                  <span className="stat-label">
                    <Badge tone={SEGMENT_TONE[s]!}>{s}</Badge> {t(`segment.${s}`)}
                  </span>
                  <span className="stat-value">{formatNumber(o.counts[s])}</span>
                  <span className="stat-note">{t('visitEvery', { days: o.strategies[s].visitEveryDays })}</span>
                </div>
              </Card>
            ))}
          </div>
          <div className="grid-2">
            <Card title={t('retention')}>
              <dl className="kv">
                <dt>{t('accountsKept')}</dt>
                <dd>
                  {formatNumber(o.retention.accountsKept)} / {formatNumber(o.retention.accountsLastYear)} (
                  {formatPercent(o.retention.accountsKeptShare)})
                </dd>
                <dt>{t('volumeKept')}</dt>
                <dd>
                  {formatNumber(o.retention.volumeKept)} / {formatNumber(o.retention.volumeLastYear)} {t('unit.cases', { ns: 'common' })} (
                  {formatPercent(o.retention.volumeKeptShare)})
                </dd>
              </dl>
            </Card>
            <Card title={t('complaintsByCategory')}>
              <table className="plain" aria-label={t('complaintsByCategory')}>
                <thead>
                  <tr>
                    <th>{t('category')}</th>
                    <th className="num">{t('open')}</th>
                    <th className="num">{t('closed')}</th>
                    <th className="num">{t('avgDaysToClose')}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.complaintStats.map((c) => (
                    <tr key={c.category}>
                      <td>{t(`categories.${c.category}`)}</td>
                      <td className="num">{c.open}</td>
                      <td className="num">{c.closed}</td>
                      <td className="num">{c.avgDaysToClose === null ? '–' : formatNumber(c.avgDaysToClose, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          </div>
          <div className="tabs" role="tablist" aria-label={t('views')}>
            {(['matrix', 'risk', 'complaints', 'skus', 'prospects'] as const).map((x) => (
              <button key={x} type="button" role="tab" className="tab" aria-selected={tab === x} onClick={() => setTab(x)}>
                {t(`tab.${x}`)}
              </button>
            ))}
          </div>
          {tab === 'matrix' && <Matrix overview={o} onSelect={setSelected} />}
          {tab === 'risk' && <RiskList overview={o} onSelect={setSelected} />}
          {tab === 'complaints' && <ComplaintsTab />}
          {tab === 'skus' && <SkuTab />}
          {tab === 'prospects' && <ProspectsTab />}
          {selected !== null && (tab === 'matrix' || tab === 'risk') && (
            <AccountPanel distributorId={selected} onClose={() => setSelected(null)} />
          )}
        </>
      )}
    </div>
  );
}

/** Quadrant lines: the stability threshold and the contribution boundary of the Pareto group. */
const quadrants: Plugin<'scatter'> = {
  id: 'quadrants',
  afterDraw(chart, _args, opts: { x?: number; y?: number }) {
    const { ctx, chartArea, scales } = chart;
    ctx.save();
    ctx.strokeStyle = '#9aa3af';
    ctx.setLineDash([4, 4]);
    if (opts.x !== undefined) {
      const x = scales.x!.getPixelForValue(opts.x);
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
    }
    if (opts.y !== undefined) {
      const y = scales.y!.getPixelForValue(opts.y);
      ctx.beginPath();
      ctx.moveTo(chartArea.left, y);
      ctx.lineTo(chartArea.right, y);
      ctx.stroke();
    }
    ctx.restore();
  },
};

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration must repeat chart.js's type parameter
  interface PluginOptionsByType<TType extends import('chart.js').ChartType> {
    quadrants?: { x?: number; y?: number };
  }
}

/** The rows by region, in the order the service gives them (each region's largest first). */
function byRegion(rows: AccountSegmentRow[]): Array<{ regionId: number; name: string; rows: AccountSegmentRow[] }> {
  const groups = new Map<number, { regionId: number; name: string; rows: AccountSegmentRow[] }>();
  for (const r of rows) {
    const g = groups.get(r.regionId) ?? { regionId: r.regionId, name: r.regionName, rows: [] };
    g.rows.push(r);
    groups.set(r.regionId, g);
  }
  return [...groups.values()];
}

const rulesOfRegion = (o: AccountsOverview, regionId: number) => o.rules.find((r) => r.regionId === regionId)?.rules;

const REGION_COLORS = ['#2457c5', '#c27c0e', '#1f8a4c', '#7a4cc2', '#c2362b', '#4d5b6b'];
const isHigh = (r: AccountSegmentRow) => r.segment === 'EI' || r.segment === 'EII';
/** Log-axis labels on 1, 2 and 5 of each decade only: every integer between crowds them into one another. */
const oneTwoFive = (value: number | string) => {
  const v = Number(value);
  const mantissa = v / 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6) ? formatNumber(v, v < 1 ? 1 : 0) : '';
};

function Matrix({ overview, onSelect }: { overview: AccountsOverview; onSelect(id: number): void }) {
  const { t } = useTranslation(['accounts', 'common']);
  const regions = byRegion(overview.rows);
  const high = overview.rows.filter(isHigh);
  // the Pareto group's boundary is each region's own: one line only when one region is shown
  const boundary = regions.length === 1 && high.length ? Math.min(...high.map((r) => r.share)) * 100 : undefined;
  const columns: Column<AccountSegmentRow>[] = [
    { id: 'rank', header: '#', width: '50px', align: 'right', render: (r) => r.rank },
    { id: 'name', header: t('distributor'), width: 'minmax(200px, 2fr)', render: (r) => <strong>{r.name}</strong> },
    ...(regions.length > 1 ? [{ id: 'region', header: t('region'), width: '140px', render: (r: AccountSegmentRow) => r.regionName }] : []),
    { id: 'area', header: t('area'), width: '120px', render: (r) => r.areaName },
    { id: 'volume', header: t('volume12'), width: '120px', align: 'right', render: (r) => formatNumber(r.volume) },
    { id: 'share', header: t('share'), width: '80px', align: 'right', render: (r) => formatPercent(r.share) },
    { id: 'cum', header: t('cumulative'), width: '90px', align: 'right', render: (r) => formatPercent(r.cumulativeShare, 0) },
    { id: 'stability', header: t('stability'), width: '90px', align: 'right', render: (r) => formatNumber(r.stability, 2) },
    {
      id: 'segment',
      header: t('segmentCol'),
      width: '110px',
      render: (r) => (
        <span>
          {r.previousSegment && r.previousSegment !== r.segment && <span className="muted">{r.previousSegment} → </span>}
          <Badge tone={SEGMENT_TONE[r.segment]!}>{r.segment}</Badge>
        </span>
      ),
    },
    {
      id: 'risk',
      header: t('risk'),
      width: '70px',
      align: 'right',
      render: (r) => (r.risk >= 40 ? <strong style={{ color: 'var(--red)' }}>{r.risk}</strong> : r.risk),
    },
  ];
  return (
    <>
      <div className="grid-2">
        <Card title={t('matrixTitle')}>
          <div style={{ height: 300 }} role="img" aria-label={t('matrixLabel')}>
            <Scatter
              data={{
                datasets: (['EI', 'EII', 'EIII', 'EIV'] as const).map((s) => ({
                  label: `${s} · ${t(`segment.${s}`)}`,
                  data: overview.rows
                    .filter((r) => r.segment === s)
                    .map((r) => ({ x: r.share * 100, y: r.stability, id: r.distributorId, name: r.name })),
                  backgroundColor: SEGMENT_COLOR[s],
                  pointRadius: 4,
                })),
              }}
              plugins={[quadrants]}
              options={{
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                onClick: (_e, elements, chart) => {
                  const el = elements[0];
                  if (el) onSelect((chart.data.datasets[el.datasetIndex]!.data[el.index] as unknown as { id: number }).id);
                },
                scales: {
                  x: {
                    type: 'logarithmic',
                    title: { display: true, text: t('axisContribution') },
                    ticks: { callback: oneTwoFive, autoSkip: false, maxRotation: 0 },
                  },
                  y: { min: 0, max: 1, title: { display: true, text: t('axisStability') } },
                },
                plugins: {
                  legend: { position: 'bottom', labels: { boxWidth: 10, font: { size: 11 } } },
                  tooltip: {
                    callbacks: {
                      label: (c) =>
                        `${(c.raw as { name: string }).name}: ${formatNumber(c.parsed.x ?? 0, 2)}% · ${formatNumber(c.parsed.y ?? 0, 2)}`,
                    },
                  },
                  // each region has its own line: drawn when one region is shown
                  quadrants: { x: boundary, y: overview.lines.length === 1 ? overview.lines[0]!.stableScore : undefined },
                },
              }}
            />
          </div>
          <p className="muted">
            {overview.lines
              .map(
                (l) =>
                  (overview.lines.length > 1 ? `${l.regionName}: ` : '') +
                  t(rulesOfRegion(overview, l.regionId)?.stableScore == null ? 'accountsSettings.lineMedian' : 'accountsSettings.lineSet', {
                    ns: 'rules',
                    line: formatNumber(l.stableScore, 2),
                    median: formatNumber(l.calibrated, 2),
                  }),
              )
              .join(' ')}
          </p>
        </Card>
        <Card title={t('paretoTitle')}>
          <div style={{ height: 300 }} role="img" aria-label={t('paretoLabel')}>
            <Line
              data={{
                datasets: regions.map((g, i) => ({
                  label: g.name,
                  data: g.rows.map((r) => ({ x: r.rank, y: r.cumulativeShare * 100 })),
                  borderColor: REGION_COLORS[i % REGION_COLORS.length],
                  backgroundColor: REGION_COLORS[i % REGION_COLORS.length],
                  pointRadius: 0,
                  borderWidth: 2,
                })),
              }}
              options={{
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: {
                  x: { type: 'linear', min: 1, title: { display: true, text: t('axisRank') } },
                  y: { min: 0, max: 100, title: { display: true, text: t('axisCumulative') } },
                },
                plugins: {
                  legend: { display: regions.length > 1, position: 'bottom', labels: { boxWidth: 10, font: { size: 11 } } },
                },
              }}
            />
          </div>
          <p className="muted">
            {regions
              .map((g) =>
                t(regions.length > 1 ? 'paretoNoteRegion' : 'paretoNote', {
                  region: g.name,
                  count: g.rows.filter(isHigh).length,
                  total: g.rows.length,
                  share: formatPercent(rulesOfRegion(overview, g.regionId)?.paretoShare ?? 0.8, 0),
                }),
              )
              .join(' ')}
          </p>
        </Card>
      </div>
      <div style={{ height: 420 }}>
        <DataTable
          label={t('accountsTable')}
          columns={columns}
          rowCount={overview.rows.length}
          getRow={(i) => overview.rows[i]}
          rowKey={(r) => r.distributorId}
          onRowActivate={(r) => onSelect(r.distributorId)}
        />
      </div>
    </>
  );
}

function RiskList({ overview, onSelect }: { overview: AccountsOverview; onSelect(id: number): void }) {
  const { t } = useTranslation(['accounts', 'rules']);
  // the same rows the dashboard counts: one definition of "at risk" (AT_RISK_SCORE), one count
  const risky = overview.rows.filter((r) => r.atRisk).sort((a, b) => b.risk - a.risk || b.volume - a.volume);
  return (
    <Card title={t('atRiskCount', { ns: 'rules', n: overview.atRisk })} className="card-flush">
      {risky.length === 0 && <p className="muted">{t('noneAtRisk', { ns: 'rules' })}</p>}
      <table className="plain" aria-label={t('atRiskCount', { ns: 'rules', n: overview.atRisk })}>
        <thead>
          <tr>
            <th className="num">{t('risk')}</th>
            <th>{t('distributor')}</th>
            <th>{t('segmentCol')}</th>
            <th className="num">{t('volume12')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {risky.map((r) => (
            <tr key={r.distributorId}>
              <td className="num">
                <Badge tone={r.risk >= 40 ? 'red' : r.risk >= 20 ? 'amber' : 'grey'}>{r.risk}</Badge>
              </td>
              <td>{r.name}</td>
              <td>
                <Badge tone={SEGMENT_TONE[r.segment]!}>{r.segment}</Badge>
              </td>
              <td className="num">{formatNumber(r.volume)}</td>
              <td className="num">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onSelect(r.distributorId)}
                  aria-label={t('whyFor', { name: r.name })}
                >
                  {t('why')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
