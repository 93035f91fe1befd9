import { push } from './api.js';
import { OUTBOX_SYNC_TAG, type OutboxSentMessage } from './background-send.js';
import { flush } from './outbox.js';

/**
 * The phone page's service worker: keeps the app shell (the built page, its script and styles) so
 * the page opens without signal. Data never goes through its cache: the API is not cached (reads
 * have their own copy in IndexedDB, and changes wait in the outbox), so nothing stale can be sent.
 * It also sends the outbox when the browser wakes it after the signal returns (Background Sync,
 * background-send.ts), the page open or not: the same `flush` as the page's, and the server applies
 * each seq once, so the two sending at the same moment add nothing twice.
 *
 * scripts/build.mjs builds this file after the page and writes the list of the page's files and a
 * version made from their contents into it: a new build is a new worker, which replaces the old
 * cache as a whole (cache first is safe because every asset name carries its content hash).
 */

declare const __SHELL_FILES__: string[];
declare const __SHELL_VERSION__: string;

// The DOM lib types `self` as a window; these are the few service-worker shapes used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface SyncEvent extends ExtendableEvent {
  tag: string;
  /** The browser's last try for this registration (after this it gives up until asked again). */
  lastChance: boolean;
}
interface WorkerScope {
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void>; matchAll(options: { type: 'window' }): Promise<Array<{ postMessage(message: unknown): void }>> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const CACHE = `phone-shell-${__SHELL_VERSION__}`;
const scope = new URL(worker.registration.scope);
const shellUrls = __SHELL_FILES__.map((file) => new URL(file, scope).href);
const indexUrl = new URL('index.html', scope).href;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(shellUrls))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('phone-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  if (request.mode === 'navigate') {
    // Every page address inside the scope is the one-page app.
    event.respondWith(caches.match(indexUrl).then((hit) => hit ?? fetch(request)));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit ?? fetch(request)));
});

worker.addEventListener('sync', (event) => {
  if (event.tag !== OUTBOX_SYNC_TAG) return;
  event.waitUntil(sendOutbox());
});

/**
 * Sends what waits and tells any open page what was sent. Without signal, or when the server could not take it,
 * the promise fails, so the browser tries again later with its own back-off (Chromium: minutes,
 * three tries); an ended session waits for the person to sign in again, on the page.
 */
async function sendOutbox(): Promise<void> {
  const outcome = await flush(push);
  // Only a send changes what an open page shows (its count of waiting visits); nothing else is news.
  if (outcome.kind === 'sent') {
    const message: OutboxSentMessage = { type: 'planner-outbox-sent', accepted: outcome.accepted, refused: outcome.refused };
    for (const page of await worker.clients.matchAll({ type: 'window' })) page.postMessage(message);
  }
  if (outcome.kind === 'offline' || outcome.kind === 'failed') throw new Error(`The outbox was not sent (${outcome.kind}).`);
}
