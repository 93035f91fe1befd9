import { refusal } from '../../shared/contract/result.js';
import type { IdAllocator } from '../db/ids.js';
import type { Db } from '../db/open.js';

/**
 * The two id allocators of SYNC-DESIGN.md ("Ids"). Client number `c` owns the negative range
 * -(c*2^32)-1 down to -((c+1)*2^32)+1: a connected desktop's records never meet another desktop's,
 * nor the server's own positive ids. c <= 2^20 keeps every id a safe integer.
 */
const SPAN = 2 ** 32;

export function clientRange(clientNo: number): { high: number; low: number } {
  return { high: -(clientNo * SPAN) - 1, low: -((clientNo + 1) * SPAN) + 1 };
}

export function inClientRange(clientNo: number, id: number): boolean {
  const { high, low } = clientRange(clientNo);
  return Number.isSafeInteger(id) && id <= high && id >= low;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]*$/;

/** One below the lowest id of the range already in the table (or the top of the range). */
function belowRange(db: Db, table: string, clientNo: number, handedOut: number | undefined): number {
  if (!TABLE_NAME.test(table)) throw new Error(`Bad table name ${table}`);
  const { high, low } = clientRange(clientNo);
  const lowest = db.prepare(`SELECT min(id) FROM "${table}" WHERE id BETWEEN ? AND ?`).pluck().get(low, high) as number | null;
  const next = Math.min(lowest ?? high + 1, handedOut ?? high + 1) - 1;
  if (next < low) throw refusal('conflict', 'idsUsedUp', `This desktop has used up its identifiers for ${table}.`, { table });
  return next;
}

/** A connected desktop's allocator for one call: remembers what it handed out, for the queue entry. */
export class DesktopIds implements IdAllocator {
  readonly taken: Record<string, number[]> = {};

  constructor(
    private readonly db: Db,
    private readonly clientNo: number,
  ) {}

  next(table: string): number {
    const list = (this.taken[table] ??= []);
    const id = belowRange(this.db, table, this.clientNo, list[list.length - 1]);
    list.push(id);
    return id;
  }
}

/**
 * The server's allocator while it re-runs a desktop's call: hands out exactly the ids the desktop
 * chose, in order. An id outside the client's range, or one already in use, means the entry was not
 * written by that desktop's engine: the call is refused as forged. A call that needs more ids on the
 * server than on the desktop continues with the same rule on the server's file.
 */
export class ReplayIds implements IdAllocator {
  private readonly used: Record<string, number> = {};
  private readonly last: Record<string, number> = {};

  constructor(
    private readonly db: Db,
    private readonly clientNo: number,
    private readonly ids: Readonly<Record<string, readonly number[]>>,
  ) {}

  next(table: string): number {
    if (!TABLE_NAME.test(table)) throw new Error(`Bad table name ${table}`);
    const index = this.used[table] ?? 0;
    this.used[table] = index + 1;
    const chosen = this.ids[table]?.[index];
    if (chosen === undefined) {
      const id = belowRange(this.db, table, this.clientNo, this.last[table]);
      this.last[table] = id;
      return id;
    }
    if (!inClientRange(this.clientNo, chosen)) {
      throw refusal('forbidden', 'idNotYours', `Refused: the identifier ${chosen} for ${table} is not this desktop's to give.`, {
        id: chosen,
        table,
      });
    }
    if (this.db.prepare(`SELECT 1 FROM "${table}" WHERE id = ?`).get(chosen)) {
      throw refusal('forbidden', 'idTaken', `Refused: the identifier ${chosen} for ${table} is already taken.`, { id: chosen, table });
    }
    this.last[table] = Math.min(this.last[table] ?? chosen, chosen);
    return chosen;
  }
}
