import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevPlan } from '../../shared/contract/development.js';
import { capCompetitors } from '../../shared/domain/development.js';
import { useAreas } from '../network/queries.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { TextArea, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { useToast } from '../ui/Toasts.js';
import { useSaveDevPlan } from './mutations.js';
import { useDevPlanSuggestion } from './queries.js';

/**
 * The salesperson's plan for a month. "Fill from targets" takes the new-outlet numbers the
 * off-season targets ask of this salesperson's distributors, spread over the months left.
 */
export function PlanFormDialog({
  salespersonId,
  month,
  plan,
  onClose,
}: {
  salespersonId: number;
  month: string;
  plan: DevPlan | null;
  onClose(): void;
}) {
  const { t } = useTranslation(['development', 'common']);
  const toast = useToast();
  const errors = useFormErrors();
  const save = useSaveDevPlan();
  const areas = useAreas();
  const suggestion = useDevPlanSuggestion({ salespersonId, month });
  const [v, setV] = useState({
    areaIds: plan?.areaIds ?? [],
    plannedVisits: String(plan?.plannedVisits ?? ''),
    newSubDealers: String(plan?.newSubDealers ?? ''),
    newTerminals: String(plan?.newTerminals ?? ''),
    competitors: (plan?.competitors ?? []).map((c) => ({ brand: c.brand, outlets: String(c.outlets) })),
    note: plan?.note ?? '',
    seededFrom: plan?.seededFrom ?? null,
  });
  const s = suggestion.data;
  const fillFromSuggestion = () => {
    if (!s) return;
    const newSubDealers = s.available ? s.newSubDealers : Number(v.newSubDealers || 0);
    const newTerminals = s.available ? s.newTerminals : Number(v.newTerminals || 0);
    setV({
      ...v,
      areaIds: s.areaIds,
      plannedVisits: String(s.plannedVisits),
      newSubDealers: String(newSubDealers),
      newTerminals: String(newTerminals),
      competitors: capCompetitors(s.competitors, newSubDealers + newTerminals).map((c) => ({ brand: c.brand, outlets: String(c.outlets) })),
      seededFrom: s.available ? s.source : null,
    });
  };
  const num = (x: string) => (x.trim() === '' ? 0 : Number(x));
  const submit = async () => {
    errors.clear();
    try {
      await save.mutateAsync({
        salespersonId,
        month,
        areaIds: v.areaIds,
        plannedVisits: num(v.plannedVisits),
        newSubDealers: num(v.newSubDealers),
        newTerminals: num(v.newTerminals),
        competitors: v.competitors.filter((c) => c.brand.trim() !== '').map((c) => ({ brand: c.brand, outlets: num(c.outlets) })),
        note: v.note || null,
        seededFrom: v.seededFrom,
      });
      toast({ tone: 'success', text: t('plan.saved') });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  const toggleArea = (id: number) =>
    setV({ ...v, areaIds: v.areaIds.includes(id) ? v.areaIds.filter((a) => a !== id) : [...v.areaIds, id] });
  return (
    <Dialog
      title={t('plan.formTitle', { month })}
      onClose={onClose}
      wide
      footer={<DialogButtons onCancel={onClose} onSubmit={submit} label={t('plan.saveDraft')} busy={save.isPending} />}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {errors.formError && (
          <div className="notice notice-error" role="alert">
            {errors.formError}
          </div>
        )}
        <div className="notice notice-info" style={{ display: 'flex', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
          <span>
            {!s
              ? t('loading', { ns: 'common' })
              : s.available
                ? t('plan.suggestion', {
                    source: s.source,
                    outlets: s.newSubDealers + s.newTerminals,
                    months: s.basis?.monthsLeft,
                    peak: s.basis?.firstPeakMonth,
                  })
                : t(`plan.noSuggestion.${s.reason}`)}
          </span>
          <button type="button" className="button button-small" onClick={fillFromSuggestion} disabled={!s}>
            {s?.available ? t('plan.fillFromTargets') : t('plan.fillDefaults')}
          </button>
        </div>
        <div className="form-grid" style={{ marginTop: 12 }}>
          <TextField
            label={t('indicators.visits')}
            type="number"
            min={0}
            value={v.plannedVisits}
            onChange={(e) => setV({ ...v, plannedVisits: e.target.value })}
            error={errors.errorFor('plannedVisits')}
            required
          />
          <TextField
            label={t('indicators.newSubDealers')}
            type="number"
            min={0}
            value={v.newSubDealers}
            onChange={(e) => setV({ ...v, newSubDealers: e.target.value })}
            error={errors.errorFor('newSubDealers')}
          />
          <TextField
            label={t('indicators.newTerminals')}
            type="number"
            min={0}
            value={v.newTerminals}
            onChange={(e) => setV({ ...v, newTerminals: e.target.value })}
            error={errors.errorFor('newTerminals')}
          />
          <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 12, color: 'var(--text-2)', fontWeight: 500 }}>{t('plan.areas')}</legend>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 12px' }}>
              {(areas.data ?? []).map((a) => (
                <label key={a.id} className="checkbox-row">
                  <input type="checkbox" checked={v.areaIds.includes(a.id)} onChange={() => toggleArea(a.id)} /> {a.name}
                </label>
              ))}
            </div>
            {errors.errorFor('areaIds') && <div className="field-error">{errors.errorFor('areaIds')}</div>}
          </fieldset>
          <fieldset className="field span-2" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontSize: 12, color: 'var(--text-2)', fontWeight: 500 }}>{t('plan.competitorTargets')}</legend>
            {v.competitors.map((c, i) => (
              <div key={i} style={{ display: 'flex', gap: 8, marginBottom: 6 }}>
                <input
                  aria-label={t('plan.competitorBrand', { n: i + 1 })}
                  value={c.brand}
                  onChange={(e) =>
                    setV({ ...v, competitors: v.competitors.map((x, j) => (j === i ? { ...x, brand: e.target.value } : x)) })
                  }
                />
                <input
                  aria-label={t('plan.competitorOutlets', { n: i + 1 })}
                  type="number"
                  min={1}
                  style={{ width: 90 }}
                  value={c.outlets}
                  onChange={(e) =>
                    setV({ ...v, competitors: v.competitors.map((x, j) => (j === i ? { ...x, outlets: e.target.value } : x)) })
                  }
                />
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => setV({ ...v, competitors: v.competitors.filter((_, j) => j !== i) })}
                  aria-label={t('plan.removeCompetitor', { n: i + 1 })}
                >
                  ×
                </button>
              </div>
            ))}
            <div>
              <button
                type="button"
                className="button button-small"
                onClick={() => setV({ ...v, competitors: [...v.competitors, { brand: '', outlets: '1' }] })}
              >
                {t('plan.addCompetitor')}
              </button>
            </div>
            {errors.errorFor('competitors') && (
              <div className="field-error" role="alert">
                {errors.errorFor('competitors')}
              </div>
            )}
          </fieldset>
          <TextArea
            label={t('plan.note')}
            className="span-2"
            value={v.note}
            onChange={(e) => setV({ ...v, note: e.target.value })}
            error={errors.errorFor('note')}
          />
        </div>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
