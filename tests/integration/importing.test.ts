import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';
import { errorLines, importFile, importingText, sample } from '../support/importing.js';

describe('importing real-world spreadsheets', () => {
  it('imports the sample files in every encoding, delimiter and language', async () => {
    const { ctx, db } = createTestDb();
    for (const [entity, file] of [
      ['regions', 'regions.csv'],
      ['areas', 'areas.csv'],
      ['distributors', 'distributors-en.csv'],
      ['distributors', 'distributors-ru-cp1251.csv'],
      ['subDealers', 'sub-dealers-zh-gb18030.csv'],
      ['terminals', 'terminals-es.csv'],
      ['products', 'products.xlsx'],
    ] as const) {
      const { report, outcome } = await importFile(ctx, entity, file, sample(file));
      expect(report.errors, `${file}: ${JSON.stringify(report.errors)}`).toEqual([]);
      expect(outcome.ok, file).toBe(true);
    }
    const encodings = {
      ru: (
        await call(ctx, 'import.preview', {
          entity: 'distributors',
          fileName: 'x.csv',
          contentBase64: sample('distributors-ru-cp1251.csv').toString('base64'),
        })
      ).encoding,
      zh: (
        await call(ctx, 'import.preview', {
          entity: 'subDealers',
          fileName: 'x.csv',
          contentBase64: sample('sub-dealers-zh-gb18030.csv').toString('base64'),
        })
      ).encoding,
    };
    expect(encodings).toEqual({ ru: 'windows-1251', zh: 'gb18030' });
    expect(
      db.prepare('SELECT peak FROM (SELECT group_concat(month) AS peak FROM region_peak_months WHERE region_id = 1)').pluck().get(),
    ).toBe('5,6,7,8,9');
    const volga = db
      .prepare(
        "SELECT name, warehouse_capacity_cases AS cap, start_date AS start, lead_time_days AS lead FROM distributors WHERE code = 'D005'",
      )
      .get();
    expect(volga).toEqual({ name: 'Волга Трейд', cap: 9500, start: '2020-06-15', lead: 14 });
    expect(db.prepare("SELECT status, competitor_brand FROM sub_dealers WHERE code = 'S002'").get()).toEqual({
      status: 'prospect',
      competitor_brand: 'Golden Peak',
    });
    expect(db.prepare("SELECT name FROM sub_dealers WHERE code = 'S001'").pluck().get()).toBe('王记批发');
    const terminal = db.prepare("SELECT channel, sub_dealer_id IS NULL AS direct, latitude FROM terminals WHERE code = 'T002'").get();
    expect(terminal).toEqual({ channel: 'supermarket', direct: 1, latitude: 45.77 });
    expect(db.prepare("SELECT launch_date FROM products WHERE sku = 'HW-500B'").pluck().get()).toBe('2026-04-01');
  });

  it('reports every bad row by line, column and reason, and writes nothing', async () => {
    const { ctx, db } = createTestDb();
    await importFile(ctx, 'regions', 'regions.csv', sample('regions.csv'));
    await importFile(ctx, 'areas', 'areas.csv', sample('areas.csv'));
    const csv = [
      'code,name,area,lead time,warehouse capacity,relationship level,status',
      'D1,Good One,N-01,7,1000,2,active',
      'D2,Bad Area,ZZ-99,7,1000,2,active',
      'D3,Bad Lead,N-01,seven,1000,2,active',
      'D1,Duplicate,N-01,7,1000,2,active',
      ',No Code,N-01,7,1000,4,sleeping',
    ].join('\n');
    const { report, outcome } = await importFile(ctx, 'distributors', 'd.csv', Buffer.from(csv));
    expect(report.validRows).toBe(1);
    const lines = errorLines(await importingText('en'), report);
    expect(lines).toEqual([
      '3: area: there is no area with the code or name “ZZ-99”',
      '4: lead time: “seven” is not a number',
      '5: code: the same record as line 2 of the file',
      '6: code is required',
      '6: relationship level must be one of: 1, 2, 3; the file says “4”',
      '6: status must be one of: active, on hold, ended; the file says “sleeping”',
    ]);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'import_rejected' } });
    expect(db.prepare('SELECT count(*) FROM distributors').pluck().get()).toBe(0);
  });

  it('writes only the valid rows when the user explicitly asks, and remembers the mapping', async () => {
    const { ctx, db } = createTestDb();
    await importFile(ctx, 'regions', 'regions.csv', sample('regions.csv'));
    await importFile(ctx, 'areas', 'areas.csv', sample('areas.csv'));
    const csv = 'Distributor No,Trading name,Zone,Days,Cap,Lvl,State\nD1,One,N-01,7,1000,2,active\nD2,Two,N-01,x,1000,2,active\n';
    const preview = await call(ctx, 'import.preview', {
      entity: 'distributors',
      fileName: 'd.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    expect(preview.mappingRemembered).toBe(false);
    const mapping = { code: 0, name: 1, area: 2, leadTimeDays: 3, warehouseCapacityCases: 4, relationshipLevel: 5, status: 6 };
    const outcome = await call(ctx, 'import.commit', { importId: preview.importId, mapping, mode: 'validOnly' });
    expect(outcome).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 1 });
    expect(db.prepare('SELECT code FROM distributors').pluck().all()).toEqual(['D1']);
    const again = await call(ctx, 'import.preview', {
      entity: 'distributors',
      fileName: 'd.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    });
    expect(again.mappingRemembered).toBe(true);
    expect(again.suggestedMapping).toEqual(mapping);
  });

  it('neutralises formula injection in exports', async () => {
    const { ctx } = createTestDb();
    await importFile(ctx, 'regions', 'regions.csv', Buffer.from('code,name,peak months\nR1,"=HYPERLINK(""http://x"")",5-9\n'));
    const csv = await call(ctx, 'export.entity', { entity: 'regions', format: 'csv' });
    expect(Buffer.from(csv.contentBase64, 'base64').toString('utf8')).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('rejects files that are not spreadsheets with a clear message', async () => {
    const { ctx } = createTestDb();
    const binary = Buffer.from([0, 1, 2, 3, 0, 255, 254, 0]);
    const r = await dispatch(ctx, 'import.preview', { entity: 'regions', fileName: 'x.csv', contentBase64: binary.toString('base64') });
    expect(r).toMatchObject({ ok: false, error: { code: 'import_rejected' } });
    const truncated = await dispatch(ctx, 'import.preview', {
      entity: 'regions',
      fileName: 'x.csv',
      contentBase64: Buffer.from('code,name\n"R1,North').toString('base64'),
    });
    expect(truncated).toMatchObject({ ok: false, error: { code: 'import_rejected', message: expect.stringContaining('never closed') } });
    // The rule and its numbers travel with the English, so the screens say it in the user's language.
    expect(truncated).toMatchObject({ ok: false, error: { rule: { code: 'importUnclosedQuote', params: { line: 2 } } } });
    const notXlsx = await dispatch(ctx, 'import.preview', {
      entity: 'regions',
      fileName: 'x.xlsx',
      contentBase64: iconv.encode('hello', 'utf8').toString('base64'),
    });
    expect(notXlsx).toMatchObject({ ok: false, error: { code: 'import_rejected' } });
  });

  it('imports sales history in bulk, naming every bad row and writing nothing when one is bad', async () => {
    const { ctx, db } = createTestDb();
    for (const [entity, file] of [
      ['regions', 'regions.csv'],
      ['areas', 'areas.csv'],
      ['distributors', 'distributors-en.csv'],
      ['products', 'products.xlsx'],
    ] as const) {
      await importFile(ctx, entity, file, sample(file));
    }
    const bad = [
      'distributor,sku,month,cases,revenue',
      'D001,NS-330B,2026-01,120,5400.50',
      'D999,NS-330B,2026-01,5,',
      'D001,NOPE,2026-13,-4,x',
    ].join('\n');
    const { report, outcome } = await importFile(ctx, 'salesHistory', 'h.csv', Buffer.from(bad));
    expect(outcome.ok).toBe(false);
    expect(report.errors.map((e) => `${e.line} ${e.column} ${e.code}`)).toEqual([
      '3 distributor unknown_reference',
      '4 sku unknown_reference',
      '4 month not_a_month',
      '4 cases too_small',
      '4 revenue not_a_number',
    ]);
    expect(db.prepare('SELECT count(*) FROM sales_history').pluck().get()).toBe(0);
    const good = ['distributor,sku,month,cases,revenue', 'D001,NS-330B,2026-01,120,5400.50', 'D002,NS-500C,2026-02,80,'].join('\n');
    expect((await importFile(ctx, 'salesHistory', 'h.csv', Buffer.from(good))).outcome.ok).toBe(true);
    expect(db.prepare("SELECT cases || ' ' || revenue_cents FROM sales_history WHERE month = '2026-01'").pluck().get()).toBe('120 540050');
    // A month already recorded is a correction (counted as an update); the same month twice in one file is refused.
    const again = [
      'distributor,sku,month,cases,revenue',
      'D001,NS-330B,2026-01,130,',
      'D001,NS-330B,2026-03,10,',
      'd001,NS-330B,2026-3,11,',
    ].join('\n');
    const repeated = await importFile(ctx, 'salesHistory', 'h.csv', Buffer.from(again));
    expect(repeated.report.errors).toEqual([expect.objectContaining({ line: 4, code: 'duplicate_in_file', params: { line: 3 } })]);
    expect(repeated.outcome.ok).toBe(false);
    const correctionFile = Buffer.from(again.split('\n').slice(0, 3).join('\n'));
    const unchosen = await importFile(ctx, 'salesHistory', 'h.csv', correctionFile);
    expect(unchosen.report).toMatchObject({ creates: 1, updates: 1 });
    expect(unchosen.report.rows[0]).toMatchObject({
      line: 2,
      action: 'update',
      changes: [
        { field: 'cases', before: '120', after: '130' },
        { field: 'revenue', before: '5400.5', after: '' },
      ],
    });
    expect(unchosen.outcome).toMatchObject({ ok: false, error: { code: 'validation' } });
    const correction = await importFile(ctx, 'salesHistory', 'h.csv', correctionFile, { updates: 'apply' });
    expect(correction.outcome).toMatchObject({ ok: true, value: { created: 1, updated: 1 } });
    expect(
      db
        .prepare(
          "SELECT group_concat(cases) FROM (SELECT cases FROM sales_history WHERE distributor_id = (SELECT id FROM distributors WHERE code = 'D001') ORDER BY month)",
        )
        .pluck()
        .get(),
    ).toBe('130,10');
  });
});
