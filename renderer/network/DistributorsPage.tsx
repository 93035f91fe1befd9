import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Distributor } from '../../shared/contract/network.js';
import { DISTRIBUTOR_STATUSES } from '../../shared/domain/network.js';
import { useCreateDistributor } from './mutations.js';
import type { Column, SortState } from '../ui/DataTable.js';
import { EntityListPage } from './EntityListPage.js';
import { useToast } from '../ui/Toasts.js';
import { formatNumber } from '../ui/format.js';
import { EntityFormDialog } from './EntityFormDialog.js';
import { distributorDraftOf, distributorFields, distributorInitial } from './forms.js';
import { useNetworkOptions } from './options.js';
import { DistributorStatusBadge, RelationshipLevel } from './StatusBadges.js';
import { usePagedDistributors } from './queries.js';

export function DistributorsPage() {
  const { t } = useTranslation(['network', 'common']);
  const navigate = useNavigate();
  const toast = useToast();
  const options = useNetworkOptions();
  const [search, setSearch] = useState('');
  const [areaId, setAreaId] = useState('');
  const [salespersonId, setSalespersonId] = useState('');
  const [status, setStatus] = useState('');
  const [sort, setSort] = useState<SortState>({ sort: 'name', direction: 'asc' });
  const [creating, setCreating] = useState(false);
  const create = useCreateDistributor();
  const list = usePagedDistributors({
    search: search || undefined,
    areaId: areaId ? Number(areaId) : undefined,
    salespersonId: salespersonId ? Number(salespersonId) : undefined,
    status: (status || undefined) as Distributor['status'] | undefined,
    sort: sort.sort as 'name',
    direction: sort.direction,
  });
  const columns: Column<Distributor>[] = [
    { id: 'code', header: t('field.code'), width: '90px', sortKey: 'code', render: (d) => d.code },
    { id: 'name', header: t('field.name'), width: 'minmax(200px, 2fr)', sortKey: 'name', render: (d) => <strong>{d.name}</strong> },
    { id: 'area', header: t('field.area'), width: 'minmax(110px, 1fr)', sortKey: 'areaName', render: (d) => d.areaName },
    {
      id: 'salesperson',
      header: t('field.salesperson'),
      width: 'minmax(120px, 1fr)',
      sortKey: 'salespersonName',
      render: (d) => d.salespersonName ?? <span className="muted">{t('none', { ns: 'common' })}</span>,
    },
    {
      id: 'status',
      header: t('field.status'),
      width: '100px',
      sortKey: 'status',
      render: (d) => <DistributorStatusBadge status={d.status} />,
    },
    {
      id: 'level',
      header: t('field.relationshipShort'),
      width: '70px',
      align: 'center',
      render: (d) => <RelationshipLevel level={d.relationshipLevel} />,
    },
    {
      id: 'lead',
      header: t('field.leadTimeShort'),
      width: '90px',
      align: 'right',
      sortKey: 'leadTimeDays',
      render: (d) => `${d.leadTimeDays} ${t('unit.days', { ns: 'common' })}`,
    },
    {
      id: 'capacity',
      header: t('field.capacityShort'),
      width: '120px',
      align: 'right',
      render: (d) => `${formatNumber(d.warehouseCapacityCases)} ${t('unit.cases', { ns: 'common' })}`,
    },
    {
      id: 'subs',
      header: t('subDealers'),
      width: '100px',
      align: 'right',
      sortKey: 'subDealerCount',
      render: (d) => formatNumber(d.subDealerCount),
    },
    {
      id: 'terms',
      header: t('terminals'),
      width: '100px',
      align: 'right',
      sortKey: 'terminalCount',
      render: (d) => formatNumber(d.terminalCount),
    },
  ];
  return (
    <EntityListPage
      title={t('distributors')}
      subtitle={t('distributorsSubtitle')}
      entity="distributors"
      addLabel={t('newDistributor')}
      addMethod="distributor.create"
      onAdd={() => setCreating(true)}
      searchLabel={t('searchDistributors')}
      search={search}
      onSearch={setSearch}
      filters={[
        { label: t('field.area'), value: areaId, onChange: setAreaId, options: options.areas },
        { label: t('field.salesperson'), value: salespersonId, onChange: setSalespersonId, options: options.salespeople },
        {
          label: t('field.status'),
          value: status,
          onChange: setStatus,
          options: DISTRIBUTOR_STATUSES.map((s) => ({ value: s, label: t(`distributorStatus.${s}`) })),
        },
      ]}
      list={list}
      columns={columns}
      sort={sort}
      onSortChange={setSort}
      onRowActivate={(d) => navigate(`/network/distributors/${d.id}`)}
      emptyText={t('noDistributors')}
    >
      {creating && (
        <EntityFormDialog
          title={t('newDistributor')}
          fields={distributorFields(t, options)}
          initial={distributorInitial()}
          submitLabel={t('create', { ns: 'common' })}
          onClose={() => setCreating(false)}
          onSubmit={async (values) => {
            const created = await create.mutateAsync({ draft: distributorDraftOf(values) });
            toast({
              tone: 'success',
              text: t('saved', { name: created.name }),
              action: { label: t('open', { ns: 'common' }), run: () => navigate(`/network/distributors/${created.id}`) },
            });
          }}
        />
      )}
    </EntityListPage>
  );
}
