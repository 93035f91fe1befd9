/**
 * The phone page's service worker: keeps the app shell (the built page, its script and styles) so
 * the page opens without signal. Data never goes through here: the API is not cached (reads have
 * their own copy in IndexedDB, and changes wait in the outbox), so nothing stale can be sent.
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
interface WorkerScope {
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
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
