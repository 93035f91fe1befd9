import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Terminal } from '../../shared/contract/network.js';
import { OUTLET_STATUSES, TERMINAL_CHANNELS, type OutletStatus, type TerminalChannel } from '../../shared/domain/network.js';
import { useDeleteTerminal } from './mutations.js';
import type { Column, SortState } from '../ui/DataTable.js';
import { EntityListPage } from './EntityListPage.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { useNetworkOptions } from './options.js';
import { OutletStatusBadge } from './StatusBadges.js';
import { OutletDialogs, useOutletDialogs } from './OutletDialogs.js';
import { TerminalFormDialog } from './TerminalFormDialog.js';
import { TerminalArchiveNotice } from './ArchiveImpact.js';
import { usePagedTerminals } from './queries.js';

export function TerminalsPage() {
  const { t } = useTranslation(['network', 'common']);
  const options = useNetworkOptions();
  const [search, setSearch] = useState('');
  const [areaId, setAreaId] = useState('');
  const [distributorId, setDistributorId] = useState('');
  const [channel, setChannel] = useState('');
  const [status, setStatus] = useState('');
  const [sort, setSort] = useState<SortState>({ sort: 'name', direction: 'asc' });
  const dialogs = useOutletDialogs<Terminal>();
  const remove = useDeleteTerminal();
  const list = usePagedTerminals({
    search: search || undefined,
    areaId: areaId ? Number(areaId) : undefined,
    distributorId: distributorId ? Number(distributorId) : undefined,
    channel: (channel || undefined) as TerminalChannel | undefined,
    status: (status || undefined) as OutletStatus | undefined,
    sort: sort.sort as 'name',
    direction: sort.direction,
  });
  const columns: Column<Terminal>[] = [
    { id: 'code', header: t('field.code'), width: '100px', sortKey: 'code', render: (x) => x.code },
    { id: 'name', header: t('field.name'), width: 'minmax(180px, 2fr)', sortKey: 'name', render: (x) => <strong>{x.name}</strong> },
    { id: 'channel', header: t('field.channel'), width: '170px', sortKey: 'channel', render: (x) => t(`channel.${x.channel}`) },
    {
      id: 'supplier',
      header: t('field.suppliedBy'),
      width: 'minmax(160px, 1.5fr)',
      render: (x) => x.subDealerName ?? <span className="muted">{t('directFrom')}</span>,
    },
    {
      id: 'distributor',
      header: t('field.distributor'),
      width: 'minmax(160px, 1.5fr)',
      sortKey: 'networkDistributorName',
      render: (x) => x.networkDistributorName,
    },
    { id: 'area', header: t('field.area'), width: 'minmax(100px, 1fr)', sortKey: 'areaName', render: (x) => x.areaName },
    { id: 'status', header: t('field.status'), width: '100px', sortKey: 'status', render: (x) => <OutletStatusBadge status={x.status} /> },
    { id: 'competitor', header: t('field.competitorBrand'), width: 'minmax(100px, 1fr)', render: (x) => x.competitorBrand ?? '' },
  ];
  return (
    <EntityListPage
      title={t('terminals')}
      subtitle={t('terminalsSubtitle')}
      entity="terminals"
      addLabel={t('addTerminal')}
      addMethod="terminal.create"
      onAdd={() => dialogs.setEditing('new')}
      searchLabel={t('searchOutlets')}
      search={search}
      onSearch={setSearch}
      filters={[
        { label: t('field.area'), value: areaId, onChange: setAreaId, options: options.areas },
        { label: t('field.distributor'), value: distributorId, onChange: setDistributorId, options: options.distributors },
        {
          label: t('field.channel'),
          value: channel,
          onChange: setChannel,
          options: TERMINAL_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })),
        },
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
        ownerType="terminal"
        dialogs={dialogs}
        form={(terminal, { toDelete, toContacts }) => (
          <TerminalFormDialog terminal={terminal} onClose={() => dialogs.setEditing(null)} onDelete={toDelete} onContacts={toContacts} />
        )}
        confirmDelete={(terminal, removed) => (
          <ConfirmDialog
            title={t('deleteTerminal', { name: terminal.name })}
            message={t('deleteTerminalText', { name: terminal.name })}
            confirmLabel={t('delete', { ns: 'common' })}
            danger
            onCancel={() => dialogs.setDeleting(null)}
            onConfirm={async () => removed(await remove.mutateAsync({ id: terminal.id }))}
          >
            <TerminalArchiveNotice id={terminal.id} />
          </ConfirmDialog>
        )}
      />
    </EntityListPage>
  );
}
