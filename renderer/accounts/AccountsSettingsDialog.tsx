import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROSPECT_INDICATORS, type AccountsOverview } from '../../shared/contract/accounts.js';
import { useSaveAccountsSettings } from './mutations.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { formatNumber } from '../ui/format.js';
import { useToast } from '../ui/Toasts.js';

/**
 * The segmentation's lines and the prospect indicators' weights, visible and editable: each region's
 * stability line is its own median unless the manager types one (empty goes back to the median). The
 * regions shown are those of the screen; a line of a region not shown is kept as it is.
 */
export function AccountsSettingsDialog({ overview, onClose }: { overview: AccountsOverview; onClose(): void }) {
  const { t } = useTranslation(['rules', 'accounts', 'common']);
  const toast = useToast();
  const errors = useFormErrors();
  const save = useSaveAccountsSettings();
  const s = overview.settings;
  const [v, setV] = useState({
    paretoShare: String(Math.round(s.paretoShare * 100)),
    stableScores: Object.fromEntries(
      overview.lines.map((l) => [l.regionId, s.stableScores[l.regionId] === undefined ? '' : String(s.stableScores[l.regionId])]),
    ) as Record<string, string>,
    prospectThreshold: String(s.prospectThreshold),
    weights: Object.fromEntries(PROSPECT_INDICATORS.map((k) => [k, String(s.weights[k])])) as Record<
      (typeof PROSPECT_INDICATORS)[number],
      string
    >,
  });
  const submit = async () => {
    errors.clear();
    try {
      await save.mutateAsync({
        ...s,
        paretoShare: Number(v.paretoShare) / 100,
        stableScores: Object.fromEntries(Object.entries(v.stableScores).map(([r, x]) => [r, x.trim() === '' ? null : Number(x)])),
        prospectThreshold: Number(v.prospectThreshold),
        weights: Object.fromEntries(PROSPECT_INDICATORS.map((k) => [k, Number(v.weights[k])])) as AccountsOverview['settings']['weights'],
      });
      toast({ tone: 'success', text: t('accountsSettings.saved') });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={t('accountsSettings.title')}
      onClose={onClose}
      footer={<DialogButtons onCancel={onClose} onSubmit={submit} label={t('save', { ns: 'common' })} busy={save.isPending} />}
    >
      <div className="form-grid">
        <TextField
          label={t('accountsSettings.paretoShare')}
          type="number"
          min={30}
          max={99}
          value={v.paretoShare}
          onChange={(e) => setV({ ...v, paretoShare: e.target.value })}
          error={errors.errorFor('paretoShare')}
          hint="%"
        />
        {overview.lines.map((l) => (
          <TextField
            key={l.regionId}
            label={
              overview.lines.length > 1 ? t('accountsSettings.stableScoreOf', { region: l.regionName }) : t('accountsSettings.stableScore')
            }
            type="number"
            min={0.05}
            max={0.95}
            step={0.01}
            value={v.stableScores[l.regionId] ?? ''}
            onChange={(e) => setV({ ...v, stableScores: { ...v.stableScores, [l.regionId]: e.target.value } })}
            error={errors.errorFor(`stableScores.${l.regionId}`)}
            hint={t('accountsSettings.stableHint', { median: formatNumber(l.calibrated, 2) })}
          />
        ))}
        <TextField
          label={t('accountsSettings.prospectThreshold')}
          type="number"
          min={1}
          max={99}
          value={v.prospectThreshold}
          onChange={(e) => setV({ ...v, prospectThreshold: e.target.value })}
          error={errors.errorFor('prospectThreshold')}
        />
      </div>
      <h3 className="h3">{t('accountsSettings.weightsTitle')}</h3>
      <div className="form-grid">
        {PROSPECT_INDICATORS.map((k) => (
          <TextField
            key={k}
            label={t('accountsSettings.weightOf', { indicator: t(`indicator.${k}`, { ns: 'accounts' }) })}
            type="number"
            min={0}
            max={10}
            step={0.5}
            value={v.weights[k]}
            onChange={(e) => setV({ ...v, weights: { ...v.weights, [k]: e.target.value } })}
            error={errors.errorFor(`weights.${k}`)}
          />
        ))}
      </div>
    </Dialog>
  );
}
