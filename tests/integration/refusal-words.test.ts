import i18next, { type i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../main/demo/generate.js';
import type { ApiError } from '../../shared/contract/result.js';
import { call, refusal } from '../support/call.js';
import { asPerson, createTestDb, TEST_NOW } from '../support/db.js';
import { localeResources } from '../support/locales.js';

/**
 * A service's refusal reaches the person in their language: the core sends a rule code with its
 * parameters, and the renderer words it as renderer/api/client.ts does (rules:refusal.<code>, the
 * English message as the fallback). Here with the app's real locale files, on a real SQLite file.
 */
let i18n: I18n;
beforeAll(async () => {
  i18n = i18next.createInstance();
  await i18n.init({ resources: localeResources(), lng: 'zh', fallbackLng: 'en', interpolation: { escapeValue: false } });
});

function worded(error: ApiError, language: string): string {
  expect(error.rule, `${error.message} carries no rule`).toBeDefined();
  return i18n.getFixedT(language)(`rules:refusal.${error.rule!.code}`, { ...error.rule!.params, defaultValue: error.message });
}

const MONTH = '2027-03';

function demo() {
  const t = createTestDb();
  seedDemo(t.db, { scale: 'S', today: new Date(TEST_NOW) });
  const sp = t.db.prepare("SELECT id, code, region_id AS regionId FROM staff WHERE role = 'salesperson' ORDER BY id LIMIT 1").get() as {
    id: number;
    code: string;
    regionId: number;
  };
  const area = t.db.prepare('SELECT area_id FROM staff_areas WHERE staff_id = ? LIMIT 1').pluck().get(sp.id) as number;
  return { ...t, sp, area };
}

describe('a refusal from a service, in the person’s language', () => {
  it('a development plan that is not there, or is waiting for approval', async () => {
    const { ctx, sp, area } = demo();
    const missing = await refusal(ctx, 'devPlan.submit', { salespersonId: sp.id, month: MONTH });
    expect(missing).toMatchObject({ code: 'not_found', rule: { code: 'devPlanMissing', params: { month: MONTH } } });
    expect(missing.message).toBe(`There is no development plan for ${MONTH} yet.`); // the command line's English
    expect(worded(missing, 'zh')).toBe(`${MONTH} 还没有开发计划。`);

    const plan = {
      salespersonId: sp.id,
      month: MONTH,
      areaIds: [area],
      plannedVisits: 40,
      newSubDealers: 0,
      newTerminals: 2,
      competitors: [],
    };
    await call(ctx, 'devPlan.save', plan);
    await call(ctx, 'devPlan.submit', { salespersonId: sp.id, month: MONTH });
    const locked = await refusal(ctx, 'devPlan.save', plan);
    expect(locked.rule).toEqual({ code: 'devPlanLocked', params: { month: MONTH, status: 'submitted' } });
    // The status is worded too, from the development screens' own words.
    expect(worded(locked, 'zh')).toContain('“待审批”');
    expect(worded(locked, 'es')).toContain('«Pendiente de aprobación»');
    expect(worded(locked, 'en')).toContain('is submitted;');
  });

  it('an unknown area in a plan names the field and the record', async () => {
    const { ctx, sp, area } = demo();
    const plan = {
      salespersonId: sp.id,
      month: MONTH,
      areaIds: [area, 999_999],
      plannedVisits: 1,
      newSubDealers: 0,
      newTerminals: 0,
      competitors: [],
    };
    const error = await refusal(ctx, 'devPlan.save', plan);
    expect(error).toMatchObject({ issues: [{ path: 'areaIds.1' }], rule: { code: 'recordMissing', params: { id: 999_999 } } });
    expect(worded(error, 'ru')).toBe('Выбранная запись (#999999) не существует.');
  });

  it('a person without the role is told who may do it', async () => {
    const { ctx, db, sp } = demo();
    const region = db.prepare('SELECT id FROM regions LIMIT 1').pluck().get() as number;
    const error = await refusal(asPerson(ctx, sp.code), 'region.delete', { id: region });
    expect(error).toMatchObject({ code: 'forbidden', rule: { code: 'notAllowedAdmin', params: { method: 'region.delete' } } });
    expect(worded(error, 'zh')).toBe('无权操作：只有管理员可以执行此操作（region.delete）。');
    expect(db.prepare('SELECT count(*) FROM regions WHERE id = ?').pluck().get(region)).toBe(1);
  });

  it('a region still in use, and a second person with the same code', async () => {
    const { ctx, db } = demo();
    const region = db.prepare('SELECT id, name FROM regions LIMIT 1').get() as { id: number; name: string };
    const inUse = await refusal(ctx, 'region.delete', { id: region.id });
    expect(inUse).toMatchObject({ code: 'in_use', rule: { code: 'regionInUse', params: { name: region.name } } });
    expect(worded(inUse, 'es')).toMatch(new RegExp(`^La región ${region.name} aún tiene \\d+ área\\(s\\) y \\d+ empleado\\(s\\)`));

    const someone = db.prepare('SELECT code FROM staff LIMIT 1').pluck().get() as string;
    const taken = await refusal(ctx, 'person.create', {
      code: someone,
      name: 'Twin',
      role: 'salesperson',
      regionIds: [region.id],
      admin: false,
    });
    expect(taken).toMatchObject({
      code: 'conflict',
      issues: [{ path: 'code' }],
      rule: { code: 'personCodeTaken', params: { code: someone } },
    });
    expect(worded(taken, 'zh')).toBe(`编码 ${someone} 已被他人使用。`);
  });
});
