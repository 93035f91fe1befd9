import { today } from '../../shared/domain/clock.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessCellFacts, ReadinessDistributorDetail } from '../../shared/contract/readiness.js';
import { numberOrNull } from '../ui/form.js';
import { Badge, Card, ErrorNotice, Spinner } from '../ui/Page.js';
import { useConfirmRetry } from '../ui/useConfirmRetry.js';
import { useToast } from '../ui/Toasts.js';
import { formatDate, formatNumber, formatPercent } from '../ui/format.js';
import { reasonWords } from './reason.js';
import { shortfallSentence } from './shortfallWords.js';
import { StockChart } from './StockChart.js';
import { useSetPalletCapacity, useSetStock } from './mutations.js';
import { useReadinessCell, useReadinessDistributor } from './queries.js';
import { useMay } from '../people/actor.js';

const TONE = { green: 'green', amber: 'amber', red: 'red' } as const;

/** One distributor: its warehouse and lead time, every SKU with its numbers, a stock count to type in, and the chart. */
export function DistributorPanel({ distributorId, onClose }: { distributorId: number; onClose(): void }) {
  const { t } = useTranslation(['readiness', 'common']);
  const detail = useReadinessDistributor(distributorId);
  const d = detail.data;
  const [productId, setProductId] = useState<number | null>(null);
  const chosen = productId ?? d?.cells[0]?.productId ?? null;
  if (!d) return detail.error ? <ErrorNotice error={detail.error} /> : <Spinner label={t('common:loading')} />;
  const fact = d.cells.find((c) => c.productId === chosen) ?? null;
  return (
    <section aria-label={t('drill.title', { name: d.name })} className="grid-2">
      <Card
        title={
          <span>
            {t('drill.title', { name: d.name })} {d.keyAccount && <Badge tone="blue">{t('keyAccount')}</Badge>}
          </span>
        }
        actions={
          <button type="button" className="button button-small" onClick={onClose}>
            {t('drill.close')}
          </button>
        }
        className="card-flush span-2"
      >
        <WarehouseFacts d={d} />
        <div style={{ overflowX: 'auto' }}>
          <table className="plain" aria-label={t('drill.skus', { name: d.name })}>
            <thead>
              <tr>
                <th>{t('field.sku')}</th>
                <th>{t('field.status')}</th>
                <th className="num">{t('drill.onHand')}</th>
                <th className="num">{t('drill.inTransit')}</th>
                <th className="num">{t('drill.atPeakWithout')}</th>
                <th className="num">{t('drill.planned')}</th>
                <th className="num">{t('drill.atPeak')}</th>
                <th className="num">{t('drill.required')}</th>
                <th className="num">{t('drill.cover')}</th>
                <th className="num">{t('casesShort')}</th>
              </tr>
            </thead>
            <tbody>
              {d.cells.map((c) => (
                <tr key={c.productId} className={c.productId === chosen ? 'selected-row' : ''}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setProductId(c.productId)} title={c.productName}>
                      {c.sku}
                    </button>
                  </td>
                  <td title={reasonWords(t, c, d.requiredCoverDays)}>
                    <Badge tone={TONE[c.status]}>{t(`status.${c.status}`)}</Badge>
                  </td>
                  <td className="num" title={c.countDate ? t('drill.countedOn', { date: formatDate(c.countDate) }) : t('drill.noCount')}>
                    {c.onHand === null ? <span className="muted">{t('drill.noCount')}</span> : formatNumber(c.onHand)}
                  </td>
                  <td className="num">{c.inTransit ? formatNumber(c.inTransit) : '–'}</td>
                  <td className="num">{formatNumber(c.atPeakWithoutPlan)}</td>
                  <td className="num">{c.plannedCases ? formatNumber(c.plannedCases) : '–'}</td>
                  <td className="num">{formatNumber(c.atPeak)}</td>
                  <td
                    className="num"
                    title={`${t('drill.safety')}: ${formatNumber(c.safety)} · ${t('drill.serviceLevel', { level: formatPercent(c.serviceLevel) })}`}
                  >
                    {formatNumber(c.required)}
                  </td>
                  <td className="num">{c.coverDays === null ? '–' : `${formatNumber(c.coverDays)} ${t('common:unit.days')}`}</td>
                  <td className="num" title={c.shortfalls.map((s) => shortfallSentence(t, s)).join('\n') || undefined}>
                    {c.shortCases ? <strong style={{ color: 'var(--red)' }}>{formatNumber(c.shortCases)}</strong> : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      {fact && <CellCard distributorId={d.distributorId} fact={fact} requiredDays={d.requiredCoverDays} />}
    </section>
  );
}

function WarehouseFacts({ d }: { d: ReadinessDistributorDetail }) {
  const { t } = useTranslation(['readiness', 'common']);
  const toast = useToast();
  const save = useSetPalletCapacity();
  const mayCapacity = useMay('readiness.setPalletCapacity');
  const [pallets, setPallets] = useState(d.warehousePallets === null ? '' : String(d.warehousePallets));
  const [error, setError] = useState<string | null>(null);
  const fullest = Math.max(0, ...d.occupancyCases);
  const fullestPallets = Math.max(0, ...d.occupancyPallets);
  return (
    <div style={{ padding: '10px 14px', display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'flex-end' }}>
      <dl className="kv" style={{ gridTemplateColumns: '170px auto' }}>
        <dt>{t('drill.leadTime')}</dt>
        <dd>
          {formatNumber(d.leadTimeDays)} {t('common:unit.days')}
        </dd>
        <dt>{t('drill.warehouse')}</dt>
        <dd>
          {formatNumber(d.warehouseCases)} {t('common:unit.cases')}
          {d.warehousePallets !== null && ` · ${formatNumber(d.warehousePallets)} ${t('pallets').toLowerCase()}`}
        </dd>
        <dt>{t('drill.busiest')}</dt>
        <dd>
          {formatNumber(fullest)} {t('common:unit.cases')} · {formatNumber(fullestPallets, 1)} {t('pallets').toLowerCase()}
        </dd>
      </dl>
      <dl className="kv" style={{ gridTemplateColumns: '190px auto' }}>
        <dt>{t('peakStarts')}</dt>
        <dd>{d.peakStart ? formatDate(d.peakStart) : t('noPeak')}</dd>
        <dt>{t('drill.relationship')}</dt>
        <dd>{d.relationshipLevel}</dd>
        <dt>{t('drill.volumeShare')}</dt>
        <dd>{formatPercent(d.volumeShare)}</dd>
      </dl>
      {mayCapacity && (
        <form
          className="toolbar"
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            try {
              await save.mutateAsync({ distributorId: d.distributorId, pallets: numberOrNull(pallets) });
              toast({ tone: 'success', text: t('drill.palletsSaved') });
            } catch (err) {
              setError((err as Error).message);
            }
          }}
        >
          <div className="filter">
            <label htmlFor={`pallets-${d.distributorId}`}>{t('drill.warehousePallets')}</label>
            <input
              id={`pallets-${d.distributorId}`}
              type="number"
              min={0}
              value={pallets}
              placeholder={t('drill.noPalletLimit')}
              onChange={(e) => setPallets(e.target.value)}
              style={{ width: 120, textAlign: 'right' }}
            />
          </div>
          <button type="submit" className="button" disabled={save.isPending}>
            {t('drill.savePallets')}
          </button>
          {error && <span className="field-error">{error}</span>}
        </form>
      )}
    </div>
  );
}

function CellCard({ distributorId, fact, requiredDays }: { distributorId: number; fact: ReadinessCellFacts; requiredDays: number }) {
  const { t } = useTranslation(['readiness', 'common']);
  const toast = useToast();
  const detail = useReadinessCell(distributorId, fact.productId);
  const saveCount = useSetStock();
  const mayCount = useMay('stock.set');
  const doubt = useConfirmRetry({
    title: t('stockDoubt.title', { ns: 'rules' }),
    confirm: t('stockDoubt.confirm', { ns: 'rules' }),
    kept: t('stockDoubt.kept', { ns: 'rules' }),
  });
  const [count, setCount] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Card title={`${fact.sku} · ${fact.productName}`} className="span-2">
      <p style={{ marginTop: 0 }}>
        <Badge tone={TONE[fact.status]}>{t(`status.${fact.status}`)}</Badge> {reasonWords(t, fact, requiredDays)}
      </p>
      {fact.shortfalls.length > 0 && (
        <ul aria-label={t('cellShortfalls')} style={{ marginTop: 0 }}>
          {fact.shortfalls.map((s) => (
            <li key={s.dueWeek}>{shortfallSentence(t, s)}</li>
          ))}
        </ul>
      )}
      {mayCount && (
        <form
          className="toolbar"
          style={{ marginBottom: 10 }}
          onSubmit={async (e) => {
            e.preventDefault();
            setError(null);
            try {
              await doubt.save((confirm) =>
                saveCount.mutateAsync({
                  distributorId,
                  productId: fact.productId,
                  date: today(),
                  cases: Number(count),
                  confirm,
                }),
              );
              setCount('');
              toast({ tone: 'success', text: t('drill.countSaved') });
            } catch (err) {
              setError((err as Error).message);
            }
          }}
        >
          <div className="filter">
            <label htmlFor={`count-${distributorId}-${fact.productId}`}>{t('drill.stockCount', { sku: fact.sku })}</label>
            <input
              id={`count-${distributorId}-${fact.productId}`}
              type="number"
              min={0}
              required
              value={count}
              onChange={(e) => setCount(e.target.value)}
              style={{ width: 140, textAlign: 'right' }}
            />
          </div>
          <button type="submit" className="button" disabled={saveCount.isPending || count.trim() === ''}>
            {t('drill.saveCount')}
          </button>
          {error && <span className="field-error">{error}</span>}
        </form>
      )}
      {doubt.dialog}
      {detail.data ? (
        <StockChart detail={detail.data} />
      ) : detail.error ? (
        <ErrorNotice error={detail.error} />
      ) : (
        <Spinner label={t('common:loading')} />
      )}
    </Card>
  );
}
