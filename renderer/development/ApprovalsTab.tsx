import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevPlan } from '../../shared/contract/development.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { TextArea } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { formatNumber } from '../ui/format.js';
import { Badge, Card, ErrorNotice, Spinner } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import type { DevelopmentScope } from './context.js';
import { STATUS_TONE } from './PlanCard.js';
import { useDecideDevPlan } from './mutations.js';
import { useDevPlans } from './queries.js';

/** The regional manager's table of the month's plans: those waiting come first; approve or return with a comment. */
export function ApprovalsTab({ scope }: { scope: DevelopmentScope }) {
  const { t } = useTranslation(['development', 'common']);
  const plans = useDevPlans({ month: scope.month, ...(scope.regionId !== null ? { regionId: scope.regionId } : {}) });
  const decide = useDecideDevPlan();
  const [returning, setReturning] = useState<DevPlan | null>(null);
  const approve = async (p: DevPlan) => {
    await decide.run({ salespersonId: p.salespersonId, month: p.month, decision: 'approve', comment: null }, () =>
      t('approvals.approved', { name: p.salespersonName }),
    );
  };
  const rows = plans.data ?? [];
  return (
    <Card title={t('approvals.title', { month: scope.month })}>
      <ErrorNotice error={plans.error} />
      {!plans.data ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : rows.length === 0 ? (
        <p className="muted">{t('approvals.none')}</p>
      ) : (
        <table className="plain" aria-label={t('approvals.table')}>
          <thead>
            <tr>
              <th>{t('salesperson')}</th>
              <th>{t('approvals.status')}</th>
              <th className="num">{t('indicators.visits')}</th>
              <th className="num">{t('indicators.newSubDealers')}</th>
              <th className="num">{t('indicators.newTerminals')}</th>
              <th className="num">{t('indicators.competitorWins')}</th>
              <th>{t('plan.areas')}</th>
              <th>{t('plan.note')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>{p.salespersonName}</td>
                <td>
                  <Badge tone={STATUS_TONE[p.status]}>{t(`status.${p.status}`)}</Badge>
                </td>
                <td className="num">
                  {formatNumber(p.actual.visits)} / {formatNumber(p.plannedVisits)}
                </td>
                <td className="num">
                  {formatNumber(p.actual.newSubDealers)} / {formatNumber(p.newSubDealers)}
                </td>
                <td className="num">
                  {formatNumber(p.actual.newTerminals)} / {formatNumber(p.newTerminals)}
                </td>
                <td className="num">
                  {formatNumber(p.actual.competitorWins)} / {formatNumber(p.competitorWins)}
                </td>
                <td style={{ whiteSpace: 'normal' }}>{p.areaNames.join(', ') || '–'}</td>
                <td style={{ whiteSpace: 'normal', maxWidth: 260 }}>
                  {p.managerComment ? `${p.note ?? ''} ↩ ${p.managerComment}` : (p.note ?? '–')}
                </td>
                <td style={{ whiteSpace: 'nowrap' }}>
                  {p.status === 'submitted' && (
                    <>
                      <button
                        type="button"
                        className="button button-small button-primary"
                        onClick={() => approve(p)}
                        aria-label={t('approvals.approveFor', { name: p.salespersonName })}
                      >
                        {t('approvals.approve')}
                      </button>{' '}
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setReturning(p)}
                        aria-label={t('approvals.returnFor', { name: p.salespersonName })}
                      >
                        {t('approvals.return')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">{t('approvals.legend')}</p>
      {returning && <ReturnDialog plan={returning} onClose={() => setReturning(null)} />}
    </Card>
  );
}

function ReturnDialog({ plan, onClose }: { plan: DevPlan; onClose(): void }) {
  const { t } = useTranslation(['development', 'common']);
  const toast = useToast();
  const errors = useFormErrors();
  const decide = useDecideDevPlan();
  const [comment, setComment] = useState('');
  const submit = async () => {
    errors.clear();
    try {
      await decide.mutateAsync({ salespersonId: plan.salespersonId, month: plan.month, decision: 'return', comment: comment || null });
      toast({ tone: 'success', text: t('approvals.returned', { name: plan.salespersonName }) });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={t('approvals.returnTitle', { name: plan.salespersonName })}
      onClose={onClose}
      footer={<DialogButtons onCancel={onClose} onSubmit={submit} label={t('approvals.return')} busy={decide.isPending} />}
    >
      <TextArea
        label={t('approvals.whatToChange')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        error={errors.errorFor('comment')}
        required
      />
    </Dialog>
  );
}
