import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSalespeople } from '../network/queries.js';
import { PageHeader } from '../ui/Page.js';
import { ApprovalsTab } from './ApprovalsTab.js';
import { thisMonth, type DevelopmentScope } from './context.js';
import { MonthTab } from './MonthTab.js';
import { PipelineTab } from './PipelineTab.js';
import { ReviewTab } from './ReviewTab.js';
import { ScorecardTab } from './ScorecardTab.js';
import { isOnlySalesperson, useActor } from '../people/actor.js';
import { staffOptions } from '../../shared/domain/labels.js';

const SALESPERSON_KEY = 'planner.development.salesperson';
const TABS = ['month', 'pipeline', 'review', 'approvals', 'scorecard'] as const;
type Tab = (typeof TABS)[number];

/**
 * Outlet development: a salesperson's month (plan, today's route, visits), the prospect pipeline,
 * the weekly review, and the manager's approvals and month-end scorecard.
 */
export function DevelopmentPage() {
  const { t } = useTranslation(['development', 'common']);
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'month';
  const staff = useSalespeople();
  // A salesperson works on their own month: no picker to act as a colleague, no approvals tab.
  const actor = useActor();
  const own = isOnlySalesperson(actor);
  const people = (staff.data ?? []).filter((s) => s.active && (!own || s.id === actor!.personId));
  const tabs = own ? TABS.filter((v) => v !== 'approvals') : TABS;
  // The salesperson working on this computer is remembered between sessions.
  const [salespersonId, setSalespersonIdState] = useState<number | null>(() => Number(localStorage.getItem(SALESPERSON_KEY)) || null);
  const setSalespersonId = (id: number) => {
    localStorage.setItem(SALESPERSON_KEY, String(id));
    setSalespersonIdState(id);
  };
  const [month, setMonth] = useState(thisMonth);
  useEffect(() => {
    if (!staff.data || people.length === 0) return;
    if (salespersonId === null || !people.some((p) => p.id === salespersonId)) setSalespersonIdState(people[0]!.id);
  }, [staff.data, people, salespersonId]);
  const person = people.find((p) => p.id === salespersonId) ?? null;
  const scope: DevelopmentScope = { salespersonId, regionId: person?.regionId ?? null, month };
  const setTab = (next: Tab) => setParams((p) => (p.set('tab', next), p), { replace: true });
  return (
    <div className="page">
      <PageHeader title={t('title')} subtitle={t('subtitle')}>
        <div className="toolbar">
          <div className="tabs" role="tablist" aria-label={t('views')}>
            {tabs.map((v) => (
              <button key={v} type="button" role="tab" className="tab" aria-selected={tab === v} onClick={() => setTab(v)}>
                {t(`tab.${v}`)}
              </button>
            ))}
          </div>
          <div className="filter">
            <label htmlFor="dev-salesperson">{t('salesperson')}</label>
            {own ? (
              <output id="dev-salesperson">{people[0]?.name ?? actor!.name}</output>
            ) : (
              <select
                id="dev-salesperson"
                value={salespersonId ?? ''}
                onChange={(e) => setSalespersonId(Number(e.target.value))}
                disabled={people.length === 0}
              >
                {people.length === 0 && <option value="">{t('noSalespeople')}</option>}
                {staffOptions(people).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </div>
          <div className="filter">
            <label htmlFor="dev-month">{t('month')}</label>
            <input id="dev-month" type="month" value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
          </div>
        </div>
      </PageHeader>
      {staff.data && people.length === 0 ? (
        <div className="empty-state" role="status">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body')}</p>
        </div>
      ) : tab === 'month' ? (
        <MonthTab scope={scope} />
      ) : tab === 'pipeline' ? (
        <PipelineTab scope={scope} />
      ) : tab === 'review' ? (
        <ReviewTab scope={scope} />
      ) : tab === 'approvals' ? (
        <ApprovalsTab scope={scope} />
      ) : (
        <ScorecardTab scope={scope} />
      )}
    </div>
  );
}
