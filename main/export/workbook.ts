import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../shared/domain/importing.js';

/**
 * Spreadsheets that look finished when they open: a bold header that stays in view, a filter on
 * it, widths that fit, numbers as numbers with thousands separators, days as real dates, and a
 * totals row whose sums stay live when someone edits a figure. Every feature's workbook goes
 * through here so they all read alike.
 */
export type ColumnKind = 'text' | 'int' | 'decimal' | 'percent' | 'date';

export interface TableColumn {
  header: string;
  kind?: ColumnKind;
  /** Characters; fitted to the content when absent. */
  width?: number;
  /** Summed in the totals row. */
  total?: boolean;
}

export type Cell = string | number | boolean | null | undefined;

const FORMAT: Record<Exclude<ColumnKind, 'text'>, string> = {
  int: '#,##0',
  decimal: '#,##0.0',
  percent: '0%',
  date: 'yyyy-mm-dd',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF2F5' } };

/** `2026-03-02` as a date Excel sorts and filters as a date (midnight UTC, so no time zone shifts it). */
function asDate(value: Cell): Date | Cell {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value;
}

function cellValue(kind: ColumnKind, value: Cell): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'date') return asDate(value) as ExcelJS.CellValue;
  if (typeof value === 'string') return neutraliseFormula(value);
  return value;
}

function fittedWidth(column: TableColumn, rows: readonly Cell[][], index: number): number {
  if (column.width) return column.width;
  let widest = [...column.header].length;
  for (let r = 0; r < Math.min(rows.length, 500); r++) {
    const v = rows[r]![index];
    if (v === null || v === undefined) continue;
    const text = typeof v === 'number' ? v.toLocaleString('en') : String(v);
    // CJK characters take two columns of width.
    let w = 0;
    for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
    widest = Math.max(widest, w);
  }
  return Math.min(60, Math.max(8, widest + 2));
}

/**
 * Writes a table from `startRow` (1-based) on `sheet`: header, rows and, when a column asks for it,
 * a totals row labelled in the first column. Returns the row after the table.
 */
export function writeTable(
  sheet: ExcelJS.Worksheet,
  columns: readonly TableColumn[],
  rows: readonly Cell[][],
  options: { startRow?: number; totalLabel?: string; freezeColumns?: number } = {},
): number {
  const start = options.startRow ?? 1;
  const header = sheet.getRow(start);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA5B1' } } };
    cell.alignment = { vertical: 'middle', wrapText: true, ...(c.kind && c.kind !== 'text' ? { horizontal: 'right' } : {}) };
  });
  rows.forEach((row, r) => {
    const excelRow = sheet.getRow(start + 1 + r);
    columns.forEach((c, i) => {
      excelRow.getCell(i + 1).value = cellValue(c.kind ?? 'text', row[i]);
    });
  });
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = fittedWidth(c, rows as Cell[][], i);
    if (c.kind && c.kind !== 'text') column.numFmt = FORMAT[c.kind];
  });
  const first = start + 1;
  const last = start + rows.length;
  let next = last + 1;
  if (columns.some((c) => c.total) && rows.length > 0) {
    const totals = sheet.getRow(next);
    totals.getCell(1).value = options.totalLabel ?? 'Total';
    columns.forEach((c, i) => {
      if (!c.total) return;
      const letter = sheet.getColumn(i + 1).letter;
      const sum = rows.reduce((s, row) => s + (typeof row[i] === 'number' ? (row[i] as number) : 0), 0);
      // The cached result lets programs that do not recalculate (previews, importers) read the total.
      totals.getCell(i + 1).value = { formula: `SUM(${letter}${first}:${letter}${last})`, result: sum };
    });
    totals.font = { bold: true };
    totals.eachCell((cell) => (cell.border = { top: { style: 'thin', color: { argb: 'FF9AA5B1' } } }));
    next++;
  }
  if (rows.length > 0) {
    sheet.autoFilter = { from: { row: start, column: 1 }, to: { row: last, column: columns.length } };
  }
  sheet.views = [{ state: 'frozen', ySplit: start, xSplit: options.freezeColumns ?? 0 }];
  return next;
}

export async function workbookFile(wb: ExcelJS.Workbook, fileName: string, rows: number) {
  return {
    fileName,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    rows,
  };
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Off-season Planner';
  return wb;
}
