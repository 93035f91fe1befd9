import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Identifiers of records created on one desktop must not collide with those created on another
 * (see ARCHITECTURE.md, "People and the team"). A service that creates a record with a surrogate
 * `id` asks `nextId(table)` and inserts it explicitly; `null` means "let SQLite choose", which is
 * what a solo desktop, the command line and the team server's own bulk writers get.
 *
 * A connected desktop runs each contract call inside `withIds(allocator, ...)` with an allocator
 * that hands out ids from the desktop's own range (negative numbers, so they never meet SQLite's
 * own max(rowid)+1 choice); the team server, re-running that call, uses an allocator that replays
 * the ids the desktop chose. Async-local, so concurrent calls never share an allocator.
 */
export interface IdAllocator {
  next(table: string): number;
}

const current = new AsyncLocalStorage<IdAllocator>();

export function withIds<T>(allocator: IdAllocator, run: () => T): T {
  return current.run(allocator, run);
}

/** The id the record about to be inserted into `table` must take, or null to let SQLite choose. */
export function nextId(table: string): number | null {
  return current.getStore()?.next(table) ?? null;
}
