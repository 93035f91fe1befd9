import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../main/api/context.js';
import type { Db } from '../../main/db/open.js';
import type { ImportPreview } from '../../shared/contract/importing.js';
import { IMPORT_ENTITIES } from '../../shared/domain/importing.js';
import { call, refusal } from '../support/call.js';
import { createTestDb } from '../support/db.js';
import { errorLines, importFile, importingText, sample } from '../support/importing.js';
import { localeResources } from '../support/locales.js';

async function network(ctx: ServiceContext) {
  for (const [entity, file] of [
    ['regions', 'regions.csv'],
    ['areas', 'areas.csv'],
    ['distributors', 'distributors-en.csv'],
    ['products', 'products.xlsx'],
  ] as const) {
    const { outcome } = await importFile(ctx, entity, file, sample(file));
    expect(outcome.ok, file).toBe(true);
  }
}

const distributor = (db: Db, code: string) =>
  db
    .prepare(
      `SELECT d.name, a.code AS area, d.warehouse_capacity_cases AS capacity, d.lead_time_days AS lead FROM distributors d
       JOIN areas a ON a.id = d.area_id WHERE d.code = ?`,
    )
    .get(code);

describe('the preview says what will happen to every row', () => {
  it('a GBK file with Chinese headers: an existing code is an update with its changes, never applied without the choice', async () => {
    const { ctx, db } = createTestDb();
    await network(ctx);
    const before = distributor(db, 'D001');
    const file = sample('distributors-zh-gbk-duplicate.csv');
    const preview = await call(ctx, 'import.preview', {
      entity: 'distributors',
      fileName: 'd.csv',
      contentBase64: file.toString('base64'),
    });
    expect(preview.encoding).toBe('gb18030');
    // 交货期 and 关系级别 map by themselves.
    expect(preview.suggestedMapping).toMatchObject({ leadTimeDays: 4, warehouseCapacityCases: 5, relationshipLevel: 6 });
    const report = await call(ctx, 'import.validate', { importId: preview.importId, mapping: preview.suggestedMapping });
    expect(report).toMatchObject({ totalRows: 3, creates: 1, updates: 1, unchanged: 0, refusedRows: 1, sensitiveUpdates: 1 });
    const update = report.rows.find((r) => r.action === 'update')!;
    expect(update).toMatchObject({ line: 2, key: 'D001', sensitive: ['region_change'] });
    expect(update.changes).toEqual([
      { field: 'name', column: '名称', before: 'Riverside Beverage Co.', after: '河滨啤酒贸易' },
      { field: 'area', column: '区域', before: 'N-01', after: 'S-01' },
      { field: 'address', column: '地址', before: '12 Harbour Road', after: '滨江路1号' },
      { field: 'warehouseCapacityCases', column: '仓库容量', before: '24000', after: '1000' },
    ]);
    const zh = await importingText('zh');
    expect(errorLines(zh, report)).toEqual(['4: 编码：与文件第 3 行是同一条记录']);

    // No choice: refused, and nothing at all is written.
    const base = { importId: preview.importId, mapping: preview.suggestedMapping, mode: 'validOnly' };
    expect(await refusal(ctx, 'import.commit', base)).toMatchObject({ code: 'validation', issues: [{ path: 'updates' }] });
    // Updating a record that moves region needs the second confirmation.
    expect(await refusal(ctx, 'import.commit', { ...base, updates: 'apply' })).toMatchObject({ issues: [{ path: 'confirmSensitive' }] });
    expect(distributor(db, 'D001')).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM distributors WHERE code = 'D006'").pluck().get()).toBe(0);

    // "Add new only": the new distributor arrives, D001 stays exactly as it was.
    const outcome = await call(ctx, 'import.commit', { ...base, updates: 'skip' });
    expect(outcome).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 2 });
    expect(distributor(db, 'D001')).toEqual(before);
    expect(distributor(db, 'D006')).toEqual({ name: '松江酒水', area: 'N-01', capacity: 8000, lead: 5 });
  });

  it('applies updates only with "add and update", and signed-off data only with the second confirmation', async () => {
    const { ctx, db } = createTestDb();
    await network(ctx);
    const csv =
      'code,name,area,lead time,warehouse capacity,relationship level,status\nD002,Lakeview Drinks Supply,N-02,6,12000,2,active\n';
    const plain = await importFile(ctx, 'distributors', 'd.csv', Buffer.from(csv), { updates: 'apply' });
    expect(plain.report.rows).toEqual([
      { line: 2, key: 'D002', action: 'update', changes: [{ field: 'leadTimeDays', column: 'lead time', before: '5', after: '6' }] },
    ]);
    expect(plain.outcome).toMatchObject({ ok: true, value: { updated: 1 } });
    expect(distributor(db, 'D002')).toMatchObject({ lead: 6 });

    // D002 is now part of an agreed target plan: changing it changes what was signed off.
    db.exec(`INSERT INTO target_plans (id, region_id, season_year, name, status, basis, months, created_at, updated_at)
             VALUES (1, (SELECT id FROM regions WHERE code = 'NORTH'), 2027, 'Peak 2027', 'agreed', 'forecast', '5,6', 'x', 'x');
             INSERT INTO target_cells (plan_id, distributor_id, product_id, month, target, natural, basis)
             VALUES (1, (SELECT id FROM distributors WHERE code = 'D002'), (SELECT min(id) FROM products), '2027-05', 100, 90, 90);`);
    const agreed = csv.replace(',6,', ',9,');
    const unconfirmed = await importFile(ctx, 'distributors', 'd.csv', Buffer.from(agreed), { updates: 'apply' });
    expect(unconfirmed.report.rows[0]).toMatchObject({ sensitive: ['agreed_targets'] });
    expect(unconfirmed.outcome).toMatchObject({ ok: false, error: { issues: [{ path: 'confirmSensitive' }] } });
    expect(distributor(db, 'D002')).toMatchObject({ lead: 6 });
    const confirmed = await importFile(ctx, 'distributors', 'd.csv', Buffer.from(agreed), { updates: 'apply', confirmSensitive: true });
    expect(confirmed.outcome.ok).toBe(true);
    expect(distributor(db, 'D002')).toMatchObject({ lead: 9 });
  });

  it('an update never blanks a column the file does not have', async () => {
    const { ctx, db } = createTestDb();
    await network(ctx);
    const csv =
      'code,name,area,lead time,warehouse capacity,relationship level,status\nD001,Riverside Beverage Co.,N-01,7,25000,3,active\n';
    const { report, outcome } = await importFile(ctx, 'distributors', 'd.csv', Buffer.from(csv), { updates: 'apply' });
    expect(report.rows[0]!.changes).toEqual([
      { field: 'warehouseCapacityCases', column: 'warehouse capacity', before: '24000', after: '25000' },
    ]);
    expect(outcome.ok).toBe(true);
    expect(db.prepare("SELECT address, start_date FROM distributors WHERE code = 'D001'").get()).toEqual({
      address: '12 Harbour Road',
      start_date: '2015-04-01',
    });
  });
});

describe('every error of every row in one pass, in the user language', () => {
  it('names line, column as in the file, value and what is accepted, for all problems of a row at once', async () => {
    const { ctx, db } = createTestDb();
    await network(ctx);
    const { preview, report, outcome } = await importFile(ctx, 'distributors', 'e.csv', sample('distributors-several-errors.csv'));
    expect(preview.numberColumns).toEqual(
      [
        { column: 3, decimal: null, conflicting: false, ambiguous: [] },
        { column: 4, decimal: null, conflicting: true, ambiguous: ['12,600'] },
        { column: 5, decimal: null, conflicting: false, ambiguous: [] },
      ].filter((c) => c.conflicting || c.ambiguous.length),
    );
    expect(errorLines(await importingText('en'), report)).toEqual([
      '2: area: there is no area with the code or name “ZZ-99”',
      '2: lead time must be at least 0; the file says -5',
      '2: warehouse capacity must be at least 0; the file says -100',
      '2: relationship level must be one of: 1, 2, 3; the file says “4”',
      '2: start date must be a date such as 2026-03-01; the file says “2024-02-30”',
      '3: warehouse capacity must be a whole number; the file says 12,5',
      "4: warehouse capacity: “12,600” reads differently with a decimal comma or a decimal point; choose the column's decimal separator",
    ]);
    expect(errorLines(await importingText('zh'), report).slice(0, 2)).toEqual([
      '2: area：没有编码或名称为“ZZ-99”的区域',
      '2: lead time不能小于 0；文件中为 -5',
    ]);
    expect(errorLines(await importingText('ru'), report)[3]).toBe('2: relationship level: допустимо одно из: 1, 2, 3; в файле «4»');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'import_rejected' } });
    expect(db.prepare("SELECT count(*) FROM distributors WHERE code LIKE 'D01%'").pluck().get()).toBe(0);

    // The user says the column writes thousands with a comma: 12,600 is read, 12,5 is refused, never 125.
    const answered = await importFile(ctx, 'distributors', 'e.csv', sample('distributors-several-errors.csv'), {
      decimalSeparators: { '4': '.' },
    });
    expect(answered.report.errors.filter((e) => e.line > 2).map((e) => `${e.line} ${e.code}`)).toEqual(['3 not_a_number']);
  });

  it('an unknown distributor is one error, not also a "choose exactly one supplier"', async () => {
    const { ctx } = createTestDb();
    await network(ctx);
    const csv = 'code,name,channel,distributor,area,status\nT900,Kiosk,kiosk,NOPE,N-01,active\n';
    const { report } = await importFile(ctx, 'terminals', 't.csv', Buffer.from(csv));
    expect(report.errors.map((e) => `${e.column} ${e.code}`)).toEqual(['distributor unknown_reference']);
  });

  it('reads a semicolon file with decimal commas as it is written', async () => {
    const { ctx, db } = createTestDb();
    await network(ctx);
    const { preview, report, outcome } = await importFile(ctx, 'subDealers', 's.csv', sample('sub-dealers-ru-semicolon-decimal-comma.csv'));
    expect(preview.delimiter).toBe(';');
    expect(preview.numberColumns.map((c) => c.decimal)).toEqual([',', ',']);
    expect(report).toMatchObject({ creates: 3, errorCount: 0 });
    expect(outcome.ok).toBe(true);
    expect(db.prepare("SELECT latitude, longitude FROM sub_dealers WHERE code = 'S010'").get()).toEqual({
      latitude: 45.81,
      longitude: 126.53,
    });
  });
});

describe('round trip', () => {
  it('exporting every network entity and importing the file unchanged reports every row unchanged, in any language', async () => {
    const { ctx, db } = createTestDb();
    await network(ctx);
    for (const [entity, file] of [
      ['subDealers', 'sub-dealers-zh-gb18030.csv'],
      ['terminals', 'terminals-es.csv'],
    ] as const) {
      expect((await importFile(ctx, entity, file, sample(file))).outcome.ok).toBe(true);
    }
    const staff = 'code,name,role,region,areas,phone,email,active\nE1,Li Wei,salesperson,NORTH,N-01;N-02,+86 138 0000 0001,,yes\n';
    expect((await importFile(ctx, 'staff', 's.csv', Buffer.from(staff))).outcome.ok).toBe(true);
    const labels = localeResources();
    const entities = ['regions', 'areas', 'staff', 'distributors', 'subDealers', 'terminals', 'products'] as const;
    for (const language of ['en', 'zh'] as const) {
      const titles = (labels[language].importing as { field: Record<string, Record<string, string>> }).field;
      for (const entity of entities)
        for (const format of ['csv', 'xlsx'] as const) {
          const file = await call(ctx, 'export.entity', { entity, format, headers: titles[entity] });
          const { report, outcome } = await importFile(ctx, entity, file.fileName, Buffer.from(file.contentBase64, 'base64'));
          expect({ entity, format, language, ...report, rows: undefined }).toMatchObject({
            creates: 0,
            updates: 0,
            errorCount: 0,
            unchanged: file.rows,
          });
          expect(outcome.ok).toBe(true);
        }
    }
    // The ' that guards "+86 …" against formulas in the export is gone after the round trip.
    expect(db.prepare("SELECT phone FROM staff WHERE code = 'E1'").pluck().get()).toBe('+86 138 0000 0001');
  });

  it('every entity has a template in the user language that imports as it is', async () => {
    const { ctx } = createTestDb();
    const titles = (localeResources().zh.importing as { field: Record<string, Record<string, string>> }).field;
    for (const entity of IMPORT_ENTITIES) {
      const file = await call(ctx, 'import.template', { entity, format: 'xlsx', headers: titles[entity] });
      expect(file.rows).toBe(2);
      const preview = await call(ctx, 'import.preview', { entity, fileName: file.fileName, contentBase64: file.contentBase64 });
      expect(preview.headers).toEqual(preview.fields.map((f) => titles[entity]![f.key]));
      expect(
        preview.headers.some((h) => /[\u4e00-\u9fff]/.test(h)),
        entity,
      ).toBe(true);
      expect(
        Object.values(preview.suggestedMapping).every((i) => i !== null),
        entity,
      ).toBe(true);
    }
    // In order, the templates of the network import into an empty planner without a single error.
    for (const entity of ['regions', 'areas', 'staff', 'products', 'distributors', 'subDealers', 'terminals', 'contacts'] as const) {
      const file = await call(ctx, 'import.template', { entity, format: 'csv', headers: titles[entity] });
      const { report, outcome } = await importFile(ctx, entity, file.fileName, Buffer.from(file.contentBase64, 'base64'));
      expect(report.errors, entity).toEqual([]);
      expect(outcome.ok).toBe(true);
    }
  });
});

describe('plans, visits and weekly reviews as spreadsheets', () => {
  it('import from templates, export and import back unchanged, and change only by choice', async () => {
    const { ctx, db } = createTestDb();
    await network(ctx);
    for (const [entity, file] of [
      ['subDealers', 'sub-dealers-zh-gb18030.csv'],
      ['terminals', 'terminals-es.csv'],
    ] as const)
      expect((await importFile(ctx, entity, file, sample(file))).outcome.ok).toBe(true);
    const staff = 'code,name,role,region,areas\nE001,Li Wei,salesperson,NORTH,N-01;N-02\n';
    expect((await importFile(ctx, 'staff', 's.csv', Buffer.from(staff))).outcome.ok).toBe(true);
    const titles = (localeResources().zh.importing as { field: Record<string, Record<string, string>> }).field;
    for (const entity of ['devPlans', 'visits', 'weeklyReviews'] as const) {
      const template = await call(ctx, 'import.template', { entity, format: 'csv', headers: titles[entity] });
      const first = await importFile(ctx, entity, template.fileName, Buffer.from(template.contentBase64, 'base64'));
      expect(first.report.errors, entity).toEqual([]);
      expect(first.outcome, entity).toMatchObject({ ok: true, value: { created: 2 } });
      const exported = await call(ctx, 'export.entity', { entity, format: 'xlsx', headers: titles[entity] });
      expect(exported.rows).toBe(2);
      const back = await importFile(ctx, entity, exported.fileName, Buffer.from(exported.contentBase64, 'base64'));
      expect(back.report, entity).toMatchObject({ creates: 0, updates: 0, unchanged: 2, errorCount: 0 });
    }
    expect(db.prepare('SELECT planned_visits FROM dev_plans ORDER BY month').pluck().all()).toEqual([60, 55]);
    expect(db.prepare("SELECT outcome FROM visits WHERE outlet_type = 'terminal'").pluck().all()).toEqual(['interested']);

    const review = 'salesperson,week start,problems,successes\nE001,2026-03-09,Rain all week,\nE001,2026-03-10,,\n';
    const changed = await importFile(ctx, 'weeklyReviews', 'r.csv', Buffer.from(review));
    expect(changed.report.rows[0]).toMatchObject({
      action: 'update',
      changes: [{ field: 'problems', before: '', after: 'Rain all week' }],
    });
    expect(errorLines(await importingText('en'), changed.report)).toEqual([
      '3: week start: a week starts on a Monday; the file says “2026-03-10”',
    ]);
    expect(changed.outcome.ok).toBe(false);
    const applied = await importFile(ctx, 'weeklyReviews', 'r.csv', Buffer.from(review), { mode: 'validOnly', updates: 'apply' });
    expect(applied.outcome).toMatchObject({ ok: true, value: { updated: 1 } });
    expect(db.prepare("SELECT problems FROM weekly_reviews WHERE week_start = '2026-03-09'").pluck().get()).toBe('Rain all week');
  });
});

describe('import sessions belong to the core', () => {
  it('one core cannot validate or commit an import previewed by another', async () => {
    const a = createTestDb();
    const b = createTestDb();
    const csv = Buffer.from('code,name,peak months\nR1,North,5-9\n').toString('base64');
    const preview = await call(a.ctx, 'import.preview', { entity: 'regions', fileName: 'r.csv', contentBase64: csv });
    const input = { importId: preview.importId, mapping: preview.suggestedMapping, mode: 'all' };
    expect(await refusal(b.ctx, 'import.commit', input)).toMatchObject({ code: 'not_found' });
    expect(await call(a.ctx, 'import.commit', input)).toMatchObject({ created: 1 });
    expect(b.db.prepare('SELECT count(*) FROM regions').pluck().get()).toBe(0);
  });
});

describe('imports run in the job worker, with progress and cancel', () => {
  it('checks and imports off the calling thread, and a cancelled import writes nothing', async () => {
    const { ctx, db } = createTestDb();
    await network(ctx);
    const rows = ['code,name,channel,distributor,area,status'];
    for (let i = 0; i < 6_000; i++) rows.push(`BG${i},Outlet ${i},kiosk,D001,N-01,active`);
    const contentBase64 = Buffer.from(rows.join('\n')).toString('base64');
    const started = await call(ctx, 'import.previewStart', { entity: 'terminals', fileName: 't.csv', contentBase64 });
    const previewed = await ctx.jobs.wait(started.jobId);
    expect(previewed).toMatchObject({ state: 'done', result: { importId: started.importId, totalRows: 6_000 } });
    const preview = previewed.result as ImportPreview;
    const choices = { importId: preview.importId, mapping: preview.suggestedMapping };
    // The session the job previewed is the core's: it can also be checked here, reading the file on demand.
    expect(await call(ctx, 'import.validate', choices)).toMatchObject({ creates: 6_000 });

    const check = await call(ctx, 'import.start', { ...choices, step: 'validate' });
    const checked = await ctx.jobs.wait(check.jobId);
    // A check writes nothing: its kind says so, and the screens that read the records are not refreshed.
    expect(previewed.kind).toBe('import.check');
    expect(checked).toMatchObject({ state: 'done', kind: 'import.check', progress: 1 });
    expect(checked.result).toMatchObject({ totalRows: 6_000, creates: 6_000, errorCount: 0 });

    const cancelled = await call(ctx, 'import.start', { ...choices, step: 'commit' });
    expect(ctx.jobs.status(cancelled.jobId)?.kind).toBe('import.run');
    await call(ctx, 'job.cancel', { id: cancelled.jobId });
    expect(await ctx.jobs.wait(cancelled.jobId)).toMatchObject({ state: 'cancelled' });
    expect(db.prepare("SELECT count(*) FROM terminals WHERE code LIKE 'BG%'").pluck().get()).toBe(0);

    // A file refused whole in the worker comes back with its rule, for the dialog to word.
    const empty = await call(ctx, 'import.previewStart', {
      entity: 'terminals',
      fileName: 'e.csv',
      contentBase64: Buffer.from('x').toString('base64').slice(0, 0),
    });
    expect(await ctx.jobs.wait(empty.jobId)).toMatchObject({
      state: 'failed',
      error: 'The file is empty.',
      errorRule: { code: 'importEmptyFile' },
    });

    const commit = await call(ctx, 'import.start', { ...choices, step: 'commit' });
    const done = await ctx.jobs.wait(commit.jobId);
    expect(done).toMatchObject({ state: 'done', result: { created: 6_000, updated: 0 } });
    expect(db.prepare("SELECT count(*) FROM terminals WHERE code LIKE 'BG%'").pluck().get()).toBe(6_000);
  });
});

describe('encodings', () => {
  it('detects Windows-1252, shows the guess, and lets the user pick another', async () => {
    const { ctx } = createTestDb();
    const bytes = iconv.encode('código;nombre;región\nA1;Cervecería Año Niño;NORTH\n', 'windows-1252');
    const preview = await call(ctx, 'import.preview', { entity: 'areas', fileName: 'a.csv', contentBase64: bytes.toString('base64') });
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.sampleRows[0]![1]).toBe('Cervecería Año Niño');
    expect(preview.encodingCandidates).toContain('gb18030');
    const forced = await call(ctx, 'import.preview', {
      entity: 'areas',
      fileName: 'a.csv',
      contentBase64: bytes.toString('base64'),
      encoding: 'gb18030',
    });
    expect(forced.encoding).toBe('gb18030');
    expect(forced.sampleRows[0]![1]).not.toBe('Cervecería Año Niño');
  });
});
