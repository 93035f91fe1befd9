import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROSPECT_INDICATORS } from '../../shared/contract/accounts.js';
import { useAccountsOverview } from './queries.js';
import { formatNumber, formatPercent } from '../ui/format.js';
import { AccountsSettingsDialog } from './AccountsSettingsDialog.js';
import { useMay } from '../people/actor.js';

/**
 * The weights behind every PI-PIV score, beside the prospects they score: each indicator's weight and
 * its share of the total, per region (each region's manager weighs them for the region's strategy),
 * and the way to change them (the segmentation settings), so a manager sees why a prospect ranks
 * where it does.
 */
export function ProspectWeights() {
  const { t } = useTranslation(['rules', 'accounts']);
  const overview = useAccountsOverview().data;
  const [editing, setEditing] = useState(false);
  const maySetRules = useMay('accounts.saveSettings');
  if (!overview || overview.rules.length === 0) return null;
  const several = overview.rules.length > 1;
  const totals = overview.rules.map((r) => PROSPECT_INDICATORS.reduce((a, k) => a + Math.max(0, r.rules.weights[k]), 0) || 1);
  return (
    <div className="toolbar" style={{ alignItems: 'flex-start', flexWrap: 'wrap', padding: '8px 16px' }}>
      <table className="plain" style={{ width: 'auto', minWidth: 360 }} aria-label={t('accountsSettings.weightsShown')}>
        <caption style={{ textAlign: 'left' }}>{t('accountsSettings.weightsShown')}</caption>
        {several && (
          <thead>
            <tr>
              <td />
              {overview.rules.map((r) => (
                <th key={r.regionId} scope="col" colSpan={2} className="num">
                  {r.regionName}
                </th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {PROSPECT_INDICATORS.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`indicator.${k}`, { ns: 'accounts' })}</th>
              {overview.rules.map((r, i) => (
                <WeightCells key={r.regionId} weight={r.rules.weights[k]} total={totals[i]!} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {maySetRules && (
        <button type="button" className="button" onClick={() => setEditing(true)}>
          {t('accountsSettings.editWeights')}
        </button>
      )}
      {editing && <AccountsSettingsDialog overview={overview} onClose={() => setEditing(false)} />}
    </div>
  );
}

function WeightCells({ weight, total }: { weight: number; total: number }) {
  return (
    <>
      <td className="num">{formatNumber(weight, 1)}</td>
      <td className="num muted">{formatPercent(Math.max(0, weight) / total, 0)}</td>
    </>
  );
}
