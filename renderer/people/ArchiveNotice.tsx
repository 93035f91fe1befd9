import { useTranslation } from 'react-i18next';
import type { DeleteImpact } from '../../shared/contract/network.js';

/** Says before the click that a record with history is archived, not deleted, and what it carries. */
export function ArchiveNotice({ impact, kind = 'distributor' }: { impact: DeleteImpact | undefined; kind?: 'distributor' | 'subDealer' }) {
  const { t } = useTranslation('people');
  if (!impact?.archives || !impact.history) return null;
  const h = impact.history;
  if (kind === 'subDealer')
    return (
      <div className="notice notice-info" role="note">
        {t('rules:archive.outlet', { visits: h.visits, steps: h.prospectSteps ?? 0 })}
      </div>
    );
  return (
    <div className="notice notice-info" role="note">
      {t('archive.notice', {
        sales: h.salesHistoryRows,
        targets: h.targetCells + h.agreedNumbers,
        visits: h.visits,
        complaints: h.complaints,
        shipments: h.shipments,
      })}
    </div>
  );
}
