import { readdirSync, readFileSync } from 'node:fs';

export const LANGUAGES = ['en', 'zh', 'es', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Namespace = Record<string, unknown>;

const folder = (language: Language) => new URL(`../../renderer/i18n/locales/${language}/`, import.meta.url);

/** The renderer's locale files as i18next loads them: language -> namespace -> keys (read from disk). */
export function localeResources(): Record<Language, Record<string, Namespace>> {
  const out = {} as Record<Language, Record<string, Namespace>>;
  for (const language of LANGUAGES) {
    out[language] = {};
    for (const file of readdirSync(folder(language)).filter((f) => f.endsWith('.json')))
      out[language][file.replace(/\.json$/, '')] = JSON.parse(readFileSync(new URL(file, folder(language)), 'utf8')) as Namespace;
  }
  return out;
}
