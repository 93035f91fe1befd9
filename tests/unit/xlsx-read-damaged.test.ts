import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../shared/contract/result.js';
import { readSheet } from '../../main/importing/read-file.js';

/** A workbook as the app exports it, with one part of its zip left out. */
async function workbookWithout(part: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Distributors');
  ws.addRow(['code', 'name']);
  ws.addRow(['D1', 'Harbin North']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  expect(zip.file(part)).not.toBeNull();
  zip.remove(part);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('a workbook the reader cannot read', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is refused as damaged, and the reason is kept in the log and on the error', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const error = await readSheet('distributors.xlsx', await workbookWithout('xl/workbook.xml')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).rule?.code).toBe('importDamagedXlsx');
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(Error);
    expect(warn).toHaveBeenCalledWith('[planner] an .xlsx file could not be read:', cause);
  });

  it('reads a sound workbook when the streaming reader loses its race the first time (exceljs#3064)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Distributors').addRows([
      ['code', 'name'],
      ['D1', 'Harbin North'],
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    type Iterate = (this: unknown, ...args: unknown[]) => AsyncIterator<unknown>;
    const proto = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<symbol, Iterate>;
    const original = proto[Symbol.asyncIterator]!;
    let reads = 0;
    proto[Symbol.asyncIterator] = function (this: unknown, ...args: unknown[]) {
      reads++;
      // what the reader throws when a sheet comes before the workbook's list of sheets
      if (reads === 1) throw new TypeError("Cannot read properties of undefined (reading 'sheets')");
      return original.apply(this, args);
    };
    try {
      const sheet = await readSheet('distributors.xlsx', bytes);
      expect(sheet.rows).toEqual([['D1', 'Harbin North']]);
      expect(reads).toBe(2);
    } finally {
      proto[Symbol.asyncIterator] = original;
    }
  });

  it('reads the same workbook whole', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Distributors').addRows([
      ['code', 'name'],
      ['D1', 'Harbin North'],
    ]);
    const sheet = await readSheet('distributors.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(sheet.headers).toEqual(['code', 'name']);
    expect(sheet.rows).toEqual([['D1', 'Harbin North']]);
  });
});
