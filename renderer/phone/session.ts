import { connect, type PhoneSession } from './api.js';
import { adoptSession } from './outbox.js';
import { storage } from './storage.js';

/**
 * The phone's sign-in as a sync client of the team server: its own clientId, token and seq
 * numbering. Kept in IndexedDB so the page opens signed in, with or without signal.
 */
const KEY = 'session';

export const readSession = (): Promise<PhoneSession | undefined> => storage.get<PhoneSession>(KEY);

export async function signIn(personCode: string, password: string): Promise<PhoneSession> {
  const session = await connect(personCode.trim(), password, deviceName());
  await adoptSession(session);
  await storage.set(KEY, session);
  return session;
}

/** Forgets the sign-in and what was cached for the person; the outbox stays (the caller checks it is empty). */
export async function signOut(): Promise<void> {
  await storage.del(KEY);
  await storage.del('cache');
}

/** What the administrator sees in the list of devices. */
function deviceName(): string {
  const ua = navigator.userAgent;
  const kind = /Android/i.test(ua) ? 'Android' : /iPhone|iPad/i.test(ua) ? 'iPhone' : 'browser';
  return `Phone page (${kind})`;
}
