/**
 * Sending the outbox after the page is gone (Background Sync). A salesperson logs a visit in a
 * cellar without signal and puts the phone away; where the browser offers it (Chrome, Edge and
 * Samsung Internet on Android), the page asks the browser to wake the service worker once the signal
 * is back, and the worker sends the outbox (sw.ts). Elsewhere (Safari, Firefox) the open page sends
 * it, as before.
 */

/** The one Background Sync registration: the browser keeps one per tag, so asking again is harmless. */
export const OUTBOX_SYNC_TAG = 'planner-outbox';

/** What the worker tells open pages after it sent: read the outbox again. */
export interface OutboxSentMessage {
  type: 'planner-outbox-sent';
  accepted: number;
  refused: number;
}

export const isOutboxSentMessage = (data: unknown): data is OutboxSentMessage =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'planner-outbox-sent';

interface SyncManager {
  register(tag: string): Promise<void>;
}

/**
 * Asks the browser to send the outbox when the signal returns, even if the page is closed by then.
 * Resolves whether it will: false without a service worker (an untrusted certificate, a browser
 * without Background Sync) or when the browser refuses (the site's background sync switched off).
 */
export async function sendWhenSignalReturns(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  try {
    // getRegistration, not `ready`: `ready` never settles where the worker could not be registered.
    const registration = (await navigator.serviceWorker.getRegistration()) as
      (ServiceWorkerRegistration & { sync?: SyncManager }) | undefined;
    if (!registration?.active || !registration.sync) return false;
    await registration.sync.register(OUTBOX_SYNC_TAG);
    return true;
  } catch {
    return false;
  }
}
