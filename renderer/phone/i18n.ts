import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/locales/en/phone.json';
import zh from '../i18n/locales/zh/phone.json';
import es from '../i18n/locales/es/phone.json';
import ru from '../i18n/locales/ru/phone.json';
import rulesEn from '../i18n/locales/en/rules.json';
import rulesZh from '../i18n/locales/zh/rules.json';
import rulesEs from '../i18n/locales/es/rules.json';
import rulesRu from '../i18n/locales/ru/rules.json';
import type { RuleRefusal } from '../../shared/contract/result.js';

import { browserLanguage } from './language.js';

void i18n.use(initReactI18next).init({
  // The phone's namespace and the business rules' words (a refusal from the server is worded in the
  // phone's language); nothing else of the desktop's screens.
  resources: {
    en: { phone: en, rules: rulesEn },
    zh: { phone: zh, rules: rulesZh },
    es: { phone: es, rules: rulesEs },
    ru: { phone: ru, rules: rulesRu },
  },
  lng: browserLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]),
  fallbackLng: 'en',
  ns: ['phone', 'rules'],
  defaultNS: 'phone',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;

/** A refusal in the phone's language when the server named its rule, else in the server's words. */
export function refusalWords(message: string, rule?: RuleRefusal): string {
  const key = rule && `rules:refusal.${rule.code}`;
  return key && i18n.exists(key) ? i18n.t(key, { ...rule.params, defaultValue: message }) : message;
}

export default i18n;
