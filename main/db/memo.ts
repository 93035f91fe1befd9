import type { Db } from './open.js';
import { onVersionsMoved, tableVersions, versionKey, type TableVersions } from './table-versions.js';

/**
 * Whole-network results (the readiness plan, the region's forecast totals, the segmentation, a target
 * grid) are recomputed only when a table they read changed (main/db/table-versions.ts): `reads`
 * names every table the computation reads, which tests/integration/memo-reads.test.ts checks
 * against the statements it actually runs.
 *
 * A result whose tables changed is dropped as soon as the change is seen (the next look at the
 * versions on this connection), not when the same key is asked for again: at national scale one
 * stale readiness plan or target grid is hundreds of MB, and a key that is never asked for again
 * (a screen's old filter, yesterday's plan, a result the main thread computed once as a fallback)
 * would otherwise be held until 64 newer keys pushed it out.
 */
interface Entry {
  version: string;
  reads: readonly string[];
  value: unknown;
}

/** At most this many results per connection, the least recently used dropped first. */
export const MEMO_LIMIT = 64;

const caches = new WeakMap<Db, Map<string, Entry>>();

function cacheOf(db: Db): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) {
    const created = new Map<string, Entry>();
    caches.set(db, (cache = created));
    onVersionsMoved(db, (versions) => dropStale(created, versions));
  }
  return cache;
}

function dropStale(cache: Map<string, Entry>, versions: TableVersions): void {
  for (const [key, entry] of cache) if (versionKey(versions, entry.reads) !== entry.version) cache.delete(key);
}

export function memo<T>(db: Db, key: string, reads: readonly string[], compute: () => T): T {
  // Inside a transaction the result may rest on writes that are about to roll back: never keep it.
  if (db.inTransaction) return compute();
  const cache = cacheOf(db);
  const version = versionKey(tableVersions(db), reads);
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    // Most recently used last, so the bound drops the result nobody has looked at for longest.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  // The stale value goes before the new one is computed: both at once would double the peak.
  cache.delete(key);
  const value = compute();
  cache.set(key, { version, reads, value });
  if (cache.size > MEMO_LIMIT) cache.delete(cache.keys().next().value!);
  return value;
}

/** The keys this connection holds a result for, oldest look first (for tests and the benchmark's notes). */
export function memoKeys(db: Db): string[] {
  return [...(caches.get(db)?.keys() ?? [])];
}
