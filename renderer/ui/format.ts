import i18n from '../i18n/index.js';

/** Numbers as the user's language writes them; quantities always carry their unit. */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

export function formatCases(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${formatNumber(value)} ${i18n.t('unit.cases')}`;
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    value,
  );
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00`);
  return new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'short', day: 'numeric' }).format(date);
}

export function monthName(month: number, style: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(i18n.language, { month: style }).format(new Date(2000, month - 1, 1));
}

/** A YYYY-MM month with its year, as the user's language writes it ("December 2026", "2026年12月"). */
export function formatMonth(yyyyMm: string, style: 'short' | 'long' = 'long'): string {
  const [y, m] = yyyyMm.split('-').map(Number);
  if (!y || !m) return yyyyMm;
  return new Intl.DateTimeFormat(i18n.language, { month: style, year: 'numeric' }).format(new Date(y, m - 1, 1));
}

/** A list of names as the user's language joins them ("A, B and C", "A、B和C"). */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' }).format(items);
}
