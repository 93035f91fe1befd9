import { queryKey, useApiQuery } from '../api/hooks.js';

/** Query keys of the settings: app info and preferences start with the `session` domain (shared/contract/invalidates.ts). */
export const settingsKeys = {
  appInfo: () => queryKey('app.info', {}),
  preferences: () => queryKey('preferences.get', {}),
};

/** The version, database file and data folder shown under "About". */
export const useAppInfo = () => useApiQuery('app.info', {});
/** The preferences saved in the database (the language chosen in another door follows it). */
export const usePreferences = () => useApiQuery('preferences.get', {});
