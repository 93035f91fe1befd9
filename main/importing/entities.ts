import { z } from 'zod';
import type { ImportEntity } from '../../shared/domain/importing.js';
import type { Db } from '../db/open.js';
import type { FieldDef, RefTable } from './fields.js';
import type { References } from './references.js';
import type { RowIssue } from './issues.js';
import { synonymsOf } from './synonyms.js';
import { valueWordsOf } from '../../shared/exports/values.js';
import type { ImportRowWarning, ImportSensitiveCode } from '../../shared/contract/importing.js';
import { salesHistoryEntity } from '../forecast/import.js';
import { shipmentsEntity, stockSnapshotsEntity } from '../readiness/import.js';
import { devPlansEntity, visitsEntity, weeklyReviewsEntity } from '../development/import.js';
import type { RegionScope } from '../people/readScope.js';
import { areas, contacts, distributors, products, regions, staff, subDealers, terminals } from '../network/import.js';

export type Values = Record<string, unknown>;
export type ExportRow = Record<string, string | number | null>;

/**
 * How one kind of record travels between a spreadsheet and the database. Validation is the contract's
 * own draft schema, so an imported row obeys exactly the rules a form does.
 */
export interface EntityDef {
  name: ImportEntity;
  fields: FieldDef[];
  /** The field that identifies an existing record: a matching row updates it instead of adding one. */
  key: { field: string; table: RefTable } | null;
  schema: z.ZodType;
  /** Turns converted cell values into the draft; reference cells are resolved to ids here. */
  toDraft(values: Values, refs: RefResolver): unknown;
  /** `draft` is what `schema` produced; each definition names its own draft type. */
  save(db: Db, existingId: number | null, draft: unknown): number;
  /**
   * The records as a file holds them. Scoped like every list (main/people/readScope.ts): a regional
   * manager's sheet holds their regions' records only, chosen in the statement itself (a record is
   * placed by its distributor, else its area, else its salesperson, else its region; a contact by its
   * owner); products, which every region sells, are everyone's. No scope: every record.
   */
  exportRows(db: Db, scope?: RegionScope): ExportRow[];
  /** For records identified by several fields (no single code): the identity of a validated draft. */
  keyOf?(draft: unknown): string | number;
  /** Identities already in the database, to count updates against new records. */
  existingKeys?(db: Db): Set<string | number>;
  /**
   * The business rules a valid draft must also keep, as row issues (a visit not in the future, a
   * salesperson importing only their own visits), so the report names each refused row.
   */
  rowRules?(draft: unknown, who: { ownerOnly: number | undefined }): RowIssue[];
  /**
   * Valid rows that look wrong, judged across the file (a stock count beyond the warehouse with the
   * file's other counts): listed in the preview as warnings, imported if the user goes on.
   */
  rowWarnings?(db: Db, rows: ReadonlyArray<{ line: number; draft: unknown }>): ImportRowWarning[];
  /** Runs inside the import's transaction after every row is written. */
  afterCommit?(db: Db): void;
  /**
   * For bulk entities (a million history rows): validates one row straight from its cells, with the
   * same rules as the schema, skipping the general conversion. Returns the draft or all the row's issues.
   * `decimalOf` gives a field's column decimal separator (null: undecided, ambiguous values are refused).
   */
  fastRow?(
    cells: string[],
    mapping: Record<string, number | null>,
    refs: References,
    decimalOf: (fieldKey: string) => ',' | '.' | null,
  ): { draft: unknown } | { errors: RowIssue[] };
  /** fastRow made once per import (columns and references looked up once), for the streamed path. */
  rowChecker?(
    mapping: Record<string, number | null>,
    refs: References,
    decimalOf: (fieldKey: string) => ',' | '.' | null,
  ): (cells: string[]) => { draft: unknown } | { errors: RowIssue[] };
  /**
   * For records identified by keyOf: the stored values of each identity, written as valueText writes a
   * draft's, so that a row that repeats what is stored is "unchanged" and a correction shows its change.
   */
  existingValues?(db: Db): Map<string | number, string>;
  /** `draft` is what `schema` produced; each definition names its own draft type. */
  valueText?(draft: unknown): string;
  /** The fields of valueText's JSON array, in order, to show a correction field by field. */
  valueFields?: string[];
  /**
   * Why an update of this existing record needs a second confirmation: it moves the record under
   * another region, or the record is part of signed-off targets. `before` and `after` are drafts.
   */
  sensitive?(db: Db, existingId: number, before: unknown, after: unknown): ImportSensitiveCode[];
  /**
   * For bulk entities read a chunk at a time (a streamed import): the stored valueText of a draft's
   * identity, looked up as rows come instead of loading every stored identity first.
   */
  storedValue?(db: Db): (draft: unknown) => string | undefined;
  /**
   * For bulk entities read a chunk at a time: `rows` writes validated drafts as they come, in large
   * batches, inside the caller's transaction; whatever is better done once happens at the end.
   */
  writeStream?<T>(db: Db, rows: (write: (draft: unknown) => void) => T): T;
  /**
   * For bulk entities checked on a thread of their own (check-thread.ts): a draft as `packedWidth`
   * numbers in a batch, and back. A batch of numbers moves between threads without copying.
   */
  packedWidth?: number;
  pack?(draft: unknown, out: Float64Array, at: number): void;
  unpack?(rows: Float64Array, at: number): unknown;
  /** Writes many validated drafts with one prepared statement. */
  saveMany?(db: Db, drafts: unknown[]): void;
  /** Wraps the writing of `rows` validated rows, for work better done once than row by row (an index rebuild). */
  bulkWrite?<T>(db: Db, rows: number, write: () => T): T;
}

/** Resolves a reference cell, recording a row error naming the field when it matches nothing. */
export type RefResolver = (fieldKey: string, table: RefTable, label: string, text?: string) => number | null | undefined;

export function makeRefResolver(values: Values, refs: References, errors: RowIssue[]): RefResolver {
  return (fieldKey, table, _label, explicit) => {
    const text = explicit ?? values[fieldKey];
    if (text === undefined || text === null) return undefined;
    const id = refs.resolve(table, String(text));
    if (id === null) errors.push({ field: fieldKey, code: 'unknown_reference', params: { table, text: String(text) } });
    return id ?? undefined;
  };
}

/** Adds the per-language synonyms table (synonyms.ts) to each field's own names. */
function withSynonyms(def: EntityDef): EntityDef {
  return {
    ...def,
    fields: def.fields.map((f) => withValueWords(def.name, { ...f, aliases: [...f.aliases, ...synonymsOf(def.name, f.key)] })),
  };
}

/**
 * An enum column also reads the words exports write for its values, in every language
 * (shared/exports/values.ts); so does a number column that exports write in words (relationship level).
 */
function withValueWords(entity: ImportEntity, f: FieldDef): FieldDef {
  const words = valueWordsOf(entity, f.key);
  if (f.kind === 'integer' && Object.keys(words).length) return { ...f, values: words };
  if (f.kind !== 'enum' || !f.values) return f;
  return { ...f, values: Object.fromEntries(Object.entries(f.values).map(([code, own]) => [code, [...own, ...(words[code] ?? [])]])) };
}

/** Every importable entity. A feature adds its definition here (and its name in shared/domain/importing.ts). */
export const ENTITIES: Record<ImportEntity, EntityDef> = Object.fromEntries(
  Object.entries({
    salesHistory: salesHistoryEntity,
    stockSnapshots: stockSnapshotsEntity,
    shipments: shipmentsEntity,
    regions,
    areas,
    staff,
    distributors,
    subDealers,
    terminals,
    contacts,
    products,
    devPlans: devPlansEntity,
    visits: visitsEntity,
    weeklyReviews: weeklyReviewsEntity,
  } satisfies Record<ImportEntity, EntityDef>).map(([name, def]) => [name, withSynonyms(def)]),
) as Record<ImportEntity, EntityDef>;
