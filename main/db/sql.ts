import { now } from '../../shared/domain/clock.js';
import { DomainError } from '../../shared/contract/result.js';
import type { Page } from '../../shared/contract/fields.js';
import { prepared, type Db } from './open.js';
import { nextId } from './ids.js';

/** A WHERE clause assembled from optional filters; parameters always bound, never spliced. */
export class Conditions {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(condition: string, ...params: unknown[]): this {
    this.parts.push(condition);
    this.params.push(...params);
    return this;
  }

  when(value: unknown, condition: string, ...params: unknown[]): this {
    return value === undefined || value === null || value === '' ? this : this.add(condition, ...params);
  }

  /** Case-insensitive substring search over several columns. */
  search(text: string | undefined, columns: string[]): this {
    if (!text) return this;
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.add(`(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`, ...columns.map(() => pattern));
  }

  toSql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

export interface PageQuery {
  select: string;
  from: string;
  /**
   * Deferred join: when set, the page's ids are chosen from this narrower FROM (which must support
   * the WHERE and ORDER BY), and the full select runs only for those ids.
   */
  idFrom?: string;
  idColumn?: string;
  where: Conditions;
  orderBy: string;
  offset: number;
  limit: number;
  /** The total, when the caller has counted it a cheaper way (a search index's own count). */
  total?: number;
}

export function selectPage<T>(db: Db, q: PageQuery): Page<T> {
  const where = q.where.toSql();
  const countFrom = q.idFrom ?? q.from;
  const rows = (
    q.idFrom && q.idColumn
      ? prepared(
          db,
          `SELECT ${q.select} FROM ${q.from} WHERE ${q.idColumn} IN (SELECT ${q.idColumn} FROM ${q.idFrom} ${where} ORDER BY ${q.orderBy} LIMIT ? OFFSET ?) ORDER BY ${q.orderBy}`,
        ).all(...q.where.params, q.limit, q.offset)
      : prepared(db, `SELECT ${q.select} FROM ${q.from} ${where} ORDER BY ${q.orderBy} LIMIT ? OFFSET ?`).all(
          ...q.where.params,
          q.limit,
          q.offset,
        )
  ) as T[];
  // The total only changes with the filter; for the first page of a short list it equals rows.length.
  const total =
    q.offset === 0 && rows.length < q.limit
      ? rows.length
      : (q.total ?? (prepared(db, `SELECT count(*) AS n FROM ${countFrom} ${where}`).get(...q.where.params) as { n: number }).n);
  return { rows, total };
}

/** Fails with a message naming the field when a referenced record does not exist. */
export function requireRow(db: Db, table: string, id: number, path: string, label: string): void {
  const found = prepared(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  // The rule's code lets the screen say it in the user's language (rules:refusal.recordMissing).
  if (!found)
    throw new DomainError('validation', `${label} not found`, [{ path, message: `${label} #${id} does not exist` }], {
      code: 'recordMissing',
      params: { what: label, id },
    });
}

export function notFound(label: string, id: number): DomainError {
  return new DomainError('not_found', `${label} #${id} no longer exists. It may have been deleted in another window.`, undefined, {
    code: 'recordGone',
    params: { what: label, id },
  });
}

export const bool = (v: unknown): boolean => v === 1 || v === true;

/** INSERT from a column map written in code (never user keys); adds the timestamps and the id from `nextId`. */
export function insertRow(db: Db, table: string, columns: Record<string, unknown>): number {
  const now = nowIsoLocal();
  const id = nextId(table);
  const names = ['id', ...Object.keys(columns), 'created_at', 'updated_at'];
  const sql = `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;
  const { lastInsertRowid } = prepared(db, sql).run(id, ...Object.values(columns).map(sqlValue), now, now);
  return id ?? Number(lastInsertRowid);
}

/** UPDATE from a column map written in code; returns false when the row is gone. */
export function updateRow(db: Db, table: string, id: number, columns: Record<string, unknown>): boolean {
  const names = Object.keys(columns);
  const sql = `UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;
  return prepared(db, sql).run(...Object.values(columns).map(sqlValue), nowIsoLocal(), id).changes > 0;
}

function sqlValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

function nowIsoLocal(): string {
  return now().toISOString();
}
