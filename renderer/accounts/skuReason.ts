import type { TFunction } from 'i18next';
import type { AccountDetail } from '../../shared/contract/accounts.js';
import { formatPercent } from '../ui/format.js';

/** The SKU advice's reason in the user's language, from the core's code and the row's own figures. */
export function skuReasonText(t: TFunction, s: Pick<AccountDetail['skus'][number], 'reason' | 'growth' | 'contribution'>): string {
  const key = s.reason === 'changing' ? ((s.growth ?? 0) >= 0 ? 'changing_up' : 'changing_down') : s.reason;
  return t(`words:skuReason.${key}`, { growth: formatPercent(Math.abs(s.growth ?? 0), 0), share: formatPercent(s.contribution) });
}
