import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { toCsv } from '../export/csv.js';
import type { ExportFile, ImportOutcome, ImportPreview, ImportReport, ImportRowError } from '../../shared/contract/importing.js';
import { neutraliseFormula, type ImportEntity } from '../../shared/domain/importing.js';
import { DomainError } from '../../shared/contract/result.js';
import type { Db } from '../db/open.js';
import { readSetting, writeSetting } from '../system/preferences.js';
import { convertCell } from './convert.js';
import { ENTITIES, makeRefResolver, type EntityDef } from './entities.js';
import { fieldInfo, suggestMapping } from './fields.js';
import { readSheet, type SheetData } from './read-file.js';
import { References } from './references.js';

/** Errors listed in a report; the rest are counted. A person fixes a sheet from the first hundreds. */
const MAX_LISTED_ERRORS = 500;
const SESSION_TTL_MS = 60 * 60 * 1000;
const MAX_SESSIONS = 4;

interface ImportSession {
  id: string;
  entity: ImportEntity;
  fileName: string;
  sheet: SheetData;
  createdAt: number;
}

type Mapping = Record<string, number | null>;

/** A parsed file waits here between preview, validation and commit; nothing is written before commit. */
const sessions = new Map<string, ImportSession>();

/** Rows kept for previews waiting to be committed: five big ones held 2.8 GB before this budget. */
const MAX_RETAINED_BYTES = 768 * 1024 * 1024;

function evictOld(incomingBytes = 0): void {
  const now = Date.now();
  for (const [id, s] of sessions) if (now - s.createdAt > SESSION_TTL_MS) sessions.delete(id);
  while (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  // The oldest previews make room for the new one (an expired preview asks the user to pick the file again).
  const retained = () => [...sessions.values()].reduce((sum, s) => sum + s.sheet.approxBytes, 0);
  while (sessions.size > 0 && retained() + incomingBytes > MAX_RETAINED_BYTES) sessions.delete(sessions.keys().next().value!);
}

function session(importId: string): ImportSession {
  const s = sessions.get(importId);
  if (!s) throw new DomainError('not_found', 'This import has expired. Pick the file again.');
  return s;
}

const headerSignature = (headers: string[]) => headers.map((h) => h.trim().toLowerCase()).join('\u0001');

export async function previewImport(db: Db, entity: ImportEntity, fileName: string, bytes: Uint8Array): Promise<ImportPreview> {
  const sheet = await readSheet(fileName, bytes);
  evictOld(sheet.approxBytes);
  const id = `imp_${randomBytes(12).toString('hex')}`;
  sessions.set(id, { id, entity, fileName, sheet, createdAt: Date.now() });
  const def = ENTITIES[entity];
  const remembered = readSetting<{ signature: string; mapping: Mapping }>(db, `importMapping:${entity}`);
  const useRemembered = remembered?.signature === headerSignature(sheet.headers);
  return {
    importId: id,
    entity,
    fileName,
    format: sheet.format,
    encoding: sheet.encoding,
    delimiter: sheet.delimiter,
    headers: sheet.headers,
    sampleRows: sheet.rows.slice(0, 8),
    totalRows: sheet.rows.length,
    fields: fieldInfo(def.fields, entity),
    suggestedMapping: useRemembered ? remembered!.mapping : suggestMapping(def.fields, sheet.headers),
    mappingRemembered: useRemembered,
    decimalComma: guessDecimalComma(sheet),
  };
}

/** A sheet whose numbers look like "12,5" (and whose delimiter is not a comma) uses decimal commas. */
function guessDecimalComma(sheet: SheetData): boolean {
  if (sheet.delimiter === ',') return false;
  let comma = 0;
  let dot = 0;
  for (const row of sheet.rows.slice(0, 200)) {
    for (const cell of row) {
      if (/^-?\d+,\d+$/.test(cell.trim())) comma++;
      else if (/^-?\d+\.\d+$/.test(cell.trim())) dot++;
    }
  }
  return comma > dot;
}

interface ValidatedRow {
  line: number;
  existingId: number | null;
  draft: unknown;
}

interface Validation {
  report: ImportReport;
  valid: ValidatedRow[];
}

function checkMapping(def: EntityDef, sheet: SheetData, mapping: Mapping): void {
  const missing = def.fields.filter((f) => f.required && (mapping[f.key] === null || mapping[f.key] === undefined));
  const issues = missing.map((f) => ({ path: `mapping.${f.key}`, message: 'Required column: pick the file column that holds it' }));
  for (const [key, index] of Object.entries(mapping)) {
    if (!def.fields.some((f) => f.key === key)) issues.push({ path: `mapping.${key}`, message: 'Unknown field' });
    else if (index !== null && index >= sheet.headers.length)
      issues.push({ path: `mapping.${key}`, message: 'No such column in the file' });
  }
  if (issues.length)
    throw new DomainError(
      'validation',
      `Map every required column first: ${missing.map((f) => f.key).join(', ') || issues[0]!.path}`,
      issues,
    );
}

/**
 * Validates every row exactly as a form would (the contract's draft schema), resolving codes to
 * records, and reports each bad cell by line, column and reason. Writes nothing.
 */
function validate(db: Db, s: ImportSession, mapping: Mapping, decimalComma: boolean): Validation {
  const def = ENTITIES[s.entity];
  checkMapping(def, s.sheet, mapping);
  const refs = new References(db);
  const errors: ImportRowError[] = [];
  let errorCount = 0;
  const valid: ValidatedRow[] = [];
  const seenKeys = new Map<string | number, number>();
  const existingKeys = def.existingKeys?.(db);
  let creates = 0;
  let updates = 0;
  const columnName = (fieldKey: string) => {
    const index = mapping[fieldKey.split('.')[0]!];
    return index === null || index === undefined ? fieldKey : s.sheet.headers[index] || `Column ${index + 1}`;
  };
  const addError = (e: ImportRowError) => {
    errorCount++;
    if (errors.length < MAX_LISTED_ERRORS) errors.push(e);
  };

  s.sheet.rows.forEach((row, i) => {
    const line = i + 2;
    const values: Record<string, unknown> = {};
    const rowErrors: Array<{ field: string; message: string }> = [];
    let draft: unknown;
    if (def.fastRow) {
      const fast = def.fastRow(row, mapping, refs, decimalComma);
      if ('errors' in fast) rowErrors.push(...fast.errors);
      else draft = fast.draft;
    } else
      for (const f of def.fields) {
        const index = mapping[f.key];
        if (index === null || index === undefined) continue;
        const converted = convertCell(f, row[index] ?? '', decimalComma);
        if (converted.ok) values[f.key] = converted.value;
        else rowErrors.push({ field: f.key, message: converted.message });
      }
    if (!def.fastRow) {
      for (const f of def.fields) {
        if (f.required && values[f.key] === undefined && !rowErrors.some((e) => e.field === f.key)) {
          rowErrors.push({ field: f.key, message: 'Required' });
        }
      }
    }
    if (rowErrors.length === 0 && !def.fastRow) {
      const candidate = def.toDraft(values, makeRefResolver(values, refs, rowErrors));
      const parsed = def.schema.safeParse(candidate);
      if (parsed.success) draft = parsed.data;
      else {
        for (const issue of parsed.error.issues) {
          const fieldKey = draftPathToField(def, String(issue.path[0] ?? ''));
          if (!rowErrors.some((e) => e.field === fieldKey)) rowErrors.push({ field: fieldKey, message: issue.message });
        }
      }
    }
    let existingId: number | null = null;
    if (rowErrors.length === 0 && def.keyOf) {
      const key = def.keyOf(draft);
      const earlier = seenKeys.get(key);
      if (earlier) rowErrors.push({ field: def.fields[0]!.key, message: `Same record as line ${earlier}` });
      else {
        seenKeys.set(key, line);
        if (existingKeys?.has(key)) existingId = -1;
      }
    } else if (rowErrors.length === 0 && def.key) {
      const keyValue = String(values[def.key.field]).trim().toLowerCase();
      const earlier = seenKeys.get(keyValue);
      if (earlier) rowErrors.push({ field: def.key.field, message: `Same ${def.key.field} as line ${earlier}` });
      else {
        seenKeys.set(keyValue, line);
        existingId = refs.resolve(def.key.table, String(values[def.key.field]));
      }
    }
    if (rowErrors.length) {
      for (const e of rowErrors) {
        const index = mapping[e.field.split('.')[0]!];
        addError({
          line,
          column: columnName(e.field),
          field: e.field,
          value: index === null || index === undefined ? '' : String(row[index] ?? '').slice(0, 80),
          message: e.message,
        });
      }
      return;
    }
    if (existingId) updates++;
    else creates++;
    valid.push({ line, existingId, draft });
  });

  return {
    report: { totalRows: s.sheet.rows.length, validRows: valid.length, creates, updates, errors, errorCount },
    valid,
  };
}

/** Zod reports draft paths (areaId); the user knows the sheet's field (area). */
function draftPathToField(def: EntityDef, draftKey: string): string {
  if (def.fields.some((f) => f.key === draftKey)) return draftKey;
  const stripped = draftKey.replace(/Ids?$/, '');
  const match = def.fields.find((f) => f.key === stripped || f.key === `${stripped}s`);
  return match?.key ?? draftKey;
}

export function validateImport(db: Db, importId: string, mapping: Mapping, decimalComma: boolean): ImportReport {
  return validate(db, session(importId), mapping, decimalComma).report;
}

/**
 * All-or-nothing by default: validation and writing happen in one transaction, and a single bad row
 * rolls everything back. `validOnly` writes the good rows when the user explicitly asked for that.
 */
export function commitImport(db: Db, importId: string, mapping: Mapping, decimalComma: boolean, mode: 'all' | 'validOnly'): ImportOutcome {
  const s = session(importId);
  const def = ENTITIES[s.entity];
  const outcome = db.transaction((): ImportOutcome => {
    const { report, valid } = validate(db, s, mapping, decimalComma);
    if (report.errorCount > 0 && mode === 'all') {
      const first = report.errors[0]!;
      throw new DomainError(
        'import_rejected',
        `${report.errorCount} problem(s) found; nothing was imported. First: line ${first.line}, ${first.column}: ${first.message}`,
        report.errors.slice(0, 50).map((e) => ({ path: `line ${e.line}.${e.column}`, message: e.message })),
      );
    }
    const write = () => {
      if (def.saveMany)
        def.saveMany(
          db,
          valid.map((r) => r.draft),
        );
      else
        for (const row of valid) {
          try {
            def.save(db, row.existingId === -1 ? null : row.existingId, row.draft);
          } catch (error) {
            const message = error instanceof DomainError ? error.message : 'could not be saved';
            throw new DomainError('import_rejected', `Line ${row.line}: ${message}. Nothing was imported.`);
          }
        }
    };
    if (def.bulkWrite) def.bulkWrite(db, valid.length, write);
    else write();
    def.afterCommit?.(db);
    return { created: report.creates, updated: report.updates, skipped: report.totalRows - report.validRows };
  })();
  writeSetting(db, `importMapping:${s.entity}`, { signature: headerSignature(s.sheet.headers), mapping });
  sessions.delete(importId);
  return outcome;
}

export function discardImport(importId: string): { discarded: boolean } {
  return { discarded: sessions.delete(importId) };
}

/** Export uses the import's own column names, so an exported sheet imports back unchanged. */
export async function exportEntity(db: Db, entity: ImportEntity, format: 'csv' | 'xlsx'): Promise<ExportFile> {
  const def = ENTITIES[entity];
  const rows = def.exportRows(db);
  const headers = def.fields.map((f) => f.key);
  const stamp = new Date().toISOString().slice(0, 10);
  const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? v : neutraliseFormula(String(v)));
  if (format === 'csv') {
    const csv = toCsv(
      headers,
      rows.map((r) => headers.map((h) => cell(r[h]))),
    );
    // BOM: Excel opens UTF-8 CSV correctly only with it.
    const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
    return { fileName: `${entity}-${stamp}.csv`, mimeType: 'text/csv', contentBase64: content.toString('base64'), rows: rows.length };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Off-season Planner';
  const sheet = workbook.addWorksheet(entity);
  sheet.addRow(headers).font = { bold: true };
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
