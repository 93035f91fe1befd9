import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutletCandidate, PipelineItem } from '../../shared/contract/development.js';
import { OUTLET_TYPES, STAGES, type OutletType, type Stage } from '../../shared/domain/development.js';
import { useSalespeople } from '../network/queries.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { FilterSelect, SelectField, TextArea, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { formatDate, formatNumber } from '../ui/format.js';
import { Badge, ErrorNotice, Spinner } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import type { DevelopmentScope } from './context.js';
import { OutletPicker } from './OutletPicker.js';
import { staffOptions } from '../../shared/domain/labels.js';
import { useAddToPipeline, useMovePipelineItem, useRemovePipelineItem, useUpdatePipelineItem } from './mutations.js';
import { usePipeline } from './queries.js';

/** Prospects from first contact to signed or rejected: a board by stage, or a sortable list. */
export function PipelineTab({ scope }: { scope: DevelopmentScope }) {
  const { t } = useTranslation(['development', 'common']);
  const [view, setView] = useState<'board' | 'list'>('board');
  const [mine, setMine] = useState(true);
  const [stage, setStage] = useState('');
  const [type, setType] = useState('');
  const [held, setHeld] = useState('');
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [rejecting, setRejecting] = useState<PipelineItem | null>(null);
  const [editing, setEditing] = useState<PipelineItem | null>(null);
  const list = usePipeline({
    ...(mine && scope.salespersonId !== null ? { ownerId: scope.salespersonId } : {}),
    ...(stage && view === 'list' ? { stage: stage as Stage } : {}),
    ...(type ? { outletType: type as OutletType } : {}),
    ...(held ? { competitorHeld: held === 'yes' } : {}),
    search,
    sort: 'priority',
    limit: 500,
    offset: 0,
  });
  const move = useMovePipelineItem();
  const moveTo = async (item: PipelineItem, to: Stage) => {
    if (to === item.stage) return;
    if (to === 'rejected') return setRejecting(item);
    await move.run({ outletType: item.outletType, outletId: item.outletId, stage: to, rejectReason: null }, () =>
      t('pipeline.moved', { name: item.name, stage: t(`stage.${to}`) }),
    );
  };
  const rows = list.data?.rows ?? [];
  return (
    <>
      <div className="toolbar" style={{ marginBottom: 12 }}>
        <div className="tabs" role="tablist" aria-label={t('pipeline.views')}>
          {(['board', 'list'] as const).map((v) => (
            <button key={v} type="button" role="tab" className="tab" aria-selected={view === v} onClick={() => setView(v)}>
              {t(`pipeline.view.${v}`)}
            </button>
          ))}
        </div>
        <div className="search">
          <label htmlFor="pipeline-search">{t('pipeline.search')}</label>
          <input id="pipeline-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        {view === 'list' && (
          <FilterSelect
            label={t('stageLabel')}
            value={stage}
            onChange={setStage}
            allLabel={t('all')}
            options={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          />
        )}
        <FilterSelect
          label={t('pipeline.type')}
          value={type}
          onChange={setType}
          allLabel={t('all')}
          options={OUTLET_TYPES.map((s) => ({ value: s, label: t(`type.${s}`) }))}
        />
        <FilterSelect
          label={t('pipeline.competitorHeld')}
          value={held}
          onChange={setHeld}
          allLabel={t('all')}
          options={[
            { value: 'yes', label: t('yes') },
            { value: 'no', label: t('no') },
          ]}
        />
        <label className="checkbox-row" style={{ alignSelf: 'center' }}>
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> {t('pipeline.mineOnly')}
        </label>
        <button
          type="button"
          className="button button-primary"
          style={{ marginLeft: 'auto' }}
          onClick={() => setAdding(true)}
          disabled={scope.salespersonId === null}
        >
          {t('pipeline.add')}
        </button>
      </div>
      <ErrorNotice error={list.error} />
      {!list.data ? (
        <Spinner label={t('loading', { ns: 'common' })} />
      ) : view === 'board' ? (
        <div className="pipeline-board" aria-label={t('pipeline.board')}>
          {STAGES.map((s) => {
            const items = rows.filter((r) => r.stage === s);
            return (
              <section key={s} className="pipeline-column" aria-label={t(`stage.${s}`)}>
                <header>
                  {t(`stage.${s}`)} <span className="muted">{list.data!.stageCounts[s]}</span>
                </header>
                {items.length === 0 && <p className="muted small">{t('pipeline.emptyStage')}</p>}
                {items.map((item) => (
                  <article key={`${item.outletType}:${item.outletId}`} className="pipeline-card" aria-label={item.name}>
                    <div className="pipeline-card-title">
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setEditing(item)}
                        aria-label={t('pipeline.editLabel', { name: item.name })}
                      >
                        <strong>{item.name}</strong>
                      </button>
                      <span className={`priority p${item.priority}`} title={t('pipeline.priority')}>
                        P{item.priority}
                      </span>
                    </div>
                    <div className="muted small">
                      {t(`type.${item.outletType}`)} · {item.areaName}
                      {item.estimatedVolume !== null ? ` · ${formatNumber(item.estimatedVolume)} ${t('casesPerMonth')}` : ''}
                    </div>
                    {item.competitorHeld && <Badge tone="amber">{item.competitorBrand ?? t('competitor')}</Badge>}
                    {item.rejectReason && <div className="small">{item.rejectReason}</div>}
                    {item.stage === 'rejected' && item.revisitOn && (
                      <div className="small">{t('rules:revisit.card', { date: formatDate(item.revisitOn) })}</div>
                    )}
                    <div className="muted small">
                      {t('pipeline.lastVisit')}: {item.lastVisit ? formatDate(item.lastVisit) : t('pipeline.never')} ·{' '}
                      {item.ownerName ?? t('pipeline.noOwner')}
                    </div>
                    {s !== 'signed' && (
                      <select
                        aria-label={t('pipeline.moveLabel', { name: item.name })}
                        value={item.stage}
                        onChange={(e) => void moveTo(item, e.target.value as Stage)}
                      >
                        {STAGES.map((x) => (
                          <option key={x} value={x}>
                            {t(`stage.${x}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </article>
                ))}
              </section>
            );
          })}
        </div>
      ) : rows.length === 0 ? (
        <p className="muted">{t('pipeline.none')}</p>
      ) : (
        <table className="plain" aria-label={t('pipeline.list')}>
          <thead>
            <tr>
              <th>{t('outlet')}</th>
              <th>{t('pipeline.type')}</th>
              <th>{t('area')}</th>
              <th>{t('stageLabel')}</th>
              <th>{t('pipeline.since')}</th>
              <th>{t('competitor')}</th>
              <th className="num">{t('pipeline.priority')}</th>
              <th className="num">{t('pipeline.volume')}</th>
              <th>{t('pipeline.owner')}</th>
              <th className="num">{t('pipeline.visits')}</th>
              <th>{t('pipeline.lastVisit')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.outletType}:${r.outletId}`}>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setEditing(r)}
                    aria-label={t('pipeline.editLabel', { name: r.name })}
                  >
                    {r.name}
                  </button>
                </td>
                <td>{t(`type.${r.outletType}`)}</td>
                <td>{r.areaName}</td>
                <td>{t(`stage.${r.stage}`)}</td>
                <td>{formatDate(r.stageOn)}</td>
                <td>{r.competitorHeld ? (r.competitorBrand ?? t('yes')) : '–'}</td>
                <td className="num">P{r.priority}</td>
                <td className="num">{r.estimatedVolume === null ? '–' : `${formatNumber(r.estimatedVolume)} ${t('casesPerMonth')}`}</td>
                <td>{r.ownerName ?? '–'}</td>
                <td className="num">{r.visits}</td>
                <td>{formatDate(r.lastVisit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && scope.salespersonId !== null && <AddProspectDialog ownerId={scope.salespersonId} onClose={() => setAdding(false)} />}
      {rejecting && <RejectDialog item={rejecting} onClose={() => setRejecting(null)} />}
      {editing && <EditProspectDialog item={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function AddProspectDialog({ ownerId, onClose }: { ownerId: number; onClose(): void }) {
  const { t } = useTranslation(['development', 'common']);
  const toast = useToast();
  const errors = useFormErrors();
  const add = useAddToPipeline();
  const [outlet, setOutlet] = useState<OutletCandidate | null>(null);
  const [v, setV] = useState({ priority: '2', estimatedVolume: '', competitorBrand: '', note: '' });
  const submit = async () => {
    if (!outlet) return;
    errors.clear();
    try {
      await add.mutateAsync({
        outletType: outlet.outletType,
        outletId: outlet.outletId,
        ownerId,
        priority: Number(v.priority),
        estimatedVolume: v.estimatedVolume.trim() === '' ? null : Number(v.estimatedVolume),
        competitorHeld: v.competitorBrand.trim() !== '',
        competitorBrand: v.competitorBrand || null,
        note: v.note || null,
      });
      toast({ tone: 'success', text: t('pipeline.added', { name: outlet.name }) });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={t('pipeline.addTitle')}
      onClose={onClose}
      footer={<DialogButtons onCancel={onClose} onSubmit={submit} label={t('pipeline.add')} busy={!outlet || add.isPending} />}
    >
      {errors.formError && (
        <div className="notice notice-error" role="alert">
          {errors.formError}
        </div>
      )}
      {outlet ? (
        <p>
          <strong>{outlet.name}</strong>{' '}
          <span className="muted">
            {outlet.code} · {outlet.areaName}
          </span>{' '}
          <button type="button" className="link-button" onClick={() => setOutlet(null)}>
            {t('pipeline.change')}
          </button>
        </p>
      ) : (
        <OutletPicker
          label={t('pipeline.findOutlet')}
          includeActive={false}
          notInPipeline
          onPick={(o) => (setOutlet(o), setV((x) => ({ ...x, competitorBrand: o.competitorBrand ?? '' })))}
        />
      )}
      <div className="form-grid" style={{ marginTop: 12 }}>
        <SelectField
          label={t('pipeline.priority')}
          value={v.priority}
          onChange={(e) => setV({ ...v, priority: e.target.value })}
          options={[1, 2, 3].map((p) => ({ value: String(p), label: t(`pipeline.priorityLevel.${p}`) }))}
        />
        <TextField
          label={t('pipeline.volume')}
          type="number"
          min={0}
          value={v.estimatedVolume}
          onChange={(e) => setV({ ...v, estimatedVolume: e.target.value })}
          error={errors.errorFor('estimatedVolume')}
          hint={t('casesPerMonth')}
        />
        <TextField
          label={t('pipeline.competitorBrand')}
          value={v.competitorBrand}
          onChange={(e) => setV({ ...v, competitorBrand: e.target.value })}
          error={errors.errorFor('competitorBrand')}
        />
        <TextArea label={t('plan.note')} value={v.note} onChange={(e) => setV({ ...v, note: e.target.value })} />
      </div>
    </Dialog>
  );
}

function RejectDialog({ item, onClose }: { item: PipelineItem; onClose(): void }) {
  const { t } = useTranslation(['development', 'common']);
  const toast = useToast();
  const errors = useFormErrors();
  const move = useMovePipelineItem();
  const [reason, setReason] = useState('');
  const [revisitOn, setRevisitOn] = useState('');
  const submit = async () => {
    errors.clear();
    try {
      await move.mutateAsync({
        outletType: item.outletType,
        outletId: item.outletId,
        stage: 'rejected',
        rejectReason: reason || null,
        revisitOn: revisitOn || null,
      });
      toast({ tone: 'success', text: t('pipeline.moved', { name: item.name, stage: t('stage.rejected') }) });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={t('pipeline.rejectTitle', { name: item.name })}
      onClose={onClose}
      footer={<DialogButtons onCancel={onClose} onSubmit={submit} label={t('pipeline.reject')} busy={move.isPending} danger />}
    >
      <TextArea
        label={t('visit.whyRejected')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={errors.errorFor('rejectReason')}
        required
      />
      <TextField
        label={t('rules:revisit.label')}
        type="date"
        value={revisitOn}
        onChange={(e) => setRevisitOn(e.target.value)}
        hint={t('rules:revisit.hint')}
        error={errors.errorFor('revisitOn')}
      />
    </Dialog>
  );
}

/** Priority, volume, competitor and owner of a prospect; a prospect added by mistake can be removed (a signed one stays on the record). */
function EditProspectDialog({ item, onClose }: { item: PipelineItem; onClose(): void }) {
  const { t } = useTranslation(['development', 'common']);
  const toast = useToast();
  const errors = useFormErrors();
  const update = useUpdatePipelineItem();
  const remove = useRemovePipelineItem();
  const staff = useSalespeople();
  const [confirming, setConfirming] = useState(false);
  const [v, setV] = useState({
    ownerId: item.ownerId === null ? '' : String(item.ownerId),
    priority: String(item.priority),
    estimatedVolume: item.estimatedVolume === null ? '' : String(item.estimatedVolume),
    competitorBrand: item.competitorBrand ?? '',
    note: item.note ?? '',
  });
  const key = { outletType: item.outletType, outletId: item.outletId };
  const submit = async () => {
    errors.clear();
    try {
      await update.mutateAsync({
        ...key,
        ownerId: v.ownerId === '' ? null : Number(v.ownerId),
        priority: Number(v.priority),
        estimatedVolume: v.estimatedVolume.trim() === '' ? null : Number(v.estimatedVolume),
        competitorHeld: v.competitorBrand.trim() !== '',
        competitorBrand: v.competitorBrand || null,
        note: v.note || null,
      });
      toast({ tone: 'success', text: t('pipeline.updated', { name: item.name }) });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  const removeItem = async () => {
    try {
      await remove.mutateAsync(key);
      toast({ tone: 'success', text: t('pipeline.removed', { name: item.name }) });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={item.name}
      onClose={onClose}
      footer={
        <>
          {item.stage !== 'signed' &&
            (confirming ? (
              <button
                type="button"
                className="button button-danger"
                onClick={removeItem}
                disabled={remove.isPending}
                style={{ marginRight: 'auto' }}
              >
                {t('pipeline.confirmRemove')}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => setConfirming(true)} style={{ marginRight: 'auto' }}>
                {t('pipeline.remove')}
              </button>
            ))}
          <DialogButtons onCancel={onClose} onSubmit={submit} label={t('save', { ns: 'common' })} busy={update.isPending} />
        </>
      }
    >
      {errors.formError && (
        <div className="notice notice-error" role="alert">
          {errors.formError}
        </div>
      )}
      <p className="muted">
        {t(`type.${item.outletType}`)} · {item.code} · {item.areaName} · {t(`stage.${item.stage}`)} {t('pipeline.since').toLowerCase()}{' '}
        {formatDate(item.stageOn)}
      </p>
      <div className="form-grid">
        <SelectField
          label={t('pipeline.owner')}
          value={v.ownerId}
          onChange={(e) => setV({ ...v, ownerId: e.target.value })}
          placeholder={t('pipeline.noOwner')}
          options={staffOptions(staff.data ?? []).map((o) => ({ value: String(o.value), label: o.label }))}
          error={errors.errorFor('ownerId')}
        />
        <SelectField
          label={t('pipeline.priority')}
          value={v.priority}
          onChange={(e) => setV({ ...v, priority: e.target.value })}
          options={[1, 2, 3].map((p) => ({ value: String(p), label: t(`pipeline.priorityLevel.${p}`) }))}
        />
        <TextField
          label={t('pipeline.volume')}
          type="number"
          min={0}
          value={v.estimatedVolume}
          onChange={(e) => setV({ ...v, estimatedVolume: e.target.value })}
          error={errors.errorFor('estimatedVolume')}
          hint={t('casesPerMonth')}
        />
        <TextField
          label={t('pipeline.competitorBrand')}
          value={v.competitorBrand}
          onChange={(e) => setV({ ...v, competitorBrand: e.target.value })}
          error={errors.errorFor('competitorBrand')}
        />
        <TextArea label={t('plan.note')} className="span-2" value={v.note} onChange={(e) => setV({ ...v, note: e.target.value })} />
      </div>
    </Dialog>
  );
}
