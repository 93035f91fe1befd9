import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessBoard, ReadinessRow, ReadinessStatus } from '../../shared/contract/readiness.js';
import { api } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { downloadBase64 } from '../importing/download.js';
import { ImportExportButtons } from '../importing/ImportExportButtons.js';
import { useNetworkOptions } from '../network/options.js';
import { DataTable, type Column } from '../ui/DataTable.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { FilterSelect } from '../ui/Fields.js';
import { Badge, Card, EmptyState, ErrorNotice, PageHeader, Spinner } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { formatDate, formatNumber } from '../ui/format.js';
import { ReadinessSettingsCard } from './ReadinessSettingsCard.js';
import { StockChart } from './StockChart.js';

const TONE: Record<ReadinessStatus, 'green' | 'amber' | 'red'> = { green: 'green', amber: 'amber', red: 'red' };
type Tab = 'board' | 'plan' | 'shortfalls' | 'settings';

export function StatusDot({ status, title }: { status: ReadinessStatus; title: string }) {
  return <span className={`dot dot-${status}`} title={title} aria-label={title} role="img" />;
}

export function ReadinessPage() {
  const { t } = useTranslation(['readiness', 'common']);
  const toast = useToast();
  const network = useNetworkOptions();
  const [areaId, setAreaId] = useState('');
  const [salespersonId, setSalespersonId] = useState('');
  const [status, setStatus] = useState('');
  const [brand, setBrand] = useState('');
  const [tab, setTab] = useState<Tab>('board');
  const [selected, setSelected] = useState<ReadinessRow | null>(null);
  const [confirming, setConfirming] = useState(false);
  const brands = useApiQuery('forecast.options', {});
  const board = useApiQuery('readiness.board', {
    ...(areaId ? { areaId: Number(areaId) } : {}),
    ...(salespersonId ? { salespersonId: Number(salespersonId) } : {}),
    ...(status ? { status: status as ReadinessStatus } : {}),
    ...(brand ? { brand } : {}),
  });
  const accept = useApiMutation('readiness.acceptPlan');
  const b = board.data;
  const exportPlan = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await api.call('readiness.exportPlan', { format });
      downloadBase64(file.fileName, file.mimeType, file.contentBase64);
      toast({ tone: 'success', text: t('exported', { count: file.rows, file: file.fileName }) });
    } catch (e) {
      toast({ tone: 'error', text: (e as Error).message });
    }
  };
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={b ? t('subtitle', { date: formatDate(b.today), cover: b.settings.requiredCoverDays }) : t('title')}
        actions={
          <>
            <ImportExportButtons entity="stockSnapshots" importOnly />
            <button type="button" className="button" onClick={() => void exportPlan('xlsx')}>
              {t('exportXlsx')}
            </button>
            <button type="button" className="button" onClick={() => void exportPlan('csv')}>
              {t('exportCsv')}
            </button>
            <button type="button" className="button button-primary" disabled={!b || b.plan.length === 0} onClick={() => setConfirming(true)}>
              {t('accept')}
            </button>
          </>
        }
      >
        <div className="toolbar">
          <FilterSelect label={t('field.area', { ns: 'readiness' })} value={areaId} onChange={setAreaId} options={network.areas} allLabel={t('all', { ns: 'common' })} />
          <FilterSelect label={t('field.salesperson')} value={salespersonId} onChange={setSalespersonId} options={network.salespeople} allLabel={t('all', { ns: 'common' })} />
          <FilterSelect label={t('field.status')} value={status} onChange={setStatus} options={(['red', 'amber', 'green'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))} allLabel={t('all', { ns: 'common' })} />
          <FilterSelect label={t('field.brand')} value={brand} onChange={setBrand} options={(brands.data?.brands ?? []).map((x) => ({ value: x, label: x }))} allLabel={t('all', { ns: 'common' })} />
        </div>
      </PageHeader>
      <ErrorNotice error={board.error} />
      {!b ? (
        <Spinner label={t('computing')} />
      ) : b.missing.forecast ? (
        <EmptyState title={t('noForecastTitle')}>{t('noForecastText')}</EmptyState>
      ) : (
        <>
          <div className="grid-4">
            {(['red', 'amber', 'green'] as const).map((s) => (
              <Card key={s}>
                <div className="stat">
                  <span className="stat-label">
                    <StatusDot status={s} title={t(`status.${s}`)} /> {t(`statusCells.${s}`)}
                  </span>
                  <span className="stat-value">{formatNumber(b.totals[s])}</span>
                </div>
              </Card>
            ))}
            <Card>
              <div className="stat">
                <span className="stat-label">{t('shortCases')}</span>
                <span className="stat-value">
                  {formatNumber(b.shortfalls.reduce((a, x) => a + x.cases, 0))} <small>{t('unit.cases', { ns: 'common' })}</small>
                </span>
                <span className="stat-note">{b.lastAccepted ? t('lastAccepted', { date: formatDate(b.lastAccepted) }) : t('neverAccepted')}</span>
              </div>
            </Card>
          </div>
          {b.missing.stock > 0 && <div className="notice notice-warn">{t('missingStock', { count: b.missing.stock })}</div>}
          {b.changes.length > 0 && (
            <div className="notice notice-info">
              {t('changes', { count: b.changes.length })}{' '}
              {b.changes
                .slice(0, 6)
                .map((c) => `${c.distributorName} ${c.sku}: ${t(`status.${c.from}`)} → ${t(`status.${c.to}`)}`)
                .join('; ')}
              {b.changes.length > 6 ? '…' : ''}
            </div>
          )}
          <div className="tabs" role="tablist" aria-label={t('views')}>
            {(['board', 'plan', 'shortfalls', 'settings'] as const).map((x) => (
              <button key={x} type="button" role="tab" className="tab" aria-selected={tab === x} onClick={() => setTab(x)}>
                {t(`tab.${x}`, { count: x === 'plan' ? b.plan.length : b.shortfalls.length })}
              </button>
            ))}
          </div>
          {tab === 'board' && <BoardMatrix board={b} selected={selected} onSelect={setSelected} />}
          {tab === 'plan' && <PlanTable board={b} />}
          {tab === 'shortfalls' && <ShortfallTable board={b} />}
          {tab === 'settings' && <ReadinessSettingsCard board={b} />}
        </>
      )}
      {confirming && b && (
        <ConfirmDialog
          title={t('acceptTitle')}
          message={t('acceptText', { count: b.plan.length, cases: formatNumber(b.plan.reduce((a, l) => a + l.cases, 0)) })}
          confirmLabel={t('acceptConfirm')}
          busy={accept.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            const r = await accept.mutateAsync({});
            setConfirming(false);
            toast({ tone: 'success', text: t('accepted', { count: r.shipments }) });
          }}
        />
      )}
    </div>
  );
}

function BoardMatrix({ board, selected, onSelect }: { board: ReadinessBoard; selected: ReadinessRow | null; onSelect(r: ReadinessRow): void }) {
  const { t } = useTranslation(['readiness', 'common']);
  // The SKUs that matter most in this view as columns; every SKU is in the drill-down.
  const volume = new Map<number, number>();
  for (const r of board.rows) for (const c of r.cells) volume.set(c.productId, (volume.get(c.productId) ?? 0) + c.required);
  const skuColumns = board.skus.filter((s) => volume.has(s.id)).sort((a, b) => (volume.get(b.id) ?? 0) - (volume.get(a.id) ?? 0)).slice(0, 10);
  const columns: Column<ReadinessRow>[] = [
    { id: 'name', header: t('field.distributor'), width: 'minmax(200px, 2fr)', render: (r) => (
      <span>
        <strong>{r.name}</strong> {r.keyAccount && <Badge tone="blue">{t('key')}</Badge>}
      </span>
    ) },
    { id: 'area', header: t('field.area'), width: '110px', render: (r) => r.areaName },
    { id: 'peak', header: t('peakStarts'), width: '120px', align: 'right', render: (r) => formatDate(r.peakStart) },
    { id: 'red', header: t('status.red'), width: '60px', align: 'right', render: (r) => (r.counts.red ? <strong style={{ color: 'var(--red)' }}>{r.counts.red}</strong> : '0') },
    { id: 'amber', header: t('status.amber'), width: '64px', align: 'right', render: (r) => r.counts.amber },
    { id: 'green', header: t('status.green'), width: '64px', align: 'right', render: (r) => r.counts.green },
    ...skuColumns.map((s): Column<ReadinessRow> => ({
      id: `sku-${s.id}`,
      header: s.sku,
      width: '76px',
      align: 'center',
      render: (r) => {
        const c = r.cells.find((x) => x.productId === s.id);
        return c ? <StatusDot status={c.status} title={`${s.sku}: ${c.reason}`} /> : <span className="muted">·</span>;
      },
    })),
  ];
  return (
    <>
      <div style={{ height: Math.min(520, 36 + board.rows.length * 34 + 4) }}>
        <DataTable label={t('matrix')} columns={columns} rowCount={board.rows.length} getRow={(i) => board.rows[i]} rowKey={(r) => r.distributorId} onRowActivate={onSelect} empty={t('noRows')} />
      </div>
      {selected && <DistributorDrillDown row={board.rows.find((r) => r.distributorId === selected.distributorId) ?? selected} board={board} />}
    </>
  );
}

function DistributorDrillDown({ row, board }: { row: ReadinessRow; board: ReadinessBoard }) {
  const { t } = useTranslation(['readiness', 'common']);
  const [productId, setProductId] = useState<number | null>(row.cells.find((c) => c.status !== 'green')?.productId ?? row.cells[0]?.productId ?? null);
  const detail = useApiQuery('readiness.cell', { distributorId: row.distributorId, productId: productId ?? 0 }, { enabled: productId !== null });
  const sku = (id: number) => board.skus.find((s) => s.id === id);
  return (
    <div className="grid-2">
      <Card title={t('drillTitle', { name: row.name })} className="card-flush">
        <table className="plain" aria-label={t('drillTitle', { name: row.name })}>
          <thead>
            <tr>
              <th>{t('field.sku')}</th>
              <th className="num">{t('onHand')}</th>
              <th className="num">{t('atPeak')}</th>
              <th className="num">{t('required')}</th>
              <th className="num">{t('cover')}</th>
              <th>{t('field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {row.cells.map((c) => (
              <tr key={c.productId} className={c.productId === productId ? 'selected-row' : ''}>
                <td>
                  <button type="button" className="link-button" onClick={() => setProductId(c.productId)}>
                    {sku(c.productId)?.sku}
                  </button>
                </td>
                <td className="num">{formatNumber(c.onHand)}</td>
                <td className="num">{formatNumber(c.atPeak)}</td>
                <td className="num">{formatNumber(c.required)}</td>
                <td className="num">{c.coverDays === null ? '–' : `${c.coverDays} ${t('unit.days', { ns: 'common' })}`}</td>
                <td title={c.reason}>
                  <Badge tone={TONE[c.status]}>{t(`status.${c.status}`)}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title={productId ? `${sku(productId)?.name ?? ''}` : t('chooseSku')}>
        {detail.data ? (
          <>
            <p style={{ marginTop: 0 }}>
              <Badge tone={TONE[detail.data.status]}>{t(`status.${detail.data.status}`)}</Badge> {detail.data.reason}
            </p>
            <StockChart detail={detail.data} />
          </>
        ) : detail.error ? (
          <ErrorNotice error={detail.error} />
        ) : (
          <Spinner label={t('loading', { ns: 'common' })} />
        )}
      </Card>
    </div>
  );
}

function PlanTable({ board }: { board: ReadinessBoard }) {
  const { t } = useTranslation(['readiness', 'common']);
  const columns: Column<ReadinessBoard['plan'][number]>[] = [
    { id: 'ship', header: t('shipWeek'), width: '120px', render: (l) => formatDate(l.shipWeek) },
    { id: 'arrival', header: t('arrivalWeek'), width: '120px', render: (l) => formatDate(l.arrivalWeek) },
    { id: 'dist', header: t('field.distributor'), width: 'minmax(200px, 2fr)', render: (l) => l.distributorName },
    { id: 'sku', header: t('field.sku'), width: '160px', render: (l) => l.sku },
    { id: 'cases', header: t('cases'), width: '110px', align: 'right', render: (l) => formatNumber(l.cases) },
    { id: 'pallets', header: t('pallets'), width: '90px', align: 'right', render: (l) => formatNumber(l.pallets) },
  ];
  return (
    <div style={{ height: 480 }}>
      <DataTable label={t('planTable')} columns={columns} rowCount={board.plan.length} getRow={(i) => board.plan[i]} rowKey={(l, i) => `${l.shipWeek}-${l.distributorId}-${l.productId}-${i}`} empty={t('noPlan')} />
    </div>
  );
}

function ShortfallTable({ board }: { board: ReadinessBoard }) {
  const { t } = useTranslation(['readiness', 'common']);
  const columns: Column<ReadinessBoard['shortfalls'][number]>[] = [
    { id: 'due', header: t('dueWeek'), width: '120px', render: (s) => formatDate(s.dueWeek) },
    { id: 'dist', header: t('field.distributor'), width: 'minmax(200px, 2fr)', render: (s) => s.distributorName },
    { id: 'sku', header: t('field.sku'), width: '160px', render: (s) => s.sku },
    { id: 'cases', header: t('shortBy'), width: '120px', align: 'right', render: (s) => formatNumber(s.cases) },
    { id: 'why', header: t('why'), width: 'minmax(220px, 2fr)', render: (s) => t(`reason.${s.reason}`) },
  ];
  return (
    <div style={{ height: 480 }}>
      <DataTable label={t('shortfallTable')} columns={columns} rowCount={board.shortfalls.length} getRow={(i) => board.shortfalls[i]} rowKey={(s, i) => `${s.distributorId}-${s.productId}-${i}`} empty={t('noShortfalls')} />
    </div>
  );
}
