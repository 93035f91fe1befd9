import type { Language } from '../../shared/contract/system.js';

// The contract's list, repeated as a type-checked literal: importing it would bring zod into the phone's bundle.
const LANGUAGES = ['en', 'zh', 'es', 'ru'] as const satisfies readonly Language[];

/** The phone speaks the browser's language (the first of its preferred ones the planner knows), else English. */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().slice(0, 2);
    if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}
