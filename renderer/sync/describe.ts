/**
 * What the shell's sync indicator says, decided apart from React so it can be tested on its own:
 * the contract's `sync.status` in, one sentence key (namespace `sync`), its values and a tone out.
 */

/** The part of `sync.status` the indicator reads (kept structural so tests need no server). */
export interface SyncStatusView {
  state: 'solo' | 'synced' | 'pending' | 'offline' | 'refused' | 'syncing';
  pending: number;
  offlineSince: string | null;
  lastSyncAt: string | null;
  refusals: number;
  /** Why the last attempt failed; while a first sync is retried the state stays `syncing`. */
  lastError?: string | null;
}

export type SyncTone = 'green' | 'amber' | 'grey' | 'red' | 'blue';

export interface SyncSummary {
  /** i18n key in the `sync` namespace; null = nothing to show (a solo desktop). */
  key: string | null;
  values: Record<string, string | number>;
  tone: SyncTone;
  /** A second, quieter line (e.g. changes still waiting while offline). */
  detail: { key: string; values: Record<string, string | number> } | null;
}

/**
 * A clock time for today ("10:42"), a short date and time otherwise, in the user's language. `now`
 * is passed in so tests never read the wall clock.
 */
export function formatSyncTime(iso: string, language: string, now: Date): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return new Intl.DateTimeFormat(
    language,
    sameDay ? { hour: 'numeric', minute: '2-digit' } : { dateStyle: 'short', timeStyle: 'short' },
  ).format(at);
}

/**
 * A refused change outranks everything (the person must read it); then syncing, offline, waiting,
 * synced. The engine's own `state` decides, but the counts are re-read so the words always match them.
 */
export function describeSyncStatus(status: SyncStatusView, language: string, now: Date): SyncSummary {
  const time = (iso: string | null) => (iso ? formatSyncTime(iso, language, now) : '');
  const waiting = status.pending > 0 ? { key: 'indicator.waitingDetail', values: { count: status.pending } } : null;
  if (status.state === 'solo') return { key: null, values: {}, tone: 'grey', detail: null };
  if (status.state === 'refused' || status.refusals > 0) {
    return { key: 'indicator.refused', values: { count: Math.max(1, status.refusals) }, tone: 'red', detail: waiting };
  }
  switch (status.state) {
    case 'syncing':
      return {
        key: 'indicator.syncing',
        values: {},
        tone: 'blue',
        detail: status.lastError ? { key: 'indicator.retrying', values: {} } : waiting,
      };
    case 'offline':
      return status.offlineSince
        ? { key: 'indicator.offlineSince', values: { time: time(status.offlineSince) }, tone: 'grey', detail: waiting }
        : { key: 'indicator.offline', values: {}, tone: 'grey', detail: waiting };
    case 'pending':
      return { key: 'indicator.pending', values: { count: Math.max(1, status.pending) }, tone: 'amber', detail: null };
    default:
      return status.lastSyncAt
        ? { key: 'indicator.syncedAt', values: { time: time(status.lastSyncAt) }, tone: 'green', detail: null }
        : { key: 'indicator.synced', values: {}, tone: 'green', detail: null };
  }
}
