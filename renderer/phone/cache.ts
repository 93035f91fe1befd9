import { storage } from './storage.js';

/**
 * The last answer of each screen's query, so the route and the pace still show without signal
 * (and after a reload offline). One entry per key; the whole cache goes at sign-out.
 */
type Cache = Record<string, { value: unknown; at: string }>;

export async function readCached<T>(key: string): Promise<{ value: T; at: string } | undefined> {
  const cache = await storage.get<Cache>('cache');
  return cache?.[key] as { value: T; at: string } | undefined;
}

export async function writeCached(key: string, value: unknown, at: string): Promise<void> {
  await storage.update<Cache>('cache', (old) => ({ ...(old ?? {}), [key]: { value, at } }));
}
