import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { call, refusal } from '../support/call.js';
import { createTestDb } from '../support/db.js';
import { localeResources } from '../support/locales.js';
import { alphaRegion } from '../support/smallRegion.js';

/** A plan of 880 cases of Alpha over the one distributor of alphaRegion, against last year's 800. */
async function plan() {
  const { ctx } = createTestDb();
  const network = await alphaRegion(ctx);
  const created = await call(ctx, 'targets.create', {
    regionId: network.regionId,
    seasonYear: 2027,
    name: 'Peak 2027',
    basis: 'last_year',
    newOutlets: 0,
    lines: [{ brand: 'Alpha', volume: 880 }],
  });
  return { ctx, ...network, planId: created.id };
}

const cells = (ctx: { db: { prepare(sql: string): { all(): unknown[] } } }) =>
  ctx.db.prepare('SELECT month, target, locked FROM target_cells ORDER BY month').all();

describe('the targets refuse with rule codes the screens word', () => {
  it('names the cascade rule an edit breaks, with its figures, and changes nothing', async () => {
    const { ctx, planId, distributorId, productId } = await plan();
    const before = cells(ctx);
    // The only distributor of its brand: its total is the line's, so it cannot move on its own.
    const only = await refusal(ctx, 'targets.edit', { planId, at: { level: 'distributor', distributorId, brand: 'Alpha' }, value: 900 });
    expect(only).toMatchObject({ code: 'validation', rule: { code: 'targetOnlyPart' }, issues: [{ path: 'value' }] });
    // Every cell locked: the line total cannot move, and the refusal says which total (i18next context 'line').
    await call(ctx, 'targets.lock', { planId, distributorId, productId, locked: true });
    const locked = await refusal(ctx, 'targets.setLine', { planId, brand: 'Alpha', value: 1000 });
    expect(locked.rule).toEqual({ code: 'targetAllLocked', params: { context: 'line' } });
    expect(locked.message).toBe('The line total: every cell is locked; unlock one to change the total');
    expect(cells(ctx)).toEqual(before.map((c) => ({ ...(c as object), locked: 1 })));
    // The grid's preview of a refused edit carries the same rule as the edit, so the dialog words it.
    const at = { level: 'distributor', distributorId, brand: 'Alpha' } as const;
    const preview = await call(ctx, 'targets.editPreview', { planId, at, value: 900 });
    expect(preview).toMatchObject({
      ok: false,
      rule: { code: (await refusal(ctx, 'targets.edit', { planId, at, value: 900 })).rule!.code },
    });

    const i18n = i18next.createInstance();
    await i18n.init({ resources: localeResources(), lng: 'es', interpolation: { escapeValue: false } });
    expect(i18n.t(`rules:refusal.${locked.rule!.code}`, locked.rule!.params)).toBe(
      'El total de la línea: todas las celdas están bloqueadas; desbloquee una para cambiar el total.',
    );
    await i18n.changeLanguage('zh');
    expect(i18n.t(`rules:refusal.${only.rule!.code}`, only.rule!.params)).toBe('这是其总量的唯一组成部分：请改为修改上一级的总量。');
  });

  it('refuses a version with the same name, a brand no one sells and a region without a season', async () => {
    const { ctx, planId, regionId } = await plan();
    const same = await refusal(ctx, 'targets.saveVersion', { planId, name: 'Peak 2027', status: 'agreed' });
    expect(same).toMatchObject({ rule: { code: 'targetVersionNameTaken' }, issues: [{ path: 'name' }] });
    const input = { regionId, seasonYear: 2027, name: 'Other', basis: 'last_year', newOutlets: 0 };
    const unsold = await refusal(ctx, 'targets.create', { ...input, lines: [{ brand: 'Nobody', volume: 10 }] });
    expect(unsold.rule).toEqual({ code: 'targetBrandNotSold', params: { brand: 'Nobody' } });
    ctx.db.prepare('DELETE FROM region_peak_months').run();
    const noSeason = await refusal(ctx, 'targets.suggest', { regionId, seasonYear: 2027 });
    expect(noSeason).toMatchObject({ rule: { code: 'targetNoPeakMonths' }, issues: [{ path: 'regionId' }] });
    expect(ctx.db.prepare('SELECT count(*) FROM target_plans').pluck().get()).toBe(1);
  });
});
