import { fileRefusal } from './refusal.js';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportEncoding } from '../../shared/contract/importing.js';
import { decodeText } from './decode.js';
import { Readable } from 'node:stream';
import { xlsxReads } from './preview-limit.js';
import { checkRealUnpackedSize, checkZipArchive } from './zip-guard.js';

export interface SheetData {
  format: 'csv' | 'xlsx';
  encoding: string;
  /** CSV: the likely encodings, best first (see decode.ts); empty for workbooks. */
  encodingCandidates?: string[];
  delimiter: string | null;
  headers: string[];
  /** Data rows (without the header), each cell as text. */
  rows: string[][];
  /** About how much memory the rows take, so the sessions that keep them can be held to a budget. */
  approxBytes: number;
}

export const MAX_ROWS = 2_000_000;
export const MAX_CELL_CHARS = 10_000;
export const MAX_COLUMNS = 200;

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export async function readSheet(fileName: string, bytes: Uint8Array, encoding?: ImportEncoding): Promise<SheetData> {
  if (bytes.length === 0) throw fileRefusal('importEmptyFile', 'The file is empty.');
  const lower = fileName.toLowerCase();
  if (isZip(bytes) || lower.endsWith('.xlsx')) {
    if (!isZip(bytes)) throw fileRefusal('importDamagedXlsx', 'This .xlsx file is damaged or not an Excel workbook.');
    return readXlsx(bytes);
  }
  if (lower.endsWith('.xls')) {
    throw fileRefusal('importOldXls', 'Old .xls workbooks are not supported: save the sheet as .xlsx or CSV in Excel.');
  }
  return readCsv(bytes, encoding);
}

function readCsv(bytes: Uint8Array, chosen?: ImportEncoding): SheetData {
  const { text, encoding, candidates } = decodeText(bytes, chosen);
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
  });
  const fatal = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (fatal) {
    throw fileRefusal('importUnclosedQuote', `Line ${(fatal.row ?? 0) + 1}: a quoted cell is never closed; the file may be truncated.`, {
      line: (fatal.row ?? 0) + 1,
    });
  }
  return { ...finish({ format: 'csv', encoding, delimiter: parsed.meta.delimiter, all: parsed.data }), encodingCandidates: candidates };
}

/** Tries of the streaming reader before a workbook is called damaged (see readXlsx). */
const XLSX_READ_TRIES = 3;

async function readXlsx(bytes: Uint8Array): Promise<SheetData> {
  checkZipArchive(bytes);
  return xlsxReads.run(async () => {
    await checkRealUnpackedSize(bytes);
    let all: string[][] | null = null;
    for (let attempt = 1; all === null; attempt++) {
      try {
        all = await streamedRows(bytes);
      } catch (error) {
        // ExcelJS's streaming reader now and then reads a sheet before the workbook's list of sheets
        // (exceljs/exceljs#3064: "Cannot read properties of undefined (reading 'sheets')"), a race
        // that refuses a sound workbook; read again before telling the person it is damaged. The
        // reason stays in the log (and on the error): a sound workbook refused is a fault to find.
        if (attempt < XLSX_READ_TRIES) continue;
        console.warn('[planner] an .xlsx file could not be read:', error);
        throw Object.assign(fileRefusal('importDamagedXlsx', 'This .xlsx file is damaged or not an Excel workbook.'), { cause: error });
      }
    }
    if (all.length === 0) throw fileRefusal('importNoRows', 'The workbook has no rows.');
    return finish({ format: 'xlsx', encoding: 'XLSX', delimiter: null, all });
  });
}

/** The first sheet with rows, each cell as text (at most MAX_ROWS + 1 rows: finish() names the limit). */
async function streamedRows(bytes: Uint8Array): Promise<string[][]> {
  // The streaming reader keeps one row at a time of the XML, not a model of the whole workbook:
  // the loaded model took gigabytes for a sheet of a few hundred megabytes unpacked.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const all: string[][] = [];
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      if (!row.hasValues) continue;
      const cells: string[] = [];
      for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS + 1); c++) cells.push(cellText(row.getCell(c).value));
      all.push(cells);
      // Stop reading once the file is known to be too long: finish() names the limit.
      if (all.length > MAX_ROWS + 1) break;
    }
    // The first sheet that has rows is the one imported.
    if (all.length > 0) break;
  }
  return all;
}

/** Cell values as a person sees them; formulas contribute their cached result, never their text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

function finish({
  format,
  encoding,
  delimiter,
  all,
}: {
  format: 'csv' | 'xlsx';
  encoding: string;
  /** CSV: the likely encodings, best first (see decode.ts); empty for workbooks. */
  encodingCandidates?: string[];
  delimiter: string | null;
  all: string[][];
}): SheetData {
  if (all.length === 0) throw fileRefusal('importNoRows', 'The file has no rows.');
  const headers = (all[0] ?? []).map((h) => String(h ?? '').trim());
  if (headers.length > MAX_COLUMNS)
    throw fileRefusal('importTooManyColumns', `The file has ${headers.length} columns; at most ${MAX_COLUMNS} are read.`, {
      columns: headers.length,
      max: MAX_COLUMNS,
    });
  if (headers.every((h) => h === '')) throw fileRefusal('importNoHeader', 'The first line must hold the column names.');
  const rows = all.slice(1);
  if (rows.length > MAX_ROWS)
    throw fileRefusal('importTooManyRows', `The file has ${rows.length} rows; at most ${MAX_ROWS} can be imported at once.`, {
      rows: rows.length,
      max: MAX_ROWS,
    });
  let approxBytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    // a row's array, and per cell its slot, the string's header and (at most) two bytes a character
    approxBytes += 32 + row.length * 40;
    for (let c = 0; c < row.length; c++) {
      approxBytes += 2 * (row[c] ?? '').length;
      if ((row[c] ?? '').length > MAX_CELL_CHARS) {
        throw fileRefusal('importCellTooLong', `Line ${i + 2}, column ${c + 1}: a cell is longer than ${MAX_CELL_CHARS} characters.`, {
          line: i + 2,
          column: c + 1,
          max: MAX_CELL_CHARS,
        });
      }
    }
  }
  return { format, encoding, delimiter, headers, rows, approxBytes };
}
