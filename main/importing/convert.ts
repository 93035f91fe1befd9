import type { ImportIssueCode, ImportIssueParams } from '../../shared/contract/importing.js';
import { FORMULA_TRIGGERS } from '../../shared/domain/importing.js';
import type { FieldDef } from './fields.js';
import { normaliseHeader } from './fields.js';
import { readNumber } from './numbers.js';

export type Converted = { ok: true; value: unknown } | { ok: false; code: ImportIssueCode; params: ImportIssueParams };

const ok = (value: unknown): Converted => ({ ok: true, value });
const bad = (code: ImportIssueCode, params: ImportIssueParams = {}): Converted => ({ ok: false, code, params });

/**
 * Exports prefix a text that starts like a formula with ' so spreadsheets show it as text; reading such a
 * cell back drops the prefix the export added, so the round trip is exact ('+86 … stays +86 …).
 */
export function stripFormulaGuard(text: string): string {
  return text.length > 1 && text[0] === "'" && (FORMULA_TRIGGERS as readonly string[]).includes(text[1]!) ? text.slice(1) : text;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || y > 2200) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** ISO, Chinese (2026年3月1日), and day-first dates (01.03.2026, 01/03/2026) as es/ru/zh users write them. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (m) return validDate(+m[3]!, +m[2]!, +m[1]!);
  // An ISO timestamp exported by another tool.
  m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(t);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  return null;
}

export function parseMonth(text: string): string | null {
  // 2026-03 as written: the common case, without the patterns below.
  if (text.length === 7 && text.charCodeAt(4) === 45 && /^\d{4}-\d{2}$/.test(text)) {
    const y = +text.slice(0, 4);
    const mo = +text.slice(5, 7);
    return mo >= 1 && mo <= 12 && y >= 1900 && y <= 2200 ? text : null;
  }
  const t = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(t);
  if (!m) {
    const alt = /^(\d{1,2})[./-](\d{4})$/.exec(t);
    if (alt) m = [t, alt[2]!, alt[1]!] as unknown as RegExpExecArray;
  }
  if (!m) {
    const date = parseDate(t);
    return date ? date.slice(0, 7) : null;
  }
  const y = +m[1]!;
  const mo = +m[2]!;
  return mo >= 1 && mo <= 12 && y >= 1900 && y <= 2200 ? `${y}-${pad2(mo)}` : null;
}

const TRUE = ['yes', 'y', 'true', '1', '是', 'sí', 'si', 'да', 'x'];
const FALSE = ['no', 'n', 'false', '0', '否', 'нет'];

/** Converts one cell for its field; `decimal` is the column's decimal separator (null: undecided). */
/** The code a cell names, by the code itself or one of its words (case, spaces and punctuation ignored). */
function wordOf(values: Record<string, string[]>, text: string): string | null {
  const wanted = normaliseHeader(text);
  for (const [value, words] of Object.entries(values))
    if (normaliseHeader(value) === wanted || words.some((w) => normaliseHeader(w) === wanted)) return value;
  return null;
}

export function convertCell(def: FieldDef, raw: string, decimal: ',' | '.' | null): Converted {
  const text = stripFormulaGuard(raw.trim());
  if (text === '') return ok(undefined);
  switch (def.kind) {
    case 'text':
    case 'reference':
      return ok(text);
    case 'integer':
    case 'decimal': {
      // A number the export writes in words ("2 · personal service"), in any of the four languages.
      const word = def.values ? wordOf(def.values, text) : null;
      if (word !== null) return ok(Number(word));
      const n = readNumber(text, decimal);
      if (!n.ok) return bad(n.code, n.decimal ? { decimal: n.decimal } : {});
      if (def.kind === 'integer' && !Number.isInteger(n.value)) return bad('not_whole', { read: n.value });
      return ok(n.value);
    }
    case 'date': {
      const d = parseDate(text);
      return d ? ok(d) : bad('not_a_date', { example: '2026-03-01' });
    }
    case 'month': {
      const d = parseMonth(text);
      return d ? ok(d) : bad('not_a_month', { example: '2026-03' });
    }
    case 'boolean': {
      const v = text.toLowerCase();
      if (TRUE.includes(v)) return ok(true);
      if (FALSE.includes(v)) return ok(false);
      return bad('not_yes_no');
    }
    case 'list':
      return ok(
        text
          .split(/[,;|、，；]/)
          .map((s) => s.trim())
          .filter(Boolean),
      );
    case 'enum': {
      const value = wordOf(def.values ?? {}, text);
      if (value !== null) return ok(value);
      return bad('not_one_of', { values: Object.keys(def.values ?? {}) });
    }
  }
}

export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
