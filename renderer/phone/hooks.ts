import { useCallback, useEffect, useRef, useState } from 'react';
import { OfflineError, ServerRefusal, push, type PhoneSession } from './api.js';
import { refusalWords } from './i18n.js';
import { readCached, writeCached } from './cache.js';
import { flush, readOutbox, type FlushOutcome, type OutboxState } from './outbox.js';
import { isOutboxSentMessage, sendWhenSignalReturns } from './background-send.js';

/** How often a non-empty outbox is retried while the page is open (besides the `online` event). */
const RETRY_MS = 20_000;
/**
 * Sooner while the last attempt found no signal: the browser's `online` event does not always come
 * (a page reopened from the phone's copy without signal can believe it is online, and then nothing
 * changes when the signal returns), and without signal a try fails at once, without the radio.
 */
const OFFLINE_RETRY_MS = 5_000;

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; value: T; stale: boolean } | { state: 'no_copy' } | { state: 'error'; message: string };

/**
 * A screen's data: the cached copy at once if there is one, then the server's answer; without
 * signal the copy stays (marked stale) instead of an error.
 */
export function useCachedLoad<T>(key: string, load: () => Promise<T>): { data: Loaded<T>; reload: () => void } {
  const [data, setData] = useState<Loaded<T>>({ state: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void (async () => {
      const cached = await readCached<T>(key);
      if (live && cached) setData({ state: 'ready', value: cached.value, stale: true });
      try {
        const value = await loadRef.current();
        await writeCached(key, value, new Date().toISOString());
        if (live) setData({ state: 'ready', value, stale: false });
      } catch (error) {
        if (!live) return;
        if (error instanceof OfflineError) setData(cached ? { state: 'ready', value: cached.value, stale: true } : { state: 'no_copy' });
        else
          setData({
            state: 'error',
            message:
              error instanceof ServerRefusal
                ? refusalWords(error.message, error.rule)
                : error instanceof Error
                  ? error.message
                  : String(error),
          });
      }
    })();
    return () => {
      live = false;
    };
  }, [key, attempt]);

  return { data, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}

export interface OutboxView {
  outbox: OutboxState | undefined;
  /** The last attempt's outcome; `sending` while one runs. */
  last: FlushOutcome | { kind: 'sending' } | null;
  send: () => Promise<FlushOutcome>;
  refresh: () => Promise<void>;
  /** The browser will send what waits when the signal returns, even with the page closed (Background Sync). */
  sendsInBackground: boolean;
}

/**
 * The outbox as the page shows it, and the sending: at start, when the browser says the signal is
 * back, after each new entry, and every little while as long as something waits.
 */
export function useOutbox(session: PhoneSession | undefined, onAccepted: () => void): OutboxView {
  const [outbox, setOutbox] = useState<OutboxState | undefined>();
  const [last, setLast] = useState<OutboxView['last']>(null);
  const [sendsInBackground, setSendsInBackground] = useState(false);
  const acceptedRef = useRef(onAccepted);
  acceptedRef.current = onAccepted;

  const refresh = useCallback(async () => setOutbox(await readOutbox()), []);

  const send = useCallback(async (): Promise<FlushOutcome> => {
    setLast({ kind: 'sending' });
    const outcome = await flush(push);
    setLast(outcome);
    await refresh();
    if (outcome.kind === 'sent' && outcome.accepted > 0) acceptedRef.current();
    // Not sent now: the browser is asked to send it later, when the page may be closed.
    if (outcome.kind === 'offline' || outcome.kind === 'failed') setSendsInBackground(await sendWhenSignalReturns());
    return outcome;
  }, [refresh]);

  useEffect(() => {
    // The service worker sent what waited (the browser woke it when the signal returned).
    const worker = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
    if (!session || !worker) return;
    const onMessage = (event: MessageEvent) => {
      if (!isOutboxSentMessage(event.data)) return;
      const { accepted, refused } = event.data;
      void refresh();
      if (accepted + refused > 0) setLast({ kind: 'sent', accepted, refused });
      if (accepted > 0) acceptedRef.current();
    };
    worker.addEventListener('message', onMessage);
    return () => worker.removeEventListener('message', onMessage);
  }, [session, refresh]);

  useEffect(() => {
    if (!session) return;
    void refresh().then(() => send());
    const onOnline = () => void send();
    // back to the page (the phone woken, another app left): a moment when the signal may be back
    const onVisible = () => document.visibilityState === 'visible' && void send();
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [session, refresh, send]);

  const waiting = outbox?.pending.length ?? 0;
  const sessionEnded = last?.kind === 'session_ended';
  const noSignal = last?.kind === 'offline';
  useEffect(() => {
    if (!session || waiting === 0 || sessionEnded) return;
    const timer = window.setInterval(() => void send(), noSignal ? OFFLINE_RETRY_MS : RETRY_MS);
    return () => window.clearInterval(timer);
  }, [session, waiting, sessionEnded, noSignal, send]);

  return { outbox, last, send, refresh, sendsInBackground };
}

/** The browser's own idea of the signal, for the banner (sending does not rely on it). */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}
