import { deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { previewImport } from '../../main/importing/session.js';
import { createTestDb } from '../support/db.js';

/** A minimal ZIP: one stored entry whose central directory claims `claimedSize` bytes unpacked. */
function zipClaiming(claimedSize: number, data = Buffer.from('x')): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const compressed = deflateRawSync(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(claimedSize, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(claimedSize, 24);
  central.writeUInt16LE(name.length, 28);
  const dirOffset = local.length + name.length + compressed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, name, compressed, central, name, end]);
}

describe('hostile files are rejected with a clear message and nothing written', () => {
  const cases: Array<[string, string, () => Buffer, RegExp]> = [
    ['truncated CSV', 'a.csv', () => Buffer.from('code,name,peak months\nN,"North', 'utf8'), /never closed/],
    [
      'binary file named .csv',
      'a.csv',
      () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
      /not a text spreadsheet/,
    ],
    ['empty file', 'a.csv', () => Buffer.alloc(0), /empty/],
    ['zip bomb claiming 4 GB', 'a.xlsx', () => zipClaiming(0xffffffff), /too large|zip bomb/],
    ['zip bomb claiming 600 MB from 1 KB', 'a.xlsx', () => zipClaiming(600 * 1024 * 1024, Buffer.alloc(1024)), /zip bomb|unreasonable/],
    ['damaged workbook', 'a.xlsx', () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]), /damaged|truncated/],
    [
      'old .xls workbook',
      'a.xls',
      () => Buffer.from('\u00d0\u00cf\u0011\u00e0 fake ole', 'latin1'),
      /\.xls workbooks are not supported|not a text spreadsheet/,
    ],
  ];
  for (const [label, fileName, make, message] of cases) {
    it(label, async () => {
      const { db } = createTestDb();
      const before = db.prepare('SELECT count(*) FROM regions').pluck().get();
      await expect(previewImport(db, 'regions', fileName, make())).rejects.toThrow(message);
      expect(db.prepare('SELECT count(*) FROM regions').pluck().get()).toBe(before);
    });
  }

  it('a 100 MB line', async () => {
    const { db } = createTestDb();
    const huge = Buffer.alloc(100 * 1024 * 1024 + 20, 'a');
    Buffer.from('code,name\nN,').copy(huge, 0);
    await expect(previewImport(db, 'regions', 'huge.csv', huge)).rejects.toThrow(/longer than 10000 characters/);
  }, 60_000);

  it('a file in a rarer encoding (KOI8-R) is detected and read, never crashes', async () => {
    const { db } = createTestDb();
    const koi8 = iconv.encode('Код,Название\nN,Север', 'koi8-r');
    const preview = await previewImport(db, 'regions', 'koi8.csv', koi8);
    expect(preview.encoding).toBe('koi8-r');
    expect(preview.suggestedMapping.code).toBe(0);
    expect(preview.totalRows).toBe(1);
  });
});
