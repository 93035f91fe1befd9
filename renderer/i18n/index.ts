import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/contract/system.js';
import { resources, NAMESPACES } from './resources.js';

const STORAGE_KEY = 'planner.language';

export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  const browser = navigator.language.slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(browser) ? (browser as Language) : 'en';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const hasStoredLanguage = (): boolean => localStorage.getItem(STORAGE_KEY) !== null;

/** Switches the language now and remembers it locally (the database keeps it for other doors). */
export function applyLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** The app's language as the core knows it, for files it writes in the user's language. */
export function currentLanguage(): Language {
  const now = i18n.language?.slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(now) ? (now as Language) : 'en';
}

document.documentElement.lang = i18n.language;

export default i18n;
