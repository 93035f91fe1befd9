import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanLine, ReadinessBoard, ReadinessFilter } from '../../shared/contract/readiness.js';
import { DataTable, type Column } from '../ui/DataTable.js';
import { Badge, Card, ErrorNotice } from '../ui/Page.js';
import { usePlanLines } from './queries.js';
import { formatDate, formatNumber, formatPercent } from '../ui/format.js';

/** The pre-build plan by ship week (with each region's shipping capacity used), then its lines. */
export function PlanTab({ board, filter }: { board: ReadinessBoard; filter: ReadinessFilter }) {
  const { t } = useTranslation(['readiness', 'common']);
  const [week, setWeek] = useState('');
  const lines = usePlanLines({ ...filter, ...(week ? { week } : {}) });
  const limited = board.capacity.filter((r) => r.casesPerWeek !== null);
  const weeks = board.plan.byWeek.map((w, i) => ({ ...w, i })).filter((w) => w.shipments > 0 || limited.some((r) => r.used[w.i]! > 0));
  const columns: Column<PlanLine>[] = [
    { id: 'ship', header: t('shipWeek'), width: '180px', render: (l) => `${l.shipWeekLabel} · ${formatDate(l.shipWeek)}` },
    { id: 'arrival', header: t('arrivalWeek'), width: '110px', render: (l) => formatDate(l.arrivalWeek) },
    {
      id: 'dist',
      header: t('field.distributor'),
      width: 'minmax(220px, 2fr)',
      render: (l) => (
        <span>
          {l.distributorName} {l.keyAccount && <Badge tone="blue">{t('key')}</Badge>}
        </span>
      ),
    },
    { id: 'sku', header: t('field.sku'), width: '140px', render: (l) => l.sku },
    { id: 'product', header: t('field.product'), width: 'minmax(160px, 1fr)', render: (l) => l.productName },
    { id: 'cases', header: t('cases'), width: '100px', align: 'right', render: (l) => formatNumber(l.cases) },
    { id: 'pallets', header: t('pallets'), width: '90px', align: 'right', render: (l) => formatNumber(l.pallets) },
  ];
  return (
    <>
      <Card title={t('byWeek')} className="card-flush">
        <div style={{ maxHeight: 300, overflow: 'auto' }}>
          <table className="plain" aria-label={t('byWeek')}>
            <thead>
              <tr>
                <th>{t('isoWeek')}</th>
                <th>{t('shipWeek')}</th>
                <th className="num">{t('shipments')}</th>
                <th className="num">{t('cases')}</th>
                <th className="num">{t('pallets')}</th>
                {limited.map((r) => (
                  <th key={r.regionId} className="num">
                    {r.regionName}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((w) => (
                <tr key={w.week} className={w.week === week ? 'selected-row' : ''}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setWeek(w.week === week ? '' : w.week)}>
                      {w.label}
                    </button>
                  </td>
                  <td>{formatDate(w.week)}</td>
                  <td className="num">{formatNumber(w.shipments)}</td>
                  <td className="num">{formatNumber(w.cases)}</td>
                  <td className="num">{formatNumber(w.pallets)}</td>
                  {limited.map((r) => (
                    <td
                      key={r.regionId}
                      className="num"
                      title={`${formatNumber(r.used[w.i])} / ${formatNumber(r.casesPerWeek)} ${t('common:unit.cases')}`}
                    >
                      {formatPercent(r.used[w.i]! / Math.max(1, r.casesPerWeek!), 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={2}>{t('common:total')}</td>
                <td className="num">{formatNumber(board.plan.shipments)}</td>
                <td className="num">{formatNumber(board.plan.cases)}</td>
                <td className="num">{formatNumber(board.plan.pallets)}</td>
                {limited.map((r) => (
                  <td key={r.regionId} />
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
        {limited.length > 0 && (
          <p className="muted" style={{ padding: '6px 14px', margin: 0 }}>
            {t('capacityUseNote', { regions: limited.map((r) => r.regionName).join(', ') })}
          </p>
        )}
      </Card>
      <div className="toolbar">
        <div className="filter">
          <label htmlFor="plan-week">{t('weekFilter')}</label>
          <select id="plan-week" value={week} onChange={(e) => setWeek(e.target.value)}>
            <option value="">{t('allWeeks')}</option>
            {weeks.map((w) => (
              <option key={w.week} value={w.week}>
                {w.label} · {formatDate(w.week)}
              </option>
            ))}
          </select>
        </div>
        <span className="count">{t('common:countOf', { count: lines.total, n: formatNumber(lines.total) })}</span>
      </div>
      <ErrorNotice error={lines.error} />
      <div style={{ height: 480 }}>
        <DataTable
          label={t('planTable')}
          columns={columns}
          rowCount={lines.total}
          getRow={lines.getRow}
          onVisibleRangeChange={lines.onVisibleRangeChange}
          rowKey={(l, i) => `${l.shipWeek}-${l.distributorId}-${l.productId}-${i}`}
          empty={t('noPlan')}
        />
      </div>
    </>
  );
}
