import { contract, isMethodName } from '../../shared/contract/index.js';

/**
 * How each mutating call behaves on a connected desktop (SYNC-DESIGN.md):
 * - LOCAL: the desktop's own business (language, sign-in, jobs, backups of this file, the sync
 *   link itself): run here, never sent.
 * - REFUSED: cannot be replayed on the server from a queue (a preview lives in one process, a demo
 *   or a restore replaces everything): refused with where to do it instead.
 * - SERVER_ONLY: queued without running here; its results come back with the next pull (a forecast
 *   run is computed and published by the server).
 * - everything else: run here at once and queued, in one local transaction.
 */
const LOCAL = new Set([
  'preferences.set',
  'auth.setup',
  'auth.signIn',
  'auth.signOut',
  'job.cancel',
  'backup.create',
  'backup.dismissRestoreNotice',
  'import.preview',
  'import.previewStart',
  'import.discard',
  'sync.connect',
  'sync.now',
  'sync.disconnect',
  'sync.acknowledge',
]);

const REFUSED: Record<string, string> = {
  'import.commit': 'Imports go into the team server: run `npm run import -- --db <server file> ...` on the server.',
  'import.start': 'Imports go into the team server: run `npm run import -- --db <server file> ...` on the server.',
  'demo.seed': 'A connected desktop holds the team server’s data; a demo region is generated on a solo desktop.',
  'backup.restore': 'A connected desktop is restored from the team server, not from a backup: disconnect first.',
  // a job writes on its own connection, outside the queue: a connected desktop accepts with readiness.acceptPlan
  'readiness.acceptPlanStart': 'A connected desktop accepts the plan as one call the team server replays (readiness.acceptPlan).',
};

const SERVER_ONLY = new Set(['forecast.run']);

export type SyncMode = 'local' | 'refused' | 'server' | 'synced' | 'query';

export function syncMode(method: string): SyncMode {
  if (!isMethodName(method) || !contract[method].mutates) return 'query';
  if (LOCAL.has(method)) return 'local';
  if (method in REFUSED) return 'refused';
  if (SERVER_ONLY.has(method)) return 'server';
  return 'synced';
}

export function refusedMessage(method: string): string {
  return REFUSED[method] ?? `${method} cannot be used on a desktop connected to a team server.`;
}

/** The rule behind that refusal, so the screen says it in the person's language (rules:refusal.<code>). */
export function refusedRule(method: string): { code: string; params: Record<string, string> } {
  const code = method.startsWith('import.')
    ? 'connectedImport'
    : method === 'demo.seed'
      ? 'connectedDemo'
      : method === 'backup.restore'
        ? 'connectedRestore'
        : method === 'forecast.run'
          ? 'connectedForecast'
          : 'connectedRefused';
  return { code, params: { method } };
}

/** What the server accepts in a push. */
export function canPush(method: string): boolean {
  const mode = syncMode(method);
  return mode === 'synced' || mode === 'server';
}
