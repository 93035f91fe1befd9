import { describe, expect, it } from 'vitest';
import { IMPORT_ENTITIES } from '../../shared/domain/importing.js';
import { call } from '../support/call.js';
import { createTestDb } from '../support/db.js';
import { importFile } from '../support/importing.js';
import { LANGUAGES, localeResources } from '../support/locales.js';

/** Every entity the import dialog offers, in the order their references need. */
const IN_ORDER = [
  'regions',
  'areas',
  'staff',
  'products',
  'distributors',
  'subDealers',
  'terminals',
  'contacts',
  'salesHistory',
  'stockSnapshots',
  'shipments',
  'devPlans',
  'visits',
  'weeklyReviews',
] as const;

const fieldTitles = (language: (typeof LANGUAGES)[number]) =>
  (localeResources()[language].importing as { field: Record<string, Record<string, string>> }).field;

const text = (file: { contentBase64: string }) => Buffer.from(file.contentBase64, 'base64').toString('utf8');

describe('round trip of every entity in every language', () => {
  it('an exported sheet, titles and values in the user language, imports back as unchanged row by row', async () => {
    const { ctx, db } = createTestDb();
    expect([...IN_ORDER].sort()).toEqual([...IMPORT_ENTITIES].sort());
    // The templates, in Chinese, fill an empty planner with two records of each kind.
    for (const entity of IN_ORDER) {
      const template = await call(ctx, 'import.template', { entity, format: 'csv', headers: fieldTitles('zh')[entity], language: 'zh' });
      const { report, outcome } = await importFile(ctx, entity, template.fileName, Buffer.from(template.contentBase64, 'base64'));
      expect(report.errors, entity).toEqual([]);
      expect(outcome.ok, entity).toBe(true);
    }
    const counts = db.prepare('SELECT (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM shipments) AS shipments').get();
    expect(counts).toEqual({ contacts: 2, shipments: 2 });

    for (const language of LANGUAGES) {
      const titles = fieldTitles(language);
      for (const entity of IN_ORDER)
        for (const format of ['csv', 'xlsx'] as const) {
          const file = await call(ctx, 'export.entity', { entity, format, headers: titles[entity], language });
          expect(file.rows, `${entity} ${language}`).toBeGreaterThan(0);
          const { report, outcome } = await importFile(ctx, entity, file.fileName, Buffer.from(file.contentBase64, 'base64'));
          expect({ entity, language, format, ...report, rows: undefined }).toMatchObject({
            creates: 0,
            updates: 0,
            errorCount: 0,
            unchanged: file.rows,
          });
          expect(report.rows.every((r) => r.action === 'unchanged')).toBe(true);
          expect(outcome).toMatchObject({ ok: true, value: { created: 0, updated: 0, unchanged: file.rows } });
        }
    }
    // Nothing was added along the way.
    expect(db.prepare('SELECT (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM shipments) AS shipments').get()).toEqual(
      counts,
    );
  }, 120_000);

  it('writes values in the user language: statuses, roles, channels, relationship levels, yes/no, visit outcomes', async () => {
    const { ctx } = createTestDb();
    for (const entity of IN_ORDER) {
      const template = await call(ctx, 'import.template', { entity, format: 'csv', language: 'en' });
      expect((await importFile(ctx, entity, template.fileName, Buffer.from(template.contentBase64, 'base64'))).outcome.ok, entity).toBe(
        true,
      );
    }
    const zh = async (entity: (typeof IN_ORDER)[number]) =>
      text(await call(ctx, 'export.entity', { entity, format: 'csv', headers: fieldTitles('zh')[entity], language: 'zh' }));
    expect(await zh('distributors')).toMatch(/合作中[\s\S]*暂停/);
    // The relationship level as the screens word it, not as its number.
    expect(await zh('distributors')).toMatch(/,[123] · (靠价格维系|个性化服务|战略伙伴),/);
    expect(await zh('staff')).toMatch(/业务员,.*,是/);
    expect(await zh('terminals')).toContain('酒吧 / 夜场');
    expect(await zh('shipments')).toContain('在途');
    expect(await zh('visits')).toContain('有兴趣');
    expect(await zh('contacts')).toContain('老板');
    const ru = text(await call(ctx, 'export.entity', { entity: 'products', format: 'csv', language: 'ru' }));
    expect(ru).toContain('Новинка');
    expect(ru).not.toMatch(/,new,|,active,/);
    // Without a language (scripts, older clients) the words are English.
    expect(text(await call(ctx, 'export.entity', { entity: 'distributors', format: 'csv' }))).toContain('On hold');
  });

  it('a contact or shipment changed in the sheet is an update of that record, applied only by choice', async () => {
    const { ctx, db } = createTestDb();
    for (const entity of IN_ORDER) {
      const template = await call(ctx, 'import.template', { entity, format: 'csv', language: 'es' });
      expect((await importFile(ctx, entity, template.fileName, Buffer.from(template.contentBase64, 'base64'))).outcome.ok, entity).toBe(
        true,
      );
    }
    const contacts = text(await call(ctx, 'export.entity', { entity: 'contacts', format: 'csv', language: 'es' })).replace(
      'Dueño',
      'Compras',
    );
    const changed = await importFile(ctx, 'contacts', 'c.csv', Buffer.from(contacts));
    expect(changed.report).toMatchObject({ creates: 0, updates: 1, unchanged: 1, errorCount: 0 });
    expect(changed.report.rows[0]).toMatchObject({ action: 'update', changes: [{ field: 'level' }] });
    expect(changed.outcome.ok).toBe(false);
    expect(db.prepare("SELECT level FROM contacts WHERE name = 'Zhang Min'").pluck().get()).toBe('owner');
    const applied = await importFile(ctx, 'contacts', 'c.csv', Buffer.from(contacts), { updates: 'apply' });
    expect(applied.outcome).toMatchObject({ ok: true, value: { updated: 1, created: 0 } });
    expect(db.prepare("SELECT level FROM contacts WHERE name = 'Zhang Min'").all()).toEqual([{ level: 'purchasing' }]);

    // Shipments carry the planner's number: the warehouse marks the planned one in transit in the sheet.
    const shipments = text(await call(ctx, 'export.entity', { entity: 'shipments', format: 'csv', language: 'es' })).replace(
      'Planificado',
      'En tránsito',
    );
    const moved = await importFile(ctx, 'shipments', 's.csv', Buffer.from(shipments), { updates: 'apply' });
    expect(moved.report).toMatchObject({ creates: 0, updates: 1, unchanged: 1 });
    expect(moved.report.rows[0]!.changes).toEqual([{ field: 'status', column: 'status', before: 'planned', after: 'in_transit' }]);
    expect(moved.outcome).toMatchObject({ ok: true, value: { updated: 1, created: 0 } });
    expect(db.prepare('SELECT status, count(*) AS n FROM shipments GROUP BY status').all()).toEqual([{ status: 'in_transit', n: 2 }]);
    // A list without numbers (an ERP's) adds each line as a shipment of its own, two trucks on one day included.
    const erp =
      'distributor,sku,cases,ship date,arrival date,status\nD001,NS-330B,40,2026-03-02,2026-03-09,in transit\nD001,NS-330B,60,2026-03-02,2026-03-09,in transit\n';
    const added = await importFile(ctx, 'shipments', 'erp.csv', Buffer.from(erp));
    expect(added.report).toMatchObject({ creates: 2, updates: 0, errorCount: 0 });
    expect(db.prepare('SELECT count(*) FROM shipments').pluck().get()).toBe(4);
  });

  it('two contacts of one name at one distributor round-trip as two, and a renamed one is an update of that one', async () => {
    const { ctx, db } = createTestDb();
    for (const entity of IN_ORDER) {
      const template = await call(ctx, 'import.template', { entity, format: 'csv', language: 'en' });
      expect((await importFile(ctx, entity, template.fileName, Buffer.from(template.contentBase64, 'base64'))).outcome.ok, entity).toBe(
        true,
      );
    }
    const distributor = db.prepare("SELECT id FROM distributors WHERE code = 'D001'").pluck().get() as number;
    // Two people called Li Wei at D001: the owner's son in the warehouse and an unrelated buyer.
    await call(ctx, 'contact.create', { draft: { ownerType: 'distributor', ownerId: distributor, name: 'Li Wei', level: 'warehouse' } });
    await call(ctx, 'contact.create', { draft: { ownerType: 'distributor', ownerId: distributor, name: 'Li Wei', level: 'purchasing' } });
    const ids = db.prepare("SELECT id FROM contacts WHERE name = 'Li Wei' ORDER BY id").pluck().all() as number[];

    for (const language of LANGUAGES)
      for (const format of ['csv', 'xlsx'] as const) {
        const file = await call(ctx, 'export.entity', { entity: 'contacts', format, headers: fieldTitles(language).contacts, language });
        expect(file.rows).toBe(4);
        const { report, outcome } = await importFile(ctx, 'contacts', file.fileName, Buffer.from(file.contentBase64, 'base64'));
        expect({ language, format, ...report, rows: undefined }).toMatchObject({ creates: 0, updates: 0, errorCount: 0, unchanged: 4 });
        expect(outcome).toMatchObject({ ok: true, value: { created: 0, updated: 0, unchanged: 4 } });
      }

    // The sheet renames the second Li Wei (the buyer) and moves nothing else: an update of that contact only.
    const sheet = text(await call(ctx, 'export.entity', { entity: 'contacts', format: 'csv', language: 'en' }));
    expect(sheet.split('\n')[0]).toMatch(/^\uFEFF?contactId,/);
    const renamed = sheet.replace(new RegExp(`^${ids[1]},(.*)Li Wei`, 'm'), `${ids[1]},$1Li Wei (buyer)`);
    expect(renamed).not.toBe(sheet);
    const preview = await importFile(ctx, 'contacts', 'c.csv', Buffer.from(renamed));
    expect(preview.report).toMatchObject({ creates: 0, updates: 1, unchanged: 3, errorCount: 0 });
    expect(preview.report.rows.find((r) => r.action === 'update')!.changes).toEqual([
      { field: 'name', column: 'name', before: 'Li Wei', after: 'Li Wei (buyer)' },
    ]);
    await importFile(ctx, 'contacts', 'c.csv', Buffer.from(renamed), { updates: 'apply' });
    expect(db.prepare('SELECT id, name, level FROM contacts WHERE id IN (?, ?) ORDER BY id').all(...ids)).toEqual([
      { id: ids[0], name: 'Li Wei', level: 'warehouse' },
      { id: ids[1], name: 'Li Wei (buyer)', level: 'purchasing' },
    ]);
    // A person's own list without the number still finds a contact by its owner and name.
    const own =
      'belongs to,customer code,name,job title,level,phone\ndistributor,D001,Zhang Min,Owner,owner,+86 138 0000 0002\ndistributor,D001,Wang Fang,,sales,\n';
    expect((await importFile(ctx, 'contacts', 'own.csv', Buffer.from(own))).report).toMatchObject({ creates: 1, unchanged: 1, updates: 0 });
  });
});
