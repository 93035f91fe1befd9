import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { useState } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { TargetView } from '../../shared/contract/targets.js';
import { calendarMonth } from '../../shared/domain/months.js';
import { currentLanguage } from '../i18n/index.js';
import { api } from '../api/client.js';
import { useApiMutation, useApiQuery } from '../api/hooks.js';
import { downloadBase64 } from '../importing/download.js';
import { Dialog } from '../ui/Dialog.js';
import { FilterSelect, SelectField, TextField } from '../ui/Fields.js';
import { RecordHistory } from '../people/RecordHistory.js';
import { Badge, Card, EmptyState, ErrorNotice, PageHeader, Spinner } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { formatNumber, formatPercent, monthName } from '../ui/format.js';
import { TargetRulesDialog } from './TargetRulesDialog.js';
import { OffSeasonTab } from './OffSeasonTab.js';
import { EditableNumber } from './EditableNumber.js';
import { useEditPreview } from './EditPreview.js';
import { useRemembered } from '../ui/useRemembered.js';
import { useConfirmRetry } from '../ui/useConfirmRetry.js';
import { NewPlanDialog } from './NewPlanDialog.js';
import { useAttempt } from '../api/useMutationWithToast.js';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

type Tab = 'distributors' | 'detail' | 'offSeason' | 'achievement' | 'compare';
const pct = (a: number, b: number) => (b > 0 ? a / b - 1 : null);
const signed = (v: number | null) => (v === null ? '–' : `${v >= 0 ? '+' : ''}${formatPercent(v)}`);

export function TargetsPage() {
  const { t } = useTranslation(['targets', 'common']);
  const toast = useToast();
  const attempt = useAttempt();
  const plans = useApiQuery('targets.plans', {});
  const [chosen, setChosen] = useRemembered<number | null>('targets.plan', null);
  const planId = chosen ?? plans.data?.[0]?.id ?? null;
  const [creating, setCreating] = useState(false);
  const [versioning, setVersioning] = useState(false);
  const [tab, setTab] = useRemembered<Tab>('targets.tab', 'distributors');
  const [distributorId, setDistributorId] = useRemembered<number | null>('targets.distributor', null);
  const [brand, setBrand] = useState('');
  const view = useApiQuery(
    'targets.view',
    { planId: planId ?? 1, ...(distributorId ? { distributorId } : {}), ...(brand ? { brand } : {}) },
    { enabled: planId !== null },
  );
  const rules = useApiQuery('targets.rules', {});
  const [editingRules, setEditingRules] = useState(false);
  const setLine = useApiMutation('targets.setLine');
  const setAgreed = useApiMutation('targets.setAgreed');
  const jump = useConfirmRetry({
    title: t('jump.title', { ns: 'rules' }),
    confirm: t('jump.confirm', { ns: 'rules' }),
    kept: t('jump.kept', { ns: 'rules' }),
  });
  const preview = useEditPreview(planId ?? 0, jump.save);
  const fail = (e: unknown) => {
    toast({ tone: 'error', text: (e as Error).message });
    throw e;
  };
  const v = view.data;
  const exportSheet = async (id: number) => {
    const f = await attempt(() => api.call('targets.exportSheet', { planId: planId!, distributorId: id, language: currentLanguage() }));
    if (f) downloadBase64(f.fileName, f.mimeType, f.contentBase64);
  };
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            {rules.data && (
              <button type="button" className="button" onClick={() => setEditingRules(true)}>
                {t('jumpRules.open', { percent: Math.round(rules.data.largeJump * 100) })}
              </button>
            )}
            {planId !== null && (
              <button type="button" className="button" onClick={() => setVersioning(true)}>
                {t('saveVersion')}
              </button>
            )}
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              {t('newPlan')}
            </button>
          </>
        }
      >
        {plans.data && plans.data.length > 0 && (
          <div className="toolbar">
            <FilterSelect
              label={t('plan')}
              value={String(planId ?? '')}
              onChange={(x) => {
                setChosen(Number(x));
                setDistributorId(null);
              }}
              options={plans.data.map((p) => ({ value: p.id, label: `${p.name} · ${p.regionName} · ${t(`status.${p.status}`)}` }))}
              allLabel={t('choosePlan')}
            />
            <FilterSelect
              label={t('brand')}
              value={brand}
              onChange={setBrand}
              options={(v?.lines ?? []).map((l) => ({ value: l.brand, label: l.label }))}
              allLabel={t('allBrands')}
            />
          </div>
        )}
        {planId !== null && <RecordHistory entity="target_plan" entityId={planId} />}
      </PageHeader>
      <ErrorNotice error={view.error ?? plans.error} />
      {jump.dialog}
      {editingRules && rules.data && <TargetRulesDialog rules={rules.data} onClose={() => setEditingRules(false)} />}
      {plans.data && plans.data.length === 0 ? (
        <EmptyState
          title={t('noPlansTitle')}
          action={
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              {t('newPlan')}
            </button>
          }
        >
          {t('noPlansText')}
        </EmptyState>
      ) : !v ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : (
        <>
          <div className="grid-4">
            <Stat
              label={t('target')}
              value={`${formatNumber(v.plan.target)}`}
              note={t('peakMonths', { months: v.plan.months.map((m) => monthName(calendarMonth(m))).join(', ') })}
            />
            <Stat label={t('natural')} value={formatNumber(v.plan.natural)} note={t(`basisNote.${v.plan.basis}`)} />
            <Stat
              label={t('growthNeeded')}
              value={formatNumber(v.plan.target - v.plan.natural)}
              note={signed(pct(v.plan.target, v.plan.natural))}
            />
            {v.agreedTotal === null ? (
              <Stat label={t('bottomUp')} value="–" note={t('agreed.none', { ns: 'rules' })} />
            ) : (
              <Stat
                label={t('bottomUp')}
                value={formatNumber(v.agreedTotal)}
                note={t('agreed.vsSame', {
                  ns: 'rules',
                  target: formatNumber(v.agreedTarget),
                  diff: signed(pct(v.agreedTotal, v.agreedTarget)),
                  agreed: v.agreedPairs,
                  pairs: v.pairs,
                })}
              />
            )}
          </div>
          <Card title={t('lines')}>
            <table className="plain" aria-label={t('lines')}>
              <thead>
                <tr>
                  <th>{t('brand')}</th>
                  <th className="num">{t('natural')}</th>
                  <th className="num">{t('target')}</th>
                  <th className="num">{t('growth')}</th>
                </tr>
              </thead>
              <tbody>
                {v.lines.map((l) => (
                  <tr key={l.label}>
                    <td>{l.label}</td>
                    <td className="num">{formatNumber(l.natural)}</td>
                    <td className="num">
                      <EditableNumber
                        value={l.target}
                        label={t('lineTarget', { line: l.label })}
                        onCommit={(value) =>
                          jump
                            .save((confirm) =>
                              setLine.mutateAsync({
                                planId: planId!,
                                brand: l.brand,
                                ...(l.productId ? { productId: l.productId } : {}),
                                value,
                                confirm,
                              }),
                            )
                            .catch(fail)
                        }
                      />
                    </td>
                    <td className="num">{signed(pct(l.target, l.natural))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          <div className="tabs" role="tablist" aria-label={t('views')}>
            {(['distributors', 'detail', 'offSeason', 'achievement', 'compare'] as const).map((x) => (
              <button key={x} type="button" role="tab" className="tab" aria-selected={tab === x} onClick={() => setTab(x)}>
                {x === 'offSeason' ? t('offSeason.tab') : t(`tab.${x}`)}
              </button>
            ))}
          </div>
          {tab === 'distributors' && (
            <Card className="card-flush">
              <div style={{ overflowX: 'auto' }}>
                <table className="plain" aria-label={t('byDistributor')}>
                  <thead>
                    <tr>
                      <th>{t('distributor')}</th>
                      <th>{t('salesperson')}</th>
                      <th className="num">{t('natural')}</th>
                      <th className="num">{t('target')}</th>
                      <th className="num">{t('growth')}</th>
                      <th className="num">{t('fromNewOutlets')}</th>
                      <th className="num">{t('fromMix')}</th>
                      <th className="num">{t('fromExisting')}</th>
                      <th className="num">{t('newOutlets')}</th>
                      <th className="num">{t('agreed')}</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {v.distributors.map((d) => (
                      <tr key={d.distributorId}>
                        <td>
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => {
                              setDistributorId(d.distributorId);
                              setTab('detail');
                            }}
                          >
                            {d.name}
                          </button>
                          {d.locked > 0 && <span className="muted"> · {t('lockedCount', { count: d.locked })}</span>}
                          {(d.typed ?? 0) > 0 && <span className="muted"> · {t('daywork:typed.count', { count: d.typed })}</span>}
                        </td>
                        <td className="muted">{d.salespersonName ?? '–'}</td>
                        <td className="num">{formatNumber(d.natural)}</td>
                        <td className="num">
                          {brand ? (
                            <EditableNumber
                              value={d.target}
                              label={t('distributorTarget', { name: d.name })}
                              onCommit={(value) =>
                                preview.request({ level: 'distributor', distributorId: d.distributorId, brand }, value, d.name)
                              }
                            />
                          ) : (
                            formatNumber(d.target)
                          )}
                        </td>
                        <td className="num" style={{ color: d.growth >= 0 ? 'var(--green)' : 'var(--red)' }}>
                          {formatNumber(d.growth)} <span className="muted">{signed(pct(d.target, d.natural))}</span>
                        </td>
                        <td className="num">{formatNumber(d.fromNewOutlets)}</td>
                        <td className="num">{formatNumber(d.fromMix)}</td>
                        <td className="num">{formatNumber(d.fromExisting)}</td>
                        <td className="num">{formatNumber(d.newOutlets)}</td>
                        <td className="num">
                          {brand ? (
                            <EditableNumber
                              value={d.agreed}
                              label={t('agreedFor', { name: d.name })}
                              onCommit={(cases) =>
                                setAgreed.mutateAsync({ planId: planId!, distributorId: d.distributorId, brand, cases }).catch(fail)
                              }
                              onClear={() =>
                                setAgreed.mutateAsync({ planId: planId!, distributorId: d.distributorId, brand, cases: null }).catch(fail)
                              }
                            />
                          ) : d.agreed === null ? (
                            '–'
                          ) : (
                            <span title={t('agreed.ofBrands', { ns: 'rules', agreed: d.agreedBrands, brands: d.brands })}>
                              {formatNumber(d.agreed)}{' '}
                              {d.agreedBrands < d.brands && (
                                <span className="muted small">
                                  {t('agreed.ofBrands', { ns: 'rules', agreed: d.agreedBrands, brands: d.brands })}
                                </span>
                              )}
                            </span>
                          )}
                        </td>
                        <td className="num">
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => void exportSheet(d.distributorId)}
                            aria-label={t('sheetFor', { name: d.name })}
                          >
                            {t('sheet')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {!brand && (
                <p className="muted" style={{ padding: '0 14px' }}>
                  {t('chooseBrandToEdit')}
                </p>
              )}
            </Card>
          )}
          {tab === 'detail' && (
            <DetailGrid view={v} planId={planId!} distributorId={distributorId} onPick={setDistributorId} onExport={exportSheet} />
          )}
          {tab === 'offSeason' && <OffSeasonTab planId={planId!} />}
          {tab === 'achievement' && <Achievement planId={planId!} />}
          {tab === 'compare' && <Compare planId={planId!} plans={plans.data ?? []} />}
        </>
      )}
      {creating && <NewPlanDialog onClose={() => setCreating(false)} onCreated={(id) => setChosen(id)} />}
      {versioning && v && (
        <VersionDialog planId={planId!} current={v.plan.name} onClose={() => setVersioning(false)} onSaved={(id) => setChosen(id)} />
      )}
      {preview.dialog}
    </div>
  );
}

function LockIcon() {
  return (
    <svg width="10" height="12" viewBox="0 0 10 12" aria-hidden="true">
      <rect x="1" y="5" width="8" height="6.5" rx="1.2" fill="currentColor" />
      <path d="M3 5V3.5a2 2 0 0 1 4 0V5" stroke="currentColor" strokeWidth="1.3" fill="none" />
    </svg>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Card>
      <div className="stat">
        <span className="stat-label">{label}</span>
        <span className="stat-value">{value}</span>
        {note && <span className="stat-note">{note}</span>}
      </div>
    </Card>
  );
}

function DetailGrid({
  view,
  planId,
  distributorId,
  onPick,
  onExport,
}: {
  view: TargetView;
  planId: number;
  distributorId: number | null;
  onPick(id: number): void;
  onExport(id: number): void;
}) {
  const { t } = useTranslation(['targets', 'common']);
  const preview = useEditPreview(planId);
  const lock = useApiMutation('targets.lock');
  const d = view.distributors.find((x) => x.distributorId === distributorId);
  return (
    <Card
      title={d ? t('sheetTitle', { name: d.name }) : t('chooseDistributor')}
      actions={
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
          <FilterSelect
            label={t('distributor')}
            value={String(distributorId ?? '')}
            onChange={(x) => onPick(Number(x))}
            options={view.distributors.map((x) => ({ value: x.distributorId, label: x.name }))}
            allLabel={t('choose', { ns: 'common' })}
          />
          {d && (
            <>
              <button type="button" className="button" onClick={() => onExport(d.distributorId)}>
                {t('exportSheet')}
              </button>
              <button type="button" className="button" onClick={() => window.print()}>
                {t('print')}
              </button>
            </>
          )}
        </div>
      }
      className="card-flush"
    >
      {!view.skus ? (
        <p className="muted" style={{ padding: 14 }}>
          {t('chooseDistributorText')}
        </p>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table className="plain target-grid" aria-label={t('skuGrid')}>
            <thead>
              <tr>
                <th>{t('sku')}</th>
                {view.plan.months.map((m) => (
                  <th key={m} className="num">
                    {monthName(calendarMonth(m))}
                  </th>
                ))}
                <th className="num">{t('total')}</th>
                <th className="num">{t('natural')}</th>
              </tr>
            </thead>
            <tbody>
              {view.skus.map((s) => {
                const total = s.months.reduce((a, m) => a + m.target, 0);
                const natural = s.months.reduce((a, m) => a + m.natural, 0);
                return (
                  <tr key={s.productId}>
                    <td>
                      <strong>{s.sku}</strong> <span className="muted">{s.name}</span>
                    </td>
                    {s.months.map((m) => (
                      <td key={m.month} className="num">
                        <div className={m.typed ? 'grid-cell typed' : 'grid-cell'} title={m.typed ? t('daywork:typed.cell') : undefined}>
                          <EditableNumber
                            value={m.target}
                            label={t('cellTarget', { sku: s.sku, month: m.month })}
                            disabled={m.locked}
                            onCommit={(value) =>
                              preview.request(
                                { level: 'cell', distributorId: distributorId!, productId: s.productId, month: m.month },
                                value,
                                `${s.sku} ${m.month}`,
                              )
                            }
                          />
                          <label className="lock" title={t('lockHint')}>
                            <input
                              type="checkbox"
                              checked={m.locked}
                              aria-label={t('lockCell', { sku: s.sku, month: m.month })}
                              onChange={(e) =>
                                void lock.mutateAsync({
                                  planId,
                                  distributorId: distributorId!,
                                  productId: s.productId,
                                  month: m.month,
                                  locked: e.target.checked,
                                })
                              }
                            />
                            <LockIcon />
                          </label>
                        </div>
                        <div className="muted small">{formatNumber(m.natural)}</div>
                      </td>
                    ))}
                    <td className="num">
                      <EditableNumber
                        value={total}
                        label={t('skuTarget', { sku: s.sku })}
                        onCommit={(value) =>
                          preview.request({ level: 'sku', distributorId: distributorId!, productId: s.productId }, value, s.sku)
                        }
                      />
                    </td>
                    <td className="num muted">{formatNumber(natural)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted" style={{ padding: '0 14px' }}>
            <span className="typed-legend" aria-hidden="true" />
            {t('daywork:typed.legend')} {t('gridHint')}
          </p>
          {preview.dialog}
        </div>
      )}
    </Card>
  );
}

function Achievement({ planId }: { planId: number }) {
  const { t } = useTranslation(['targets', 'common']);
  const [by, setBy] = useState<'region' | 'distributor' | 'salesperson' | 'sku'>('region');
  const data = useApiQuery('targets.achievement', { planId, by });
  const a = data.data;
  const region = a?.rows[0];
  return (
    <Card
      title={t('achievementTitle')}
      actions={
        <FilterSelect
          label={t('groupBy')}
          value={by}
          onChange={(x) => setBy(x as typeof by)}
          options={(['region', 'distributor', 'salesperson', 'sku'] as const).map((x) => ({ value: x, label: t(`by.${x}`) }))}
          allLabel={t('by.region')}
        />
      }
    >
      {!a ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : a.rows.every((r) => r.months.every((m) => m.actual === null)) ? (
        <p className="muted">{t('noActuals')}</p>
      ) : (
        <>
          {by === 'region' && region && (
            <div style={{ height: 240 }} role="img" aria-label={t('achievementChart')}>
              <Bar
                data={{
                  labels: a.months.map((m) => monthName(calendarMonth(m))),
                  datasets: [
                    { label: t('target'), data: region.months.map((m) => m.target), backgroundColor: 'rgba(36,87,197,0.35)' },
                    { label: t('actual'), data: region.months.map((m) => m.actual ?? 0), backgroundColor: '#1f8a4c' },
                  ],
                }}
                options={{ responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } }}
              />
            </div>
          )}
          <div style={{ overflowX: 'auto', maxHeight: 420 }}>
            <table className="plain" aria-label={t('achievementTitle')}>
              <thead>
                <tr>
                  <th />
                  {a.months.map((m) => (
                    <th key={m} className="num">
                      {monthName(calendarMonth(m))}
                    </th>
                  ))}
                  <th className="num">{t('variance')}</th>
                </tr>
              </thead>
              <tbody>
                {a.rows.map((r) => (
                  <tr key={r.key}>
                    <td>{r.label}</td>
                    {r.months.map((m) => {
                      const varPct = m.actual === null ? null : pct(m.actual, m.target);
                      return (
                        <td
                          key={m.month}
                          className="num"
                          title={`${t('target')} ${formatNumber(m.target)} · ${t('actual')} ${formatNumber(m.actual)}`}
                        >
                          {m.actual === null ? (
                            <span className="muted">{formatNumber(m.target)}</span>
                          ) : (
                            <span style={{ color: (varPct ?? 0) >= 0 ? 'var(--green)' : 'var(--red)' }}>
                              {formatNumber(m.actual - m.target)}
                            </span>
                          )}
                        </td>
                      );
                    })}
                    <td className="num">
                      <Badge tone={r.actual >= r.target ? 'green' : r.actual >= r.target * 0.9 ? 'amber' : 'red'}>
                        {signed(pct(r.actual, r.target))}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('achievementHint')}</p>
        </>
      )}
    </Card>
  );
}

const COMPARE_BY = ['distributor', 'brand', 'sku'] as const;
const COMPARE_ROWS = 200;

function Compare({ planId, plans }: { planId: number; plans: Array<{ id: number; name: string; regionName: string }> }) {
  const { t } = useTranslation('targets');
  const others = plans.filter((p) => p.id !== planId);
  const [other, setOther] = useState<number | null>(others[0]?.id ?? null);
  const [by, setBy] = useState<(typeof COMPARE_BY)[number]>('distributor');
  const diff = useApiQuery('targets.compare', { planId, otherId: other ?? planId, by }, { enabled: other !== null });
  const rows = diff.data ?? [];
  const total = rows.reduce((s, r) => ({ a: s.a + r.a, b: s.b + r.b }), { a: 0, b: 0 });
  const tone = (d: number) => (d === 0 ? undefined : d > 0 ? 'var(--green)' : 'var(--red)');
  return (
    <Card
      title={t('compareTitle')}
      actions={
        <>
          <FilterSelect
            label={t('compareBy')}
            value={by}
            onChange={(x) => setBy(x as (typeof COMPARE_BY)[number])}
            options={COMPARE_BY.map((k) => ({ value: k, label: t(`by.${k}`) }))}
          />
          <FilterSelect
            label={t('compareWith')}
            value={String(other ?? '')}
            onChange={(x) => setOther(Number(x))}
            options={others.map((p) => ({ value: p.id, label: `${p.name} · ${p.regionName}` }))}
            allLabel={t('choose', { ns: 'common' })}
          />
        </>
      }
    >
      {others.length === 0 ? (
        <p className="muted">{t('noOtherVersions')}</p>
      ) : other === null ? (
        <p className="muted">{t('chooseOtherVersion')}</p>
      ) : diff.isLoading ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : (
        <>
          <table className="plain" aria-label={t('compareTitle')}>
            <thead>
              <tr>
                <th>{t(`by.${by}`)}</th>
                <th className="num">{t('thisVersion')}</th>
                <th className="num">{t('otherVersion')}</th>
                <th className="num">{t('difference')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, COMPARE_ROWS).map((r) => (
                <tr key={r.key}>
                  <td>{r.name}</td>
                  <td className="num">{formatNumber(r.a)}</td>
                  <td className="num">{formatNumber(r.b)}</td>
                  <td className="num" style={{ color: tone(r.a - r.b) }}>
                    {formatNumber(r.a - r.b)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('total')}</th>
                <td className="num">{formatNumber(total.a)}</td>
                <td className="num">{formatNumber(total.b)}</td>
                <td className="num" style={{ color: tone(total.a - total.b) }}>
                  {formatNumber(total.a - total.b)}
                </td>
              </tr>
            </tfoot>
          </table>
          {rows.length > COMPARE_ROWS && <p className="muted">{t('compareBiggest', { shown: COMPARE_ROWS, total: rows.length })}</p>}
        </>
      )}
    </Card>
  );
}

function VersionDialog({
  planId,
  current,
  onClose,
  onSaved,
}: {
  planId: number;
  current: string;
  onClose(): void;
  onSaved(id: number): void;
}) {
  const { t } = useTranslation(['targets', 'common']);
  const save = useApiMutation('targets.saveVersion');
  const [name, setName] = useState(`${current} (agreed)`);
  const [status, setStatus] = useState<'draft' | 'agreed'>('agreed');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      title={t('saveVersion')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('cancel', { ns: 'common' })}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={async () => {
              try {
                const v = await save.mutateAsync({ planId, name, status });
                onSaved(v.id);
                onClose();
              } catch (e) {
                setError((e as Error).message);
              }
            }}
          >
            {t('save', { ns: 'common' })}
          </button>
        </>
      }
    >
      {error && (
        <div className="notice notice-error" role="alert">
          {error}
        </div>
      )}
      <div className="form-grid">
        <TextField label={t('versionName')} value={name} onChange={(e) => setName(e.target.value)} />
        <SelectField
          label={t('versionStatus')}
          options={(['draft', 'agreed'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={(e) => setStatus(e.target.value as 'draft')}
        />
      </div>
    </Dialog>
  );
}
