import { OfflineError, ServerRefusal, type EntryResult, type PhoneSession, type PushEntry } from './api.js';
import { storage } from './storage.js';

/**
 * The phone's outbox: changes made in the field wait here (IndexedDB) until the team server has
 * answered for them. Each change gets the next sequence number of this sync client at the moment it
 * is made, and that number is stored with it, so however often the page retries (lost answer,
 * reload, crash) the server applies each entry exactly once: a seq it has seen is answered from its
 * record, never run again (SYNC-DESIGN.md "Push").
 */

export interface OutboxItem extends PushEntry {
  /** What the person sees in the list ("Visit: Golden Dragon"); stays on the phone. */
  label: string;
}

export interface Refusal extends OutboxItem {
  /** The server's message, or the phone's own reason when it could not be sent at all. */
  message: string;
  /** `session_replaced`: signed in again as a new client before these could be sent. */
  code: string;
  /** The sync client the entry belonged to (seqs repeat across clients). */
  clientId: string;
  /** The business rule behind the refusal, when the server named one: shown in the phone's language. */
  rule?: { code: string; params?: Record<string, string | number> };
}

export interface OutboxState {
  clientId: string;
  token: string;
  /** The seq the next change takes; persisted so numbering survives reloads. */
  nextSeq: number;
  pending: OutboxItem[];
  refused: Refusal[];
}

const KEY = 'outbox';
/** The protocol's batch limit. */
const BATCH = 500;

export const readOutbox = (): Promise<OutboxState | undefined> => storage.get<OutboxState>(KEY);

/**
 * A new sign-in. The same client keeps its queue (a fresh token only). A new client starts at seq 1;
 * what the previous client had not sent cannot be sent by the new one (the server would take the
 * seqs as this client's), so it is shown as not sent rather than dropped in silence.
 */
export async function adoptSession(session: Pick<PhoneSession, 'clientId' | 'token'>): Promise<void> {
  await storage.update<OutboxState>(KEY, (old) => {
    if (old && old.clientId === session.clientId) return { ...old, token: session.token };
    const orphaned: Refusal[] = (old?.pending ?? []).map((item) => ({
      ...item,
      clientId: old!.clientId,
      code: 'session_replaced',
      message: 'Not sent: the session ended before the signal returned.',
    }));
    return { clientId: session.clientId, token: session.token, nextSeq: 1, pending: [], refused: [...(old?.refused ?? []), ...orphaned] };
  });
}

/** Queues one contract call; returns its seq. The seq is taken and stored in one IndexedDB transaction. */
export async function enqueue(method: string, input: unknown, label: string, at: string): Promise<number> {
  let seq = 0;
  await storage.update<OutboxState>(KEY, (old) => {
    if (!old) throw new Error('Sign in first: the outbox belongs to a signed-in phone.');
    seq = old.nextSeq;
    return { ...old, nextSeq: seq + 1, pending: [...old.pending, { seq, method, input, ids: {}, at, label }] };
  });
  return seq;
}

export type FlushOutcome =
  | { kind: 'idle' }
  | { kind: 'sent'; accepted: number; refused: number }
  | { kind: 'offline' }
  | { kind: 'session_ended'; message: string }
  | { kind: 'failed'; message: string };

export type Sender = (session: { clientId: string; token: string }, entries: PushEntry[]) => Promise<EntryResult[]>;

/** Applies the server's answers: accepted entries leave, refused ones move to the refusals with the server's words. */
export function settle(state: OutboxState, results: EntryResult[]): OutboxState {
  const bySeq = new Map(results.map((r) => [r.seq, r]));
  const pending: OutboxItem[] = [];
  const refused = [...state.refused];
  for (const item of state.pending) {
    const result = bySeq.get(item.seq);
    if (!result) pending.push(item);
    else if (!result.ok)
      refused.push({
        ...item,
        clientId: state.clientId,
        code: result.error?.code ?? 'refused',
        message: result.error?.message ?? 'Refused',
        ...(result.error?.rule ? { rule: result.error.rule } : {}),
      });
  }
  return { ...state, pending, refused };
}

let inFlight: Promise<FlushOutcome> | null = null;

/**
 * Sends what waits, in seq order, in batches, until the queue is empty or the server cannot be
 * reached. One flush at a time per page; a second caller shares the running one.
 */
export function flush(send: Sender): Promise<FlushOutcome> {
  inFlight ??= flushNow(send).finally(() => (inFlight = null));
  return inFlight;
}

async function flushNow(send: Sender): Promise<FlushOutcome> {
  let accepted = 0;
  let refusedCount = 0;
  for (;;) {
    const state = await readOutbox();
    if (!state || state.pending.length === 0)
      return accepted + refusedCount === 0 ? { kind: 'idle' } : { kind: 'sent', accepted, refused: refusedCount };
    const batch = state.pending.slice(0, BATCH);
    let results: EntryResult[];
    try {
      results = await send(
        { clientId: state.clientId, token: state.token },
        batch.map(({ seq, method, input, ids, at }) => ({ seq, method, input, ids, at })),
      );
    } catch (error) {
      if (error instanceof OfflineError) return { kind: 'offline' };
      if (error instanceof ServerRefusal && error.sessionEnded) return { kind: 'session_ended', message: error.message };
      return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
    const answered = new Set(batch.map((b) => b.seq));
    const mine = results.filter((r) => answered.has(r.seq));
    if (mine.length === 0) return { kind: 'failed', message: 'The server answered for none of the waiting changes.' };
    await storage.update<OutboxState>('outbox', (old) => {
      // Signed in as another client meanwhile: these answers are not for that queue.
      if (!old || old.clientId !== state.clientId) return old as OutboxState;
      return settle(old, mine);
    });
    accepted += mine.filter((r) => r.ok).length;
    refusedCount += mine.filter((r) => !r.ok).length;
  }
}

/** The person has read a refusal and lets it go. */
export async function dismissRefusal(seq: number, clientId: string): Promise<void> {
  await storage.update<OutboxState>(KEY, (old) => {
    if (!old) return old as unknown as OutboxState;
    return { ...old, refused: old.refused.filter((r) => !(r.seq === seq && r.clientId === clientId)) };
  });
}
