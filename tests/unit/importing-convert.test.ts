import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseDate, parseMonth, stripFormulaGuard } from '../../main/importing/convert.js';
import { detectColumn, numberShape, readNumber } from '../../main/importing/numbers.js';
import { decodeText } from '../../main/importing/decode.js';
import { normaliseHeader, suggestMapping, field } from '../../main/importing/fields.js';

const read = (text: string, decimal: ',' | '.' | null) => {
  const r = readNumber(text, decimal);
  return r.ok ? r.value : r.code;
};

describe('reading numbers, dates and months as users write them', () => {
  it('reads numbers with the separator the column uses, and never silently reads 12,5 as 125', () => {
    expect(read('1,234.5', '.')).toBe(1234.5);
    expect(read('1 234,5', ',')).toBe(1234.5);
    expect(read('1.234,5', ',')).toBe(1234.5);
    expect(read('12,5', '.')).toBe('not_a_number');
    expect(read('12,5', null)).toBe(12.5);
    expect(read('12,600', null)).toBe('ambiguous_number');
    expect(read('12,600', '.')).toBe(12600);
    expect(read('12,600', ',')).toBe(12.6);
    expect(read('abc', '.')).toBe('not_a_number');
    expect(read('1e400', '.')).toBe('not_a_number');
  });

  it('decides a column from all its values and leaves a contradiction or pure ambiguity to the user', () => {
    expect(detectColumn(['12,5', '7', '1.234,0'], 0)).toMatchObject({ decimal: ',', conflicting: false });
    expect(detectColumn(['12,600', '1,234,567'], 0)).toMatchObject({ decimal: '.', ambiguous: [] });
    expect(detectColumn(['12,600', '12,5'], 0)).toMatchObject({ decimal: null, conflicting: true, ambiguous: ['12,600'] });
    expect(detectColumn(['12,600', '12.5'], 0)).toMatchObject({ decimal: '.', conflicting: false });
    expect(detectColumn(['12.5', '12,5'], 0)).toMatchObject({ decimal: null, conflicting: true });
    expect(detectColumn(['12,600', '900'], 0)).toMatchObject({ decimal: null, ambiguous: ['12,600'] });
    expect(detectColumn(['15 000', '9 500'], 0)).toMatchObject({ decimal: null, ambiguous: [] });
    expect(numberShape('Riverside')).toBe('none');
  });

  it('round-trips any number written with thousands separators in the two conventions', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (n, cents) => {
        const value = n + (n < 0 ? -cents : cents) / 100;
        const options = { minimumFractionDigits: 2 };
        expect(read(value.toLocaleString('en-US', options), '.')).toBeCloseTo(value, 2);
        expect(read(value.toLocaleString('de-DE', options), ',')).toBeCloseTo(value, 2);
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
  it('detects the encodings offices produce and offers the others', () => {
    const cases: Array<[string, string, string]> = [
      ['编码,名称,区域\nS001,王记批发,河滨路\nS002,李氏酒水,车站路\n', 'gbk', 'gb18030'],
      ['Код;Название;Район\nD1;Северный Опт;Север\nD2;Волга Трейд;Юг\n', 'win1251', 'windows-1251'],
      ['Код;Название;Район\nD1;Северный Опт;Север\nD2;Волга Трейд;Юг\n', 'koi8-r', 'koi8-r'],
      ['código;nombre;dirección\nT1;Cervecería Año Niño;Calle Mayor 5\nT2;Bodega Peña;Plaza España\n', 'windows-1252', 'windows-1252'],
      ['name;city\nMüller Getränke GmbH;Köln\nBrauerei Größe;Düsseldorf\n', 'latin1', 'windows-1252'],
      ['コード,名前\nT1,居酒屋さくら\nT2,ビアホール東京\n', 'shift_jis', 'shift_jis'],
    ];
    for (const [text, written, expected] of cases) {
      const decoded = decodeText(iconv.encode(text, written));
      expect({ text: decoded.text, encoding: decoded.encoding }, written).toEqual({ text, encoding: expected });
      expect(decoded.candidates[0]).toBe(expected);
      expect(decoded.candidates).toContain('windows-1252');
    }
  });

  it('honours a BOM, and the encoding the user picks', () => {
    expect(decodeText(Buffer.from('\ufeffcódigo', 'utf8'))).toMatchObject({ text: 'código', encoding: 'utf-8' });
    const gbkWithBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode('编码', 'gbk')]);
    expect(decodeText(gbkWithBom)).toMatchObject({ text: '编码', encoding: 'gb18030' });
    expect(decodeText(gbkWithBom, 'gb18030').text).toBe('编码');
    const latin = iconv.encode('Año', 'windows-1252');
    expect(decodeText(latin, 'windows-1252').text).toBe('Año');
  });
});

describe('reading back what exports wrote', () => {
  it("drops the ' an export put before a formula-like text, and only that", () => {
    expect(stripFormulaGuard("'+86 138 0000 0001")).toBe('+86 138 0000 0001');
    expect(stripFormulaGuard("'=HYPERLINK(1)")).toBe('=HYPERLINK(1)');
    expect(stripFormulaGuard("'s Hertogenbosch")).toBe("'s Hertogenbosch");
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
