import { useTranslation } from 'react-i18next';
import type { ReadinessFilter, ShortfallLine } from '../../shared/contract/readiness.js';
import { DataTable, type Column } from '../ui/DataTable.js';
import { Badge, ErrorNotice } from '../ui/Page.js';
import { useShortfalls } from './queries.js';
import { formatNumber } from '../ui/format.js';
import { neededBy, whyShort } from './shortfallWords.js';

/** Who is short of what and when, and why: the biggest gaps first. */
export function ShortfallTab({ filter }: { filter: ReadinessFilter }) {
  const { t } = useTranslation(['readiness', 'common']);
  const list = useShortfalls(filter);
  const columns: Column<ShortfallLine>[] = [
    { id: 'due', header: t('dueWeek'), width: '210px', render: (s) => neededBy(t, s) },
    {
      id: 'dist',
      header: t('field.distributor'),
      width: 'minmax(220px, 2fr)',
      render: (s) => (
        <span>
          {s.distributorName} {s.keyAccount && <Badge tone="blue">{t('key')}</Badge>}
        </span>
      ),
    },
    { id: 'sku', header: t('field.sku'), width: '150px', render: (s) => s.sku },
    { id: 'cases', header: t('shortBy'), width: '130px', align: 'right', render: (s) => formatNumber(s.cases) },
    {
      id: 'why',
      header: t('why'),
      width: 'minmax(260px, 3fr)',
      render: (s) => whyShort(t, s),
    },
  ];
  return (
    <>
      <ErrorNotice error={list.error} />
      <div style={{ height: 520 }}>
        <DataTable
          label={t('shortfallTable')}
          columns={columns}
          rowCount={list.total}
          getRow={list.getRow}
          onVisibleRangeChange={list.onVisibleRangeChange}
          rowKey={(s, i) => `${s.distributorId}-${s.productId}-${s.dueWeek}-${i}`}
          empty={t('noShortfalls')}
        />
      </div>
    </>
  );
}
