import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { previewImport } from '../../main/importing/session.js';
import { xlsxReads } from '../../main/importing/preview-limit.js';
import { checkRealUnpackedSize, MAX_UNPACKED_BYTES } from '../../main/importing/zip-guard.js';
import { createTestDb } from '../support/db.js';

/** Deflates `megabytes` of one repeated byte as a stream (never holding them), as a bomb does. */
async function deflatedRun(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i++) if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  const ended = new Promise((r) => deflate.once('end', r));
  deflate.end();
  await ended;
  return Buffer.concat(out);
}

/** A ZIP of parts whose directory claims `claimedSize` bytes each, whatever they inflate to; unlisted parts are left out of it. */
function zipOf(parts: Array<{ name: string; compressed: Buffer; claimedSize: number; listed?: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, compressed, claimedSize, listed = true } of parts) {
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(claimedSize, 22);
    local.writeUInt16LE(fileName.length, 26);
    if (listed) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(compressed.length, 20);
      central.writeUInt32LE(claimedSize, 24);
      central.writeUInt16LE(fileName.length, 28);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, fileName);
    }
    locals.push(local, fileName, compressed);
    offset += local.length + fileName.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function workbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Regions');
  sheet.addRow(['code', 'name', 'peak months']);
  for (let i = 0; i < rows; i++) sheet.addRow([`R${i}`, `Region ${i}`, '6,7,8']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('workbooks are read within a memory budget', () => {
  it('a part that claims a few bytes but inflates past the budget is refused as a zip bomb', async () => {
    const { db } = createTestDb();
    const compressed = await deflatedRun(Math.ceil(MAX_UNPACKED_BYTES / 1024 / 1024) + 8);
    // well under 1 MB on disk, a few hundred bytes claimed: the old guard trusted the claim
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', compressed, claimedSize: 900 }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(previewImport(db, 'regions', 'bomb.xlsx', bomb)).rejects.toThrow(/zip bomb/);
    expect(db.prepare('SELECT count(*) FROM regions').pluck().get()).toBe(0);
  }, 60_000);

  it('counts the bytes parts really inflate to, and refuses a part hidden from the directory', async () => {
    const real = await workbook(2000);
    const size = await checkRealUnpackedSize(real);
    expect(size).toBeGreaterThan(real.length);
    await expect(checkRealUnpackedSize(real, Math.floor(size / 2))).rejects.toThrow(/zip bomb/);
    // a part left out of the directory, which a streaming unzip would still inflate
    const small = await deflatedRun(1);
    const listedOnly = zipOf([{ name: 'xl/a.xml', compressed: small, claimedSize: 1024 * 1024 }]);
    expect(await checkRealUnpackedSize(listedOnly)).toBe(1024 * 1024);
    const withHidden = zipOf([
      { name: 'xl/a.xml', compressed: small, claimedSize: 1024 * 1024 },
      { name: 'xl/hidden.xml', compressed: small, claimedSize: 10, listed: false },
    ]);
    await expect(checkRealUnpackedSize(withHidden)).rejects.toThrow(/damaged/);
  });

  it('reads a workbook row by row and answers the same preview', async () => {
    const { db } = createTestDb();
    const preview = await previewImport(db, 'regions', 'regions.xlsx', await workbook(5000));
    expect(preview.totalRows).toBe(5000);
    expect(preview.format).toBe('xlsx');
    expect(preview.headers).toEqual(['code', 'name', 'peak months']);
  });

  it('reads at most two workbooks at once, queues four, and asks the rest to try again', async () => {
    const { db } = createTestDb();
    const file = await workbook(3000);
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, xlsxReads.active)), 1);
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => previewImport(db, 'regions', `r${i}.xlsx`, file)));
    clearInterval(watch);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(2);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'busy' });
    expect(most).toBeLessThanOrEqual(2);
    expect(xlsxReads.active).toBe(0);
  }, 60_000);
});
