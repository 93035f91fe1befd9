import type { ApiError } from '../../shared/contract/result.js';

/** What went wrong while checking or connecting to a team server, as the person needs to hear it. */
export type ConnectProblem = 'unreachable' | 'certificate' | 'credentials' | 'locked' | 'other';

/**
 * The engine marks the field a failure concerns (`issues[].path`) and its kind (`code`); see
 * /work/wt/SYNC-NOTES.md. The message is read too, as a fallback for failures the engine does not
 * mark (a socket error passed through), so a person is never left with a bare "internal error".
 */
export function connectProblem(error: Pick<ApiError, 'code' | 'message' | 'issues'>): ConnectProblem {
  const paths = (error.issues ?? []).map((i) => i.path);
  const text = `${error.message} ${(error.issues ?? []).map((i) => i.message).join(' ')}`.toLowerCase();
  if (/lock|too many/.test(text)) return 'locked';
  if (paths.includes('fingerprint') || /certificate|fingerprint/.test(text)) return 'certificate';
  if (paths.includes('password') || paths.includes('personCode') || /password|credential/.test(text)) {
    return error.code === 'busy' ? 'locked' : 'credentials';
  }
  if (paths.includes('serverUrl') || /unreachable|not reachable|econnrefused|enotfound|timed? ?out|network|fetch failed/.test(text)) {
    return 'unreachable';
  }
  return 'other';
}
