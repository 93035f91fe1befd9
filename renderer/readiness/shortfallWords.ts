import type { TFunction } from 'i18next';
import type { CellShortfall } from '../../shared/contract/readiness.js';
import { formatDate, formatNumber } from '../ui/format.js';

/** Why the plan leaves someone short: the binding constraint, and the second one when both bind. */
export function whyShort(t: TFunction, s: Pick<CellShortfall, 'reason' | 'also'>): string {
  return s.also
    ? t('readiness:shortReasonBoth', { first: t(`readiness:shortReason.${s.reason}`), second: t(`readiness:shortReason.${s.also}`) })
    : t(`readiness:shortReason.${s.reason}`);
}

/** When the cases were needed: the peak's first day (the date said everywhere) for the peak's stock, else the week. */
export function neededBy(t: TFunction, s: Pick<CellShortfall, 'dueWeek' | 'peakStart'>): string {
  return s.peakStart ? t('readiness:peakNeed', { date: formatDate(s.peakStart) }) : formatDate(s.dueWeek);
}

/** One shortfall in a sentence: how many cases, by when, and why. */
export function shortfallSentence(t: TFunction, s: CellShortfall): string {
  return t(s.peakStart ? 'readiness:shortNeedPeak' : 'readiness:shortNeed', {
    cases: formatNumber(s.cases),
    date: formatDate(s.peakStart ?? s.dueWeek),
    why: whyShort(t, s),
  });
}
