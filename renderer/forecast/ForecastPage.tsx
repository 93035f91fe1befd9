import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ForecastOverride, ForecastScope, ForecastView, ModelDescription, OverrideLevel } from '../../shared/contract/forecast.js';
import { calendarMonth } from '../../shared/domain/months.js';
import { useJob } from '../api/hooks.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { FilterSelect } from '../ui/Fields.js';
import { Badge, Card, EmptyState, ErrorNotice, PageHeader, ProgressBar, Spinner } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { formatDate, formatNumber, formatPercent, formatMonth } from '../ui/format.js';
import { useNetworkOptions } from '../network/options.js';
import { ForecastChart } from './ForecastChart.js';
import { OverrideDialog } from './OverrideDialog.js';
import { SalesCorrection } from './SalesCorrection.js';
import { useDeleteOverride, useRunForecast } from './mutations.js';
import { useForecastOptions, useForecastView } from './queries.js';
import { useMay } from '../people/actor.js';

/** The level an agreed number applies to, from what the screen is narrowed to. */
export function overrideLevel(scope: ForecastScope): OverrideLevel | null {
  if (scope.distributorId && scope.productId) return 'distributor_sku';
  if (scope.distributorId && !scope.brand) return 'distributor';
  if (scope.productId) return 'sku';
  if (scope.brand && !scope.distributorId) return 'brand';
  if (scope.regionId && !scope.brand) return 'region';
  return null;
}

export function ForecastPage() {
  const { t } = useTranslation(['forecast', 'common']);
  const toast = useToast();
  const network = useNetworkOptions();
  const [regionId, setRegionId] = useState('');
  const [distributorId, setDistributorId] = useState('');
  const [brand, setBrand] = useState('');
  const [productId, setProductId] = useState('');
  const options = useForecastOptions(distributorId ? { distributorId: Number(distributorId) } : {});
  const scope: ForecastScope = {
    ...(regionId ? { regionId: Number(regionId) } : {}),
    ...(distributorId ? { distributorId: Number(distributorId) } : {}),
    ...(brand ? { brand } : {}),
    ...(productId ? { productId: Number(productId) } : {}),
  };
  const view = useForecastView(scope);
  const run = useRunForecast();
  const removeOverride = useDeleteOverride();
  const mayRun = useMay('forecast.run');
  const mayAgree = useMay('forecast.override');
  const mayCorrect = useMay('sales.set');
  const [jobId, setJobId] = useState<number | null>(null);
  const [agreeing, setAgreeing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<ForecastOverride | null>(null);
  const job = useJob(jobId, (s) => {
    setJobId(null);
    if (s.state === 'done') {
      const r = s.result as { seriesRecomputed: number; seriesTotal: number; seconds: number };
      toast({
        tone: 'success',
        text: t('runDone', { recomputed: formatNumber(r.seriesRecomputed), total: formatNumber(r.seriesTotal), seconds: r.seconds }),
      });
    } else if (s.state === 'cancelled') toast({ tone: 'info', text: t('runCancelled') });
    else toast({ tone: 'error', text: s.error ?? t('runFailed') });
  });
  const startRun = async (force: boolean) => {
    const started = await run.run({ force });
    if (started) setJobId(started.jobId);
  };
  const level = overrideLevel(scope);
  // A distributor chosen after an SKU it does not sell: back to all SKUs rather than an empty screen.
  useEffect(() => {
    if (options.isPlaceholderData || !options.data || !productId) return;
    if (!options.data.skus.some((p) => String(p.id) === productId)) setProductId('');
  }, [options.data, options.isPlaceholderData, productId]);
  const skuOptions = (options.data?.skus ?? [])
    .filter((p) => !brand || p.brand === brand)
    .map((p) => ({ value: p.id, label: `${p.name} (${p.sku})` }));
  const v = view.data;
  // The agreed numbers the filters concern: with a region (or a distributor) chosen, those set for
  // other regions or their distributors are not shown; brand and SKU numbers apply everywhere.
  const inRegion = new Set(network.distributorsIn(regionId ? Number(regionId) : null).map((d) => d.value));
  const overridesShown = (view.data?.overrides ?? []).filter(
    (o) =>
      (!regionId || o.regionId === null || o.regionId === Number(regionId)) &&
      (!regionId || o.distributorId === null || inRegion.has(o.distributorId)) &&
      (!distributorId || o.distributorId === null || o.distributorId === Number(distributorId)),
  );
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          jobId !== null ? (
            <div style={{ display: 'flex', gap: 10, alignItems: 'center', minWidth: 320 }}>
              <div style={{ flex: 1 }}>
                <ProgressBar value={job.status?.progress ?? 0} label={t('running')} />
                <div className="stat-note">{job.status?.message || t('starting')}</div>
              </div>
              <button type="button" className="button" onClick={() => void job.cancel()}>
                {t('cancel', { ns: 'common' })}
              </button>
            </div>
          ) : (
            mayRun && (
              <>
                <button type="button" className="button" onClick={() => void startRun(true)} disabled={!options.data?.historyMonths.last}>
                  {t('recomputeAll')}
                </button>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => void startRun(false)}
                  disabled={!options.data?.historyMonths.last}
                >
                  {t('run')}
                </button>
              </>
            )
          )
        }
      >
        <div className="toolbar">
          <FilterSelect
            label={t('field.region')}
            value={regionId}
            onChange={(r) => {
              setRegionId(r);
              // A distributor of another region would leave the screen showing nothing.
              if (r && distributorId && !network.distributorsIn(Number(r)).some((d) => String(d.value) === distributorId))
                setDistributorId('');
            }}
            options={network.regions}
            allLabel={t('allRegions')}
          />
          <FilterSelect
            label={t('field.distributor')}
            value={distributorId}
            onChange={setDistributorId}
            options={network.distributorsIn(regionId ? Number(regionId) : null)}
            allLabel={t('allDistributors')}
          />
          <FilterSelect
            label={t('field.brand')}
            value={brand}
            onChange={(b) => {
              setBrand(b);
              setProductId('');
            }}
            options={(options.data?.brands ?? []).map((b) => ({ value: b, label: b }))}
            allLabel={t('allBrands')}
            disabled={options.isPlaceholderData}
          />
          {/* Until the chosen distributor's own brands and SKUs are in, the lists shown are the previous
              choice's: picking from them could name an SKU the distributor does not sell. */}
          <FilterSelect
            label={t('field.sku')}
            value={productId}
            onChange={setProductId}
            options={skuOptions}
            allLabel={t('allSkus')}
            disabled={options.isPlaceholderData}
          />
        </div>
      </PageHeader>
      <ErrorNotice error={view.error} />
      {!v ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : v.status === 'no_history' ? (
        <EmptyState title={t('noHistoryTitle')}>{t('noHistoryText')}</EmptyState>
      ) : (
        <>
          {v.status === 'not_run' && <div className="notice notice-info">{t('notRun')}</div>}
          {v.stale && <div className="notice notice-warn">{t('stale')}</div>}
          {v.status === 'ok' && v.seriesCount === 0 && <div className="notice notice-info">{t('noSeriesInScope')}</div>}
          <Card
            title={t('chartTitle')}
            actions={
              v.lastRun ? (
                <span className="muted">
                  {t('lastRun', {
                    date: formatDate(v.lastRun.finishedAt ?? v.lastRun.startedAt),
                    series: formatNumber(v.lastRun.seriesTotal),
                  })}
                </span>
              ) : null
            }
          >
            <ForecastChart view={v} />
          </Card>
          {v.status === 'ok' && (
            <div className="grid-2" style={{ gridTemplateColumns: '2fr 1fr' }}>
              <ForecastTable view={v} canAgree={mayAgree && level !== null} settling={view.isPlaceholderData} onAgree={setAgreeing} />
              <div style={{ display: 'flex', flexDirection: 'column', gap: 14 }}>
                <ModelCard view={v} />
                <Card title={t('overrides')}>
                  {level === null && (
                    <p className="muted" style={{ marginTop: 0 }}>
                      {t('narrowToAgree')}
                    </p>
                  )}
                  {overridesShown.length === 0 ? (
                    <p className="muted">{t('noOverrides')}</p>
                  ) : (
                    <ul className="tree">
                      {overridesShown.map((o) => (
                        <li key={o.id}>
                          <div className="tree-row">
                            <span className="grow">
                              <strong>{formatMonth(o.month, 'short')}</strong> · {o.label} ·{' '}
                              {o.mode === 'absolute'
                                ? `${formatNumber(o.value)} ${t('unit.cases', { ns: 'common' })}`
                                : `${o.value > 0 ? '+' : ''}${o.value}%`}
                            </span>
                            {mayAgree && (
                              <button
                                type="button"
                                className="link-button"
                                aria-label={t('removeOverride', { month: o.month })}
                                onClick={() => setRemoving(o)}
                              >
                                {t('remove')}
                              </button>
                            )}
                          </div>
                          <div className="muted">
                            “{o.note}” — {o.author}, {formatDate(o.createdAt)}
                          </div>
                        </li>
                      ))}
                    </ul>
                  )}
                </Card>
                {mayCorrect && scope.distributorId && scope.productId && (
                  <SalesCorrection distributorId={scope.distributorId} productId={scope.productId} />
                )}
              </div>
            </div>
          )}
        </>
      )}
      {removing && (
        <ConfirmDialog
          title={t('removeOverrideTitle')}
          message={t('removeOverrideMessage', { month: formatMonth(removing.month), label: removing.label, author: removing.author })}
          confirmLabel={t('remove')}
          danger
          busy={removeOverride.isPending}
          onCancel={() => setRemoving(null)}
          onConfirm={() => void removeOverride.run({ id: removing.id }).then((done) => done && setRemoving(null))}
        />
      )}
      {agreeing && level && (
        <OverrideDialog
          month={agreeing}
          level={level}
          scope={scope}
          statistical={v?.forecast.find((f) => f.month === agreeing)?.point ?? 0}
          onClose={() => setAgreeing(null)}
        />
      )}
    </div>
  );
}

/**
 * `settling`: the numbers shown are the previous choice's while the chosen one's load; a number
 * agreed from them would be saved for the new choice, so agreeing waits.
 */
function ForecastTable({
  view,
  canAgree,
  settling,
  onAgree,
}: {
  view: ForecastView;
  canAgree: boolean;
  settling: boolean;
  onAgree(month: string): void;
}) {
  const { t } = useTranslation(['forecast', 'common']);
  const peak = new Set(view.peakMonths);
  const totals = view.forecast.reduce(
    (acc, f) => ({ point: acc.point + f.point, agreed: acc.agreed + f.agreed, lastYear: acc.lastYear + (f.lastYear ?? 0) }),
    { point: 0, agreed: 0, lastYear: 0 },
  );
  return (
    <Card title={t('tableTitle')} className="card-flush">
      <table className="plain" aria-label={t('tableTitle')}>
        <thead>
          <tr>
            <th>{t('month')}</th>
            <th className="num">{t('lastYear')}</th>
            <th className="num">{t('statistical')}</th>
            <th className="num">{t('range80')}</th>
            <th className="num">{t('agreed')}</th>
            <th className="num">{t('vsLastYear')}</th>
            <th aria-label={t('actions', { ns: 'common' })} />
          </tr>
        </thead>
        <tbody>
          {view.forecast.map((f) => {
            const change = f.lastYear ? f.agreed / f.lastYear - 1 : null;
            return (
              <tr key={f.month}>
                <td>
                  {formatMonth(f.month)} {peak.has(calendarMonth(f.month)) && <Badge tone="amber">{t('peak')}</Badge>}
                </td>
                <td className="num">{formatNumber(f.lastYear)}</td>
                <td className="num">{formatNumber(f.point)}</td>
                <td className="num muted">
                  {formatNumber(f.lo80)}–{formatNumber(f.hi80)}
                </td>
                <td className="num">{f.agreed !== f.point ? <strong>{formatNumber(f.agreed)}</strong> : formatNumber(f.agreed)}</td>
                <td className="num" style={{ color: change === null ? undefined : change >= 0 ? 'var(--green)' : 'var(--red)' }}>
                  {change === null ? '–' : `${change >= 0 ? '+' : ''}${formatPercent(change)}`}
                </td>
                <td className="num">
                  {canAgree && (
                    <button
                      type="button"
                      className="link-button"
                      disabled={settling}
                      aria-busy={settling || undefined}
                      onClick={() => onAgree(f.month)}
                      aria-label={t('agreeFor', { month: f.month })}
                    >
                      {t('agree')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td>{t('total', { ns: 'common' })}</td>
            <td className="num">{formatNumber(totals.lastYear)}</td>
            <td className="num">{formatNumber(totals.point)}</td>
            <td />
            <td className="num">{formatNumber(totals.agreed)}</td>
            <td className="num">
              {totals.lastYear
                ? `${totals.agreed >= totals.lastYear ? '+' : ''}${formatPercent(totals.agreed / totals.lastYear - 1)}`
                : '–'}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </Card>
  );
}

function ModelCard({ view }: { view: ForecastView }) {
  const { t } = useTranslation('forecast');
  return (
    <Card title={t('modelTitle')}>
      {view.model ? (
        <dl className="kv">
          <dt>{t('model')}</dt>
          <dd>
            <strong>{modelText(t, view.model.description)}</strong>
            <div className="muted">{view.model.model}</div>
          </dd>
          {Object.entries(view.model.params)
            .filter(
              ([k, val]) =>
                typeof val === 'number' &&
                ['alpha', 'beta', 'gamma', 'phi', 'springFestival'].includes(k) &&
                val !== 0 &&
                !(k === 'phi' && val === 1),
            )
            .map(([k, val]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{t(`param.${k}`)}</dt>
                <dd>{formatNumber(val, 3)}</dd>
              </div>
            ))}
        </dl>
      ) : (
        <dl className="kv">
          <dt>{t('series')}</dt>
          <dd>{formatNumber(view.seriesCount)}</dd>
          <dt>{t('methods')}</dt>
          <dd>{view.methods.map((m) => `${t(`method.${m.method}`)} ${formatNumber(m.series)}`).join(' · ')}</dd>
        </dl>
      )}
      <dl className="kv" style={{ marginTop: 10 }}>
        <dt title={t('maseHint')}>{t('mase')}</dt>
        <dd>{view.accuracy.mase === null ? '–' : formatNumber(view.accuracy.mase, 2)}</dd>
        <dt>{t('naiveMase')}</dt>
        <dd>
          {view.accuracy.naiveMase === null ? '–' : formatNumber(view.accuracy.naiveMase, 2)}{' '}
          <VersusNaive mase={view.accuracy.mase} naive={view.accuracy.naiveMase} />
        </dd>
        <dt>{t('wape')}</dt>
        <dd>{formatPercent(view.accuracy.wape)}</dd>
      </dl>
      {view.model?.params.commonShock ? (
        <p className="muted">{t('afterShockOne')}</p>
      ) : !view.model && view.seriesAfterShock > 0 ? (
        <p className="muted">{t('afterShock', { shocked: formatNumber(view.seriesAfterShock), total: formatNumber(view.seriesCount) })}</p>
      ) : null}
      {!view.model && (view.lastRun?.residualCorrelation ?? 0) > 0.005 && (
        <p className="muted">{t('rangeCorrelation', { rho: formatNumber(view.lastRun!.residualCorrelation!, 2) })}</p>
      )}
    </Card>
  );
}

/**
 * The forecast's backtest error beside repeating last season's on the same origins, as a relative
 * difference a manager can read ("12% lower error"), instead of comparing MASE with 1.
 */
function VersusNaive({ mase, naive }: { mase: number | null; naive: number | null }) {
  const { t } = useTranslation('forecast');
  if (mase === null || naive === null || !(naive > 0)) return null;
  const change = (mase - naive) / naive;
  const percent = formatPercent(Math.abs(change), 0);
  const text = Math.abs(change) < 0.005 ? t('vsNaiveEqual') : change < 0 ? t('vsNaiveBetter', { percent }) : t('vsNaiveWorse', { percent });
  return <strong data-testid="versus-naive">{text}</strong>;
}

/** The model in words: an ETS model by its seasonality and trend, the others by their kind. */
function modelText(t: TFunction<'forecast'>, d: ModelDescription): string {
  if (d.kind === 'ets') return t('modelText.ets', { season: t(`modelText.season.${d.season}`), trend: t(`modelText.trend.${d.trend}`) });
  return t(`modelText.${d.kind}`);
}
