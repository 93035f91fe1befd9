import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkShipmentFilter } from '../../shared/contract/daywork.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { formatNumber } from '../ui/format.js';
import { useMarkShippedBulk } from './mutations.js';
import { useBulkShipmentPreview } from './queries.js';

/**
 * Marks every planned shipment the filters select (a ship week, a distributor, a source) as sent, in
 * one action: a week of an accepted plan is hundreds of lines. The count is shown before and checked
 * again when confirmed.
 */
export function BulkShippedButton({ filter, disabled }: { filter: BulkShipmentFilter; disabled: boolean }) {
  const { t } = useTranslation(['daywork', 'common']);
  const preview = useBulkShipmentPreview(filter);
  const mark = useMarkShippedBulk();
  const [confirming, setConfirming] = useState(false);
  const n = preview.data?.shipments ?? 0;
  return (
    <>
      <button type="button" className="button button-primary" disabled={disabled || n === 0} onClick={() => setConfirming(true)}>
        {t('bulk.button', { count: n, n: formatNumber(n) })}
      </button>
      {confirming && preview.data && (
        <ConfirmDialog
          title={t('bulk.title')}
          message={t('bulk.message', {
            count: preview.data.shipments,
            n: formatNumber(preview.data.shipments),
            cases: formatNumber(preview.data.cases),
            distributors: formatNumber(preview.data.distributors),
          })}
          confirmLabel={t('bulk.confirm', { count: preview.data.shipments, n: formatNumber(preview.data.shipments) })}
          busy={mark.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            await mark.run({ ...filter, expected: preview.data!.shipments }, (done) =>
              t('bulk.done', { count: done.shipments, n: formatNumber(done.shipments), cases: formatNumber(done.cases) }),
            );
            setConfirming(false);
          }}
        />
      )}
    </>
  );
}
