import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Area, Region } from '../../shared/contract/network.js';
import { useAreas, useRegions } from './queries.js';
import { useCreateArea, useCreateRegion, useDeleteArea, useDeleteRegion, useUpdateArea, useUpdateRegion } from './mutations.js';
import { Card } from '../ui/Page.js';
import { EntityFormDialog, toNumber } from './EntityFormDialog.js';
import { areaFields, areaInitial, regionFields, regionInitial } from './forms.js';
import { useNetworkOptions } from './options.js';
import { RecordsPage } from './RecordsPage.js';
import { monthName } from '../ui/format.js';
import { useToast } from '../ui/Toasts.js';

/** Regions carry the season calendar (their peak months); areas sit inside regions. */
export function RegionsPage() {
  const { t } = useTranslation(['network', 'common']);
  const toast = useToast();
  const options = useNetworkOptions();
  const regions = useRegions();
  const createRegion = useCreateRegion();
  const updateRegion = useUpdateRegion();
  const createArea = useCreateArea();
  const removeRegion = useDeleteRegion();
  const areas = useAreas();
  const updateArea = useUpdateArea();
  const removeArea = useDeleteArea();
  const [editingRegion, setEditingRegion] = useState<Region | 'new' | null>(null);
  return (
    <RecordsPage<Area>
      title={t('regionsAndAreas')}
      subtitle={t('regionsSubtitle')}
      entity="areas"
      rows={areas.data}
      error={areas.error ?? regions.error}
      newLabel={t('addArea')}
      columns={[
        { id: 'code', header: t('field.code'), width: '120px', render: (a) => a.code },
        { id: 'name', header: t('field.area'), width: 'minmax(180px, 2fr)', render: (a) => <strong>{a.name}</strong> },
        { id: 'region', header: t('field.region'), width: 'minmax(160px, 1.5fr)', render: (a) => a.regionName },
        { id: 'distributors', header: t('distributors'), width: '120px', align: 'right', render: (a) => a.distributorCount },
      ]}
      fields={areaFields(t, options)}
      initial={(a) => areaInitial(a)}
      nameOf={(a) => a.name}
      save={(v, row) => {
        const draft = { code: String(v.code ?? ''), name: String(v.name ?? ''), regionId: toNumber(v.regionId) as number };
        return row ? updateArea.mutateAsync({ id: row.id, draft }) : createArea.mutateAsync({ draft });
      }}
      remove={(a) => removeArea.mutateAsync({ id: a.id })}
      deleteText={(a) => t('deleteAreaText', { name: a.name, count: a.distributorCount })}
    >
      <Card
        title={t('seasonCalendar')}
        actions={
          <button type="button" className="button button-small" onClick={() => setEditingRegion('new')}>
            {t('addRegion')}
          </button>
        }
      >
        <table className="plain" aria-label={t('seasonCalendar')}>
          <thead>
            <tr>
              <th>{t('field.region')}</th>
              <th>{t('field.peakMonths')}</th>
              <th className="num">{t('areas')}</th>
              <th aria-label={t('actions', { ns: 'common' })} />
            </tr>
          </thead>
          <tbody>
            {(regions.data ?? []).map((r) => (
              <tr key={r.id}>
                <td>
                  <strong>{r.name}</strong> <span className="muted">{r.code}</span>
                </td>
                <td>{r.peakMonths.map((m) => monthName(m)).join(', ')}</td>
                <td className="num">{r.areaCount}</td>
                <td className="num">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setEditingRegion(r)}
                    aria-label={t('editRecord', { name: r.name })}
                  >
                    {t('edit', { ns: 'common' })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {editingRegion && (
        <EntityFormDialog
          title={editingRegion === 'new' ? t('addRegion') : t('editRecord', { name: editingRegion.name })}
          fields={regionFields(t)}
          initial={regionInitial(editingRegion === 'new' ? undefined : editingRegion)}
          submitLabel={t('save', { ns: 'common' })}
          onClose={() => setEditingRegion(null)}
          dangerAction={
            editingRegion === 'new'
              ? undefined
              : {
                  label: t('delete', { ns: 'common' }),
                  run: async () => {
                    const done = await removeRegion.run({ id: editingRegion.id }, () => t('deleted', { name: editingRegion.name }));
                    if (done) setEditingRegion(null);
                  },
                }
          }
          onSubmit={async (v) => {
            const draft = {
              code: String(v.code ?? ''),
              name: String(v.name ?? ''),
              peakMonths: (v.peakMonths as number[]) ?? [],
              timeZone: String(v.timeZone ?? '').trim() || null,
            };
            if (editingRegion === 'new') await createRegion.mutateAsync({ draft });
            else await updateRegion.mutateAsync({ id: editingRegion.id, draft });
            toast({ tone: 'success', text: t('saved', { name: draft.name }) });
          }}
        />
      )}
    </RecordsPage>
  );
}
