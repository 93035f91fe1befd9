import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROSPECT_INDICATORS } from '../../shared/contract/accounts.js';
import { useAccountsOverview } from './queries.js';
import { formatNumber, formatPercent } from '../ui/format.js';
import { AccountsSettingsDialog } from './AccountsSettingsDialog.js';
import { useMay } from '../people/actor.js';

/**
 * The weights behind every PI-PIV score, beside the prospects they score: each indicator's weight and
 * its share of the total, and the way to change them (the segmentation settings), so a manager sees
 * why a prospect ranks where it does and can weigh the indicators as the region's strategy requires.
 */
export function ProspectWeights() {
  const { t } = useTranslation(['rules', 'accounts']);
  const overview = useAccountsOverview().data;
  const [editing, setEditing] = useState(false);
  const maySetRules = useMay('accounts.saveSettings');
  if (!overview) return null;
  const weights = overview.settings.weights;
  const total = PROSPECT_INDICATORS.reduce((a, k) => a + Math.max(0, weights[k]), 0) || 1;
  return (
    <div className="toolbar" style={{ alignItems: 'flex-start', flexWrap: 'wrap', padding: '8px 16px' }}>
      <table className="plain" aria-label={t('accountsSettings.weightsShown')}>
        <caption style={{ textAlign: 'left' }}>{t('accountsSettings.weightsShown')}</caption>
        <tbody>
          {PROSPECT_INDICATORS.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`indicator.${k}`, { ns: 'accounts' })}</th>
              <td className="num">{formatNumber(weights[k], 1)}</td>
              <td className="num muted">{formatPercent(Math.max(0, weights[k]) / total, 0)}</td>
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
