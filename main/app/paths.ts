import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Off-season Planner';
export const DATABASE_FILE = 'planner.sqlite';

/**
 * Where Electron's `app.getPath('userData')` points on each system, so browser mode and the desktop
 * app open the same database unless told otherwise.
 */
export function defaultUserDataDir(): string {
  const home = homedir();
  switch (platform()) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
  }
}

/** `--db` wins, then PLANNER_DB, then the user data folder. */
export function resolveDatabasePath(cliPath?: string): string {
  return cliPath ?? process.env.PLANNER_DB ?? join(defaultUserDataDir(), DATABASE_FILE);
}
