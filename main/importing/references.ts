import type { Db } from '../db/open.js';
import type { RefTable } from './fields.js';

const CODE_COLUMN: Record<RefTable, string> = {
  regions: 'code',
  areas: 'code',
  staff: 'code',
  distributors: 'code',
  sub_dealers: 'code',
  terminals: 'code',
  products: 'sku',
};

/**
 * Resolves the codes (or, failing that, unique names) that sheets use for related records. Each table
 * is loaded once per validation, so a million rows cost a million map look-ups, not queries.
 */
export class References {
  private readonly byCode = new Map<RefTable, Map<string, number>>();
  private readonly byName = new Map<RefTable, Map<string, number | null>>();

  constructor(private readonly db: Db) {}

  resolve(table: RefTable, text: string): number | null {
    const key = text.trim().toLowerCase();
    const code = this.codes(table).get(key);
    if (code !== undefined) return code;
    return this.names(table).get(key) ?? null;
  }

  /** By code only: a row's own key identifies the record it updates, never by a name that happens to match. */
  resolveCode(table: RefTable, text: string): number | null {
    return this.codes(table).get(text.trim().toLowerCase()) ?? null;
  }

  /** Rows created earlier in the same import become resolvable for later rows. */
  remember(table: RefTable, code: string, id: number): void {
    this.codes(table).set(code.trim().toLowerCase(), id);
  }

  private codes(table: RefTable): Map<string, number> {
    let map = this.byCode.get(table);
    if (!map) {
      map = new Map();
      for (const row of this.db.prepare(`SELECT id, ${CODE_COLUMN[table]} AS code FROM ${table}`).iterate() as Iterable<{
        id: number;
        code: string;
      }>) {
        map.set(row.code.toLowerCase(), row.id);
      }
      this.byCode.set(table, map);
    }
    return map;
  }

  private names(table: RefTable): Map<string, number | null> {
    let map = this.byName.get(table);
    if (!map) {
      map = new Map();
      if (table !== 'terminals') {
        for (const row of this.db.prepare(`SELECT id, name FROM ${table}`).iterate() as Iterable<{ id: number; name: string }>) {
          const key = row.name.toLowerCase();
          // A name shared by two records cannot identify either.
          map.set(key, map.has(key) ? null : row.id);
        }
      }
      this.byName.set(table, map);
    }
    return map;
  }
}
