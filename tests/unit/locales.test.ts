import { describe, expect, it } from 'vitest';
import { LANGUAGES, localeResources, type Namespace } from '../support/locales.js';

/** Every key path of a namespace; plural forms (_one, _few, _other…) count as their base key, as languages differ in them. */
function keys(ns: Namespace, prefix = ''): string[] {
  return Object.entries(ns).flatMap(([k, v]) =>
    v !== null && typeof v === 'object'
      ? keys(v as Namespace, `${prefix}${k}.`)
      : [`${prefix}${k}`.replace(/_(zero|one|two|few|many|other)$/, '')],
  );
}

function emptyValues(ns: Namespace, prefix = ''): string[] {
  return Object.entries(ns).flatMap(([k, v]) =>
    v !== null && typeof v === 'object'
      ? emptyValues(v as Namespace, `${prefix}${k}.`)
      : typeof v === 'string' && v.trim()
        ? []
        : [`${prefix}${k}`],
  );
}

describe('locale files', () => {
  const resources = localeResources();
  it('have the same namespaces in every language', () => {
    for (const language of LANGUAGES) expect(Object.keys(resources[language]).sort(), language).toEqual(Object.keys(resources.en).sort());
  });

  for (const namespace of Object.keys(resources.en)) {
    it(`${namespace}: every key exists in all four languages, and no value is left empty`, () => {
      const english = new Set(keys(resources.en[namespace]!));
      for (const language of LANGUAGES) {
        const own = new Set(keys(resources[language][namespace]!));
        expect(
          [...english].filter((k) => !own.has(k)),
          `${language} lacks`,
        ).toEqual([]);
        expect(
          [...own].filter((k) => !english.has(k)),
          `${language} has beyond English`,
        ).toEqual([]);
        expect(emptyValues(resources[language][namespace]!), `${language} empty`).toEqual([]);
      }
    });
  }
});
