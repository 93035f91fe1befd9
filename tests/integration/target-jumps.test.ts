import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import type { ServiceContext } from '../../main/api/context.js';
import { call } from '../support/call.js';
import { asPerson, createTestDb } from '../support/db.js';
import { LANGUAGES, localeResources } from '../support/locales.js';
import { alphaRegion } from '../support/smallRegion.js';

const region = alphaRegion;

const plans = (ctx: ServiceContext) => ctx.db.prepare('SELECT count(*) FROM target_plans').pluck().get() as number;

describe('large jumps in targets', () => {
  it('refuses a jump beyond the line with a rule and its figures, and saves it once confirmed', async () => {
    const { ctx } = createTestDb();
    const { regionId } = await region(ctx);
    const input = { regionId, seasonYear: 2027, name: 'Peak 2027', basis: 'last_year' as const, newOutlets: 0 };
    const asked = await dispatch(ctx, 'targets.create', { ...input, lines: [{ brand: 'Alpha', volume: 3030 }] });
    // the screen words the question from the rule's code and figures, in the user's language
    expect(asked).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        issues: [{ path: 'confirm', message: '+278.8%' }],
        rule: { code: 'targetJumpLastYear', params: { what: 'Alpha', value: 3030, change: '+278.8%', reference: 800, threshold: '±50%' } },
      },
    });
    expect(plans(ctx)).toBe(0);
    // every language words the question with each of the rule's figures
    const resources = localeResources();
    for (const language of LANGUAGES)
      for (const code of ['targetJumpLastYear', 'targetJumpNatural']) {
        const text = (resources[language].rules as { refusal: Record<string, string> }).refusal[code];
        for (const param of ['what', 'value', 'change', 'reference', 'threshold'])
          expect(text, `${language} ${code}`).toContain(`{{${param}}}`);
      }
    const plan = await call(ctx, 'targets.create', { ...input, lines: [{ brand: 'Alpha', volume: 3030 }], confirm: true });
    expect(plan.target).toBe(3030);
  });

  it('asks from the line the manager sets, stored, and refuses a line that is not a share', async () => {
    const { ctx } = createTestDb();
    const { regionId, distributorId } = await region(ctx);
    expect(await call(ctx, 'targets.rules', { regionId })).toEqual({ largeJump: 0.5 });
    const plan = await call(ctx, 'targets.create', {
      regionId,
      seasonYear: 2027,
      name: 'Peak 2027',
      basis: 'last_year',
      lines: [{ brand: 'Alpha', volume: 1100 }], // +37.5%: inside the default ±50%
      newOutlets: 0,
    });

    await call(ctx, 'targets.saveRules', { regionId, largeJump: 0.2 });
    expect(await call(ctx, 'targets.rules', { regionId })).toEqual({ largeJump: 0.2 });
    const tighter = await dispatch(ctx, 'targets.setLine', { planId: plan.id, brand: 'Alpha', value: 1000 });
    expect(tighter).toMatchObject({
      ok: false,
      error: { rule: { code: 'targetJumpLastYear', params: { change: '+25.0%', threshold: '±20%' } } },
    });
    const at = { level: 'distributor' as const, distributorId, brand: 'Alpha' };
    expect(await dispatch(ctx, 'targets.edit', { planId: plan.id, at, value: 1000 })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'confirm' }] },
    });
    expect((await call(ctx, 'targets.view', { planId: plan.id })).plan.target).toBe(1100);
    await call(ctx, 'targets.setLine', { planId: plan.id, brand: 'Alpha', value: 1000, confirm: true });
    expect((await call(ctx, 'targets.view', { planId: plan.id })).plan.target).toBe(1000);

    // a wider line lets a +278.8% target through without a question
    await call(ctx, 'targets.saveRules', { regionId, largeJump: 3 });
    await call(ctx, 'targets.setLine', { planId: plan.id, brand: 'Alpha', value: 3030 });
    expect((await call(ctx, 'targets.view', { planId: plan.id })).plan.target).toBe(3030);

    const bad = await dispatch(ctx, 'targets.saveRules', { regionId, largeJump: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'largeJump' }] } });
    expect(await call(ctx, 'targets.rules', { regionId })).toEqual({ largeJump: 3 });
  });

  it("asks from each region's own line: one region's manager neither moves nor may set another's", async () => {
    const { ctx, db } = createTestDb();
    const { regionId } = await region(ctx);
    const hill = await call(ctx, 'region.create', { draft: { code: 'HILL', name: 'Hill', peakMonths: [6, 7, 8] } });
    const manager = (code: string, regionOf: number) =>
      call(ctx, 'staff.create', { draft: { code, name: code, role: 'regional_manager', regionId: regionOf, email: null, phone: null } });
    await manager('MA', regionId);
    await manager('MH', hill.id);
    const plan = await call(ctx, 'targets.create', {
      regionId,
      seasonYear: 2027,
      name: 'Peak 2027',
      basis: 'last_year',
      lines: [{ brand: 'Alpha', volume: 1100 }], // +37.5%
      newOutlets: 0,
    });
    // Hill's manager tightens Hill's line: Alpha's region still asks at ±50%
    await call(asPerson(ctx, 'MH'), 'targets.saveRules', { regionId: hill.id, largeJump: 0.1 });
    expect(await call(ctx, 'targets.rules', { regionId: hill.id })).toEqual({ largeJump: 0.1 });
    expect(await call(ctx, 'targets.rules', { regionId })).toEqual({ largeJump: 0.5 });
    await call(asPerson(ctx, 'MA'), 'targets.setLine', { planId: plan.id, brand: 'Alpha', value: 1150 });
    // and may not set Alpha's region's line; nothing is written
    const refused = await dispatch(asPerson(ctx, 'MH'), 'targets.saveRules', { regionId, largeJump: 0.1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(db.prepare("SELECT count(*) FROM team_rules WHERE key LIKE 'targets.rules%'").pluck().get()).toBe(1);
    // Alpha's manager tightens Alpha's line: now the same step is asked about
    await call(asPerson(ctx, 'MA'), 'targets.saveRules', { regionId, largeJump: 0.2 });
    expect(await dispatch(asPerson(ctx, 'MA'), 'targets.setLine', { planId: plan.id, brand: 'Alpha', value: 1200 })).toMatchObject({
      ok: false,
      error: { rule: { params: { threshold: '±20%' } } },
    });
  });
});
