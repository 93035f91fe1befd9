import { describe, expect, it } from 'vitest';
import { TRACKED, UNRECORDED, UNRECORDED_CALLS } from '../../main/people/history.js';
import { contract } from '../../shared/contract/index.js';
import { createTestDb } from '../support/db.js';
import { LANGUAGES, localeResources } from '../support/locales.js';

/**
 * The History screen says every action and every recorded field in the reader's language: a manager
 * read `targets.refreshNatural` and `natural_drawn_at` where the rest of the app speaks Chinese. A
 * method or a tracked column added without its words fails here, in every language.
 */
describe('the history in words', () => {
  const locales = localeResources();
  const recordedMethods = Object.entries(contract)
    .filter(([name, spec]) => spec.mutates && !UNRECORDED_CALLS.has(name))
    .map(([name]) => name);
  const { db } = createTestDb();
  const columns = [
    ...new Set(
      TRACKED.flatMap((t) =>
        (db.prepare(`PRAGMA table_info(${t.table})`).all() as Array<{ name: string }>).map((c) => c.name).filter((c) => !UNRECORDED.has(c)),
      ),
    ),
  ];

  it('has a tracked table and recorded methods to check', () => {
    expect(columns).toContain('natural_drawn_at');
    expect(recordedMethods).toContain('targets.refreshNatural');
  });

  for (const language of LANGUAGES) {
    const words = locales[language].briefHistory as { method: Record<string, Record<string, string>>; field: Record<string, string> };
    it(`names every recorded action in ${language}`, () => {
      const missing = recordedMethods.filter((m) => {
        const [group, verb] = m.split('.') as [string, string];
        return !words.method[group]?.[verb];
      });
      expect(missing).toEqual([]);
    });
    it(`offers only the contract's methods in ${language} (the History screen's action filter lists these words)`, () => {
      const named = Object.entries(words.method).flatMap(([group, verbs]) => Object.keys(verbs).map((verb) => `${group}.${verb}`));
      expect(named.filter((m) => !(m in contract))).toEqual([]);
    });
    it(`names every recorded field in ${language}`, () => {
      expect(columns.filter((c) => !words.field[c])).toEqual([]);
    });
  }
});
