import { useTranslation } from 'react-i18next';
import { useProductDeleteImpact, useTerminalDeleteImpact } from './queries.js';

/**
 * Said before the click: a terminal or product with history is archived (hidden from lists and
 * pickers, kept everywhere it counts), not deleted, and what it carries, counted.
 */
export function TerminalArchiveNotice({ id }: { id: number }) {
  const { t } = useTranslation('rules');
  const impact = useTerminalDeleteImpact(id);
  if (!impact.data?.archives) return null;
  return (
    <div className="notice notice-info" role="note">
      {t('archive.outlet', { visits: impact.data.history.visits, steps: impact.data.history.prospectSteps })}
    </div>
  );
}

export function ProductArchiveNotice({ id }: { id: number }) {
  const { t } = useTranslation('rules');
  const impact = useProductDeleteImpact(id);
  if (!impact.data?.archives) return null;
  const h = impact.data.history;
  return (
    <div className="notice notice-info" role="note">
      {t('archive.product', { sales: h.salesHistoryRows, targets: h.targetCells, stock: h.stockCounts, shipments: h.shipments })}
    </div>
  );
}
