import { today } from '../../shared/domain/clock.js';
import { fileRefusal } from './refusal.js';
import { createHash, randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { toCsv } from '../export/csv.js';
import type {
  ExportFile,
  ImportEncoding,
  ImportFieldChange,
  ImportOutcome,
  ImportPreview,
  ImportReport,
  ImportRowAction,
  ImportRowError,
  ImportRowPlan,
  ImportRowWarning,
  ImportSensitiveCode,
  NumberColumn,
} from '../../shared/contract/importing.js';
import { neutraliseFormula, type ImportEntity } from '../../shared/domain/importing.js';
import { DomainError } from '../../shared/contract/result.js';
import { withPageCache, type Db } from '../db/open.js';
import { readSetting, writeSetting } from '../system/preferences.js';
import { convertCell } from './convert.js';
import { ENTITIES, makeRefResolver, type EntityDef, type ExportRow, type Values } from './entities.js';
import { issueFromZod, type RowIssue } from './issues.js';
import { ColumnDetector, detectColumn, numberShape } from './numbers.js';
import { streamCsv } from './csv-stream.js';
import { MAX_LISTED_ERRORS, MAX_LISTED_PLANS, rowErrors } from './report-limits.js';
import { canStream, NeedsGeneralPath, streamCommit, streamRows, type StreamFile } from './stream-import.js';
import { fieldInfo, suggestMapping } from './fields.js';
import { readSheet, type SheetData } from './read-file.js';
import { References } from './references.js';
import { templateRows } from './templates.js';
import { checkMapping, rowLabel, valueChanges } from './plans.js';
import type { TaskControl } from '../jobs/task.js';
import { valueWord, yesNoWord } from '../../shared/exports/values.js';
import type { ExportLanguage } from '../../shared/exports/words.js';
import type { RegionScope } from '../people/readScope.js';

const SESSION_TTL_MS = 60 * 60 * 1000;
const MAX_SESSIONS = 4;

interface ImportSession {
  id: string;
  entity: ImportEntity;
  fileName: string;
  /** Null while only a background job has read the file (the preview ran in the job worker). */
  sheet: SheetData | null;
  createdAt: number;
  /** The file as it came, so that a background job can read it again in its own thread. */
  bytes: Uint8Array;
  encoding: ImportEncoding | undefined;
  /** Each column's number format, detected once from the whole column. */
  numberColumns: Map<number, NumberColumn | null>;
}

type Mapping = Record<string, number | null>;
type Separators = Record<string, ',' | '.'>;

/** What the user said about the file besides its mapping. */
export interface ImportChoices {
  mapping: Mapping;
  /** Per file column, the decimal separator the user chose. */
  decimalSeparators?: Separators | undefined;
  /** Older callers: one decimal-comma answer for every column the file leaves undecided. */
  decimalComma?: boolean | undefined;
  /** Set by the core, never by the caller: a salesperson's import, whose rows must all be theirs. */
  ownerOnly?: number | undefined;
}

export interface CommitChoices extends ImportChoices {
  mode: 'all' | 'validOnly';
  updates?: 'skip' | 'apply' | undefined;
  confirmSensitive?: boolean | undefined;
  /** The rows the check said look wrong are written as they are (a typed-in count asks the same). */
  confirmWarnings?: boolean | undefined;
}

/**
 * Parsed files wait here between preview, validation and commit; nothing is written before commit.
 * One registry per core (held by its ServiceContext), so two cores in one process never share imports.
 */
/** Rows kept for previews waiting to be committed: five big ones held 2.8 GB before this budget. */
const MAX_RETAINED_BYTES = 768 * 1024 * 1024;

/** What a waiting preview holds: its parsed rows once read, else the file's bytes. */
function retainedBytes(s: ImportSession): number {
  return (s.sheet?.approxBytes ?? 0) + s.bytes.byteLength;
}

export class ImportSessions {
  private readonly sessions = new Map<string, ImportSession>();

  add(s: ImportSession): void {
    const now = Date.now();
    for (const [id, old] of this.sessions) if (now - old.createdAt > SESSION_TTL_MS) this.sessions.delete(id);
    while (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    // The oldest previews make room for the new one (an expired preview asks the user to pick the file again).
    const retained = () => [...this.sessions.values()].reduce((sum, kept) => sum + retainedBytes(kept), 0);
    while (this.sessions.size > 0 && retained() + retainedBytes(s) > MAX_RETAINED_BYTES) {
      this.sessions.delete(this.sessions.keys().next().value!);
    }
    this.sessions.set(s.id, s);
  }

  get(importId: string): ImportSession {
    const s = this.sessions.get(importId);
    if (!s) throw fileRefusal('importExpired', 'This import has expired. Pick the file again.', {}, 'not_found');
    return s;
  }

  delete(importId: string): boolean {
    return this.sessions.delete(importId);
  }
}

const headerSignature = (headers: string[]) => headers.map((h) => h.trim().toLowerCase()).join('\u0001');
/** One remembered mapping per file layout (the same headers in the same order), per entity. */
const mappingSettingKey = (entity: ImportEntity, headers: string[]) =>
  `importMapping:${entity}:${createHash('sha256').update(headerSignature(headers)).digest('hex').slice(0, 24)}`;

type LoadedSession = ImportSession & { sheet: SheetData };

/** Reads the file in this thread when only a background job has read it so far. */
async function loaded(s: ImportSession): Promise<LoadedSession> {
  s.sheet ??= await readSheet(s.fileName, s.bytes, s.encoding);
  return s as LoadedSession;
}

function numberColumn(s: LoadedSession, column: number): NumberColumn | null {
  if (!s.numberColumns.has(column)) {
    // A column of names or codes is not scanned to its end: its first values already say it holds no numbers.
    const firstValues = s.sheet.rows.slice(0, 50).map((r) => r[column] ?? '');
    const textOnly = firstValues.some((v) => v.trim() !== '') && firstValues.every((v) => numberShape(v) === 'none');
    s.numberColumns.set(column, textOnly ? null : detectColumn(columnValues(s.sheet.rows, column), column));
  }
  return s.numberColumns.get(column)!;
}

function* columnValues(rows: string[][], column: number): Iterable<string> {
  for (const row of rows) yield row[column] ?? '';
}

/**
 * For code that calls the importer directly (the benchmark, crash tests): the doors pass their core's
 * registry (ServiceContext.imports) instead.
 */
const directCalls = new ImportSessions();

export async function previewImport(
  db: Db,
  entity: ImportEntity,
  fileName: string,
  bytes: Uint8Array,
  encoding?: ImportEncoding,
  sessions: ImportSessions = directCalls,
): Promise<ImportPreview> {
  const id = `imp_${randomBytes(12).toString('hex')}`;
  const s: ImportSession = { id, entity, fileName, sheet: null, createdAt: Date.now(), numberColumns: new Map(), bytes, encoding };
  const summary = await summarize(s);
  sessions.add(s);
  return describeSheet(db, s, summary);
}

/** What a preview shows of a file, from its parsed rows or from one streamed pass over a bulk CSV. */
interface SheetSummary {
  format: 'csv' | 'xlsx';
  encoding: string;
  encodingCandidates: string[];
  delimiter: string | null;
  headers: string[];
  sampleRows: string[][];
  totalRows: number;
}

/**
 * A bulk entity's CSV (a million rows of history) is previewed in one streamed pass that keeps the first
 * rows and each column's number evidence, never the rows; the session keeps only the file.
 */
async function summarize(s: ImportSession): Promise<SheetSummary> {
  if (!canStream(s, { mapping: {} })) {
    const { sheet } = await loaded(s);
    const summary = {
      ...sheet,
      encodingCandidates: sheet.encodingCandidates ?? [],
      sampleRows: sheet.rows.slice(0, 8),
      totalRows: sheet.rows.length,
    };
    return summary;
  }
  const sampleRows: string[][] = [];
  const columns: Array<{ detector: ColumnDetector; sample: string[]; textOnly: boolean }> = [];
  const head = streamCsv(s.bytes, s.encoding, (rows) => {
    for (const row of rows) if (sampleRows.length < 8) sampleRows.push(row.slice());
    for (const row of rows) {
      for (let c = 0; c < row.length; c++) {
        const column = (columns[c] ??= { detector: new ColumnDetector(), sample: [], textOnly: false });
        if (column.textOnly) continue;
        const value = row[c] ?? '';
        column.detector.add(value);
        if (column.sample.length < 50) {
          column.sample.push(value);
          // The same shortcut as numberColumn: a column of names or codes is not scanned to its end.
          if (column.sample.length === 50) column.textOnly = textOnlyColumn(column.sample);
        }
      }
    }
  });
  head.headers.forEach((_, i) => {
    const column = columns[i];
    if (!column) s.numberColumns.set(i, null);
    else {
      const textOnly = column.textOnly || textOnlyColumn(column.sample);
      s.numberColumns.set(i, textOnly ? null : column.detector.result(i));
    }
  });
  return { format: 'csv', ...head, sampleRows };
}

const textOnlyColumn = (firstValues: string[]) =>
  firstValues.some((v) => v.trim() !== '') && firstValues.every((v) => numberShape(v) === 'none');

/**
 * Keeps a file for a preview that a background job computes (previewInBackground): nothing is read
 * in this thread.
 */
export function holdFile(
  sessions: ImportSessions,
  entity: ImportEntity,
  fileName: string,
  bytes: Uint8Array,
  encoding: ImportEncoding | undefined,
): string {
  const id = `imp_${randomBytes(12).toString('hex')}`;
  sessions.add({ id, entity, fileName, sheet: null, createdAt: Date.now(), numberColumns: new Map(), bytes, encoding });
  return id;
}

/** What the preview shows: encoding, delimiter, first rows, the suggested or remembered mapping, number formats. */
function describeSheet(db: Db, s: ImportSession, sheet: SheetSummary): ImportPreview {
  const { entity, fileName, id } = s;
  const def = ENTITIES[entity];
  const remembered =
    readSetting<{ signature: string; mapping: Mapping }>(db, mappingSettingKey(entity, sheet.headers)) ??
    readSetting<{ signature: string; mapping: Mapping }>(db, `importMapping:${entity}`);
  const useRemembered = remembered?.signature === headerSignature(sheet.headers);
  const numberColumns = sheet.headers
    .map((_, i) => (s.numberColumns.has(i) ? s.numberColumns.get(i)! : numberColumn(s as LoadedSession, i)))
    .filter((c): c is NumberColumn => c !== null && (c.decimal !== null || c.conflicting || c.ambiguous.length > 0));
  const commaColumns = numberColumns.filter((c) => c.decimal === ',').length;
  return {
    importId: id,
    entity,
    fileName,
    format: sheet.format,
    encoding: sheet.encoding,
    encodingCandidates: sheet.encodingCandidates,
    delimiter: sheet.delimiter,
    headers: sheet.headers,
    sampleRows: sheet.sampleRows,
    totalRows: sheet.totalRows,
    fields: fieldInfo(def.fields, entity),
    suggestedMapping: useRemembered ? remembered!.mapping : suggestMapping(def.fields, sheet.headers),
    mappingRemembered: useRemembered,
    decimalComma: commaColumns > 0 && commaColumns * 2 >= numberColumns.filter((c) => c.decimal !== null).length,
    numberColumns,
  };
}

interface ValidatedRow {
  line: number;
  existingId: number | null;
  draft: unknown;
  action: ImportRowAction;
}

interface Validation {
  report: ImportReport;
  valid: ValidatedRow[];
  /** Every row that looks wrong (the report lists the first few). */
  warnings: ImportRowWarning[];
}

/** A stored record as the import sees it: its export row, converted values and draft. */
interface ExistingRecord {
  row: ExportRow;
  values: Values;
  draft: Record<string, unknown> | null;
}

/**
 * Loads the records a sheet's codes point at, as their own export shows them, so that a row can be
 * compared with what is stored field by field (exports write numbers with a decimal point).
 */
function existingRecords(db: Db, def: EntityDef, refs: References): (code: string) => ExistingRecord | undefined {
  let byCode: Map<string, ExportRow> | null = null;
  const cache = new Map<string, ExistingRecord>();
  return (code) => {
    const key = code.trim().toLowerCase();
    const hit = cache.get(key);
    if (hit) return hit;
    byCode ??= new Map(def.exportRows(db).map((r) => [String(r[def.key!.field] ?? '').toLowerCase(), r]));
    const row = byCode.get(key);
    if (!row) return undefined;
    const values: Values = {};
    for (const f of def.fields) {
      const raw = row[f.key];
      if (raw === null || raw === undefined) continue;
      const converted = convertCell(f, String(raw), '.');
      if (converted.ok) values[f.key] = converted.value;
    }
    const parsed = def.schema.safeParse(def.toDraft(values, makeRefResolver(values, refs, [])));
    const record = { row, values, draft: parsed.success ? (parsed.data as Record<string, unknown>) : null };
    cache.set(key, record);
    return record;
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Validates every row exactly as a form would (the contract's draft schema), resolving codes to
 * records, and says what would happen to each: new, update (with each change), unchanged or refused
 * with every reason at once. Writes nothing.
 */
/** Progress every this many rows, and a chance for the user's Cancel to stop the work. */
const ROWS_PER_TICK = 5000;

function validate(db: Db, s: LoadedSession, choices: ImportChoices, control?: TaskControl, share = 1): Validation {
  const { mapping } = choices;
  const def = ENTITIES[s.entity];
  checkMapping(def, s.sheet.headers, mapping);
  const refs = new References(db);
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  let refusedRows = 0;
  const valid: ValidatedRow[] = [];
  const listed: Record<ImportRowAction, ImportRowPlan[]> = { update: [], new: [], unchanged: [] };
  const counts: Record<ImportRowAction, number> = { update: 0, new: 0, unchanged: 0 };
  let sensitiveUpdates = 0;
  const seenKeys = new Map<string | number, number>();
  const existingValues = def.existingValues?.(db);
  const existing = def.key ? existingRecords(db, def, refs) : null;
  const legacy = choices.decimalComma === undefined ? null : choices.decimalComma ? ',' : '.';
  const decimalOf = (fieldKey: string): ',' | '.' | null => {
    const index = mapping[fieldKey];
    if (index === null || index === undefined) return null;
    return choices.decimalSeparators?.[String(index)] ?? numberColumn(s, index)?.decimal ?? legacy;
  };
  const columnName = (fieldKey: string) => {
    const index = mapping[fieldKey.split('.')[0]!];
    return index === null || index === undefined ? fieldKey : s.sheet.headers[index] || `#${index + 1}`;
  };
  const cellOf = (row: string[], fieldKey: string) => {
    const index = mapping[fieldKey];
    return index === null || index === undefined ? undefined : String(row[index] ?? '').trim();
  };
  const numeric = new Set(def.fields.filter((f) => f.kind === 'integer' || f.kind === 'decimal').map((f) => f.key));

  const total = s.sheet.rows.length;
  s.sheet.rows.forEach((row, i) => {
    if (control && i % ROWS_PER_TICK === 0) {
      control.checkCancelled();
      control.progress((i / total) * share, 'checking');
    }
    const line = i + 2;
    const values: Values = {};
    const issues: RowIssue[] = [];
    let draft: unknown;
    let existingId: number | null = null;
    let before: ExistingRecord | undefined;
    if (def.fastRow) {
      const fast = def.fastRow(row, mapping, refs, decimalOf);
      if ('errors' in fast) issues.push(...fast.errors);
      else draft = fast.draft;
    } else {
      for (const f of def.fields) {
        const index = mapping[f.key];
        if (index === null || index === undefined) continue;
        const converted = convertCell(f, row[index] ?? '', numeric.has(f.key) ? decimalOf(f.key) : null);
        if (converted.ok) values[f.key] = converted.value;
        else issues.push({ field: f.key, code: converted.code, params: converted.params });
      }
      for (const f of def.fields) {
        if (f.required && values[f.key] === undefined && !issues.some((e) => e.field === f.key))
          issues.push({ field: f.key, code: 'required', params: {} });
      }
      const keyText = def.key ? values[def.key.field] : undefined;
      if (def.key && typeof keyText === 'string') {
        const normalised = keyText.trim().toLowerCase();
        const earlier = seenKeys.get(normalised);
        if (earlier) issues.push({ field: def.key.field, code: 'duplicate_in_file', params: { line: earlier } });
        else seenKeys.set(normalised, line);
        existingId = refs.resolveCode(def.key.table, keyText);
        before = existingId ? existing!(keyText) : undefined;
        // A column the file does not have keeps the stored value: an update never blanks what it does not show.
        if (before)
          for (const f of def.fields) {
            const index = mapping[f.key];
            if ((index === null || index === undefined) && before.values[f.key] !== undefined) values[f.key] = before.values[f.key];
          }
      }
      const candidate = def.toDraft(values, makeRefResolver(values, refs, issues)) as Record<string, unknown>;
      const parsed = def.schema.safeParse(candidate);
      if (parsed.success) {
        draft = parsed.data;
        issues.push(...(def.rowRules?.(draft, { ownerOnly: choices.ownerOnly }) ?? []));
      } else {
        const unknownReference = issues.some((e) => e.code === 'unknown_reference');
        for (const issue of parsed.error.issues) {
          const draftKey = String(issue.path[0] ?? '');
          const fieldKey = draftPathToField(def, draftKey);
          if (issues.some((e) => e.field === fieldKey)) continue;
          // A rule across fields (one supplier) means nothing while a code it relies on is unknown.
          if (issue.code === 'custom' && unknownReference) continue;
          issues.push(issueFromZod(issue, fieldKey, candidate[draftKey]));
        }
      }
    }
    let action: ImportRowAction = 'new';
    let changes: ImportFieldChange[] | undefined;
    let sensitive: ImportSensitiveCode[] | undefined;
    if (issues.length === 0 && def.keyOf) {
      const key = def.keyOf(draft);
      const earlier = seenKeys.get(key);
      if (earlier) issues.push({ field: def.fields[0]!.key, code: 'duplicate_in_file', params: { line: earlier } });
      else {
        seenKeys.set(key, line);
        const stored = existingValues?.get(key);
        if (stored !== undefined) {
          const now = def.valueText!(draft);
          action = stored === now ? 'unchanged' : 'update';
          if (action === 'update') changes = valueChanges(def, stored, now, columnName);
        }
      }
    } else if (issues.length === 0 && existingId) {
      const beforeDraft = before?.draft ?? null;
      const afterDraft = draft as Record<string, unknown>;
      if (beforeDraft && same(beforeDraft, afterDraft)) action = 'unchanged';
      else {
        action = 'update';
        changes = Object.keys(afterDraft)
          .filter((k) => !beforeDraft || !same(beforeDraft[k], afterDraft[k]))
          .map((k) => {
            const field = draftPathToField(def, k);
            const old = before?.row[field];
            const oldText = old === null || old === undefined ? '' : String(old);
            return { field, column: columnName(field), before: oldText, after: cellOf(row, field) ?? oldText };
          });
        sensitive = def.sensitive?.(db, existingId, beforeDraft ?? {}, afterDraft) ?? [];
        if (sensitive.length) sensitiveUpdates++;
        else sensitive = undefined;
      }
    }
    if (issues.length) {
      refusedRows++;
      for (const e of rowErrors(line, row, issues, mapping, columnName)) {
        errorCount++;
        if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
      }
      return;
    }
    counts[action]++;
    if (listed[action].length < MAX_LISTED_PLANS[action]) {
      const key = def.key ? String(values[def.key.field] ?? '') : rowLabel(def, row, cellOf);
      listed[action].push({ line, key, action, ...(changes ? { changes } : {}), ...(sensitive ? { sensitive } : {}) });
    }
    valid.push({ line, existingId, draft, action });
  });

  const updatesListed = [...listed.update].sort((a, b) => Number(!!b.sensitive) - Number(!!a.sensitive) || a.line - b.line);
  const warnings = def.rowWarnings?.(db, valid) ?? [];
  return {
    report: {
      totalRows: s.sheet.rows.length,
      validRows: valid.length,
      creates: counts.new,
      updates: counts.update,
      unchanged: counts.unchanged,
      sensitiveUpdates,
      rows: [...updatesListed, ...listed.new, ...listed.unchanged],
      errors,
      errorCount,
      refusedRows,
      ...(warnings.length ? { warnings: warnings.slice(0, MAX_LISTED_ERRORS), warningCount: warnings.length } : {}),
    },
    valid,
    warnings,
  };
}

/** Zod reports draft paths (areaId); the user knows the sheet's field (area). */
function draftPathToField(def: EntityDef, draftKey: string): string {
  if (def.fields.some((f) => f.key === draftKey)) return draftKey;
  const stripped = draftKey.replace(/Ids?$/, '').replace(/Cents$/, '');
  const match = def.fields.find((f) => f.key === stripped || f.key === `${stripped}s`);
  return match?.key ?? draftKey;
}

export async function validateImport(
  db: Db,
  importId: string,
  choices: ImportChoices,
  sessions: ImportSessions = directCalls,
  /** 'general' forces the path that holds every row: for tests that compare the two. */
  path: 'auto' | 'general' = 'auto',
): Promise<ImportReport> {
  const s = sessions.get(importId);
  if (path === 'auto' && canStream(s, choices)) {
    try {
      return streamRows(db, s, choices, null, false).report;
    } catch (error) {
      if (!(error instanceof NeedsGeneralPath)) throw error;
    }
  }
  return validate(db, await loaded(s), choices).report;
}

/**
 * All-or-nothing by default: validation and writing happen in one transaction, and a single bad row
 * rolls everything back. `validOnly` writes the good rows when the user explicitly asked for that.
 * Existing records change only when the user chose 'apply', and those that touch signed-off or
 * referenced data only with the second confirmation as well.
 */
export async function commitImport(
  db: Db,
  importId: string,
  choices: CommitChoices,
  sessions: ImportSessions = directCalls,
  path: 'auto' | 'general' = 'auto',
): Promise<ImportOutcome> {
  const s = sessions.get(importId);
  const outcome =
    path === 'auto' && canStream(s, choices) ? await commitStreamed(db, s, choices) : commitSession(db, await loaded(s), choices);
  sessions.delete(importId);
  return outcome;
}

/** A bulk CSV checked and written a chunk at a time (stream-import.ts); the mapping is remembered as below. */
async function commitStreamed(db: Db, file: StreamFile, choices: CommitChoices, control?: TaskControl): Promise<ImportOutcome> {
  let streamed: ReturnType<typeof streamCommit>;
  try {
    // 64 MB of page cache while up to a million rows go into the history's primary key and two indexes
    // (a connection keeps 16 MB otherwise: main/db/open.ts); the sqlite3 tool the benchmark compares with has the same.
    streamed = withPageCache(db, 64 * 1024, () => streamCommit(db, file, choices, control));
  } catch (error) {
    if (!(error instanceof NeedsGeneralPath)) throw error;
    // The streamed transaction rolled back whole: the file goes the general way instead.
    const sheet = await readSheet(file.fileName, file.bytes, file.encoding);
    return commitSession(db, { ...file, id: '', createdAt: Date.now(), numberColumns: new Map(), sheet }, choices, control);
  }
  const { outcome, headers } = streamed;
  writeSetting(db, mappingSettingKey(file.entity, headers), { signature: headerSignature(headers), mapping: choices.mapping });
  return outcome;
}

function commitSession(db: Db, s: LoadedSession, choices: CommitChoices, control?: TaskControl): ImportOutcome {
  const def = ENTITIES[s.entity];
  const outcome = db.transaction((): ImportOutcome => {
    const { report, valid, warnings } = validate(db, s, choices, control, 0.5);
    if (report.errorCount > 0 && choices.mode === 'all') {
      throw fileRefusal(
        'importRowsRefused',
        `${report.refusedRows} row(s) refused, ${report.errorCount} problem(s) found; nothing was imported.`,
        { refused: report.refusedRows, problems: report.errorCount },
        'import_rejected',
        report.errors.slice(0, 50).map((e) => ({ path: `line ${e.line}.${e.column}`, message: e.code })),
      );
    }
    if (report.updates > 0 && !choices.updates) {
      throw fileRefusal(
        'importChooseUpdates',
        `The file would change ${report.updates} existing record(s): choose to add new records only or to add and update.`,
        { updates: report.updates },
        'validation',
        [{ path: 'updates', message: 'Choose skip or apply' }],
      );
    }
    const applyUpdates = choices.updates === 'apply';
    if (applyUpdates && report.sensitiveUpdates > 0 && !choices.confirmSensitive) {
      throw fileRefusal(
        'importConfirmSensitive',
        `${report.sensitiveUpdates} update(s) touch signed-off or referenced data and need a second confirmation.`,
        { count: report.sensitiveUpdates },
        'validation',
        [{ path: 'confirmSensitive', message: 'Confirm these updates' }],
      );
    }
    const toWrite = valid.filter((r) => r.action === 'new' || (r.action === 'update' && applyUpdates));
    // a count of a billion cases for a 9,900-case warehouse is asked about when typed: imported, too
    const written = new Set(toWrite.map((r) => r.line));
    const doubtful = new Set(warnings.filter((w) => written.has(w.line)).map((w) => w.line)).size;
    if (doubtful > 0 && !choices.confirmWarnings) {
      throw fileRefusal(
        'importConfirmWarnings',
        `${doubtful} row(s) look wrong (see the check's warnings): confirm to import them as they are, or correct the file.`,
        { count: doubtful },
        'validation',
        [{ path: 'confirmWarnings', message: 'Confirm these rows' }],
      );
    }
    const write = () => {
      if (def.saveMany)
        def.saveMany(
          db,
          toWrite.map((r) => r.draft),
        );
      else
        for (const row of toWrite) {
          try {
            def.save(db, row.existingId, row.draft);
          } catch (error) {
            // The row's own refusal, worded by its rule inside the line's (rules:refusal.importLineRefused).
            const message = error instanceof DomainError ? error.message : 'could not be saved';
            const rule = error instanceof DomainError ? error.rule : undefined;
            throw rule
              ? fileRefusal('importLineRefused', `Line ${row.line}: ${message}. Nothing was imported.`, {
                  ...rule.params,
                  line: row.line,
                  reason: rule.code,
                })
              : fileRefusal('importLineNotSaved', `Line ${row.line}: ${message}. Nothing was imported.`, { line: row.line });
          }
        }
    };
    control?.progress(0.5, 'writing');
    // The last moment the user can cancel: after it, the transaction commits as a whole.
    control?.checkCancelled();
    if (def.bulkWrite) def.bulkWrite(db, toWrite.length, write);
    else write();
    if (toWrite.length) def.afterCommit?.(db);
    const updated = applyUpdates ? report.updates : 0;
    return {
      created: report.creates,
      updated,
      unchanged: report.unchanged,
      skipped: report.totalRows - report.validRows + (report.updates - updated),
    };
  })();
  writeSetting(db, mappingSettingKey(s.entity, s.sheet.headers), { signature: headerSignature(s.sheet.headers), mapping: choices.mapping });
  return outcome;
}

export interface ImportJobParams {
  importId: string;
  entity: ImportEntity;
  fileName: string;
  bytes: Uint8Array;
  encoding: ImportEncoding | undefined;
  step: 'preview' | 'validate' | 'commit';
  choices: CommitChoices;
}

/** What a background import job needs: the file itself, read again in the job's own thread. */
export function importJobParams(
  sessions: ImportSessions,
  importId: string,
  step: ImportJobParams['step'],
  choices: CommitChoices,
): ImportJobParams {
  const s = sessions.get(importId);
  return { importId, entity: s.entity, fileName: s.fileName, bytes: s.bytes, encoding: s.encoding, step, choices };
}

/**
 * Previews, checks or imports a file in the job worker, off the thread that owns the window, with
 * progress and Cancel (a cancelled commit rolls back whole).
 */
export async function importTask(db: Db, p: ImportJobParams, control: TaskControl): Promise<ImportPreview | ImportReport | ImportOutcome> {
  control.progress(0, 'reading');
  const file: StreamFile = { entity: p.entity, fileName: p.fileName, bytes: p.bytes, encoding: p.encoding };
  if (p.step === 'preview') {
    const held: ImportSession = { id: p.importId, ...file, sheet: null, createdAt: Date.now(), numberColumns: new Map() };
    return describeSheet(db, held, await summarize(held));
  }
  if (canStream(file, p.choices)) {
    if (p.step === 'commit') return commitStreamed(db, file, p.choices, control);
    try {
      return streamRows(db, file, p.choices, null, false, control).report;
    } catch (error) {
      if (!(error instanceof NeedsGeneralPath)) throw error;
    }
  }
  const sheet = await readSheet(p.fileName, p.bytes, p.encoding);
  const s: LoadedSession = {
    id: p.importId,
    entity: p.entity,
    fileName: p.fileName,
    sheet,
    createdAt: Date.now(),
    numberColumns: new Map(),
    bytes: p.bytes,
    encoding: p.encoding,
  };
  return p.step === 'validate' ? validate(db, s, p.choices, control).report : commitSession(db, s, p.choices, control);
}

export function discardImport(importId: string, sessions: ImportSessions = directCalls): { discarded: boolean } {
  return { discarded: sessions.delete(importId) };
}

/**
 * Export uses the import's own columns, titled in the user's language when the renderer gives the titles
 * (the importer maps every language's titles back), so an exported sheet imports back unchanged.
 * A template is the same sheet with example rows instead of the data. Values (statuses, roles, yes/no)
 * are written in `language` too; the importer reads every language's words back as the same codes.
 */
export async function exportEntity(
  db: Db,
  entity: ImportEntity,
  format: 'csv' | 'xlsx',
  titles: Record<string, string> = {},
  template = false,
  language: ExportLanguage = 'en',
  scope: RegionScope = null,
): Promise<ExportFile> {
  const def = ENTITIES[entity];
  const rows = (template ? templateRows(entity) : def.exportRows(db, scope)).map((r) => inLanguage(def, r, language));
  const headers = def.fields.map((f) => f.key);
  const title = (key: string) => titles[key] ?? key;
  const stamp = template ? 'template' : today();
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? v : neutraliseFormula(String(v)));
  if (format === 'csv') {
    const csv = toCsv(
      headers.map(title),
      rows.map((r) => headers.map((h) => cell(r[h]))),
    );
    // BOM: Excel opens UTF-8 CSV correctly only with it.
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
    return { fileName: `${entity}-${stamp}.csv`, mimeType: 'text/csv', contentBase64: content.toString('base64'), rows: rows.length };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Off-season Planner';
  const sheet = workbook.addWorksheet(entity);
  sheet.addRow(headers.map(title)).font = { bold: true };
  for (const r of rows) sheet.addRow(headers.map((h) => cell(r[h])));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  headers.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, h.length + 4))));
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${entity}-${stamp}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: buffer.toString('base64'),
    rows: rows.length,
  };
}

const YES = new Set(['yes', '1', 'true']);

/** One exported row with its enum and yes/no cells worded in the user's language. */
function inLanguage(def: EntityDef, row: ExportRow, language: ExportLanguage): ExportRow {
  const out: ExportRow = { ...row };
  for (const f of def.fields) {
    const v = row[f.key];
    if (v === null || v === undefined || v === '') continue;
    if (f.kind === 'enum' || f.values) out[f.key] = valueWord(language, def.name, f.key, String(v));
    else if (f.kind === 'boolean') out[f.key] = yesNoWord(language, YES.has(String(v).toLowerCase()));
  }
  return out;
}
