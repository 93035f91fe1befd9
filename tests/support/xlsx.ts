import ExcelJS from 'exceljs';

/** Opens an exported workbook (base64, as the contract returns files) for assertions. */
export async function readWorkbook(contentBase64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const bytes = Buffer.from(contentBase64, 'base64');
  // exceljs accepts an ArrayBuffer as well as its own Buffer type, which newer Node typings no longer match.
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return workbook;
}
