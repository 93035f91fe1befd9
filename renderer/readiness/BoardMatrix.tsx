import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessBoard, ReadinessRow } from '../../shared/contract/readiness.js';
import { DataTable, type Column } from '../ui/DataTable.js';
import { Badge } from '../ui/Page.js';
import { formatDate, formatNumber } from '../ui/format.js';
import { DistributorPanel } from './DistributorPanel.js';
import { StatusDot } from './StatusDot.js';

const SKU_COLUMNS = 10;

/** Distributors x SKUs with a traffic light per cell; a row opens the distributor with every SKU. */
export function BoardMatrix({ board }: { board: ReadinessBoard }) {
  const { t } = useTranslation(['readiness', 'common']);
  const [selected, setSelected] = useState<number | null>(null);
  // The SKUs with the most trouble in this view as columns (red first, then amber, then how widely carried).
  const skuColumns = useMemo(() => {
    const score = new Map<number, number>();
    for (const r of board.rows)
      for (const c of r.cells)
        score.set(c.productId, (score.get(c.productId) ?? 0) + (c.status === 'red' ? 1e6 : c.status === 'amber' ? 1e3 : 1));
    return board.skus
      .filter((s) => score.has(s.id))
      .sort((a, b) => score.get(b.id)! - score.get(a.id)! || a.sku.localeCompare(b.sku))
      .slice(0, SKU_COLUMNS);
  }, [board]);
  const cellOf = useMemo(() => {
    const m = new Map<string, ReadinessRow['cells'][number]>();
    for (const r of board.rows) for (const c of r.cells) m.set(`${r.distributorId}:${c.productId}`, c);
    return m;
  }, [board]);
  const columns: Column<ReadinessRow>[] = [
    {
      id: 'name',
      header: t('field.distributor'),
      width: 'minmax(220px, 2fr)',
      render: (r) => (
        <span>
          <strong>{r.name}</strong> {r.keyAccount && <Badge tone="blue">{t('key')}</Badge>}
        </span>
      ),
    },
    { id: 'area', header: t('field.area'), width: '110px', render: (r) => r.areaName },
    {
      id: 'peak',
      header: t('peakStarts'),
      width: '124px',
      align: 'right',
      render: (r) => (r.peakStart ? formatDate(r.peakStart) : t('noPeak')),
    },
    {
      id: 'red',
      header: t('status.red'),
      width: '84px',
      align: 'right',
      render: (r) => (r.counts.red ? <strong style={{ color: 'var(--red)' }}>{r.counts.red}</strong> : '0'),
    },
    { id: 'amber', header: t('status.amber'), width: '72px', align: 'right', render: (r) => r.counts.amber },
    { id: 'green', header: t('status.green'), width: '72px', align: 'right', render: (r) => r.counts.green },
    {
      id: 'short',
      header: t('casesShort'),
      width: '104px',
      align: 'right',
      render: (r) => (r.shortCases ? formatNumber(r.shortCases) : '–'),
    },
    ...skuColumns.map((s): Column<ReadinessRow> => ({
      id: `sku-${s.id}`,
      header: s.sku,
      width: '104px',
      align: 'center',
      render: (r) => {
        const c = cellOf.get(`${r.distributorId}:${s.id}`);
        return c ? (
          <StatusDot status={c.status} title={`${s.sku}: ${t(`status.${c.status}`)}, ${t(`reasonShort.${c.reason}`)}`} />
        ) : (
          <span className="muted">·</span>
        );
      },
    })),
  ];
  const selectedRow = board.rows.find((r) => r.distributorId === selected);
  return (
    <>
      <p className="muted" style={{ margin: 0 }}>
        {t('matrixNote', { shown: skuColumns.length, total: board.skus.length })}
      </p>
      <div style={{ height: Math.min(480, 36 + board.rows.length * 34 + 4) }}>
        <DataTable
          label={t('matrix')}
          columns={columns}
          rowCount={board.rows.length}
          getRow={(i) => board.rows[i]}
          rowKey={(r) => r.distributorId}
          onRowActivate={(r) => setSelected(r.distributorId)}
          empty={t('noRows')}
        />
      </div>
      {selectedRow && (
        <DistributorPanel key={selectedRow.distributorId} distributorId={selectedRow.distributorId} onClose={() => setSelected(null)} />
      )}
    </>
  );
}
