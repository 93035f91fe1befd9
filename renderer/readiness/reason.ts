import type { TFunction } from 'i18next';
import type { ReadinessCellFacts } from '../../shared/contract/readiness.js';
import { formatDate, formatNumber } from '../ui/format.js';

/** A cell's reason in the user's language, with its numbers. */
export function reasonWords(t: TFunction, f: ReadinessCellFacts, requiredDays: number): string {
  return t(`readiness:reason.${f.reason}`, {
    week: formatDate(f.reasonWeek),
    days: f.daysIntoPeak ?? 0,
    atPeak: formatNumber(f.atPeak),
    required: formatNumber(f.required),
    cover: f.coverDays === null ? '–' : formatNumber(f.coverDays),
    requiredDays,
  });
}
