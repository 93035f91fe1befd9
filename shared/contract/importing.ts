import { z } from 'zod';
import { IMPORT_ENTITIES, type ImportEntity, type ImportFieldInfo } from '../domain/importing.js';
import { mutation, query } from './define.js';
import { exportLanguage } from '../exports/words.js';

/** About 110 MB of file once decoded: larger sheets belong in several files or the command line. */
export const MAX_IMPORT_BASE64_CHARS = 150_000_000;

const importId = z.string().regex(/^imp_[a-z0-9]{8,32}$/, 'Unknown import');
const entity = z.enum(IMPORT_ENTITIES);
/** field key -> index of the file column that feeds it (null: not imported). */
const mapping = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/), z.int().min(0).max(500).nullable());
/** file column index -> the decimal separator the user says that column uses (asked when the file is ambiguous). */
const decimalSeparators = z.record(z.string().regex(/^\d{1,3}$/), z.enum([',', '.'])).optional();
/**
 * field key -> the column title in the user's language, worded by the renderer; the importer maps every
 * language's titles back (a test holds the locale files to that).
 */
const columnHeaders = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/), z.string().trim().min(1).max(80)).optional();
/** Encodings a user may pick when the guess is wrong (iconv-lite names). */
export const IMPORT_ENCODINGS = [
  'utf-8',
  'gb18030',
  'windows-1252',
  'windows-1251',
  'koi8-r',
  'shift_jis',
  'utf-16le',
  'utf-16be',
] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export interface ImportPreview {
  importId: string;
  entity: ImportEntity;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string | null;
  headers: string[];
  sampleRows: string[][];
  totalRows: number;
  fields: ImportFieldInfo[];
  suggestedMapping: Record<string, number | null>;
  /** True when the mapping came from an earlier import of a file with the same headers (one memory per layout). */
  mappingRemembered: boolean;
  /** True when most numeric columns read with a decimal comma (kept for older callers; see numberColumns). */
  decimalComma: boolean;
  /** CSV only: the encodings the detector found likely, best first; the user may pick another. */
  encodingCandidates: string[];
  /** How each column that holds numbers writes them, detected from the whole column. */
  numberColumns: NumberColumn[];
}

/** A column's decimal separator as the file shows it; null with ambiguous values means the user is asked. */
export interface NumberColumn {
  column: number;
  decimal: ',' | '.' | null;
  /** Both separators were used as decimals in this column (12,5 and 12.5): only the user can say. */
  conflicting: boolean;
  /** Values that read differently with a decimal comma and a decimal point ("12,600"), a few examples. */
  ambiguous: string[];
}

/**
 * Why a cell or row is refused, as a code and parameters; the renderer words it in the user's language
 * (importing:error.<code>). Never an English sentence from the core.
 */
export type ImportIssueCode =
  | 'required'
  | 'not_a_number'
  | 'not_whole'
  | 'ambiguous_number'
  | 'not_a_date'
  | 'not_a_month'
  | 'not_yes_no'
  | 'not_one_of'
  | 'unknown_reference'
  | 'too_small'
  | 'too_big'
  | 'too_long'
  | 'bad_code'
  | 'bad_email'
  | 'duplicate_in_file'
  | 'one_supplier'
  | 'month_twice'
  | 'peak_months_count'
  | 'arrives_before_ship'
  | 'not_monday'
  | 'reason_needed'
  | 'next_before_visit'
  | 'competitor_twice'
  | 'in_the_future'
  | 'not_own_visit'
  | 'invalid';

export type ImportIssueParams = Record<string, string | number | string[]>;

export interface ImportRowError {
  /** Line in the file as a spreadsheet shows it (header is line 1). */
  line: number;
  /** The file's column header, or the field when no column is mapped. */
  column: string;
  field: string;
  value: string;
  code: ImportIssueCode;
  params: ImportIssueParams;
}

export type ImportRowAction = 'new' | 'update' | 'unchanged';

export interface ImportFieldChange {
  field: string;
  /** The file's column header. */
  column: string;
  before: string;
  after: string;
}

/** Why an update needs a second confirmation: it touches data others rely on or signed off. */
export type ImportSensitiveCode = 'region_change' | 'agreed_targets';

export interface ImportRowPlan {
  line: number;
  /** The record's code (or identity) as the file writes it. */
  key: string;
  action: ImportRowAction;
  changes?: ImportFieldChange[];
  sensitive?: ImportSensitiveCode[];
}

/** A valid row that looks wrong (a stock count beyond the warehouse): it imports, but the preview says so first. */
export type ImportWarningCode = 'stock_beyond_warehouse' | 'stock_far_from_history';

export interface ImportRowWarning {
  line: number;
  /** The row's identity as the file writes it. */
  key: string;
  code: ImportWarningCode;
  params: ImportIssueParams;
}

export interface ImportReport {
  totalRows: number;
  validRows: number;
  creates: number;
  updates: number;
  unchanged: number;
  /** Updates that touch signed-off or referenced data; they need a second confirmation. */
  sensitiveUpdates: number;
  /** What happens to each valid row (updates first, then new, then unchanged), the first ones listed. */
  rows: ImportRowPlan[];
  errors: ImportRowError[];
  /** Errors beyond this many are counted but not listed. */
  errorCount: number;
  /** Lines with at least one error. */
  refusedRows: number;
  /** Valid rows that look wrong, the first ones listed (importing:warning.<code>); absent when none. */
  warnings?: ImportRowWarning[];
  warningCount?: number;
}

export interface ImportOutcome {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
  rows: number;
}

export const importingContract = {
  'import.fields': query<ImportFieldInfo[]>()(z.strictObject({ entity })),
  'import.preview': mutation<ImportPreview>()(
    z.strictObject({
      entity,
      fileName: z.string().trim().min(1).max(255),
      contentBase64: z.string().max(MAX_IMPORT_BASE64_CHARS, 'File too large: at most about 110 MB'),
      /** The user's choice when the detected encoding reads the file wrongly. */
      encoding: z.enum(IMPORT_ENCODINGS).optional(),
    }),
  ),
  /** The same preview, read in the background job worker: the job's result is the ImportPreview. */
  'import.previewStart': mutation<{ importId: string; jobId: number }>()(
    z.strictObject({
      entity,
      fileName: z.string().trim().min(1).max(255),
      contentBase64: z.string().max(MAX_IMPORT_BASE64_CHARS, 'File too large: at most about 110 MB'),
      encoding: z.enum(IMPORT_ENCODINGS).optional(),
    }),
  ),
  'import.validate': query<ImportReport>()(
    z.strictObject({
      importId,
      mapping,
      /** Older callers: one answer (decimal comma or not) for every column the file leaves undecided. */
      decimalComma: z.boolean().optional(),
      decimalSeparators,
    }),
  ),
  'import.commit': mutation<ImportOutcome>()(
    z.strictObject({
      importId,
      mapping,
      decimalComma: z.boolean().optional(),
      decimalSeparators,
      /** all: nothing is written if any row is bad. validOnly: the user chose to skip the bad rows. */
      mode: z.enum(['all', 'validOnly']),
      /**
       * Rows whose record exists and differs: 'skip' adds new records only, 'apply' also updates. Never
       * implied: a file with updates is refused until the user chooses.
       */
      updates: z.enum(['skip', 'apply']).optional(),
      /** The second confirmation for updates that touch signed-off or referenced data. */
      confirmSensitive: z.boolean().optional(),
      /** Rows that are valid but look wrong (a stock count beyond the warehouse): imported as they are only when confirmed. */
      confirmWarnings: z.boolean().optional(),
    }),
  ),
  /**
   * Checks (step 'validate': the job's result is an ImportReport) or imports (step 'commit': an
   * ImportOutcome) in the background job worker, with progress and Cancel (job.status, job.cancel).
   */
  'import.start': mutation<{ jobId: number }>()(
    z.strictObject({
      importId,
      step: z.enum(['validate', 'commit']),
      mapping,
      decimalComma: z.boolean().optional(),
      decimalSeparators,
      mode: z.enum(['all', 'validOnly']).default('all'),
      updates: z.enum(['skip', 'apply']).optional(),
      confirmSensitive: z.boolean().optional(),
      confirmWarnings: z.boolean().optional(),
    }),
  ),
  'import.discard': mutation<{ discarded: boolean }>()(z.strictObject({ importId })),
  /** Values (statuses, roles, yes/no) come in `language`; column titles in `headers` when the renderer gives them. */
  'export.entity': query<ExportFile>()(
    z.strictObject({ entity, format: z.enum(['csv', 'xlsx']), headers: columnHeaders, language: exportLanguage }),
  ),
  /** A sheet with the import's columns (in the user's language when headers are given) and example rows. */
  'import.template': query<ExportFile>()(
    z.strictObject({ entity, format: z.enum(['csv', 'xlsx']), headers: columnHeaders, language: exportLanguage }),
  ),
} as const;
