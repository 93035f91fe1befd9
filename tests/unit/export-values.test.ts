import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../../main/importing/entities.js';
import { convertCell } from '../../main/importing/convert.js';
import { normaliseHeader } from '../../main/importing/fields.js';
import { FIELD_VALUE_SETS, VALUE_WORDS, valueWord, yesNoWord } from '../../shared/exports/values.js';
import { LANGUAGES, localeResources } from '../support/locales.js';

/** Where the screens word each set of values: the sheets use the same words. */
const SCREEN_LABELS: Record<keyof typeof VALUE_WORDS, [string, string]> = {
  distributorStatus: ['network', 'distributorStatus'],
  outletStatus: ['network', 'outletStatus'],
  productStatus: ['network', 'productStatus'],
  channel: ['network', 'channel'],
  role: ['network', 'role'],
  pack: ['network', 'pack'],
  contactLevel: ['network', 'level'],
  purpose: ['development', 'purpose'],
  outcome: ['development', 'outcome'],
  shipmentStatus: ['readiness', 'shipment.status'],
  outletType: ['development', 'type'],
  relationshipLevel: ['network', 'relationship'],
};

describe('values of exported sheets', () => {
  it('are the words the screens use, in every language', () => {
    const locales = localeResources();
    for (const [set, [ns, path]] of Object.entries(SCREEN_LABELS))
      for (const language of LANGUAGES) {
        let labels: unknown = locales[language][ns];
        for (const part of path.split('.')) labels = (labels as Record<string, unknown>)[part];
        for (const [code, words] of Object.entries(VALUE_WORDS[set as keyof typeof VALUE_WORDS]))
          if (set !== 'outletType' || code !== 'distributor')
            expect((labels as Record<string, string>)[code], `${set}.${code} ${language}`).toBe(
              (words as Record<string, string>)[language],
            );
      }
  });

  it('read back as their code in any language, and no word means two codes in one column', () => {
    for (const [entity, fields] of Object.entries(FIELD_VALUE_SETS)) {
      const def = ENTITIES[entity as keyof typeof ENTITIES];
      for (const key of Object.keys(fields!)) {
        const field = def.fields.find((f) => f.key === key)!;
        expect(['enum', 'integer'], `${entity}.${key}`).toContain(field.kind);
        // A number column written in words reads back as its number.
        const stored = (code: string) => (field.kind === 'integer' ? Number(code) : code);
        const owner = new Map<string, string>();
        for (const [code, words] of Object.entries(field.values!))
          for (const w of [code, ...words]) {
            const n = normaliseHeader(w);
            expect(owner.get(n) ?? code, `${entity}.${key}: "${w}" means ${owner.get(n)} and ${code}`).toBe(code);
            owner.set(n, code);
          }
        for (const code of Object.keys(field.values!))
          for (const language of LANGUAGES)
            expect(convertCell(field, valueWord(language, def.name, key, code), null), `${entity}.${key}.${code} ${language}`).toEqual({
              ok: true,
              value: stored(code),
            });
      }
    }
  });

  it('a relationship level reads back from its label in any language, its words alone, or its number', () => {
    const level = ENTITIES.distributors.fields.find((f) => f.key === 'relationshipLevel')!;
    for (const text of ['2 · personal service', '2 · 个性化服务', 'servicio personal', 'Персональный сервис', '2'])
      expect(convertCell(level, text, null), text).toEqual({ ok: true, value: 2 });
    expect(valueWord('zh', 'distributors', 'relationshipLevel', '3')).toBe('3 · 战略伙伴');
    expect(convertCell(level, '5', null)).toEqual({ ok: true, value: 5 }); // the range is the schema's to refuse
    expect(convertCell(level, 'best friends', null)).toMatchObject({ ok: false });
  });

  it('yes and no in every language read back as booleans', () => {
    const active = ENTITIES.staff.fields.find((f) => f.key === 'active')!;
    for (const language of LANGUAGES)
      for (const value of [true, false]) expect(convertCell(active, yesNoWord(language, value), null)).toEqual({ ok: true, value });
  });
});
