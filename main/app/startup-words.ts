import { LANGUAGES, type Language } from '../../shared/contract/system.js';

/**
 * The few words the desktop shows before the app's own screens (and their translations) are loaded:
 * while an older file is brought up to date, and when the app cannot start at all.
 */
export interface StartupWords {
  upgradingTitle: string;
  upgradingDetail: string;
  failedTitle: string;
  /** The file was written by a newer version of the app. */
  newerDatabase: (schema: number, latest: number) => string;
}

const WORDS: Record<Language, StartupWords> = {
  en: {
    upgradingTitle: 'Updating your data for this version…',
    upgradingDetail: 'This takes a moment on a large region. Nothing is lost if it is interrupted: it goes on at the next start.',
    failedTitle: 'Off-season Planner could not start',
    newerDatabase: (schema, latest) =>
      `This database was written by a newer version of the planner (schema ${schema}, this app knows ${latest}). Update the app.`,
  },
  zh: {
    upgradingTitle: '正在为新版本更新数据…',
    upgradingDetail: '数据量大的区域需要稍等片刻。如果中途中断，数据不会丢失，下次启动时会继续。',
    failedTitle: '淡季规划工具无法启动',
    newerDatabase: (schema, latest) => `此数据库由更新版本的计划工具写入（结构 ${schema}，本应用支持到 ${latest}）。请更新应用。`,
  },
  es: {
    upgradingTitle: 'Actualizando sus datos para esta versión…',
    upgradingDetail: 'En una región grande tarda un momento. Si se interrumpe no se pierde nada: continúa en el próximo inicio.',
    failedTitle: 'El planificador de temporada baja no pudo iniciarse',
    newerDatabase: (schema, latest) =>
      `Esta base de datos la escribió una versión más nueva del planificador (esquema ${schema}, esta aplicación conoce hasta ${latest}). Actualice la aplicación.`,
  },
  ru: {
    upgradingTitle: 'Обновление данных для этой версии…',
    upgradingDetail:
      'Для большого региона это занимает немного времени. Если прервать, ничего не потеряется: обновление продолжится при следующем запуске.',
    failedTitle: 'Планировщик межсезонья не удалось запустить',
    newerDatabase: (schema, latest) =>
      `Эта база данных записана более новой версией планировщика (схема ${schema}, приложение знает до ${latest}). Обновите приложение.`,
  },
};

/** The words in a language the user chose or the system's (a locale such as zh-CN), English otherwise. */
export function startupWords(language: string | null | undefined): StartupWords {
  const code = (language ?? '').slice(0, 2).toLowerCase();
  return WORDS[(LANGUAGES as readonly string[]).includes(code) ? (code as Language) : 'en'];
}
