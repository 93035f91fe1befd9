import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessBoard, ReadinessFilter, ReadinessStatus } from '../../shared/contract/readiness.js';
import { useForecastOptions } from '../forecast/queries.js';
import { ImportExportButtons } from '../importing/ImportExportButtons.js';
import { useNetworkOptions } from '../network/options.js';
import { FilterSelect } from '../ui/Fields.js';
import { Card, EmptyState, ErrorNotice, PageHeader, Spinner } from '../ui/Page.js';
import { formatDate, formatNumber } from '../ui/format.js';
import { BoardMatrix } from './BoardMatrix.js';
import { PlanTab } from './PlanTab.js';
import { ReadinessSettingsCard } from './ReadinessSettingsCard.js';
import { ShipmentsTab } from './ShipmentsTab.js';
import { ShortfallTab } from './ShortfallTab.js';
import { StatusDot } from './StatusDot.js';
import { ReopenButton } from '../people/ReopenButton.js';
import { useAttempt } from '../api/useMutationWithToast.js';
import { AcceptPlanDialog } from './AcceptPlanDialog.js';
import { exportPlan as downloadPlan } from './mutations.js';
import { useReadinessBoard } from './queries.js';
import { useMay } from '../people/actor.js';

type Tab = 'board' | 'plan' | 'shortfalls' | 'shipments' | 'settings';

/** The days of cover the board is read against: one figure, or the range when the regions shown set theirs apart. */
function coverDaysOf(b: ReadinessBoard): string {
  const days = [...new Set(b.rules.map((r) => r.settings.requiredCoverDays))].sort((x, y) => x - y);
  return days.length === 0 ? '–' : days.length === 1 ? String(days[0]) : `${days[0]}–${days[days.length - 1]}`;
}

/**
 * The logistics coordinator's board: every distributor x SKU against the stock required when the
 * peak starts, the pre-build plan that gets them there within capacity, and who is still short.
 */
export function ReadinessPage() {
  const { t } = useTranslation(['readiness', 'common']);
  const attempt = useAttempt();
  const network = useNetworkOptions();
  const [areaId, setAreaId] = useState('');
  const [salespersonId, setSalespersonId] = useState('');
  const [status, setStatus] = useState('');
  const [brand, setBrand] = useState('');
  const [tab, setTab] = useState<Tab>('board');
  const [confirming, setConfirming] = useState(false);
  const brands = useForecastOptions();
  const filter: ReadinessFilter = {
    ...(areaId ? { areaId: Number(areaId) } : {}),
    ...(salespersonId ? { salespersonId: Number(salespersonId) } : {}),
    ...(status ? { status: status as ReadinessStatus } : {}),
    ...(brand ? { brand } : {}),
  };
  const board = useReadinessBoard(filter);
  const mayAccept = useMay('readiness.acceptPlan');
  const maySettle = useMay('readiness.saveSettings');
  const mayCount = useMay('stock.set');
  const b = board.data;
  const exportPlan = async (format: 'csv' | 'xlsx') => {
    await attempt(
      () => downloadPlan(filter, format),
      (file) => t('exported', { count: file.rows, file: file.fileName }),
    );
  };
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={b ? t('subtitle', { week: b.weekLabels[0], date: formatDate(b.today), cover: coverDaysOf(b) }) : undefined}
        actions={
          <>
            <ImportExportButtons entity="stockSnapshots" importOnly />
            <ImportExportButtons entity="shipments" importOnly />
            <button type="button" className="button" disabled={!b} onClick={() => void exportPlan('xlsx')}>
              {t('exportXlsx')}
            </button>
            <button type="button" className="button" disabled={!b} onClick={() => void exportPlan('csv')}>
              {t('exportCsv')}
            </button>
            {/* An accepted plan is signed off: a new one is accepted after reopening it, with a reason. */}
            {b?.lastRun && b.lastRun.reopenedAt === null && (
              <ReopenButton
                method="readiness.reopenPlan"
                input={{}}
                what={t('rules:readiness.acceptedPlan', { date: formatDate(b.lastRun.at) })}
              />
            )}
            {mayAccept && (
              <button
                type="button"
                className="button button-primary"
                disabled={!b || b.acceptance.shipments === 0}
                onClick={() => setConfirming(true)}
              >
                {t('accept')}
              </button>
            )}
          </>
        }
      >
        <div className="toolbar">
          <FilterSelect label={t('field.area')} value={areaId} onChange={setAreaId} options={network.areas} allLabel={t('common:all')} />
          <FilterSelect
            label={t('field.salesperson')}
            value={salespersonId}
            onChange={setSalespersonId}
            options={network.salespeople}
            allLabel={t('common:all')}
          />
          <FilterSelect
            label={t('field.status')}
            value={status}
            onChange={setStatus}
            options={(['red', 'amber', 'green'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
            allLabel={t('common:all')}
          />
          <FilterSelect
            label={t('field.brand')}
            value={brand}
            onChange={setBrand}
            options={(brands.data?.brands ?? []).map((x) => ({ value: x, label: x }))}
            allLabel={t('common:all')}
          />
          {b && <span className="count">{t('computeMs', { ms: formatNumber(b.computeMs) })}</span>}
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
                  {formatNumber(b.short.cases)} <small>{t('common:unit.cases')}</small>
                </span>
                <span className="stat-note">
                  {t('shortNote', { lines: formatNumber(b.short.lines), distributors: formatNumber(b.short.distributors) })}
                </span>
                <span className="stat-note">
                  {t('planNote', { shipments: formatNumber(b.plan.shipments), pallets: formatNumber(b.plan.pallets) })} ·{' '}
                  {b.lastRun ? t('lastAccepted', { date: formatDate(b.lastRun.at) }) : t('neverAccepted')}
                </span>
              </div>
            </Card>
          </div>
          {b.missing.stock > 0 && (
            <div className="notice notice-warn">{t(mayCount ? 'missingStock' : 'missingStockCoordinator', { count: b.missing.stock })}</div>
          )}
          {b.lastRun && (
            <div className="notice notice-info" role="status">
              {b.changesTotal === 0
                ? t('noChanges', { date: formatDate(b.lastRun.at) })
                : `${t('changes', { count: b.changesTotal, date: formatDate(b.lastRun.at) })} ${b.changes
                    .slice(0, 8)
                    .map((c) => `${c.distributorName} ${c.sku}: ${t(`status.${c.from}`)} → ${t(`status.${c.to}`)}`)
                    .join('; ')}${b.changesTotal > 8 ? '…' : ''}`}
            </div>
          )}
          <div className="tabs" role="tablist" aria-label={t('views')}>
            {(['board', 'plan', 'shortfalls', 'shipments', ...(maySettle ? (['settings'] as const) : [])] as const).map((x) => (
              <button key={x} type="button" role="tab" className="tab" aria-selected={tab === x} onClick={() => setTab(x)}>
                {t(`tab.${x}`, { count: x === 'plan' ? b.plan.shipments : b.short.lines })}
              </button>
            ))}
          </div>
          {tab === 'board' && <BoardMatrix board={b} />}
          {tab === 'plan' && <PlanTab board={b} filter={filter} />}
          {tab === 'shortfalls' && <ShortfallTab filter={filter} />}
          {tab === 'shipments' && <ShipmentsTab />}
          {tab === 'settings' && maySettle && <ReadinessSettingsCard board={b} />}
        </>
      )}
      {confirming && b && (
        <AcceptPlanDialog
          shipments={b.acceptance.shipments}
          cases={b.acceptance.cases}
          beyondView={b.acceptance.shipments !== b.plan.shipments}
          onClose={() => setConfirming(false)}
        />
      )}
    </div>
  );
}
