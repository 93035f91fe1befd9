import type { Db } from './open.js';
import { tableVersions, versionKey } from './table-versions.js';

/**
 * Whole-network results (the readiness plan, the region's forecast totals, the segmentation, a target
 * grid) are recomputed only when a table they read changed (main/db/table-versions.ts): `reads`
 * names every table the computation reads, which tests/integration/memo-reads.test.ts checks
 * against the statements it actually runs.
 */
const caches = new WeakMap<Db, Map<string, { version: string; value: unknown }>>();

export function memo<T>(db: Db, key: string, reads: readonly string[], compute: () => T): T {
  // Inside a transaction the result may rest on writes that are about to roll back: never keep it.
  if (db.inTransaction) return compute();
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const version = versionKey(tableVersions(db), reads);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  cache.delete(key);
  cache.set(key, { version, value });
  if (cache.size > 64) cache.delete(cache.keys().next().value!);
  return value;
}
