import type { FieldDef } from './fields.js';
import { normaliseHeader } from './fields.js';

export type Converted = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): Converted => ({ ok: true, value });
const bad = (message: string): Converted => ({ ok: false, message });

/** Reads a number as the sheet's locale writes it: "1 234,5" with decimal commas, "1,234.5" without. */
export function parseNumber(text: string, decimalComma: boolean): number | null {
  let t = text.replace(/[\s\u00a0\u202f']/g, '');
  if (decimalComma) t = t.replace(/\./g, '').replace(',', '.');
  else t = t.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
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

export function convertCell(def: FieldDef, raw: string, decimalComma: boolean): Converted {
  const text = raw.trim();
  if (text === '') return ok(undefined);
  switch (def.kind) {
    case 'text':
    case 'reference':
      return ok(text);
    case 'integer': {
      const n = parseNumber(text, decimalComma);
      if (n === null) return bad(`"${clip(text)}" is not a number`);
      if (!Number.isInteger(n)) return bad(`"${clip(text)}" must be a whole number`);
      return ok(n);
    }
    case 'decimal': {
      const n = parseNumber(text, decimalComma);
      return n === null ? bad(`"${clip(text)}" is not a number${decimalComma ? '' : ' (is the decimal separator a comma?)'}`) : ok(n);
    }
    case 'date': {
      const d = parseDate(text);
      return d ? ok(d) : bad(`"${clip(text)}" is not a date (use 2026-03-01)`);
    }
    case 'month': {
      const d = parseMonth(text);
      return d ? ok(d) : bad(`"${clip(text)}" is not a month (use 2026-03)`);
    }
    case 'boolean': {
      const v = text.toLowerCase();
      if (TRUE.includes(v)) return ok(true);
      if (FALSE.includes(v)) return ok(false);
      return bad(`"${clip(text)}" is not yes or no`);
    }
    case 'list':
      return ok(
        text
          .split(/[,;|、，；]/)
          .map((s) => s.trim())
          .filter(Boolean),
      );
    case 'enum': {
      const wanted = normaliseHeader(text);
      for (const [value, words] of Object.entries(def.values ?? {})) {
        if (normaliseHeader(value) === wanted || words.some((w) => normaliseHeader(w) === wanted)) return ok(value);
      }
      return bad(`"${clip(text)}" is not one of: ${Object.keys(def.values ?? {}).join(', ')}`);
    }
  }
}

export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
