import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../ui/format.js';
import type { Staff } from '../../shared/contract/network.js';
import { STAFF_ROLES } from '../../shared/domain/network.js';
import { useStaffList } from './queries.js';
import { useCreateStaff, useDeleteStaff, useUpdateStaff } from './mutations.js';
import { FilterSelect } from '../ui/Fields.js';
import { Badge } from '../ui/Page.js';
import { staffDraftOf, staffFields, staffInitial } from './forms.js';
import { useNetworkOptions } from './options.js';
import { RecordsPage } from './RecordsPage.js';
import { SearchBox } from './SearchBox.js';

export function StaffPage() {
  const { t } = useTranslation(['network', 'common']);
  const options = useNetworkOptions();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState('');
  const staff = useStaffList(search, role);
  const create = useCreateStaff();
  const update = useUpdateStaff();
  const remove = useDeleteStaff();
  return (
    <RecordsPage<Staff>
      title={t('staff')}
      subtitle={t('staffSubtitle')}
      entity="staff"
      rows={staff.data}
      error={staff.error}
      newLabel={t('addStaff')}
      toolbar={
        <>
          <SearchBox label={t('searchStaff')} value={search} onChange={setSearch} />
          <FilterSelect
            label={t('field.role')}
            value={role}
            onChange={setRole}
            options={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            allLabel={t('all', { ns: 'common' })}
          />
          <span className="count">
            {t('countOf', { count: staff.data?.length ?? 0, n: formatNumber(staff.data?.length ?? 0), ns: 'common' })}
          </span>
        </>
      }
      columns={[
        { id: 'code', header: t('field.employeeCode'), width: '100px', render: (s) => s.code },
        { id: 'name', header: t('field.name'), width: 'minmax(160px, 1.5fr)', render: (s) => <strong>{s.name}</strong> },
        { id: 'role', header: t('field.role'), width: '170px', render: (s) => t(`role.${s.role}`) },
        { id: 'region', header: t('field.region'), width: 'minmax(130px, 1fr)', render: (s) => s.regionName },
        { id: 'areas', header: t('field.areas'), width: 'minmax(200px, 2fr)', render: (s) => s.areaNames.join(', ') || '–' },
        { id: 'phone', header: t('field.phone'), width: '170px', render: (s) => s.phone ?? '–' },
        {
          id: 'active',
          header: t('field.status'),
          width: '90px',
          render: (s) => <Badge tone={s.active ? 'green' : 'grey'}>{s.active ? t('active') : t('inactive')}</Badge>,
        },
      ]}
      fields={staffFields(t, options)}
      initial={staffInitial}
      nameOf={(s) => s.name}
      save={(v, row) => (row ? update.mutateAsync({ id: row.id, draft: staffDraftOf(v) }) : create.mutateAsync({ draft: staffDraftOf(v) }))}
      remove={(s) => remove.mutateAsync({ id: s.id })}
      deleteText={(s) => t('deleteStaffText', { name: s.name })}
    />
  );
}
