import iconv from 'iconv-lite';
import { DomainError } from '../../shared/contract/result.js';

export interface DecodedText {
  text: string;
  encoding: string;
}

/**
 * Spreadsheets arrive as UTF-8 (with or without BOM), UTF-16 from Excel's "Unicode text", GB18030/GBK
 * from Chinese Windows and Windows-1251 from Russian Windows. Valid UTF-8 wins; otherwise the legacy
 * encoding whose decoding reads most like its language is chosen.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'UTF-16BE' };
  if (looksBinary(bytes)) {
    throw new DomainError('import_rejected', 'This file is not a text spreadsheet (CSV) or an Excel workbook (XLSX).');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    // not UTF-8: fall through to the legacy encodings
  }
  const buffer = Buffer.from(bytes);
  const sample = buffer.subarray(0, 64 * 1024);
  const gb = iconv.decode(sample, 'gb18030');
  const cyr = iconv.decode(sample, 'win1251');
  const encoding = scoreCjk(gb) >= scoreCyrillic(cyr) ? 'GB18030' : 'windows-1251';
  return { text: iconv.decode(buffer, encoding === 'GB18030' ? 'gb18030' : 'win1251'), encoding };
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
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

/** Share of characters that are common CJK ideographs (GB2312 level 1 sits in this block). */
function scoreCjk(text: string): number {
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 128) continue;
    if (c >= 0x4e00 && c <= 0x9fff) cjk++;
    else other++;
  }
  return cjk + other === 0 ? 0 : cjk / (cjk + other);
}

function scoreCyrillic(text: string): number {
  let cyr = 0;
  let other = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 128) continue;
    // lower-case Cyrillic dominates real text; upper-case-only runs are typical of mis-decoded CJK
    if (c >= 0x0430 && c <= 0x044f) cyr++;
    else if (c >= 0x0410 && c <= 0x042f) cyr += 0.5;
    else other++;
  }
  return cyr + other === 0 ? 0 : cyr / (cyr + other);
}
