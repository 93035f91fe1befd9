import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../ui/Fields.js';
import { formatDate } from '../ui/format.js';
import { RecordHistory } from '../people/RecordHistory.js';
import { EmptyState, ErrorNotice, PageHeader, Spinner } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { useRemembered } from '../ui/useRemembered.js';
import { useConfirmRetry } from '../ui/useConfirmRetry.js';
import { AchievementTab } from './AchievementTab.js';
import { CompareTab } from './CompareTab.js';
import { DetailTab } from './DetailTab.js';
import { DistributorsTab } from './DistributorsTab.js';
import { useEditPreview } from './EditPreview.js';
import { NewPlanDialog } from './NewPlanDialog.js';
import { TargetsReadOnly, TargetsSettling } from './EditableNumber.js';
import { useMay } from '../people/actor.js';
import { OffSeasonTab } from './OffSeasonTab.js';
import { PlanSummary } from './PlanSummary.js';
import { TargetRulesDialog } from './TargetRulesDialog.js';
import { VersionDialog } from './VersionDialog.js';
import { RefreshNaturalDialog } from './RefreshNaturalDialog.js';
import { useExportTargetSheet, useSetAgreedTarget, useSetTargetLine } from './mutations.js';
import { useTargetPlans, useTargetRules, useTargetView } from './queries.js';

type Tab = 'distributors' | 'detail' | 'offSeason' | 'achievement' | 'compare';

/** The targets screen: the chosen plan's summary and brand lines above, its views in tabs (one file each). */
export function TargetsPage() {
  const { t } = useTranslation(['targets', 'common']);
  const toast = useToast();
  const plans = useTargetPlans();
  const [chosen, setChosen] = useRemembered<number | null>('targets.plan', null);
  const planId = chosen ?? plans.data?.[0]?.id ?? null;
  const [creating, setCreating] = useState(false);
  const [versioning, setVersioning] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const [tab, setTab] = useRemembered<Tab>('targets.tab', 'distributors');
  const [distributorId, setDistributorId] = useRemembered<number | null>('targets.distributor', null);
  const [brand, setBrand] = useState('');
  const view = useTargetView(planId, distributorId, brand);
  const planShown = plans.data?.find((p) => p.id === planId);
  const rules = useTargetRules(planShown?.regionId ?? null);
  const [editingRules, setEditingRules] = useState(false);
  const setLine = useSetTargetLine();
  const setAgreed = useSetAgreedTarget();
  const exportSheet = useExportTargetSheet(planId);
  const jump = useConfirmRetry({
    title: t('jump.title', { ns: 'rules' }),
    confirm: t('jump.confirm', { ns: 'rules' }),
    kept: t('jump.kept', { ns: 'rules' }),
  });
  const preview = useEditPreview(planId ?? 0, jump.save);
  // An inline number that failed shows why and rejects, so the field goes back to what was saved.
  const fail = (e: unknown) => {
    toast({ tone: 'error', text: (e as Error).message });
    throw e;
  };
  // While another plan's view loads, the previous plan's stays in the cache as placeholder data:
  // it is not shown as the chosen plan (a number typed into it would be saved into the new one).
  const v = view.data && view.data.plan.id === planId ? view.data : undefined;
  const mayEdit = useMay('targets.edit');
  const mayCreate = useMay('targets.create');
  const lineTarget = (l: { brand: string; productId?: number | null }, value: number) =>
    jump
      .save((confirm) =>
        setLine.mutateAsync({ planId: planId!, brand: l.brand, ...(l.productId ? { productId: l.productId } : {}), value, confirm }),
      )
      .catch(fail);
  return (
    <div className="page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            {rules.data && planShown && mayEdit && (
              <button type="button" className="button" onClick={() => setEditingRules(true)}>
                {t('jumpRules.open', { percent: Math.round(rules.data.largeJump * 100) })}
              </button>
            )}
            {v && v.plan.status === 'draft' && mayEdit && (
              <button type="button" className="button" onClick={() => setRefreshing(true)}>
                {t('refreshNatural.open')}
              </button>
            )}
            {planId !== null && mayEdit && (
              <button type="button" className="button" onClick={() => setVersioning(true)}>
                {t('saveVersion')}
              </button>
            )}
            {mayCreate && (
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                {t('newPlan')}
              </button>
            )}
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
        {!mayEdit && plans.data && plans.data.length > 0 && <p className="muted small">{t('readOnly')}</p>}
      </PageHeader>
      <ErrorNotice error={view.error ?? plans.error} />
      {jump.dialog}
      {refreshing && v && <RefreshNaturalDialog plan={v.plan} onClose={() => setRefreshing(false)} />}
      {editingRules && rules.data && planShown && (
        <TargetRulesDialog
          rules={rules.data}
          region={{ id: planShown.regionId, name: planShown.regionName }}
          onClose={() => setEditingRules(false)}
        />
      )}
      {plans.data && plans.data.length === 0 ? (
        <EmptyState
          title={t('noPlansTitle')}
          action={
            mayCreate && (
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                {t('newPlan')}
              </button>
            )
          }
        >
          {mayCreate ? t('noPlansText') : t('noPlansReadOnly')}
        </EmptyState>
      ) : !v ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : (
        <TargetsReadOnly.Provider value={!mayEdit}>
          <TargetsSettling.Provider value={view.isPlaceholderData}>
            {v.plan.forecastSince && (
              <div className="notice notice-warn" role="status">
                {t('refreshNatural.behind', { date: formatDate(v.plan.forecastSince) })}
                {mayEdit && (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => setRefreshing(true)}>
                      {t('refreshNatural.open')}
                    </button>
                  </>
                )}
              </div>
            )}
            <PlanSummary view={v} onLineTarget={lineTarget} />
            <div className="tabs" role="tablist" aria-label={t('views')}>
              {(['distributors', 'detail', 'offSeason', 'achievement', 'compare'] as const).map((x) => (
                <button key={x} type="button" role="tab" className="tab" aria-selected={tab === x} onClick={() => setTab(x)}>
                  {x === 'offSeason' ? t('offSeason.tab') : t(`tab.${x}`)}
                </button>
              ))}
            </div>
            {tab === 'distributors' && (
              <DistributorsTab
                view={v}
                brand={brand}
                onOpen={(id) => {
                  setDistributorId(id);
                  setTab('detail');
                }}
                onTarget={(d, value) => preview.request({ level: 'distributor', distributorId: d.distributorId, brand }, value, d.name)}
                onAgreed={(id, cases) => setAgreed.mutateAsync({ planId: planId!, distributorId: id, brand, cases }).catch(fail)}
                onExport={(id) => void exportSheet(id)}
              />
            )}
            {tab === 'detail' && (
              <DetailTab
                view={v}
                planId={planId!}
                distributorId={distributorId}
                onPick={setDistributorId}
                onExport={(id) => void exportSheet(id)}
              />
            )}
            {tab === 'offSeason' && <OffSeasonTab planId={planId!} />}
            {tab === 'achievement' && <AchievementTab planId={planId!} />}
            {tab === 'compare' && <CompareTab planId={planId!} plans={plans.data ?? []} />}
          </TargetsSettling.Provider>
        </TargetsReadOnly.Provider>
      )}
      {creating && <NewPlanDialog onClose={() => setCreating(false)} onCreated={(id) => setChosen(id)} />}
      {versioning && v && (
        <VersionDialog planId={planId!} current={v.plan.name} onClose={() => setVersioning(false)} onSaved={(id) => setChosen(id)} />
      )}
      {preview.dialog}
    </div>
  );
}
