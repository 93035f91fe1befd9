import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KEY_ACCOUNT_RULES, PACK_GROUPS, PRIORITY_RULES, type PackGroup, type ReadinessBoard } from '../../shared/contract/readiness.js';
import { SelectField, TextField } from '../ui/Fields.js';
import { numberOrNull, useFormErrors } from '../ui/form.js';
import { Card } from '../ui/Page.js';
import { RegionChoice, useRegionDrafts } from '../ui/RegionRules.js';
import { useToast } from '../ui/Toasts.js';
import { formatNumber } from '../ui/format.js';
import { useAttempt } from '../api/useMutationWithToast.js';
import { useSaveReadinessSettings, useSetCasesPerPallet, useSetGroupCapacity, useSetRegionCapacity } from './mutations.js';
import { usePalletSizes } from './queries.js';

/** The rules of the board (cover, service levels, key accounts, who is served first) and the capacities it plans within. */
export function ReadinessSettingsCard({ board }: { board: ReadinessBoard }) {
  return (
    <div className="grid-2">
      <CapacityCard board={board} />
      <RulesCard board={board} />
      <PalletSizesCard />
    </div>
  );
}

const pct = (v: number) => String(Math.round(v * 1000) / 10);

type Rules = ReadinessBoard['rules'][number];

const draftOf = ({ settings: s }: Rules) => ({
  cover: String(s.requiredCoverDays),
  key: pct(s.serviceLevelKey),
  other: pct(s.serviceLevelOther),
  rule: s.priorityRule,
  keyRule: s.keyAccountRule,
  share: pct(s.keyVolumeShare),
  phaseOut: s.prebuildPhaseOut === true,
});

/** A region's rules; a coordinator of several regions chooses the region. */
function RulesCard({ board }: { board: ReadinessBoard }) {
  const { t } = useTranslation(['readiness', 'common']);
  const toast = useToast();
  const save = useSaveReadinessSettings();
  const errors = useFormErrors({ under: 'settings' });
  const { region, draft: v, choose, setDraft } = useRegionDrafts(board.rules, draftOf);
  if (!region || !v) return null;
  const set = (patch: Partial<typeof v>) => setDraft({ ...v, ...patch });
  return (
    <Card title={t('rules')}>
      <RegionChoice
        regions={board.rules}
        value={region.regionId}
        onChange={(id) => {
          errors.clear();
          choose(id);
        }}
        label={t('rulesRegion')}
        hint={t('rulesRegionHint')}
        only={t('rulesRegionOnly', { region: region.regionName })}
      />
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          errors.clear();
          try {
            await save.mutateAsync({
              regionId: region.regionId,
              settings: {
                requiredCoverDays: Number(v.cover),
                serviceLevelKey: Number(v.key) / 100,
                serviceLevelOther: Number(v.other) / 100,
                priorityRule: v.rule,
                keyAccountRule: v.keyRule,
                keyVolumeShare: Number(v.share) / 100,
                prebuildPhaseOut: v.phaseOut,
              },
            });
            toast({ tone: 'success', text: t('rulesSavedOf', { region: region.regionName }) });
          } catch (err) {
            errors.fromError(err);
          }
        }}
      >
        {errors.formError && <div className="notice notice-error">{errors.formError}</div>}
        <div className="form-grid">
          <TextField
            label={t('requiredCover')}
            type="number"
            min={1}
            value={v.cover}
            onChange={(e) => set({ cover: e.target.value })}
            error={errors.errorFor('requiredCoverDays')}
          />
          <SelectField
            label={t('priorityRule')}
            options={PRIORITY_RULES.map((r) => ({ value: r, label: t(`rule.${r}`) }))}
            value={v.rule}
            onChange={(e) => set({ rule: e.target.value as typeof v.rule })}
          />
          <SelectField
            label={t('keyRule')}
            options={KEY_ACCOUNT_RULES.map((r) => ({ value: r, label: t(`keyRuleOption.${r}`) }))}
            value={v.keyRule}
            onChange={(e) => set({ keyRule: e.target.value as typeof v.keyRule })}
          />
          <TextField
            label={t('keyShare')}
            type="number"
            step="1"
            disabled={v.keyRule === 'relationship'}
            value={v.share}
            onChange={(e) => set({ share: e.target.value })}
            error={errors.errorFor('keyVolumeShare')}
          />
          <TextField
            label={t('serviceKey')}
            type="number"
            step="0.1"
            value={v.key}
            onChange={(e) => set({ key: e.target.value })}
            error={errors.errorFor('serviceLevelKey')}
          />
          <TextField
            label={t('serviceOther')}
            type="number"
            step="0.1"
            value={v.other}
            onChange={(e) => set({ other: e.target.value })}
            error={errors.errorFor('serviceLevelOther')}
          />
          <label className="check">
            <input type="checkbox" checked={v.phaseOut} onChange={(e) => set({ phaseOut: e.target.checked })} />{' '}
            {t('prebuildPhaseOut', { ns: 'rules' })}
          </label>
        </div>
        <p className="muted">{t('ruleNow', { count: region.keyAccounts, priority: t(`rule.${region.settings.priorityRule}`) })}</p>
        <p className="muted">{t('rulesHint')}</p>
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('saveRules')}
        </button>
      </form>
    </Card>
  );
}

/** One capacity number, saved when the field is left. */
function CapacityInput({ label, value, onSave }: { label: string; value: number | null; onSave(v: number | null): Promise<unknown> }) {
  const { t } = useTranslation('readiness');
  const attempt = useAttempt();
  const [text, setText] = useState(value === null ? '' : String(value));
  return (
    <input
      aria-label={label}
      className="cell-input"
      type="number"
      min={0}
      style={{ width: 100 }}
      value={text}
      placeholder={t('unlimited')}
      onChange={(e) => setText(e.target.value)}
      onBlur={async () => {
        const next = numberOrNull(text);
        if (next === value) return;
        await attempt(
          () => onSave(next),
          () => t('capacitySaved'),
        );
      }}
    />
  );
}

function CapacityCard({ board }: { board: ReadinessBoard }) {
  const { t } = useTranslation(['readiness', 'common']);
  const region = useSetRegionCapacity();
  const group = useSetGroupCapacity();
  return (
    <Card title={t('capacityTitle')} className="card-flush span-2">
      <div style={{ overflowX: 'auto' }}>
        <table className="plain" aria-label={t('capacityTitle')}>
          <thead>
            <tr>
              <th>{t('region')}</th>
              <th className="num">{t('allPacks')}</th>
              {PACK_GROUPS.map((p) => (
                <th key={p} className="num">
                  {t(`pack.${p}`)}
                </th>
              ))}
              <th className="num">{t('peakUse')}</th>
            </tr>
          </thead>
          <tbody>
            {board.capacity.map((r) => (
              <tr key={r.regionId}>
                <td>{r.regionName}</td>
                <td className="num">
                  <CapacityInput
                    label={t('capacityFor', { region: r.regionName })}
                    value={r.casesPerWeek}
                    onSave={(v) => region.mutateAsync({ regionId: r.regionId, casesPerWeek: v })}
                  />
                </td>
                {PACK_GROUPS.map((p: PackGroup) => (
                  <td key={p} className="num">
                    <CapacityInput
                      label={t('packCapacityFor', { pack: t(`pack.${p}`), region: r.regionName })}
                      value={r.groups.find((g) => g.pack === p)?.casesPerWeek ?? null}
                      onSave={(v) => group.mutateAsync({ regionId: r.regionId, pack: p, casesPerWeek: v })}
                    />
                  </td>
                ))}
                <td className="num">
                  {formatNumber(Math.max(0, ...r.used))} {t('common:unit.cases')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted" style={{ padding: '6px 14px' }}>
        {t('capacityHint')}
      </p>
    </Card>
  );
}

function PalletSizesCard() {
  const { t } = useTranslation(['readiness', 'common']);
  const sizes = usePalletSizes();
  const save = useSetCasesPerPallet();
  return (
    <Card title={t('palletTitle')} className="card-flush">
      <div style={{ maxHeight: 520, overflow: 'auto' }}>
        <table className="plain" aria-label={t('palletTitle')}>
          <thead>
            <tr>
              <th>{t('field.sku')}</th>
              <th>{t('field.product')}</th>
              <th>{t('field.pack')}</th>
              <th className="num">{t('palletTitle')}</th>
            </tr>
          </thead>
          <tbody>
            {(sizes.data ?? []).map((p) => (
              <tr key={p.productId}>
                <td>{p.sku}</td>
                <td>{p.name}</td>
                <td>{t(`pack.${p.pack}`)}</td>
                <td className="num">
                  <input
                    aria-label={t('palletFor', { sku: p.sku })}
                    className="cell-input"
                    type="number"
                    min={1}
                    defaultValue={p.casesPerPallet}
                    onBlur={async (e) => {
                      const v = Number(e.target.value);
                      if (v === p.casesPerPallet) return;
                      await save.run({ productId: p.productId, casesPerPallet: v }, () => t('capacitySaved'));
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
