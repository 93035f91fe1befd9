import { fileRefusal } from './refusal.js';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { IMPORT_ENCODINGS, type ImportEncoding } from '../../shared/contract/importing.js';

export interface DecodedText {
  text: string;
  /** One of IMPORT_ENCODINGS: what the file was read as. */
  encoding: ImportEncoding;
  /** The likely encodings, best first (the chosen one first), for the user to pick another. */
  candidates: ImportEncoding[];
}

/** jschardet's names for the encodings a brewery's offices produce, folded onto the ones the importer offers. */
const DETECTED: Record<string, ImportEncoding> = {
  'utf-8': 'utf-8',
  ascii: 'utf-8',
  gb18030: 'gb18030',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'windows-1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-15': 'windows-1252',
  'windows-1251': 'windows-1251',
  maccyrillic: 'windows-1251',
  'koi8-r': 'koi8-r',
  'koi8-u': 'koi8-r',
  shift_jis: 'shift_jis',
  cp932: 'shift_jis',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** Without any other evidence: the office encodings in the order they are met in this business. */
const FALLBACK_ORDER: ImportEncoding[] = ['gb18030', 'windows-1251', 'windows-1252', 'koi8-r', 'shift_jis'];

/**
 * Spreadsheets arrive as UTF-8 (with or without BOM), UTF-16 from Excel's "Unicode text", GB18030/GBK
 * from Chinese Windows, Windows-1251 or KOI8-R from Russian, Windows-1252/Latin-1 from Spanish, Shift-JIS.
 * A BOM decides; valid UTF-8 wins; otherwise a scoring detector (jschardet) ranks the legacy encodings.
 * `chosen` is the user's pick when the guess read the file wrongly.
 */
export function decodeText(bytes: Uint8Array, chosen?: ImportEncoding): DecodedText {
  const bom = bomOf(bytes);
  // A UTF-8 BOM in front of GBK or Windows-1252 text (some tools add one to anything) marks nothing.
  const body =
    bom && (bom.encoding === chosen || (bom.encoding === 'utf-8' && !chosen?.startsWith('utf-16'))) ? bytes.subarray(bom.length) : bytes;
  if (chosen) return { text: iconv.decode(Buffer.from(body), chosen), encoding: chosen, candidates: rank(body, chosen) };
  if (bom?.encoding === 'utf-8' && !isUtf8(body)) {
    const candidates = rank(body);
    return { text: iconv.decode(Buffer.from(body), candidates[0]!), encoding: candidates[0]!, candidates };
  }
  if (bom) {
    const text = iconv.decode(Buffer.from(bytes.subarray(bom.length)), bom.encoding);
    return { text, encoding: bom.encoding, candidates: [bom.encoding, ...IMPORT_ENCODINGS.filter((e) => e !== bom.encoding)] };
  }
  if (looksBinary(bytes)) {
    throw fileRefusal('importNotSpreadsheet', 'This file is not a text spreadsheet (CSV) or an Excel workbook (XLSX).');
  }
  // One strict decoding both checks and reads the text (a second pass cost a tenth of a big import's reading).
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', candidates: [...IMPORT_ENCODINGS] };
  const candidates = rank(bytes);
  const encoding = candidates[0]!;
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding, candidates };
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function bomOf(bytes: Uint8Array): { encoding: ImportEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The detector's ranking (first 64 KB) folded onto the offered encodings; the rest follow. */
function rank(bytes: Uint8Array, first?: ImportEncoding): ImportEncoding[] {
  const sample = Buffer.from(bytes.subarray(0, 64 * 1024));
  const order: ImportEncoding[] = first ? [first] : [];
  for (const d of jschardet.detectAll(sample, { minimumThreshold: 0 })) {
    const mapped = DETECTED[d.encoding.toLowerCase()];
    if (mapped && mapped !== 'utf-8' && !order.includes(mapped) && d.confidence > 0) order.push(mapped);
  }
  for (const e of [...FALLBACK_ORDER, ...IMPORT_ENCODINGS]) if (!order.includes(e)) order.push(e);
  return order;
}

/** NUL bytes and many control characters do not occur in a real CSV. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.02;
}
