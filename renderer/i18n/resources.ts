import enCommon from './locales/en/common.json';
import zhCommon from './locales/zh/common.json';
import esCommon from './locales/es/common.json';
import ruCommon from './locales/ru/common.json';
import enNetwork from './locales/en/network.json';
import zhNetwork from './locales/zh/network.json';
import esNetwork from './locales/es/network.json';
import ruNetwork from './locales/ru/network.json';
import enImporting from './locales/en/importing.json';
import zhImporting from './locales/zh/importing.json';
import esImporting from './locales/es/importing.json';
import ruImporting from './locales/ru/importing.json';

import enForecast from './locales/en/forecast.json';
import zhForecast from './locales/zh/forecast.json';
import esForecast from './locales/es/forecast.json';
import ruForecast from './locales/ru/forecast.json';

import enReadiness from './locales/en/readiness.json';
import zhReadiness from './locales/zh/readiness.json';
import esReadiness from './locales/es/readiness.json';
import ruReadiness from './locales/ru/readiness.json';

import enTargets from './locales/en/targets.json';
import zhTargets from './locales/zh/targets.json';
import esTargets from './locales/es/targets.json';
import ruTargets from './locales/ru/targets.json';

import enAccounts from './locales/en/accounts.json';
import zhAccounts from './locales/zh/accounts.json';
import esAccounts from './locales/es/accounts.json';
import ruAccounts from './locales/ru/accounts.json';

import enEvents from './locales/en/events.json';
import zhEvents from './locales/zh/events.json';
import esEvents from './locales/es/events.json';
import ruEvents from './locales/ru/events.json';

import enDevelopment from './locales/en/development.json';
import zhDevelopment from './locales/zh/development.json';
import esDevelopment from './locales/es/development.json';
import ruDevelopment from './locales/ru/development.json';

import enRestore from './locales/en/restore.json';
import zhRestore from './locales/zh/restore.json';
import esRestore from './locales/es/restore.json';
import ruRestore from './locales/ru/restore.json';
import enPeople from './locales/en/people.json';
import zhPeople from './locales/zh/people.json';
import esPeople from './locales/es/people.json';
import ruPeople from './locales/ru/people.json';
import enBrief from './locales/en/brief.json';
import zhBrief from './locales/zh/brief.json';
import esBrief from './locales/es/brief.json';
import ruBrief from './locales/ru/brief.json';

import enDaywork from './locales/en/daywork.json';
import zhDaywork from './locales/zh/daywork.json';
import esDaywork from './locales/es/daywork.json';
import ruDaywork from './locales/ru/daywork.json';
import enRules from './locales/en/rules.json';
import zhRules from './locales/zh/rules.json';
import esRules from './locales/es/rules.json';
import ruRules from './locales/ru/rules.json';
import enAdmin from './locales/en/admin.json';
import zhAdmin from './locales/zh/admin.json';
import esAdmin from './locales/es/admin.json';
import ruAdmin from './locales/ru/admin.json';
import enVisitPhotos from './locales/en/visitPhotos.json';
import zhVisitPhotos from './locales/zh/visitPhotos.json';
import esVisitPhotos from './locales/es/visitPhotos.json';
import ruVisitPhotos from './locales/ru/visitPhotos.json';
import enSync from './locales/en/sync.json';
import zhSync from './locales/zh/sync.json';
import esSync from './locales/es/sync.json';
import ruSync from './locales/ru/sync.json';
import enBriefHistory from './locales/en/briefHistory.json';
import zhBriefHistory from './locales/zh/briefHistory.json';
import esBriefHistory from './locales/es/briefHistory.json';
import ruBriefHistory from './locales/ru/briefHistory.json';
import enWords from './locales/en/words.json';
import zhWords from './locales/zh/words.json';
import esWords from './locales/es/words.json';
import ruWords from './locales/ru/words.json';
import enStockcheck from './locales/en/stockcheck.json';
import zhStockcheck from './locales/zh/stockcheck.json';
import esStockcheck from './locales/es/stockcheck.json';
import ruStockcheck from './locales/ru/stockcheck.json';

/**
 * One namespace per feature; a feature adds its four JSON files and one entry per language here.
 */
export const resources = {
  en: {
    common: enCommon,
    network: enNetwork,
    importing: enImporting,
    forecast: enForecast,
    readiness: enReadiness,
    targets: enTargets,
    accounts: enAccounts,
    events: enEvents,
    development: enDevelopment,
    restore: enRestore,
    people: enPeople,
    brief: enBrief,
    daywork: enDaywork,
    rules: enRules,
    admin: enAdmin,
    sync: enSync,
    visitPhotos: enVisitPhotos,
    briefHistory: enBriefHistory,
    words: enWords,
    stockcheck: enStockcheck,
  },
  zh: {
    common: zhCommon,
    network: zhNetwork,
    importing: zhImporting,
    forecast: zhForecast,
    readiness: zhReadiness,
    targets: zhTargets,
    accounts: zhAccounts,
    events: zhEvents,
    development: zhDevelopment,
    restore: zhRestore,
    people: zhPeople,
    brief: zhBrief,
    daywork: zhDaywork,
    rules: zhRules,
    admin: zhAdmin,
    sync: zhSync,
    visitPhotos: zhVisitPhotos,
    briefHistory: zhBriefHistory,
    words: zhWords,
    stockcheck: zhStockcheck,
  },
  es: {
    common: esCommon,
    network: esNetwork,
    importing: esImporting,
    forecast: esForecast,
    readiness: esReadiness,
    targets: esTargets,
    accounts: esAccounts,
    events: esEvents,
    development: esDevelopment,
    restore: esRestore,
    people: esPeople,
    brief: esBrief,
    daywork: esDaywork,
    rules: esRules,
    admin: esAdmin,
    sync: esSync,
    visitPhotos: esVisitPhotos,
    briefHistory: esBriefHistory,
    words: esWords,
    stockcheck: esStockcheck,
  },
  ru: {
    common: ruCommon,
    network: ruNetwork,
    importing: ruImporting,
    forecast: ruForecast,
    readiness: ruReadiness,
    targets: ruTargets,
    accounts: ruAccounts,
    events: ruEvents,
    development: ruDevelopment,
    restore: ruRestore,
    people: ruPeople,
    brief: ruBrief,
    daywork: ruDaywork,
    rules: ruRules,
    admin: ruAdmin,
    sync: ruSync,
    visitPhotos: ruVisitPhotos,
    briefHistory: ruBriefHistory,
    words: ruWords,
    stockcheck: ruStockcheck,
  },
} as const;

export const NAMESPACES = Object.keys(resources.en);
