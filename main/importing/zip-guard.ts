import { fileRefusal } from './refusal.js';
import { createInflateRaw } from 'node:zlib';

/**
 * What a workbook may really unpack to. The rows read from it are held in memory for the preview,
 * validation and commit, so this is what bounds the memory an import takes (about 800,000 rows of
 * ten columns); a bigger sheet imports as CSV, which has no unpacking step.
 */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
const MAX_RATIO = 200;
const MAX_ENTRIES = 10_000;

const damaged = () => fileRefusal('importTruncatedXlsx', 'This .xlsx file is damaged or truncated.');
const bomb = () => fileRefusal('importZipBomb', 'This workbook would unpack to an unreasonable size (a "zip bomb"); it was not opened.');

interface Entry {
  localOffset: number;
  compressed: number;
  method: number;
  flags: number;
}

/**
 * Reads the ZIP central directory (no decompression) and refuses archives that claim to unpack to
 * far more than they weigh. Claims are cheap to check but can lie: `checkRealUnpackedSize` then
 * counts what the parts really inflate to.
 */
export function checkZipArchive(bytes: Uint8Array): void {
  let unpacked = 0;
  for (const { size, compressed } of readCentralDirectory(bytes).claims) {
    if (size === 0xffffffff || compressed === 0xffffffff) throw fileRefusal('importXlsxTooLarge', 'This workbook is too large to import.');
    unpacked += size;
    if (unpacked > MAX_UNPACKED_BYTES || (compressed > 0 && size / compressed > MAX_RATIO && size > 10 * 1024 * 1024)) throw bomb();
  }
}

function readCentralDirectory(bytes: Uint8Array): {
  entries: Entry[];
  claims: Array<{ size: number; compressed: number }>;
  dirOffset: number;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw damaged();
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count > MAX_ENTRIES) throw fileRefusal('importTooManyParts', 'This workbook has too many parts to be a spreadsheet.');
  const entries: Entry[] = [];
  const claims: Array<{ size: number; compressed: number }> = [];
  let offset = dirOffset;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) throw damaged();
    const compressed = view.getUint32(offset + 20, true);
    claims.push({ compressed, size: view.getUint32(offset + 24, true) });
    entries.push({
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressed,
      localOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return { entries, claims, dirOffset };
}

/**
 * Inflates every part of the archive as a stream, counting the bytes that really come out and
 * keeping none of them: a file whose parts lie about their size (5.8 MB claiming little, inflating
 * to 1.9 GB) is refused once the budget is spent, with memory bounded by one chunk. Parts the
 * directory does not list are refused too, since a streaming reader would still inflate them.
 */
export async function checkRealUnpackedSize(bytes: Uint8Array, budget = MAX_UNPACKED_BYTES): Promise<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { entries, dirOffset } = readCentralDirectory(bytes);
  const covered: Array<[number, number]> = [];
  let total = 0;
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw damaged();
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressed;
    if (end > bytes.length) throw damaged();
    covered.push([at, end]);
    const data = bytes.subarray(start, end);
    let size: number;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8) size = await inflatedLength(data, budget - total);
    else throw fileRefusal('importCompression', 'This workbook uses a compression Excel does not write; save it again in Excel.');
    total += size;
    if (total > budget || (size > 10 * 1024 * 1024 && size / Math.max(1, data.length) > MAX_RATIO)) throw bomb();
  }
  refuseHiddenParts(bytes, covered, dirOffset);
  return total;
}

/** Bytes between the listed parts must not hold another part's header. */
function refuseHiddenParts(bytes: Uint8Array, covered: Array<[number, number]>, dirOffset: number): void {
  const sorted = [...covered].sort((a, b) => a[0] - b[0]);
  let position = 0;
  const check = (from: number, to: number) => {
    if (to <= from) return;
    if (Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).includes(LOCAL_HEADER)) throw damaged();
  };
  for (const [start, end] of sorted) {
    check(position, start);
    position = Math.max(position, end);
  }
  check(position, Math.min(dirOffset, bytes.length));
}
const LOCAL_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function inflatedLength(data: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let length = 0;
    let over = false;
    inflate.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit && !over) {
        over = true;
        inflate.destroy();
        reject(bomb());
      }
    });
    inflate.once('end', () => resolve(length));
    inflate.once('error', () => {
      if (!over) reject(damaged());
    });
    inflate.end(data);
  });
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 65535);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}
