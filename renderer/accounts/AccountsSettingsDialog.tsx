import { useTranslation } from 'react-i18next';
import { PROSPECT_INDICATORS, type AccountRules, type AccountsOverview } from '../../shared/contract/accounts.js';
import { useSaveAccountsSettings } from './mutations.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { TextField } from '../ui/Fields.js';
import { RegionChoice, useRegionDrafts } from '../ui/RegionRules.js';
import { useFormErrors } from '../ui/form.js';
import { formatNumber } from '../ui/format.js';
import { useToast } from '../ui/Toasts.js';

type Indicator = (typeof PROSPECT_INDICATORS)[number];

interface Draft {
  paretoShare: string;
  stableScore: string;
  prospectThreshold: string;
  volumeDrop: string;
  complaintDays: string;
  weights: Record<Indicator, string>;
}

const draftOf = (r: AccountRules): Draft => ({
  paretoShare: String(Math.round(r.paretoShare * 100)),
  stableScore: r.stableScore === null ? '' : String(r.stableScore),
  prospectThreshold: String(r.prospectThreshold),
  volumeDrop: String(Math.round(r.volumeDropShare * 100)),
  complaintDays: String(r.complaintDays),
  weights: Object.fromEntries(PROSPECT_INDICATORS.map((k) => [k, String(r.weights[k])])) as Record<Indicator, string>,
});

/**
 * A region's segmentation lines and prospect weights, visible and editable by its manager: each region
 * has its own, so one manager's rules never move another region's accounts. The stability line is the
 * region's median unless the manager types one (empty goes back to the median). A manager of several
 * regions chooses the region first.
 */
export function AccountsSettingsDialog({ overview, onClose }: { overview: AccountsOverview; onClose(): void }) {
  const { t } = useTranslation(['rules', 'accounts', 'common']);
  const toast = useToast();
  const errors = useFormErrors({ under: 'rules' });
  const save = useSaveAccountsSettings();
  const { region: current, draft: v, choose, setDraft: setV } = useRegionDrafts(overview.rules, (r) => draftOf(r.rules));
  const line = overview.lines.find((l) => l.regionId === current?.regionId);
  const submit = async () => {
    if (!current || !v) return;
    errors.clear();
    try {
      await save.mutateAsync({
        regionId: current.regionId,
        rules: {
          ...current.rules,
          paretoShare: Number(v.paretoShare) / 100,
          stableScore: v.stableScore.trim() === '' ? null : Number(v.stableScore),
          prospectThreshold: Number(v.prospectThreshold),
          volumeDropShare: Number(v.volumeDrop) / 100,
          complaintDays: Number(v.complaintDays),
          weights: Object.fromEntries(PROSPECT_INDICATORS.map((k) => [k, Number(v.weights[k])])) as AccountRules['weights'],
        },
      });
      toast({ tone: 'success', text: t('accountsSettings.saved', { region: current.regionName }) });
      onClose();
    } catch (e) {
      errors.fromError(e);
    }
  };
  return (
    <Dialog
      title={t('accountsSettings.title')}
      onClose={onClose}
      footer={
        <DialogButtons onCancel={onClose} onSubmit={submit} label={t('save', { ns: 'common' })} busy={save.isPending} disabled={!v} />
      }
    >
      {current && (
        <RegionChoice
          regions={overview.rules}
          value={current.regionId}
          onChange={(id) => {
            errors.clear();
            choose(id);
          }}
          label={t('accountsSettings.region')}
          hint={t('accountsSettings.regionHint')}
          only={t('accountsSettings.regionOnly', { region: current.regionName })}
        />
      )}
      {v && (
        <>
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
            <TextField
              label={t('accountsSettings.stableScore')}
              type="number"
              min={0.05}
              max={0.95}
              step={0.01}
              value={v.stableScore}
              onChange={(e) => setV({ ...v, stableScore: e.target.value })}
              error={errors.errorFor('stableScore')}
              hint={
                line ? t('accountsSettings.stableHint', { median: formatNumber(line.calibrated, 2) }) : t('accountsSettings.stableHintNone')
              }
            />
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
          <h3 className="h3">{t('accountsSettings.churnTitle')}</h3>
          <div className="form-grid">
            <TextField
              label={t('accountsSettings.volumeDrop')}
              type="number"
              min={1}
              max={90}
              value={v.volumeDrop}
              onChange={(e) => setV({ ...v, volumeDrop: e.target.value })}
              error={errors.errorFor('volumeDropShare')}
              hint="%"
            />
            <TextField
              label={t('accountsSettings.complaintDays')}
              type="number"
              min={1}
              max={365}
              value={v.complaintDays}
              onChange={(e) => setV({ ...v, complaintDays: e.target.value })}
              error={errors.errorFor('complaintDays')}
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
        </>
      )}
    </Dialog>
  );
}
