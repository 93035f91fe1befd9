import Papa from 'papaparse';

/**
 * Delimiters that spreadsheet programs use across the planner's locales: comma (English, Chinese),
 * semicolon (Spanish, Russian and most of Europe, where the comma is the decimal mark), tab and
 * pipe. A field holding any of them is quoted, so a program reading the file with another locale's
 * delimiter still sees one cell, and `x;=1+1` cannot become a formula cell of its own.
 */
const ANY_LOCALE_DELIMITER = /[,;\t|]/;

/** CSV for spreadsheets: CRLF line ends, every risky field quoted (Papa quotes quotes and line breaks itself). */
export function toCsv(fields: string[], rows: unknown[][], newline: '\r\n' | '\n' = '\r\n'): string {
  return Papa.unparse(
    { fields, data: rows },
    { newline, quotes: (value: unknown) => typeof value === 'string' && ANY_LOCALE_DELIMITER.test(value) },
  );
}
