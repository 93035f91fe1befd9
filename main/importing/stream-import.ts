import type {
  ImportEncoding,
  ImportFieldChange,
  ImportOutcome,
  ImportReport,
  ImportRowAction,
  ImportRowError,
  ImportRowPlan,
} from '../../shared/contract/importing.js';
import type { ImportEntity } from '../../shared/domain/importing.js';
import { refusal } from '../../shared/contract/result.js';
import type { Db } from '../db/open.js';
import type { TaskControl } from '../jobs/task.js';
import { checkOnOwnThread } from './check-thread.js';
import { streamCsv } from './csv-stream.js';
import { ENTITIES, type EntityDef } from './entities.js';
import type { RowIssue } from './issues.js';
import { KeyLines } from './key-lines.js';
import { ColumnDetector, numberShape } from './numbers.js';
import { checkMapping, rowLabel, valueChanges } from './plans.js';
import { References } from './references.js';
import { MAX_LISTED_ERRORS, MAX_LISTED_PLANS, rowErrors } from './report-limits.js';

/** A column whose first values are all text holds no numbers (the same shortcut as the preview). */
const TEXT_ONLY_SAMPLE = 50;

type Mapping = Record<string, number | null>;

export interface StreamFile {
  entity: ImportEntity;
  fileName: string;
  bytes: Uint8Array;
  encoding: ImportEncoding | undefined;
}

export interface StreamChoices {
  mapping: Mapping;
  decimalSeparators?: Record<string, ',' | '.'> | undefined;
  decimalComma?: boolean | undefined;
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Bulk entities (a million rows of history) in a CSV file are checked and written a chunk at a time,
 * never as one array of the file's rows. Workbooks, and the older single decimal-comma answer, take
 * the general path.
 */
export function canStream(file: StreamFile, choices: StreamChoices): boolean {
  const def = ENTITIES[file.entity];
  const lower = file.fileName.toLowerCase();
  return (
    !!def.fastRow &&
    !!def.keyOf &&
    !!def.storedValue &&
    !!def.writeStream &&
    choices.decimalComma === undefined &&
    !isZip(file.bytes) &&
    !lower.endsWith('.xlsx') &&
    !lower.endsWith('.xls')
  );
}

/** Thrown when only the general path can say what a file means (see check()); nothing is kept. */
export class NeedsGeneralPath extends Error {
  constructor() {
    super('This file needs the general import path.');
  }
}

export interface StreamResult {
  report: ImportReport;
  headers: string[];
}

/**
 * Validates (and, with `write`, writes) a bulk CSV as validate() and commitSession() do, row for row,
 * with the same report: each chunk of rows is checked with the entity's fast rules, identities go into
 * typed arrays, stored values are looked up as rows come, and valid rows are written at once. The
 * caller's transaction makes it all-or-nothing: a refusal found later throws and rolls back.
 *
 * A number such as "12,600" means 12.6 or 12600 depending on the rest of its column: while the column is
 * undecided such rows wait (their cells only), and are checked once the whole column has been seen.
 */
export function streamRows(
  db: Db,
  file: StreamFile,
  choices: StreamChoices,
  write: ((draft: unknown) => void) | null,
  applyUpdates: boolean,
  control?: TaskControl,
  share = 1,
): StreamResult {
  const def = ENTITIES[file.entity];
  const { mapping } = choices;
  const refs = new References(db);
  const stored = def.storedValue!(db);
  const seen = new KeyLines();
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  let refusedRows = 0;
  let validRows = 0;
  const listed: Record<ImportRowAction, ImportRowPlan[]> = { update: [], new: [], unchanged: [] };
  const counts: Record<ImportRowAction, number> = { update: 0, new: 0, unchanged: 0 };
  let headers: string[] = [];

  // Numeric fields whose column's separator the user did not choose: decided from the whole column.
  const numericFields = def.fields.filter((f) => f.kind === 'integer' || f.kind === 'decimal').map((f) => f.key);
  const chosen = (key: string): ',' | '.' | null => {
    const index = mapping[key];
    return index === null || index === undefined ? null : (choices.decimalSeparators?.[String(index)] ?? null);
  };
  const undecided = new Map<number, { detector: ColumnDetector; sample: string[] }>();
  for (const key of numericFields) {
    const index = mapping[key];
    if (index !== null && index !== undefined && chosen(key) === null && !undecided.has(index))
      undecided.set(index, { detector: new ColumnDetector(), sample: [] });
  }
  let finalDecimal: Map<number, ',' | '.' | null> | null = null;
  const decimalOf = (key: string): ',' | '.' | null => {
    const given = chosen(key);
    if (given !== null || !finalDecimal) return given;
    return finalDecimal.get(mapping[key]!) ?? null;
  };
  const waiting: Array<{ line: number; cells: string[] }> = [];

  const columnName = (fieldKey: string) => {
    const index = mapping[fieldKey.split('.')[0]!];
    return index === null || index === undefined ? fieldKey : headers[index] || `#${index + 1}`;
  };
  const cellOf = (row: string[], fieldKey: string) => {
    const index = mapping[fieldKey];
    return index === null || index === undefined ? undefined : String(row[index] ?? '').trim();
  };

  const refuse = (line: number, row: string[], issues: RowIssue[]) => {
    refusedRows++;
    for (const e of rowErrors(line, row, issues, mapping, columnName)) {
      errorCount++;
      if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
    }
  };

  const checkRow = def.rowChecker
    ? def.rowChecker(mapping, refs, decimalOf)
    : (cells: string[]) => def.fastRow!(cells, mapping, refs, decimalOf);
  const check = (line: number, row: string[], mayWait: boolean) => {
    const fast = checkRow(row);
    if ('errors' in fast) {
      // What a refused number says (its decimal) depends on the whole column too: such rows wait as well.
      const waits = mayWait && fast.errors.some((e) => undecided.has(mapping[e.field] ?? -1));
      if (waits) waiting.push({ line, cells: row.slice() });
      else refuse(line, row, fast.errors);
      return;
    }
    const draft = fast.draft;
    const earlier = seen.firstLine(def.keyOf!(draft), line);
    // A row that waited for its column claims an identity that a later line took first: which of the
    // two is the duplicate is the file's order, so the general path decides it.
    if (earlier > line) throw new NeedsGeneralPath();
    if (earlier) {
      refuse(line, row, [{ field: def.fields[0]!.key, code: 'duplicate_in_file', params: { line: earlier } }]);
      return;
    }
    let action: ImportRowAction = 'new';
    let changes: ImportFieldChange[] | undefined;
    const before = stored(draft);
    if (before !== undefined) {
      const now = def.valueText!(draft);
      action = before === now ? 'unchanged' : 'update';
      if (action === 'update') changes = valueChanges(def, before, now, columnName);
    }
    validRows++;
    counts[action]++;
    if (listed[action].length < MAX_LISTED_PLANS[action])
      listed[action].push({ line, key: rowLabel(def, row, cellOf), action, ...(changes ? { changes } : {}) });
    if (write && (action === 'new' || (action === 'update' && applyUpdates))) write(draft);
  };

  let mappingChecked = false;
  const head = streamCsv(file.bytes, file.encoding, (rows, first, h, read) => {
    headers = h.headers;
    if (!mappingChecked) {
      checkMapping(def, headers, mapping);
      mappingChecked = true;
    }
    if (control) {
      control.checkCancelled();
      control.progress(read * share, write ? 'writing' : 'checking');
    }
    for (const [index, column] of undecided) {
      for (let i = 0; i < rows.length; i++) {
        const value = rows[i]![index] ?? '';
        if (column.sample.length < TEXT_ONLY_SAMPLE) column.sample.push(value);
        column.detector.add(value);
      }
    }
    for (let i = 0; i < rows.length; i++) check(first + i + 2, rows[i]!, undecided.size > 0);
  });
  const totalRows = head.totalRows;
  headers = head.headers;
  if (!mappingChecked) checkMapping(def, headers, mapping);

  if (waiting.length) {
    finalDecimal = new Map();
    for (const [index, column] of undecided) {
      const textOnly = column.sample.some((v) => v.trim() !== '') && column.sample.every((v) => numberShape(v) === 'none');
      finalDecimal.set(index, textOnly ? null : (column.detector.result(index)?.decimal ?? null));
    }
    for (const row of waiting) check(row.line, row.cells, false);
    errors.sort((a, b) => a.line - b.line);
    for (const action of ['update', 'new', 'unchanged'] as const) listed[action].sort((a, b) => a.line - b.line);
  }

  const updatesListed = [...listed.update].sort((a, b) => a.line - b.line);
  return {
    headers,
    report: {
      totalRows,
      validRows,
      creates: counts.new,
      updates: counts.update,
      unchanged: counts.unchanged,
      sensitiveUpdates: 0,
      rows: [...updatesListed, ...listed.new, ...listed.unchanged],
      errors,
      errorCount,
      refusedRows,
    },
  };
}

/**
 * The streamed commit: one transaction around reading, checking and writing. Every refusal the
 * general path raises before writing is raised here after the rows went by, and rolls them back.
 */
export function streamCommit(
  db: Db,
  file: StreamFile,
  choices: StreamChoices & { mode: 'all' | 'validOnly'; updates?: 'skip' | 'apply' | undefined },
  control?: TaskControl,
): { outcome: ImportOutcome; headers: string[] } {
  const def: EntityDef = ENTITIES[file.entity];
  const applyUpdates = choices.updates === 'apply';
  const commit = db.transaction(() => {
    const { report, headers } = def.writeStream!(
      db,
      (write) =>
        checkOnOwnThread(db, file, choices, write, applyUpdates, control) ?? streamRows(db, file, choices, write, applyUpdates, control),
    );
    if (report.errorCount > 0 && choices.mode === 'all') {
      throw refusal(
        'import_rejected',
        'importRowsRefused',
        `${report.refusedRows} row(s) refused, ${report.errorCount} problem(s) found; nothing was imported.`,
        { refused: report.refusedRows, problems: report.errorCount },
        report.errors.slice(0, 50).map((e) => ({ path: `line ${e.line}.${e.column}`, message: e.code })),
      );
    }
    if (report.updates > 0 && !choices.updates) {
      throw refusal(
        'validation',
        'importChooseUpdates',
        `The file would change ${report.updates} existing record(s): choose to add new records only or to add and update.`,
        { updates: report.updates },
        [{ path: 'updates', message: 'Choose skip or apply' }],
      );
    }
    // The last moment the user can cancel: after it, the transaction commits as a whole.
    control?.checkCancelled();
    const written = report.creates + (applyUpdates ? report.updates : 0);
    if (written) def.afterCommit?.(db);
    const updated = applyUpdates ? report.updates : 0;
    return {
      headers,
      outcome: {
        created: report.creates,
        updated,
        unchanged: report.unchanged,
        skipped: report.totalRows - report.validRows + (report.updates - updated),
      },
    };
  });
  // Immediate: the write lock is held from the start, so a checking thread's snapshot (check-thread.ts)
  // is the database as this import found it.
  return commit.immediate();
}
