import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDate, parseMonth, parseNumber } from '../../main/importing/convert.js';
import { decodeText } from '../../main/importing/decode.js';
import { normaliseHeader, suggestMapping, field } from '../../main/importing/fields.js';

describe('reading numbers, dates and months as users write them', () => {
  it('reads numbers with either decimal convention', () => {
    expect(parseNumber('1,234.5', false)).toBe(1234.5);
    expect(parseNumber('1 234,5', true)).toBe(1234.5);
    expect(parseNumber('1.234,5', true)).toBe(1234.5);
    expect(parseNumber('12,5', false)).toBe(125);
    expect(parseNumber('abc', false)).toBeNull();
    expect(parseNumber('1e400', false)).toBeNull();
  });

  it('round-trips any integer written with thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseNumber(n.toLocaleString('en-US'), false)).toBe(n);
        expect(parseNumber(n.toLocaleString('de-DE'), true)).toBe(n);
      }),
    );
  });

  it('reads ISO, day-first and Chinese dates and rejects impossible ones', () => {
    expect(parseDate('2026-03-01')).toBe('2026-03-01');
    expect(parseDate('01.03.2026')).toBe('2026-03-01');
    expect(parseDate('2026年3月1日')).toBe('2026-03-01');
    expect(parseDate('31.02.2026')).toBeNull();
    expect(parseMonth('2026/5')).toBe('2026-05');
    expect(parseMonth('05.2026')).toBe('2026-05');
    expect(parseMonth('2026-13')).toBeNull();
  });
});

describe('decoding legacy encodings', () => {
  it('tells GB18030 from Windows-1251 and UTF-8', () => {
    expect(decodeText(iconv.encode('名称,区域\n王记批发,河滨', 'gb18030'))).toEqual({
      text: '名称,区域\n王记批发,河滨',
      encoding: 'GB18030',
    });
    expect(decodeText(iconv.encode('Название;Район\nВолга', 'win1251'))).toEqual({
      text: 'Название;Район\nВолга',
      encoding: 'windows-1251',
    });
    expect(decodeText(Buffer.from('\ufeffcódigo', 'utf8')).encoding).toBe('UTF-8 (BOM)');
  });
});

describe('matching headers in four languages', () => {
  it('normalises case, spaces, punctuation and full-width forms', () => {
    expect(normaliseHeader(' Lead-Time (Days) ')).toBe('leadtimedays');
    expect(normaliseHeader('ＣＯＤＥ')).toBe('code');
  });
  it('maps each field to at most one column', () => {
    const defs = [field('code', 'text', true, ['编码', 'код']), field('name', 'text', true, ['名称', 'название'])];
    expect(suggestMapping(defs, ['名称', '编码'])).toEqual({ code: 1, name: 0 });
    expect(suggestMapping(defs, ['Код', 'Код'])).toEqual({ code: 0, name: null });
  });
});
