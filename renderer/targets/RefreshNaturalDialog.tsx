import { useTranslation } from 'react-i18next';
import type { TargetPlanSummary } from '../../shared/contract/targets.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { formatNumber } from '../ui/format.js';
import { useRefreshNatural } from './mutations.js';

/**
 * Asks before a draft plan's natural volume is drawn again from the latest forecast: the targets
 * stay, so the growth they need changes, and the person should know that before, not after.
 */
export function RefreshNaturalDialog({ plan, onClose }: { plan: TargetPlanSummary; onClose(): void }) {
  const { t } = useTranslation('targets');
  const refresh = useRefreshNatural();
  return (
    <ConfirmDialog
      title={t('refreshNatural.title')}
      message={t(plan.basis === 'last_year' ? 'refreshNatural.messageLastYear' : 'refreshNatural.message', {
        plan: plan.name,
        natural: formatNumber(plan.natural),
      })}
      confirmLabel={t('refreshNatural.confirm')}
      busy={refresh.isPending}
      onConfirm={() =>
        void refresh
          .run({ planId: plan.id }, (r) =>
            r.cells === 0
              ? t('refreshNatural.unchanged')
              : t('refreshNatural.done', {
                  count: r.cells,
                  cells: formatNumber(r.cells),
                  before: formatNumber(r.before),
                  after: formatNumber(r.after),
                }),
          )
          .then((r) => r && onClose())
      }
      onCancel={onClose}
    />
  );
}
