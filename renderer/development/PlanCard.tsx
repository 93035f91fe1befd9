import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevPlan } from '../../shared/contract/development.js';
import { INDICATORS } from '../../shared/domain/development.js';
import { Badge, Card, ErrorNotice, Spinner, type Tone } from '../ui/Page.js';
import { formatNumber } from '../ui/format.js';
import { paceTone, type DevelopmentScope } from './context.js';
import { PlanFormDialog } from './PlanFormDialog.js';
import { hasRole, useActor } from '../people/actor.js';
import { RecordHistory } from '../people/RecordHistory.js';
import { ReopenButton } from '../people/ReopenButton.js';
import { useSubmitDevPlan } from './mutations.js';
import { useDevPlan } from './queries.js';

export const STATUS_TONE: Record<DevPlan['status'], Tone> = { draft: 'grey', submitted: 'blue', approved: 'green', returned: 'amber' };

/** The month's plan beside what is done and what is due by today, with the plan's next step. */
export function PlanCard({ scope }: { scope: DevelopmentScope }) {
  const { t } = useTranslation(['development', 'common']);
  const input = { salespersonId: scope.salespersonId ?? 0, month: scope.month };
  const plan = useDevPlan(input, scope.salespersonId !== null);
  const submit = useSubmitDevPlan();
  const [editing, setEditing] = useState(false);
  const actor = useActor();
  const p = plan.data;
  const editable = !p || p.status === 'draft' || p.status === 'returned';
  const onSubmit = () => submit.run(input, () => t('plan.submitted'));
  return (
    <Card
      title={t('plan.title', { month: scope.month })}
      actions={
        <>
          {p && <Badge tone={STATUS_TONE[p.status]}>{t(`status.${p.status}`)}</Badge>}
          {editable && (
            <button type="button" className="button button-small" onClick={() => setEditing(true)}>
              {p ? t('plan.edit') : t('plan.create')}
            </button>
          )}
          {p && editable && (
            <button type="button" className="button button-small button-primary" onClick={onSubmit} disabled={submit.isPending}>
              {t('plan.submit')}
            </button>
          )}
          {p?.status === 'approved' && hasRole(actor, 'regional_manager') && (
            <ReopenButton method="devPlan.reopen" input={input} what={t('plan.title', { month: scope.month })} />
          )}
        </>
      }
    >
      <ErrorNotice error={plan.error} />
      {plan.isLoading ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : !p ? (
        <p className="muted">{t('plan.none')}</p>
      ) : (
        <>
          {p.status === 'returned' && p.managerComment && (
            <div className="notice notice-warn" role="note">
              {t('plan.returnedWith', { name: p.decidedByName ?? t('plan.manager') })} “{p.managerComment}”
            </div>
          )}
          <table className="plain" aria-label={t('plan.progress')}>
            <thead>
              <tr>
                <th>{t('indicator')}</th>
                <th className="num">{t('plan.planned')}</th>
                <th className="num">{t('plan.dueByNow')}</th>
                <th className="num">{t('plan.done')}</th>
                <th style={{ width: '35%' }}>{t('plan.pace')}</th>
              </tr>
            </thead>
            <tbody>
              {INDICATORS.map((k) => {
                const planned = k === 'visits' ? p.plannedVisits : p[k];
                const tone = paceTone(p.actual[k], p.dueByNow[k]);
                const share = planned > 0 ? p.actual[k] / planned : 0;
                return (
                  <tr key={k}>
                    <td>{t(`indicators.${k}`)}</td>
                    <td className="num">{formatNumber(planned)}</td>
                    <td className="num">{formatNumber(p.dueByNow[k], 1)}</td>
                    <td className="num">
                      <strong>{formatNumber(p.actual[k])}</strong>
                    </td>
                    <td>
                      <div
                        className={`progress pace-${tone}`}
                        role="progressbar"
                        aria-label={t(`indicators.${k}`)}
                        aria-valuemin={0}
                        aria-valuemax={100}
                        aria-valuenow={Math.round(Math.min(1, share) * 100)}
                      >
                        <div className="progress-fill" style={{ width: `${Math.round(Math.min(1, share) * 100)}%` }} />
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <dl className="kv" style={{ marginTop: 10 }}>
            <dt>{t('plan.areas')}</dt>
            <dd>{p.areaNames.length ? p.areaNames.join(', ') : '–'}</dd>
            <dt>{t('plan.competitors')}</dt>
            <dd>{p.competitors.length ? p.competitors.map((c) => `${c.brand}: ${c.won}/${c.outlets}`).join(' · ') : '–'}</dd>
            {p.note && (
              <>
                <dt>{t('plan.note')}</dt>
                <dd>{p.note}</dd>
              </>
            )}
            {p.seededFrom && (
              <>
                <dt>{t('plan.seededFrom')}</dt>
                <dd>{p.seededFrom}</dd>
              </>
            )}
          </dl>
          <RecordHistory entity="dev_plan" entityId={p.id} />
        </>
      )}
      {editing && scope.salespersonId !== null && (
        <PlanFormDialog salespersonId={scope.salespersonId} month={scope.month} plan={p ?? null} onClose={() => setEditing(false)} />
      )}
    </Card>
  );
}
