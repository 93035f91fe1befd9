import { today } from '../../shared/domain/clock.js';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShipmentRow } from '../../shared/contract/readiness.js';
import { useProducts } from '../network/queries.js';
import { useNetworkOptions } from '../network/options.js';
import { DataTable, type Column } from '../ui/DataTable.js';
import { ConfirmDialog, Dialog, DialogButtons } from '../ui/Dialog.js';
import { FilterSelect, SelectField, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { ErrorNotice } from '../ui/Page.js';
import { BulkShippedButton } from './BulkShippedButton.js';
import { useToast } from '../ui/Toasts.js';
import { formatDate, formatNumber } from '../ui/format.js';
import { useAttempt } from '../api/useMutationWithToast.js';
import { useCreateShipment, useDeleteShipment, useMarkShipped } from './mutations.js';
import { useBulkShipmentPreview, useShipments } from './queries.js';
import { useMay } from '../people/actor.js';

/** Shipments on the way and booked: what the projection counts as arrivals. */
export function ShipmentsTab() {
  const { t } = useTranslation(['readiness', 'common', 'daywork']);
  const attempt = useAttempt();
  const [status, setStatus] = useState('');
  const [source, setSource] = useState('');
  const [adding, setAdding] = useState(false);
  const [week, setWeek] = useState('');
  const [distributorId, setDistributorId] = useState('');
  const [deleting, setDeleting] = useState<ShipmentRow | null>(null);
  const network = useNetworkOptions();
  const weeks = useBulkShipmentPreview({});
  const list = useShipments({
    ...(status ? { status: status as ShipmentRow['status'] } : {}),
    ...(source ? { source: source as ShipmentRow['source'] } : {}),
    ...(week ? { shipWeek: week } : {}),
    ...(distributorId ? { distributorId: Number(distributorId) } : {}),
  });
  const markShipped = useMarkShipped();
  const remove = useDeleteShipment();
  const mayShip = useMay('shipment.create');
  const act = (run: () => Promise<unknown>, done: string) => attempt(run, () => done);
  const columns: Column<ShipmentRow>[] = [
    { id: 'arrival', header: t('shipment.arrivalDate'), width: '140px', render: (s) => formatDate(s.arrivalDate) },
    { id: 'ship', header: t('shipment.shipDate'), width: '140px', render: (s) => formatDate(s.shipDate) },
    { id: 'dist', header: t('field.distributor'), width: 'minmax(200px, 2fr)', render: (s) => s.distributorName },
    { id: 'sku', header: t('field.sku'), width: '140px', render: (s) => s.sku },
    { id: 'cases', header: t('cases'), width: '100px', align: 'right', render: (s) => formatNumber(s.cases) },
    { id: 'status', header: t('field.status'), width: '110px', render: (s) => t(`shipment.status.${s.status}`) },
    { id: 'source', header: t('shipment.sourceFilter'), width: '120px', render: (s) => t(`shipment.source.${s.source}`) },
    {
      id: 'actions',
      header: t('common:actions'),
      width: '190px',
      render: (s) => (
        <span style={{ display: 'flex', gap: 6 }}>
          {mayShip && s.status === 'planned' && (
            <button
              type="button"
              className="button button-small"
              aria-label={t('shipment.markShippedOf', { sku: s.sku, distributor: s.distributorName })}
              onClick={() => void act(() => markShipped.mutateAsync({ id: s.id }), t('shipment.saved'))}
            >
              {t('shipment.markShipped')}
            </button>
          )}
          {mayShip && (
            <button
              type="button"
              className="button button-small"
              aria-label={t('shipment.deleteOf', { sku: s.sku, distributor: s.distributorName })}
              onClick={() => setDeleting(s)}
            >
              {t('common:delete')}
            </button>
          )}
        </span>
      ),
    },
  ];
  return (
    <>
      <div className="toolbar">
        <FilterSelect
          label={t('shipment.statusFilter')}
          value={status}
          onChange={setStatus}
          options={(['in_transit', 'planned'] as const).map((s) => ({ value: s, label: t(`shipment.status.${s}`) }))}
          allLabel={t('common:all')}
        />
        <FilterSelect
          label={t('shipment.sourceFilter')}
          value={source}
          onChange={setSource}
          options={(['manual', 'plan'] as const).map((s) => ({ value: s, label: t(`shipment.source.${s}`) }))}
          allLabel={t('common:all')}
        />
        <FilterSelect
          label={t('daywork:shipWeek')}
          value={week}
          onChange={setWeek}
          options={(weeks.data?.weeks ?? []).map((w) => ({
            value: w.week,
            label: t('daywork:weekOption', { date: formatDate(w.week), count: w.shipments }),
          }))}
          allLabel={t('common:all')}
        />
        <FilterSelect
          label={t('field.distributor')}
          value={distributorId}
          onChange={setDistributorId}
          options={network.distributors}
          allLabel={t('common:all')}
        />
        {mayShip && (
          <BulkShippedButton
            filter={{
              ...(week ? { weekStart: week } : {}),
              ...(distributorId ? { distributorId: Number(distributorId) } : {}),
              ...(source ? { source: source as ShipmentRow['source'] } : {}),
            }}
            disabled={status === 'in_transit'}
          />
        )}
        {mayShip && (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            {t('shipment.add')}
          </button>
        )}
        <span className="count">{t('common:countOf', { count: list.total, n: formatNumber(list.total) })}</span>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        {t('shipment.hint')}
      </p>
      <ErrorNotice error={list.error} />
      <div style={{ height: 480 }}>
        <DataTable
          label={t('shipment.table')}
          columns={columns}
          rowCount={list.total}
          getRow={list.getRow}
          onVisibleRangeChange={list.onVisibleRangeChange}
          rowKey={(s) => s.id}
          empty={t('shipment.none')}
        />
      </div>
      {adding && <ShipmentDialog onClose={() => setAdding(false)} />}
      {deleting && (
        <ConfirmDialog
          title={t('shipment.deleteTitle')}
          message={t('shipment.deleteMessage', {
            cases: formatNumber(deleting.cases),
            sku: deleting.sku,
            distributor: deleting.distributorName,
            arrival: formatDate(deleting.arrivalDate),
          })}
          confirmLabel={t('common:delete')}
          danger
          busy={remove.isPending}
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            void act(() => remove.mutateAsync({ id: deleting.id }), t('shipment.deleted')).then((done) => done && setDeleting(null))
          }
        />
      )}
    </>
  );
}

function ShipmentDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation(['readiness', 'common']);
  const toast = useToast();
  const network = useNetworkOptions();
  const products = useProducts();
  const create = useCreateShipment();
  const errors = useFormErrors();
  const todayDay = today();
  const [draft, setDraft] = useState({
    distributorId: '',
    productId: '',
    cases: '',
    shipDate: todayDay,
    arrivalDate: todayDay,
    status: 'in_transit',
  });
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const submit = async () => {
    errors.clear();
    try {
      await create.mutateAsync({
        distributorId: Number(draft.distributorId),
        productId: Number(draft.productId),
        cases: Number(draft.cases),
        shipDate: draft.shipDate,
        arrivalDate: draft.arrivalDate,
        status: draft.status as ShipmentRow['status'],
      });
      toast({ tone: 'success', text: t('shipment.saved') });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={t('shipment.addTitle')}
      onClose={onClose}
      footer={<DialogButtons onCancel={onClose} onSubmit={() => void submit()} label={t('shipment.save')} busy={create.isPending} />}
    >
      {errors.formError && <div className="notice notice-error">{errors.formError}</div>}
      <div className="form-grid">
        <SelectField
          label={t('field.distributor')}
          required
          options={network.distributors}
          placeholder={t('common:choose')}
          value={draft.distributorId}
          onChange={set('distributorId')}
          error={errors.errorFor('distributorId')}
        />
        <SelectField
          label={t('field.sku')}
          required
          options={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.sku} · ${p.name}` }))}
          placeholder={t('common:choose')}
          value={draft.productId}
          onChange={set('productId')}
          error={errors.errorFor('productId')}
        />
        <TextField
          label={t('cases')}
          type="number"
          min={1}
          required
          value={draft.cases}
          onChange={set('cases')}
          error={errors.errorFor('cases')}
        />
        <SelectField
          label={t('field.status')}
          options={(['in_transit', 'planned'] as const).map((s) => ({ value: s, label: t(`shipment.status.${s}`) }))}
          value={draft.status}
          onChange={set('status')}
        />
        <TextField
          label={t('shipment.shipDate')}
          type="date"
          required
          value={draft.shipDate}
          onChange={set('shipDate')}
          error={errors.errorFor('shipDate')}
        />
        <TextField
          label={t('shipment.arrivalDate')}
          type="date"
          required
          value={draft.arrivalDate}
          onChange={set('arrivalDate')}
          error={errors.errorFor('arrivalDate')}
        />
      </div>
    </Dialog>
  );
}
