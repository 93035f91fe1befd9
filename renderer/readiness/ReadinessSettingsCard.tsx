import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KEY_ACCOUNT_RULES, PACK_GROUPS, PRIORITY_RULES, type PackGroup, type ReadinessBoard } from '../../shared/contract/readiness.js';
import { SelectField, TextField } from '../ui/Fields.js';
import { numberOrNull, useFormErrors } from '../ui/form.js';
import { Card } from '../ui/Page.js';
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

/** A region's rules; a coordinator of several regions chooses the region (the fields start again from its rules). */
function RulesCard({ board }: { board: ReadinessBoard }) {
  const { t } = useTranslation(['readiness', 'common']);
  const [regionId, setRegionId] = useState(board.rules[0]?.regionId ?? null);
  const region = board.rules.find((r) => r.regionId === regionId) ?? board.rules[0];
  if (!region) return null;
  return (
    <Card title={t('rules')}>
      {board.rules.length > 1 ? (
        <div className="form-grid">
          <SelectField
            label={t('rulesRegion')}
            options={board.rules.map((r) => ({ value: r.regionId, label: r.regionName }))}
            value={region.regionId}
            onChange={(e) => setRegionId(Number(e.target.value))}
            hint={t('rulesRegionHint')}
          />
        </div>
      ) : (
        <p className="muted">{t('rulesRegionOnly', { region: region.regionName })}</p>
      )}
      <RulesForm key={region.regionId} region={region} />
    </Card>
  );
}

function RulesForm({ region }: { region: ReadinessBoard['rules'][number] }) {
  const { t } = useTranslation(['readiness', 'common']);
  const toast = useToast();
  const save = useSaveReadinessSettings();
  const errors = useFormErrors({ under: 'settings' });
  const s = region.settings;
  const [cover, setCover] = useState(String(s.requiredCoverDays));
  const [key, setKey] = useState(pct(s.serviceLevelKey));
  const [other, setOther] = useState(pct(s.serviceLevelOther));
  const [rule, setRule] = useState(s.priorityRule);
  const [keyRule, setKeyRule] = useState(s.keyAccountRule);
  const [share, setShare] = useState(pct(s.keyVolumeShare));
  const [phaseOut, setPhaseOut] = useState(s.prebuildPhaseOut === true);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        errors.clear();
        try {
          await save.mutateAsync({
            regionId: region.regionId,
            settings: {
              requiredCoverDays: Number(cover),
              serviceLevelKey: Number(key) / 100,
              serviceLevelOther: Number(other) / 100,
              priorityRule: rule,
              keyAccountRule: keyRule,
              keyVolumeShare: Number(share) / 100,
              prebuildPhaseOut: phaseOut,
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
          value={cover}
          onChange={(e) => setCover(e.target.value)}
          error={errors.errorFor('requiredCoverDays')}
        />
        <SelectField
          label={t('priorityRule')}
          options={PRIORITY_RULES.map((r) => ({ value: r, label: t(`rule.${r}`) }))}
          value={rule}
          onChange={(e) => setRule(e.target.value as typeof rule)}
        />
        <SelectField
          label={t('keyRule')}
          options={KEY_ACCOUNT_RULES.map((r) => ({ value: r, label: t(`keyRuleOption.${r}`) }))}
          value={keyRule}
          onChange={(e) => setKeyRule(e.target.value as typeof keyRule)}
        />
        <TextField
          label={t('keyShare')}
          type="number"
          step="1"
          disabled={keyRule === 'relationship'}
          value={share}
          onChange={(e) => setShare(e.target.value)}
          error={errors.errorFor('keyVolumeShare')}
        />
        <TextField
          label={t('serviceKey')}
          type="number"
          step="0.1"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          error={errors.errorFor('serviceLevelKey')}
        />
        <TextField
          label={t('serviceOther')}
          type="number"
          step="0.1"
          value={other}
          onChange={(e) => setOther(e.target.value)}
          error={errors.errorFor('serviceLevelOther')}
        />
        <label className="check">
          <input type="checkbox" checked={phaseOut} onChange={(e) => setPhaseOut(e.target.checked)} />{' '}
          {t('prebuildPhaseOut', { ns: 'rules' })}
        </label>
      </div>
      <p className="muted">{t('ruleNow', { count: region.keyAccounts, priority: t(`rule.${s.priorityRule}`) })}</p>
      <p className="muted">{t('rulesHint')}</p>
      <button type="submit" className="button button-primary" disabled={save.isPending}>
        {t('saveRules')}
      </button>
    </form>
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
