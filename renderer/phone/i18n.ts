import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../i18n/locales/en/phone.json';
import zh from '../i18n/locales/zh/phone.json';
import es from '../i18n/locales/es/phone.json';
import ru from '../i18n/locales/ru/phone.json';

import { browserLanguage } from './language.js';

void i18n.use(initReactI18next).init({
  // Only the phone's namespace: the page loads nothing of the desktop's screens.
  resources: { en: { phone: en }, zh: { phone: zh }, es: { phone: es }, ru: { phone: ru } },
  lng: browserLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]),
  fallbackLng: 'en',
  ns: ['phone'],
  defaultNS: 'phone',
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;

export default i18n;
