import { prepared, type Db } from './open.js';

/**
 * Whole-network results (the readiness plan, the region's forecast totals) are recomputed only when
 * the data changed. The version is SQLite's own: rows this connection changed, plus data_version,
 * which moves when any other connection (a worker thread, another process) commits.
 */
export function dataVersion(db: Db): string {
  const own = prepared(db, 'SELECT total_changes() AS n').get() as { n: number };
  return `${own.n}:${db.pragma('data_version', { simple: true }) as number}`;
}

const caches = new WeakMap<Db, Map<string, { version: string; value: unknown }>>();

export function memo<T>(db: Db, key: string, compute: () => T): T {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const version = dataVersion(db);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  // the computation itself may not write, but re-read the version in case it did (it should not)
  cache.set(key, { version: dataVersion(db), value });
  if (cache.size > 64) cache.delete(cache.keys().next().value!);
  return value;
}
