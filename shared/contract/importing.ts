import { z } from 'zod';
import { IMPORT_ENTITIES, type ImportEntity, type ImportFieldInfo } from '../domain/importing.js';
import { mutation, query } from './define.js';

/** About 110 MB of file once decoded: larger sheets belong in several files or the command line. */
export const MAX_IMPORT_BASE64_CHARS = 150_000_000;

const importId = z.string().regex(/^imp_[a-z0-9]{8,32}$/, 'Unknown import');
const entity = z.enum(IMPORT_ENTITIES);
/** field key -> index of the file column that feeds it (null: not imported). */
const mapping = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/), z.int().min(0).max(500).nullable());

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
  /** True when the mapping came from the last import of a file with the same headers. */
  mappingRemembered: boolean;
  decimalComma: boolean;
}

export interface ImportRowError {
  /** Line in the file as a spreadsheet shows it (header is line 1). */
  line: number;
  /** The file's column header, or the field when no column is mapped. */
  column: string;
  field: string;
  value: string;
  message: string;
}

export interface ImportReport {
  totalRows: number;
  validRows: number;
  creates: number;
  updates: number;
  errors: ImportRowError[];
  /** Errors beyond this many are counted but not listed. */
  errorCount: number;
}

export interface ImportOutcome {
  created: number;
  updated: number;
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
    }),
  ),
  'import.validate': query<ImportReport>()(z.strictObject({ importId, mapping, decimalComma: z.boolean() })),
  'import.commit': mutation<ImportOutcome>()(
    z.strictObject({
      importId,
      mapping,
      decimalComma: z.boolean(),
      /** all: nothing is written if any row is bad. validOnly: the user chose to skip the bad rows. */
      mode: z.enum(['all', 'validOnly']),
    }),
  ),
  'import.discard': mutation<{ discarded: boolean }>()(z.strictObject({ importId })),
  'export.entity': query<ExportFile>()(z.strictObject({ entity, format: z.enum(['csv', 'xlsx']) })),
} as const;
