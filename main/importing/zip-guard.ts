import { DomainError } from '../../shared/contract/result.js';

/** A real workbook of two million rows stays far below this once unpacked. */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;
const MAX_RATIO = 200;
const MAX_ENTRIES = 10_000;

/**
 * Reads the ZIP central directory (no decompression) and refuses archives that would unpack to far
 * more than they weigh: a zip bomb must be rejected before any library inflates it.
 */
export function checkZipArchive(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new DomainError('import_rejected', 'This .xlsx file is damaged or truncated.');
  const entries = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (entries > MAX_ENTRIES) throw new DomainError('import_rejected', 'This workbook has too many parts to be a spreadsheet.');
  let offset = dirOffset;
  let unpacked = 0;
  for (let i = 0; i < entries; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      throw new DomainError('import_rejected', 'This .xlsx file is damaged or truncated.');
    }
    const compressed = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff || compressed === 0xffffffff) {
      throw new DomainError('import_rejected', 'This workbook is too large to import.');
    }
    unpacked += size;
    if (unpacked > MAX_UNPACKED_BYTES || (compressed > 0 && size / compressed > MAX_RATIO && size > 10 * 1024 * 1024)) {
      throw new DomainError('import_rejected', 'This workbook would unpack to an unreasonable size (a "zip bomb"); it was not opened.');
    }
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 65535);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}
