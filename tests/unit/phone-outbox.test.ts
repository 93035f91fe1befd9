import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { OfflineError, ServerRefusal, type EntryResult, type PushEntry } from '../../renderer/phone/api.js';
import { browserLanguage } from '../../renderer/phone/language.js';
import { localDay, monthShare } from '../../renderer/phone/dates.js';
import { adoptSession, dismissRefusal, enqueue, flush, readOutbox, type Sender } from '../../renderer/phone/outbox.js';
import { resetStorageForTests } from '../../renderer/phone/storage.js';

/**
 * The phone's outbox on a real IndexedDB implementation (fake-indexeddb, fresh per test): seqs are
 * taken once and survive a reload, nothing leaves before the server answered for it, refusals keep
 * the server's words, and a lost answer is repaired by sending the same seq again.
 */

/** A server that keeps the protocol's promise: seq = last + 1 runs, a seen seq answers its stored result. */
function fakeServer(refuse: (entry: PushEntry) => string | null = () => null) {
  let lastSeq = 0;
  const stored = new Map<number, EntryResult>();
  const applied: PushEntry[] = [];
  const calls: PushEntry[][] = [];
  const send: Sender = async (_session, entries) => {
    calls.push(entries);
    return entries.map((e) => {
      if (e.seq <= lastSeq) return stored.get(e.seq)!;
      if (e.seq !== lastSeq + 1) throw new ServerRefusal(409, `gap before ${e.seq}`);
      lastSeq = e.seq;
      const message = refuse(e);
      const result: EntryResult = message ? { seq: e.seq, ok: false, error: { code: 'conflict', message } } : { seq: e.seq, ok: true };
      if (!message) applied.push(e);
      stored.set(e.seq, result);
      return result;
    });
  };
  return { send, applied, calls };
}

const visit = (outletId: number) => ({
  salespersonId: 7,
  day: '2026-06-03',
  outletType: 'terminal',
  outletId,
  purpose: 'develop',
  outcome: 'interested',
});
const at = '2026-06-03T08:00:00.000Z';

/** A fresh, empty IndexedDB (Node has none: fake-indexeddb is the whole implementation). */
function freshDatabase(): void {
  (globalThis as { indexedDB?: unknown }).indexedDB = new IDBFactory();
  resetStorageForTests();
}

beforeEach(async () => {
  freshDatabase();
  await adoptSession({ clientId: 'client-a', token: 'token-a' });
});

describe('phone outbox', () => {
  it('numbers entries 1, 2, 3 and keeps the numbering across a reload', async () => {
    expect(await enqueue('visit.log', visit(1), 'Golden Dragon', at)).toBe(1);
    expect(await enqueue('visit.log', visit(2), 'Blue Moon', at)).toBe(2);
    resetStorageForTests(); // the page reloads: a new connection to the same database
    expect(await enqueue('visit.log', visit(3), 'Red Lantern', at)).toBe(3);
    const state = await readOutbox();
    expect(state?.pending.map((p) => [p.seq, p.label])).toEqual([
      [1, 'Golden Dragon'],
      [2, 'Blue Moon'],
      [3, 'Red Lantern'],
    ]);
    expect(state?.pending[0]).toMatchObject({ method: 'visit.log', input: visit(1), ids: {}, at });
  });

  it('keeps everything when there is no signal', async () => {
    await enqueue('visit.log', visit(1), 'Golden Dragon', at);
    const outcome = await flush(async () => {
      throw new OfflineError();
    });
    expect(outcome).toEqual({ kind: 'offline' });
    expect((await readOutbox())?.pending).toHaveLength(1);
  });

  it('sends in seq order, drops what was accepted and keeps refusals with the server message', async () => {
    const server = fakeServer((e) => ((e.input as { outletId: number }).outletId === 2 ? 'The plan was approved meanwhile.' : null));
    for (const id of [1, 2, 3]) await enqueue('visit.log', visit(id), `Outlet ${id}`, at);
    expect(await flush(server.send)).toEqual({ kind: 'sent', accepted: 2, refused: 1 });
    const state = await readOutbox();
    expect(state?.pending).toEqual([]);
    expect(state?.refused.map((r) => [r.seq, r.label, r.message, r.code])).toEqual([
      [2, 'Outlet 2', 'The plan was approved meanwhile.', 'conflict'],
    ]);
    expect(server.applied.map((e) => e.seq)).toEqual([1, 3]);
    // The phone-only label never goes to the server.
    expect(Object.keys(server.calls[0]![0]!).sort()).toEqual(['at', 'ids', 'input', 'method', 'seq']);

    await dismissRefusal(2, 'client-a');
    expect((await readOutbox())?.refused).toEqual([]);
  });

  it('applies an entry once when the answer was lost and the phone sends it again', async () => {
    const server = fakeServer();
    await enqueue('visit.log', visit(1), 'Golden Dragon', at);
    // The server runs the entry, then the signal drops before the answer arrives.
    const lost: Sender = async (session, entries) => {
      await server.send(session, entries);
      throw new OfflineError();
    };
    expect(await flush(lost)).toEqual({ kind: 'offline' });
    expect((await readOutbox())?.pending).toHaveLength(1);
    await enqueue('visit.log', visit(2), 'Blue Moon', at);
    expect(await flush(server.send)).toEqual({ kind: 'sent', accepted: 2, refused: 0 });
    expect(server.applied.map((e) => e.seq)).toEqual([1, 2]);
    expect((await readOutbox())?.pending).toEqual([]);
  });

  it('sends at most 500 entries a request', async () => {
    const server = fakeServer();
    for (let i = 1; i <= 501; i++) await enqueue('visit.log', visit(i), `Outlet ${i}`, at);
    expect(await flush(server.send)).toEqual({ kind: 'sent', accepted: 501, refused: 0 });
    expect(server.calls.map((c) => c.length)).toEqual([500, 1]);
  });

  it('shares one sending between two callers', async () => {
    const server = fakeServer();
    await enqueue('visit.log', visit(1), 'Golden Dragon', at);
    const [a, b] = await Promise.all([flush(server.send), flush(server.send)]);
    expect(a).toEqual(b);
    expect(server.calls).toHaveLength(1);
  });

  it('keeps entries and says so when the session has ended', async () => {
    await enqueue('visit.log', visit(1), 'Golden Dragon', at);
    const outcome = await flush(async () => {
      throw new ServerRefusal(401, 'Session expired');
    });
    expect(outcome).toEqual({ kind: 'session_ended', message: 'Session expired' });
    expect((await readOutbox())?.pending).toHaveLength(1);
  });

  it('a new token for the same client keeps the queue; a new client shows what the old one could not send', async () => {
    await enqueue('visit.log', visit(1), 'Golden Dragon', at);
    await adoptSession({ clientId: 'client-a', token: 'token-a2' });
    expect(await readOutbox()).toMatchObject({ clientId: 'client-a', token: 'token-a2', nextSeq: 2, pending: [{ seq: 1 }] });

    await adoptSession({ clientId: 'client-b', token: 'token-b' });
    const state = await readOutbox();
    expect(state).toMatchObject({ clientId: 'client-b', nextSeq: 1, pending: [] });
    expect(state?.refused.map((r) => [r.clientId, r.seq, r.code])).toEqual([['client-a', 1, 'session_replaced']]);
    expect(await enqueue('visit.log', visit(2), 'Blue Moon', at)).toBe(1);
  });

  it('refuses to queue before anyone signed in', async () => {
    freshDatabase();
    await expect(enqueue('visit.log', visit(1), 'Golden Dragon', at)).rejects.toThrow(/Sign in first/);
    expect(await readOutbox()).toBeUndefined();
  });
});

describe('phone calendar and language', () => {
  it('takes the local calendar day and the share of the month gone', () => {
    expect(localDay(new Date(2026, 5, 3, 23, 30))).toBe('2026-06-03');
    expect(monthShare('2026-06-15')).toBe(0.5);
    expect(monthShare('2026-02-28')).toBe(1);
  });

  it('picks the first browser language the planner speaks', () => {
    expect(browserLanguage(['zh-CN', 'en-US'])).toBe('zh');
    expect(browserLanguage(['de-DE', 'es-419'])).toBe('es');
    expect(browserLanguage(['RU'])).toBe('ru');
    expect(browserLanguage(['de-DE', 'fr'])).toBe('en');
  });
});
