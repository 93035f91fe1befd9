import { createStore, del, get, set, update, type UseStore } from 'idb-keyval';

/**
 * The phone's own storage in the browser: one IndexedDB database with one key-value store, through
 * idb-keyval (each `update` is one IndexedDB transaction, so reading and writing the outbox cannot
 * interleave with another tab's write). Everything the page needs offline lives here: the session,
 * the outbox, and the last route and pace it showed.
 */
let store: UseStore | undefined;

function phoneStore(): UseStore {
  store ??= createStore('planner-phone', 'kv');
  return store;
}

export const storage = {
  get: <T>(key: string): Promise<T | undefined> => get<T>(key, phoneStore()),
  set: (key: string, value: unknown): Promise<void> => set(key, value, phoneStore()),
  del: (key: string): Promise<void> => del(key, phoneStore()),
  update: <T>(key: string, change: (old: T | undefined) => T): Promise<void> => update<T>(key, change, phoneStore()),
};

/** Tests open a fresh database per case (fake-indexeddb); the page never calls this. */
export function resetStorageForTests(): void {
  store = undefined;
}
