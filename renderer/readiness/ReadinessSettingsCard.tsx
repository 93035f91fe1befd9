import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadinessBoard } from '../../shared/contract/readiness.js';
import { useApiMutation } from '../api/hooks.js';
import { SelectField, TextField } from '../ui/Fields.js';
import { useFormErrors } from '../ui/form.js';
import { Card } from '../ui/Page.js';
import { useToast } from '../ui/Toasts.js';
import { formatNumber } from '../ui/format.js';

/** The rules of the board: required cover, service levels, who is served first, shipping capacity. */
export function ReadinessSettingsCard({ board }: { board: ReadinessBoard }) {
  const { t } = useTranslation(['readiness', 'common']);
  const toast = useToast();
  const save = useApiMutation('readiness.saveSettings');
  const saveCapacity = useApiMutation('readiness.setCapacity');
  const errors = useFormErrors();
  const [cover, setCover] = useState(String(board.settings.requiredCoverDays));
  const [key, setKey] = useState(String(board.settings.serviceLevelKey * 100));
  const [other, setOther] = useState(String(board.settings.serviceLevelOther * 100));
  const [rule, setRule] = useState(board.settings.priorityRule);
  const [capacity, setCapacity] = useState<Record<number, string>>(Object.fromEntries(board.capacity.map((c) => [c.regionId, c.casesPerWeek === null ? '' : String(c.casesPerWeek)])));
  return (
    <div className="grid-2">
      <Card title={t('rules')}>
        <div className="form-grid">
          <TextField label={t('requiredCover')} type="number" value={cover} onChange={(e) => setCover(e.target.value)} error={errors.errorFor('requiredCoverDays')} />
          <SelectField
            label={t('priorityRule')}
            options={[
              { value: 'key_accounts_then_volume', label: t('rule.key_accounts_then_volume') },
              { value: 'volume', label: t('rule.volume') },
            ]}
            value={rule}
            onChange={(e) => setRule(e.target.value as typeof rule)}
          />
          <TextField label={t('serviceKey')} type="number" value={key} onChange={(e) => setKey(e.target.value)} error={errors.errorFor('serviceLevelKey')} />
          <TextField label={t('serviceOther')} type="number" value={other} onChange={(e) => setOther(e.target.value)} error={errors.errorFor('serviceLevelOther')} />
        </div>
        <p className="muted">{t('rulesHint')}</p>
        <button
          type="button"
          className="button button-primary"
          onClick={async () => {
            errors.clear();
            try {
              await save.mutateAsync({ requiredCoverDays: Number(cover), serviceLevelKey: Number(key) / 100, serviceLevelOther: Number(other) / 100, priorityRule: rule });
              toast({ tone: 'success', text: t('rulesSaved') });
            } catch (e) {
              errors.fromError(e);
            }
          }}
        >
          {t('saveRules')}
        </button>
      </Card>
      <Card title={t('capacityTitle')}>
        <table className="plain" aria-label={t('capacityTitle')}>
          <thead>
            <tr>
              <th>{t('region')}</th>
              <th className="num">{t('casesPerWeek')}</th>
              <th className="num">{t('peakUse')}</th>
            </tr>
          </thead>
          <tbody>
            {board.capacity.map((c) => (
              <tr key={c.regionId}>
                <td>{c.regionName}</td>
                <td className="num">
                  <input
                    aria-label={t('capacityFor', { region: c.regionName })}
                    type="number"
                    min={0}
                    style={{ width: 110, textAlign: 'right' }}
                    value={capacity[c.regionId] ?? ''}
                    placeholder={t('unlimited')}
                    onChange={(e) => setCapacity({ ...capacity, [c.regionId]: e.target.value })}
                    onBlur={async () => {
                      const v = capacity[c.regionId]?.trim();
                      try {
                        await saveCapacity.mutateAsync({ regionId: c.regionId, casesPerWeek: v ? Number(v) : null });
                      } catch (e) {
                        toast({ tone: 'error', text: (e as Error).message });
                      }
                    }}
                  />
                </td>
                <td className="num">{formatNumber(Math.max(0, ...c.used))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
