import Papa from 'papaparse';
import type { ImportEncoding } from '../../shared/contract/importing.js';
import { refusal } from '../../shared/contract/result.js';
import { decodeText } from './decode.js';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS } from './read-file.js';

export interface CsvHead {
  encoding: string;
  encodingCandidates: string[];
  delimiter: string;
  headers: string[];
}

/** Characters parsed per chunk: a few megabytes of text become a few tens of thousands of rows at a time. */
const CHUNK_CHARS = 2 * 1024 * 1024;
/** Smaller for split text: a chunk's rows then die young, in the collector's cheap generation. */
const PLAIN_CHUNK_CHARS = 256 * 1024;

/**
 * Reads a CSV file a chunk of rows at a time with the same rules as readSheet (encoding, delimiter,
 * header line, row, column and cell limits), so that a million-row file is never held as one array of
 * rows: `onRows` gets each chunk's data rows with the index of the first one (0 = the line after the
 * header) and the share of the text read so far. Returns what the header line said.
 */
export function streamCsv(
  bytes: Uint8Array,
  chosen: ImportEncoding | undefined,
  onRows: (rows: string[][], firstIndex: number, head: CsvHead, share: number) => void,
): CsvHead & { totalRows: number } {
  if (bytes.length === 0) throw refusal('import_rejected', 'importEmptyFile', 'The file is empty.');
  const { text, encoding, candidates } = decodeText(bytes, chosen);
  // Text without quotes or lone carriage returns is split directly: Papa's general parser cost 3 s
  // of a million-row import's 5 s of reading. Anything quoted takes Papa all the way.
  if (plainText(text)) return streamPlain(text, encoding, candidates, onRows);
  let head: CsvHead | null = null;
  let index = 0;
  let read = 0;
  let failure: unknown = null;
  // Papa parses a string in chunks too when given `chunk`; its typings only describe that for files.
  const parse = Papa.parse as unknown as (
    input: string,
    config: Papa.ParseConfig<string[]> & {
      chunkSize: number;
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => void;
    },
  ) => void;
  parse(text, {
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
    chunkSize: CHUNK_CHARS,
    chunk: (results, parser) => {
      try {
        const fatal = results.errors.find((e) => e.code === 'MissingQuotes');
        if (fatal) {
          throw refusal(
            'import_rejected',
            'importUnclosedQuote',
            `Line ${index + (head ? 2 : 1) + (fatal.row ?? 0)}: a quoted cell is never closed; the file may be truncated.`,
            { line: index + (head ? 2 : 1) + (fatal.row ?? 0) },
          );
        }
        let rows = results.data;
        if (!head) {
          if (rows.length === 0) return;
          const headers = (rows[0] ?? []).map((h) => String(h ?? '').trim());
          if (headers.length > MAX_COLUMNS)
            throw refusal(
              'import_rejected',
              'importTooManyColumns',
              `The file has ${headers.length} columns; at most ${MAX_COLUMNS} are read.`,
              { columns: headers.length, max: MAX_COLUMNS },
            );
          if (headers.every((h) => h === ''))
            throw refusal('import_rejected', 'importNoHeader', 'The first line must hold the column names.');
          head = { encoding, encodingCandidates: candidates, delimiter: results.meta.delimiter, headers };
          rows = rows.slice(1);
        }
        if (index + rows.length > MAX_ROWS)
          throw refusal(
            'import_rejected',
            'importOverMaxRows',
            `The file has more than ${MAX_ROWS} rows; at most ${MAX_ROWS} can be imported at once.`,
            { max: MAX_ROWS },
          );
        for (let i = 0; i < rows.length; i++) {
          const row = rows[i]!;
          for (let c = 0; c < row.length; c++) {
            if ((row[c] ?? '').length > MAX_CELL_CHARS) {
              throw refusal(
                'import_rejected',
                'importCellTooLong',
                `Line ${index + i + 2}, column ${c + 1}: a cell is longer than ${MAX_CELL_CHARS} characters.`,
                { line: index + i + 2, column: c + 1, max: MAX_CELL_CHARS },
              );
            }
          }
        }
        read += CHUNK_CHARS;
        if (rows.length) onRows(rows, index, head, Math.min(1, read / text.length));
        index += rows.length;
      } catch (error) {
        failure = error;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  if (!head) throw refusal('import_rejected', 'importNoRows', 'The file has no rows.');
  return { ...(head as CsvHead), totalRows: index };
}

/** No quote characters, and every carriage return ends a line (\r\n). */
function plainText(text: string): boolean {
  if (text.indexOf('"') !== -1) return false;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return false;
  return true;
}

/**
 * What Papa makes of quote-free text, faster: its delimiter guess on the first lines, then lines split
 * at \n (a \r before it dropped) and cells at the delimiter; lines with nothing but spaces and
 * delimiters are skipped, as Papa's `skipEmptyLines: 'greedy'` does.
 */
function streamPlain(
  text: string,
  encoding: ImportEncoding,
  candidates: ImportEncoding[],
  onRows: (rows: string[][], firstIndex: number, head: CsvHead, share: number) => void,
): CsvHead & { totalRows: number } {
  // Papa's guess looks at the first ten rows only: its options as readSheet gives them, on the first part.
  const guess = Papa.parse<string[]>(text.slice(0, 64 * 1024), { delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: 'greedy' });
  const delimiter = guess.meta.delimiter;
  let head: CsvHead | null = null;
  let index = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start + PLAIN_CHUNK_CHARS);
    if (end === -1) end = text.length;
    const lines = text.slice(start, end).split('\n');
    start = end + 1;
    const rows: string[][] = [];
    for (let line of lines) {
      if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
      const cells = line.split(delimiter);
      if (cells[0]!.trim() === '' && cells.every((c) => c.trim() === '')) continue;
      if (!head) {
        const headers = cells.map((h) => h.trim());
        if (headers.length > MAX_COLUMNS)
          throw refusal(
            'import_rejected',
            'importTooManyColumns',
            `The file has ${headers.length} columns; at most ${MAX_COLUMNS} are read.`,
            { columns: headers.length, max: MAX_COLUMNS },
          );
        if (headers.every((h) => h === ''))
          throw refusal('import_rejected', 'importNoHeader', 'The first line must hold the column names.');
        head = { encoding, encodingCandidates: candidates, delimiter, headers };
        continue;
      }
      for (let c = 0; c < cells.length; c++) {
        if (cells[c]!.length > MAX_CELL_CHARS) {
          throw refusal(
            'import_rejected',
            'importCellTooLong',
            `Line ${index + rows.length + 2}, column ${c + 1}: a cell is longer than ${MAX_CELL_CHARS} characters.`,
            { line: index + rows.length + 2, column: c + 1, max: MAX_CELL_CHARS },
          );
        }
      }
      rows.push(cells);
    }
    if (index + rows.length > MAX_ROWS)
      throw refusal(
        'import_rejected',
        'importOverMaxRows',
        `The file has more than ${MAX_ROWS} rows; at most ${MAX_ROWS} can be imported at once.`,
        { max: MAX_ROWS },
      );
    if (head && rows.length) onRows(rows, index, head, Math.min(1, start / text.length));
    index += rows.length;
  }
  if (!head) throw refusal('import_rejected', 'importNoRows', 'The file has no rows.');
  return { ...(head as CsvHead), totalRows: index };
}
