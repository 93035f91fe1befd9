import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TERMINAL_CHANNELS } from '../../shared/domain/network.js';
import { isRecordId } from '../../shared/contract/fields.js';
import { useDistributor, useDistributorBrief, useDistributorDeleteImpact } from './queries.js';
import { useCreateSubDealer, useDeleteDistributor, useUpdateDistributor } from './mutations.js';
import { RecordHistory } from '../people/RecordHistory.js';
import { MergeDistributorDialog } from '../people/MergeDistributorDialog.js';
import { Card, EmptyState, ErrorNotice, PageHeader, Spinner } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { formatDate, formatNumber } from '../ui/format.js';
import { DeleteWithOutletsDialog } from './DeleteWithOutletsDialog.js';
import { EntityFormDialog } from './EntityFormDialog.js';
import { ContactsCard } from './ContactsCard.js';
import { distributorDraftOf, distributorFields, distributorInitial, subDealerDraftOf, subDealerFields, subDealerInitial } from './forms.js';
import { useNetworkOptions } from './options.js';
import { DistributorStatusBadge, RelationshipLevel } from './StatusBadges.js';
import { NetworkTree } from './NetworkTree.js';
import { TerminalFormDialog } from './TerminalFormDialog.js';
import {
  AccountSection,
  EventsSection,
  KeyFigures,
  MixSection,
  OutletsSection,
  ReadinessSection,
  TargetsSection,
  VolumeSection,
} from './brief/BriefSections.js';
import { HistorySection } from './brief/HistorySection.js';
import './brief/brief.css';

export function DistributorDetailPage() {
  const { t } = useTranslation(['network', 'common', 'brief']);
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const toast = useToast();
  const options = useNetworkOptions();
  const page = useDistributor(id, isRecordId(id));
  // The brief is its own query so master data shows at once while the whole-region parts compute.
  const brief = useDistributorBrief(id, isRecordId(id));
  const [dialog, setDialog] = useState<'edit' | 'delete' | 'subDealer' | 'terminal' | null>(null);
  const impact = useDistributorDeleteImpact(id, dialog === 'delete');
  const update = useUpdateDistributor();
  const remove = useDeleteDistributor();
  const [merging, setMerging] = useState(false);
  const createSub = useCreateSubDealer();

  if (page.error?.code === 'not_found') {
    return (
      <EmptyState title={t('distributorGone')} action={<Link to="/network/distributors">{t('backToDistributors')}</Link>}>
        {page.error.message}
      </EmptyState>
    );
  }
  if (!page.data)
    return (
      <div className="page">{page.error ? <ErrorNotice error={page.error} /> : <Spinner label={t('loading', { ns: 'common' })} />}</div>
    );
  const { distributor: d, contacts, subDealers, directTerminals, terminalsByChannel, terminalsByStatus } = page.data;

  const b = brief.data && brief.data.distributor.id === d.id ? brief.data : null;
  return (
    <div className="page brief">
      <div className="breadcrumbs no-print">
        <Link to="/network/distributors">{t('distributors')}</Link> / {d.code}
      </div>
      <div className="print-only brief-print-title">{t('brief:printTitle', { date: formatDate(b?.today ?? null) })}</div>
      <PageHeader
        title={d.name}
        subtitle={
          <>
            {d.code} · {d.areaName}
            {b ? ` · ${b.distributor.regionName}` : ''} · <DistributorStatusBadge status={d.status} /> · {t('field.salesperson')}:{' '}
            {d.salespersonName ?? t('noSalesperson')} · <RelationshipLevel level={d.relationshipLevel} /> · {t('field.leadTimeDays')}{' '}
            {d.leadTimeDays} · {t('field.warehouseCapacityCases')} {formatNumber(d.warehouseCapacityCases)}
          </>
        }
        actions={
          <>
            <button type="button" className="button button-primary" onClick={() => window.print()} disabled={!b}>
              {t('brief:print')}
            </button>
            <button type="button" className="button" onClick={() => setDialog('subDealer')}>
              {t('addSubDealer')}
            </button>
            <button type="button" className="button" onClick={() => setDialog('terminal')}>
              {t('addTerminal')}
            </button>
            <button type="button" className="button" onClick={() => setMerging(true)}>
              {t('merge.button', { ns: 'people' })}
            </button>
            <button type="button" className="button" onClick={() => setDialog('edit')}>
              {t('edit', { ns: 'common' })}
            </button>
            <button type="button" className="button" onClick={() => setDialog('delete')}>
              {t('delete', { ns: 'common' })}
            </button>
          </>
        }
      />
      {brief.error ? (
        <ErrorNotice error={brief.error} />
      ) : !b ? (
        <Spinner label={t('brief:loading')} />
      ) : (
        <>
          <KeyFigures brief={b} />
          <div className="brief-grid">
            <VolumeSection brief={b} />
            <MixSection brief={b} />
            <TargetsSection brief={b} />
            <AccountSection brief={b} />
            <ReadinessSection brief={b} />
            <div className="brief-contacts">
              <ContactsCard ownerType="distributor" ownerId={d.id} contacts={contacts} />
            </div>
            <EventsSection brief={b} />
            <OutletsSection brief={b} />
            <HistorySection brief={b} />
          </div>
        </>
      )}
      <div className="grid-2 no-print">
        <Card title={t('details')}>
          <dl className="kv">
            <dt>{t('field.address')}</dt>
            <dd>{d.address ?? '–'}</dd>
            <dt>{t('field.startDate')}</dt>
            <dd>{formatDate(d.startDate)}</dd>
            <dt>{t('terminals')}</dt>
            <dd>
              {formatNumber(d.terminalCount)} ·{' '}
              {t('terminalsByStatus', {
                active: terminalsByStatus.active,
                prospect: terminalsByStatus.prospect,
                lost: terminalsByStatus.lost,
              })}
            </dd>
            <dt>{t('terminalsByChannel')}</dt>
            <dd>
              {TERMINAL_CHANNELS.filter((c) => terminalsByChannel[c] > 0)
                .map((c) => `${t(`channel.${c}`)} ${formatNumber(terminalsByChannel[c])}`)
                .join(' · ') || '–'}
            </dd>
          </dl>
        </Card>
        <Card title={t('networkTree')}>
          <NetworkTree subDealers={subDealers} directTerminals={directTerminals} />
        </Card>
      </div>

      {dialog === 'edit' && (
        <EntityFormDialog
          title={t('editDistributor', { name: d.name })}
          fields={distributorFields(t, options)}
          initial={distributorInitial(d)}
          submitLabel={t('save', { ns: 'common' })}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            await update.mutateAsync({ id: d.id, draft: distributorDraftOf(v) });
            toast({ tone: 'success', text: t('saved', { name: String(v.name) }) });
          }}
        />
      )}
      {dialog === 'subDealer' && (
        <EntityFormDialog
          title={t('addSubDealer')}
          fields={subDealerFields(t, options)}
          initial={subDealerInitial(undefined, d.id, d.areaId)}
          submitLabel={t('create', { ns: 'common' })}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            const s = await createSub.mutateAsync({ draft: subDealerDraftOf(v) });
            toast({ tone: 'success', text: t('saved', { name: s.name }) });
          }}
        />
      )}
      {dialog === 'terminal' && <TerminalFormDialog distributorId={d.id} areaId={d.areaId} onClose={() => setDialog(null)} />}
      {/* The history is for the screen; the printed brief stays one page. */}
      <div className="no-print">
        <RecordHistory entity="distributor" entityId={d.id} />
      </div>
      {merging && (
        <MergeDistributorDialog
          name={d.name}
          fromId={d.id}
          candidates={options.distributors as Array<{ value: number; label: string }>}
          onCancel={() => setMerging(false)}
          onDone={(intoId) => navigate(`/network/distributors/${intoId}`)}
        />
      )}
      {dialog === 'delete' && (
        <DeleteWithOutletsDialog
          kind="distributor"
          name={d.name}
          impact={impact.data}
          successors={options.distributors.filter((o) => o.value !== d.id) as Array<{ value: number; label: string }>}
          onCancel={() => setDialog(null)}
          onConfirm={async (disposition) => {
            const result = await remove.mutateAsync({ id: d.id, disposition });
            toast({
              tone: 'success',
              text: result.archived ? t('archive.done', { ns: 'people', name: d.name }) : t('deleted', { name: d.name }),
            });
            await navigate('/network/distributors');
          }}
        />
      )}
    </div>
  );
}
