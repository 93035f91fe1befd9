import type { NumberColumn } from '../../shared/contract/importing.js';

/**
 * How a cell writes a number, read without knowing the file's locale:
 * - 'comma' / 'point': the value shows its decimal separator ("12,5", "1.234,5", "0.75", "1,234,567").
 * - 'ambiguousComma' / 'ambiguousPoint': one separator followed by exactly three digits ("12,600",
 *   "1.234"): thousands or decimals, only the rest of the column (or the user) can say.
 * - 'plain': digits only; 'none': not a number at all.
 */
export type NumberShape = 'plain' | 'comma' | 'point' | 'ambiguousComma' | 'ambiguousPoint' | 'none';

/** Spaces (also no-break and narrow no-break) and apostrophes group thousands in ru, fr and Swiss sheets. */
const GROUPING = /[\s\u00a0\u202f']/g;

export function numberShape(raw: string): NumberShape {
  const t = raw.trim().replace(GROUPING, '').replace(/^[-+]/, '');
  if (t === '') return 'none';
  if (/^\d+$/.test(t)) return 'plain';
  if (/^\d{1,3}(,\d{3})+\.\d+$/.test(t) || /^\d{1,3}(,\d{3}){2,}$/.test(t)) return 'point';
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(t) || /^\d{1,3}(\.\d{3}){2,}$/.test(t)) return 'comma';
  if (/^\d{1,3},\d{3}$/.test(t)) return 'ambiguousComma';
  if (/^\d{1,3}\.\d{3}$/.test(t)) return 'ambiguousPoint';
  if (/^\d*,\d+$/.test(t)) return 'comma';
  if (/^\d*\.\d+$/.test(t)) return 'point';
  return 'none';
}

/**
 * Decides a column's decimal separator from all its values: one style of evidence decides it; both
 * styles (12,5 and 12.5), a decimal beside a value that reads as thousands with the same mark (12,5 and
 * 12,600), or only ambiguous values leave it to the user. Never guessed from the delimiter.
 */
export function detectColumn(values: Iterable<string>, column: number): NumberColumn | null {
  const detector = new ColumnDetector();
  for (const value of values) detector.add(value);
  return detector.result(column);
}

/**
 * detectColumn one value at a time, so that a file read in chunks (a streamed import) decides its
 * columns without holding them.
 */
export class ColumnDetector {
  private comma = 0;
  private point = 0;
  private ambiguousComma = 0;
  private ambiguousPoint = 0;
  private numeric = 0;
  private readonly ambiguous: string[] = [];

  add(value: string): void {
    const shape = numberShape(value);
    if (shape === 'none') return;
    this.numeric++;
    if (shape === 'comma') this.comma++;
    else if (shape === 'point') this.point++;
    else if (shape === 'ambiguousComma' || shape === 'ambiguousPoint') {
      if (shape === 'ambiguousComma') this.ambiguousComma++;
      else this.ambiguousPoint++;
      if (this.ambiguous.length < 5 && !this.ambiguous.includes(value.trim())) this.ambiguous.push(value.trim());
    }
  }

  result(column: number): NumberColumn | null {
    const { comma, point, ambiguousComma, ambiguousPoint, ambiguous } = this;
    if (this.numeric === 0) return null;
    // "12,5" beside "12,600": a decimal comma, or a thousands comma and a typo? Only the user knows.
    const conflicting = (comma > 0 && point > 0) || (comma > 0 && ambiguousComma > 0) || (point > 0 && ambiguousPoint > 0);
    const decimal = conflicting ? null : comma > 0 ? ',' : point > 0 ? '.' : null;
    return { column, decimal, conflicting, ambiguous: decimal ? [] : [...ambiguous] };
  }
}

const PLAIN_DIGITS = /^\d{1,15}$/;

/** The accepted forms per decimal separator: 1234,5 / 1.234,5 / ,5 and their decimal-point mirrors. */
const FORMS = {
  ',': [/^[-+]?\d+(,\d+)?$/, /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/, /^[-+]?,\d+$/],
  '.': [/^[-+]?\d+(\.\d+)?$/, /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/, /^[-+]?\.\d+$/],
} as const;

export type ReadNumber = { ok: true; value: number } | { ok: false; code: 'not_a_number' | 'ambiguous_number'; decimal: string | null };

/**
 * Reads a number with the column's decimal separator. With no separator decided, a value that shows its
 * own ("12,5") is read as it shows; an ambiguous one ("12,600") is refused so that the user is asked.
 * A value in the other style than its column ("12.5" in a decimal-comma column) is refused, not re-read.
 */
export function readNumber(raw: string, decimal: ',' | '.' | null): ReadNumber {
  // Digits only read the same with either separator: the common case, without the shape tests.
  if (PLAIN_DIGITS.test(raw)) return { ok: true, value: Number(raw) };
  const shape = numberShape(raw);
  if (shape === 'none') return { ok: false, code: 'not_a_number', decimal };
  let sep = decimal;
  if (sep === null) {
    if (shape === 'ambiguousComma' || shape === 'ambiguousPoint') return { ok: false, code: 'ambiguous_number', decimal };
    sep = shape === 'comma' ? ',' : '.';
  }
  const t = raw.trim().replace(GROUPING, '');
  const forms = FORMS[sep];
  if (!forms.some((re) => re.test(t))) return { ok: false, code: 'not_a_number', decimal: sep };
  const n = Number(
    t
      .split(sep === ',' ? '.' : ',')
      .join('')
      .replace(sep, '.'),
  );
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, code: 'not_a_number', decimal: sep };
}
