import { now } from '../../shared/domain/clock.js';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmRetry } from '../ui/useConfirmRetry.js';
import { useNetworkOptions } from '../network/options.js';
import { Dialog, DialogButtons } from '../ui/Dialog.js';
import { SelectField, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { formatNumber } from '../ui/format.js';
import { useCreateTargetPlan } from './mutations.js';
import { useTargetSuggestion } from './queries.js';

/** What the coming peak must deliver, by brand, and how many new outlets it needs. */
export function NewPlanDialog({ onClose, onCreated }: { onClose(): void; onCreated(id: number): void }) {
  const { t } = useTranslation(['targets', 'common']);
  const network = useNetworkOptions();
  const [regionId, setRegionId] = useState<number | null>(null);
  const [seasonYear, setSeasonYear] = useState(() => now().getFullYear() + 1);
  const [name, setName] = useState(() => `Peak ${now().getFullYear() + 1}`);
  const [basis, setBasis] = useState<'forecast' | 'last_year'>('forecast');
  const [newOutlets, setNewOutlets] = useState('0');
  const [volumes, setVolumes] = useState<Record<string, string>>({});
  const errors = useFormErrors();
  const create = useCreateTargetPlan();
  const jump = useConfirmRetry({
    title: t('jump.title', { ns: 'rules' }),
    confirm: t('jump.confirm', { ns: 'rules' }),
    kept: t('jump.kept', { ns: 'rules' }),
  });
  const region = regionId ?? (network.regions[0]?.value as number | undefined) ?? null;
  const suggestion = useTargetSuggestion(region, seasonYear);
  useEffect(() => {
    if (suggestion.data)
      setVolumes(Object.fromEntries(suggestion.data.brands.map((b) => [b.brand, String(Math.round((b.natural * 1.1) / 10) * 10)])));
  }, [suggestion.data]);
  return (
    <Dialog
      title={t('newPlan')}
      onClose={onClose}
      wide
      footer={
        <DialogButtons
          onCancel={onClose}
          onSubmit={async () => {
            errors.clear();
            try {
              const lines = Object.entries(volumes)
                .filter(([, v]) => v.trim() !== '' && Number(v) > 0)
                .map(([brand, v]) => ({ brand, volume: Number(v) }));
              const plan = await jump.save((confirm) =>
                create.mutateAsync({
                  regionId: region!,
                  seasonYear,
                  name,
                  basis,
                  lines,
                  newOutlets: Number(newOutlets),
                  confirm,
                }),
              );
              onCreated(plan.id);
              onClose();
            } catch (e) {
              errors.fromError(e);
            }
          }}
          label={t('cascade')}
          busy={create.isPending}
          disabled={region === null}
        />
      }
    >
      {jump.dialog}
      {errors.formError && (
        <div className="notice notice-error" role="alert">
          {errors.formError}
        </div>
      )}
      <div className="form-grid">
        <SelectField
          label={t('region')}
          options={network.regions}
          value={region ?? ''}
          onChange={(e) => setRegionId(Number(e.target.value))}
          required
        />
        <TextField
          label={t('seasonYear')}
          type="number"
          value={seasonYear}
          onChange={(e) => setSeasonYear(Number(e.target.value))}
          error={errors.errorFor('seasonYear')}
          required
        />
        <TextField label={t('planName')} value={name} onChange={(e) => setName(e.target.value)} error={errors.errorFor('name')} required />
        <SelectField
          label={t('basis')}
          options={[
            { value: 'forecast', label: t('basisForecast') },
            { value: 'last_year', label: t('basisLastYear') },
          ]}
          value={basis}
          onChange={(e) => setBasis(e.target.value as 'forecast')}
        />
        <TextField
          label={t('newOutletsTarget')}
          type="number"
          value={newOutlets}
          onChange={(e) => setNewOutlets(e.target.value)}
          error={errors.errorFor('newOutlets')}
        />
        <div className="field">
          <span className="field-hint">{suggestion.data ? t('peakMonths', { months: suggestion.data.months.join(', ') }) : ''}</span>
        </div>
      </div>
      <table className="plain" aria-label={t('brandTargets')}>
        <thead>
          <tr>
            <th>{t('brand')}</th>
            <th className="num">{t('lastYear')}</th>
            <th className="num">{t('natural')}</th>
            <th className="num">{t('peakTarget')}</th>
          </tr>
        </thead>
        <tbody>
          {(suggestion.data?.brands ?? []).map((b) => (
            <tr key={b.brand}>
              <td>{b.brand}</td>
              <td className="num">{formatNumber(b.lastYear)}</td>
              <td className="num">{formatNumber(b.natural)}</td>
              <td className="num">
                <input
                  className="cell-input"
                  type="number"
                  min={0}
                  aria-label={t('targetFor', { brand: b.brand })}
                  value={volumes[b.brand] ?? ''}
                  onChange={(e) => setVolumes({ ...volumes, [b.brand]: e.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.errorFor('lines') && <div className="field-error">{errors.errorFor('lines')}</div>}
    </Dialog>
  );
}
