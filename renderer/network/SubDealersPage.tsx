import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubDealer } from '../../shared/contract/network.js';
import { OUTLET_STATUSES, type OutletStatus } from '../../shared/domain/network.js';
import { useSubDealerDeleteImpact, useSubDealerSiblings, usePagedSubDealers } from './queries.js';
import { useCreateSubDealer, useDeleteSubDealer, useUpdateSubDealer } from './mutations.js';
import type { Column, SortState } from '../ui/DataTable.js';
import { EntityListPage } from './EntityListPage.js';
import { useToast } from '../ui/Toasts.js';
import { formatNumber } from '../ui/format.js';
import { DeleteWithOutletsDialog } from './DeleteWithOutletsDialog.js';
import { OutletDialogs, useOutletDialogs } from './OutletDialogs.js';
import { EntityFormDialog } from './EntityFormDialog.js';
import { subDealerDraftOf, subDealerFields, subDealerInitial } from './forms.js';
import { useNetworkOptions } from './options.js';
import { OutletStatusBadge } from './StatusBadges.js';

export function SubDealersPage() {
  const { t } = useTranslation(['network', 'common']);
  const toast = useToast();
  const options = useNetworkOptions();
  const [search, setSearch] = useState('');
  const [areaId, setAreaId] = useState('');
  const [distributorId, setDistributorId] = useState('');
  const [status, setStatus] = useState('');
  const [sort, setSort] = useState<SortState>({ sort: 'name', direction: 'asc' });
  const dialogs = useOutletDialogs<SubDealer>();
  const { deleting } = dialogs;
  const create = useCreateSubDealer();
  const update = useUpdateSubDealer();
  const remove = useDeleteSubDealer();
  const impact = useSubDealerDeleteImpact(deleting?.id ?? null);
  const siblings = useSubDealerSiblings(deleting?.distributorId, !!deleting);
  const list = usePagedSubDealers({
    search: search || undefined,
    areaId: areaId ? Number(areaId) : undefined,
    distributorId: distributorId ? Number(distributorId) : undefined,
    status: (status || undefined) as OutletStatus | undefined,
    sort: sort.sort as 'name',
    direction: sort.direction,
  });
  const columns: Column<SubDealer>[] = [
    { id: 'code', header: t('field.code'), width: '100px', sortKey: 'code', render: (s) => s.code },
    { id: 'name', header: t('field.name'), width: 'minmax(180px, 2fr)', sortKey: 'name', render: (s) => <strong>{s.name}</strong> },
    {
      id: 'distributor',
      header: t('field.distributor'),
      width: 'minmax(180px, 2fr)',
      sortKey: 'distributorName',
      render: (s) => s.distributorName,
    },
    { id: 'area', header: t('field.area'), width: 'minmax(110px, 1fr)', sortKey: 'areaName', render: (s) => s.areaName },
    { id: 'status', header: t('field.status'), width: '100px', sortKey: 'status', render: (s) => <OutletStatusBadge status={s.status} /> },
    { id: 'competitor', header: t('field.competitorBrand'), width: 'minmax(110px, 1fr)', render: (s) => s.competitorBrand ?? '' },
    {
      id: 'terminals',
      header: t('terminals'),
      width: '100px',
      align: 'right',
      sortKey: 'terminalCount',
      render: (s) => formatNumber(s.terminalCount),
    },
  ];
  return (
    <EntityListPage
      title={t('subDealers')}
      subtitle={t('subDealersSubtitle')}
      entity="subDealers"
      addLabel={t('addSubDealer')}
      addMethod="subDealer.create"
      onAdd={() => dialogs.setEditing('new')}
      searchLabel={t('searchOutlets')}
      search={search}
      onSearch={setSearch}
      filters={[
        { label: t('field.area'), value: areaId, onChange: setAreaId, options: options.areas },
        { label: t('field.distributor'), value: distributorId, onChange: setDistributorId, options: options.distributors },
        {
          label: t('field.status'),
          value: status,
          onChange: setStatus,
          options: OUTLET_STATUSES.map((s) => ({ value: s, label: t(`outletStatus.${s}`) })),
        },
      ]}
      list={list}
      columns={columns}
      sort={sort}
      onSortChange={setSort}
      onRowActivate={(row) => dialogs.setEditing(row)}
      emptyText={t('noMatches')}
    >
      <OutletDialogs
        ownerType="sub_dealer"
        dialogs={dialogs}
        form={(editing, { toDelete, toContacts }) => (
          <EntityFormDialog
            title={editing ? t('editSubDealer', { name: editing.name }) : t('addSubDealer')}
            fields={subDealerFields(t, options)}
            initial={subDealerInitial(editing)}
            submitLabel={t('save', { ns: 'common' })}
            onClose={() => dialogs.setEditing(null)}
            dangerAction={toDelete && { label: t('delete', { ns: 'common' }), run: toDelete }}
            sideAction={toContacts && { label: t('contactsAction'), run: toContacts }}
            onSubmit={async (v) => {
              const draft = subDealerDraftOf(v);
              const saved = editing ? await update.mutateAsync({ id: editing.id, draft }) : await create.mutateAsync({ draft });
              toast({ tone: 'success', text: t('saved', { name: saved.name }) });
            }}
          />
        )}
        confirmDelete={(outlet, removed) => (
          <DeleteWithOutletsDialog
            kind="subDealer"
            name={outlet.name}
            impact={impact.data}
            successors={(siblings.data?.rows ?? [])
              .filter((s) => s.id !== outlet.id)
              .map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))}
            onCancel={() => dialogs.setDeleting(null)}
            onConfirm={async (disposition) => removed(await remove.mutateAsync({ id: outlet.id, disposition }))}
          />
        )}
      />
    </EntityListPage>
  );
}
