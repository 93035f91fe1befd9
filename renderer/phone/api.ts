import type { Actor } from '../../shared/contract/people.js';
import type { ApiError, ApiResult, RuleRefusal } from '../../shared/contract/result.js';
import type { MethodInput, MethodName, MethodResult } from '../../shared/contract/index.js';

/**
 * The team server as the phone sees it (SYNC-DESIGN.md "Endpoints"): sign in as a sync client,
 * read through `/api/call` (queries only), and send changes as push entries. The types mirror
 * shared/sync/protocol.ts; only types cross into this bundle, so it stays free of zod.
 */

export interface PhoneSession {
  clientId: string;
  clientNo: number;
  token: string;
  person: Actor;
  serverId: string;
  expiresAt?: string;
}

export interface PushEntry {
  seq: number;
  method: string;
  input: unknown;
  /** The ids the call took per table; empty: the server allocates them in this client's range. */
  ids: Record<string, number[]>;
  at: string;
}

export interface EntryResult {
  seq: number;
  ok: boolean;
  error?: ApiError;
}

/** No answer at all: no signal, or the server is down. The caller keeps its work and retries. */
export class OfflineError extends Error {
  constructor() {
    super('offline');
    this.name = 'OfflineError';
  }
}

/** The server answered, and said no to the request as a whole (bad sign-in, ended session, locked...). */
export class ServerRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The business rule the server named, so the phone words the refusal in its own language. */
    readonly rule?: RuleRefusal,
  ) {
    super(message);
    this.name = 'ServerRefusal';
  }
  get sessionEnded(): boolean {
    return this.status === 401;
  }
}

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new OfflineError();
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy's HTML error page, for example: the status says enough.
  }
  if (!response.ok)
    throw new ServerRefusal(response.status, refusalText(parsed) ?? `${response.status} ${response.statusText}`, refusalRule(parsed));
  return parsed as T;
}

/** The rule the server named for a refusal (`{ error: { rule } }`), when it named one. */
function refusalRule(body: unknown): RuleRefusal | undefined {
  const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  const rule = error && typeof error === 'object' ? (error as { rule?: unknown }).rule : undefined;
  return rule && typeof rule === 'object' && typeof (rule as { code?: unknown }).code === 'string' ? (rule as RuleRefusal) : undefined;
}

/** The server's own words for a refusal, in whichever shape it sent them. */
function refusalText(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { message?: unknown; error?: unknown };
  if (typeof b.message === 'string') return b.message;
  if (typeof b.error === 'string') return b.error;
  if (b.error && typeof b.error === 'object' && typeof (b.error as { message?: unknown }).message === 'string')
    return (b.error as { message: string }).message;
  return undefined;
}

export function connect(personCode: string, password: string, deviceName: string): Promise<PhoneSession> {
  return post<PhoneSession>('/api/sync/connect', { personCode, password, deviceName });
}

export async function call<M extends MethodName>(session: PhoneSession, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const result = await post<ApiResult<MethodResult<M>>>('/api/call', { method, input }, session.token);
  if (!result.ok) throw new ServerRefusal(200, result.error.message, result.error.rule);
  return result.value;
}

export async function push(session: Pick<PhoneSession, 'clientId' | 'token'>, entries: PushEntry[]): Promise<EntryResult[]> {
  const answer = await post<{ results: EntryResult[] }>('/api/sync/push', { clientId: session.clientId, entries }, session.token);
  return answer.results;
}
