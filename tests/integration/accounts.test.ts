import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import type { ServiceContext } from '../../main/api/context.js';
import { call } from '../support/call.js';
import { addDays } from '../../shared/domain/calendar.js';
import { today } from '../../shared/domain/clock.js';
import { createTestDb } from '../support/db.js';
import { AT_RISK_SCORE } from '../../shared/contract/accounts.js';

/** A region of four distributors with histories crafted for the four quadrants and the churn reasons. */
async function craft(ctx: ServiceContext) {
  const region = await call(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [5, 6, 7, 8, 9] } });
  const area = await call(ctx, 'area.create', { draft: { code: 'N1', name: 'Riverside', regionId: region.id } });
  const product = await call(ctx, 'product.create', {
    draft: { sku: 'NS-1', name: 'Northstar can', brand: 'Northstar', pack: 'can', sizeMl: 500, unitsPerCase: 24, status: 'active' },
  });
  const ids: number[] = [];
  for (const [code, level] of [
    ['BIG', 3],
    ['WOBBLY', 2],
    ['SMALL', 2],
    ['TINY', 1],
  ] as const) {
    const d = await call(ctx, 'distributor.create', {
      draft: {
        code,
        name: code,
        areaId: area.id,
        leadTimeDays: 7,
        warehouseCapacityCases: 1000,
        relationshipLevel: level,
        status: 'active',
      },
    });
    ids.push(d.id);
    for (const n of level === 1 ? ['Owner'] : ['Owner', 'Buyer', 'Warehouse'])
      await call(ctx, 'contact.create', { draft: { ownerType: 'distributor', ownerId: d.id, name: n, level: 'other' } });
  }
  const pattern: Record<string, (t: number) => number> = {
    BIG: (t) => 1000 * (t % 12 >= 4 && t % 12 <= 8 ? 2 : 1),
    WOBBLY: (t) => (t >= 12 && t % 3 === 0 ? 0 : t >= 21 ? 100 : 900 * (t % 12 >= 4 && t % 12 <= 8 ? 2 : 1)),
    SMALL: (t) => 60 * (t % 12 >= 4 && t % 12 <= 8 ? 2 : 1),
    TINY: (t) => (t % 2 === 0 ? 0 : 150),
  };
  const codes = ['BIG', 'WOBBLY', 'SMALL', 'TINY'];
  for (let t = 0; t < 24; t++) {
    const month = `${2024 + Math.floor((t + 10) / 12)}-${String(((t + 10) % 12) + 1).padStart(2, '0')}`;
    for (let i = 0; i < 4; i++) {
      const cases = pattern[codes[i]!]!(t);
      if (cases > 0)
        ctx.db
          .prepare('INSERT INTO sales_history (distributor_id, product_id, month, cases) VALUES (?, ?, ?, ?)')
          .run(ids[i], product.id, month, cases);
    }
  }
  return { ids, product };
}

describe('key-account retention on a real SQLite file', () => {
  it('segments crafted accounts, explains risks with evidence, logs and closes complaints', async () => {
    const { ctx } = createTestDb();
    const { ids } = await craft(ctx);
    const overview = await call(ctx, 'accounts.overview', {});
    const seg = Object.fromEntries(overview.rows.map((r) => [r.name, r.segment]));
    expect(seg).toEqual({ BIG: 'EI', WOBBLY: 'EII', SMALL: 'EIII', TINY: 'EIV' });
    expect(overview.retention).toMatchObject({ accountsLastYear: 4, accountsKept: 4 });

    const wobbly = await call(ctx, 'accounts.detail', { distributorId: ids[1] });
    expect(wobbly.reasons.map((r) => r.code)).toContain('volume_falling');
    const tiny = await call(ctx, 'accounts.detail', { distributorId: ids[3] });
    expect(tiny.reasons.map((r) => r.code).sort()).toEqual(['price_relationship', 'single_contact']);

    const opened = addDays(today(), -30);
    const complaint = await call(ctx, 'complaint.create', {
      distributorId: ids[0],
      category: 'logistics',
      openedOn: opened,
      description: 'Delivery late before the holiday',
    });
    expect(complaint.daysOpen).toBe(30);
    await call(ctx, 'accounts.setProfile', { distributorId: ids[0], fit: 'alarm', totalPurchasesCases: 40000 });
    const big = await call(ctx, 'accounts.detail', { distributorId: ids[0] });
    expect(big.reasons.map((r) => r.code).sort()).toEqual(['complaints_open', 'fit_alarm']);
    expect(big.reasons.find((r) => r.code === 'complaints_open')!.evidence).toEqual({ complaints: 1, oldestDays: 30 });
    expect(big.customerShare).toBeCloseTo(big.row.volume / 40000, 10);
    // A total below what they bought from us is out of date: the share is all of it, never over 100%.
    await call(ctx, 'accounts.setProfile', { distributorId: ids[0], fit: 'alarm', totalPurchasesCases: Math.floor(big.row.volume / 2) });
    expect((await call(ctx, 'accounts.detail', { distributorId: ids[0] })).customerShare).toBe(1);
    expect((await call(ctx, 'distributor.brief', { id: ids[0] })).account?.customerShare).toBe(1);

    const bad = await dispatch(ctx, 'complaint.close', { id: complaint.id, closedOn: '2000-01-01', resolution: 'Replaced' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'closedOn' }] } });
    const closed = await call(ctx, 'complaint.close', {
      id: complaint.id,
      closedOn: today(),
      resolution: 'Redelivered and apologised',
    });
    expect(closed.daysOpen).toBe(30);
    const stats = (await call(ctx, 'accounts.overview', {})).complaintStats;
    expect(stats).toEqual([{ category: 'logistics', open: 0, closed: 1, avgDaysToClose: 30 }]);
  });
});

describe('one at-risk count, a calibrated stability line, prospect weights and classes', () => {
  it('counts at risk once, keeps the line editable, sorts and summarises prospects by class', async () => {
    const { ctx } = createTestDb();
    const { ids } = await craft(ctx);
    // two open complaints older than the limit push BIG over the line as well
    const old = new Date(Date.now() - 58 * 86_400_000).toISOString().slice(0, 10);
    await call(ctx, 'complaint.create', { distributorId: ids[0], category: 'service', openedOn: old, description: 'Late deliveries' });
    await call(ctx, 'accounts.setProfile', { distributorId: ids[0], fit: 'alarm', totalPurchasesCases: null });
    const o = await call(ctx, 'accounts.overview', {});
    const atRisk = o.rows.filter((r) => r.atRisk);
    expect(o.atRisk).toBe(atRisk.length);
    expect(o.atRisk).toBeGreaterThan(0);
    for (const r of o.rows) expect(r.atRisk).toBe(r.risk >= AT_RISK_SCORE);
    // the line is the region's median until the manager sets one
    expect(o.rules).toHaveLength(1);
    const region = o.rules[0]!;
    expect(region.rules.stableScore).toBeNull();
    expect(o.lines).toHaveLength(1);
    expect(o.lines[0]!.stableScore).toBe(o.lines[0]!.calibrated);
    const wobbly = o.rows.find((r) => r.name === 'WOBBLY');
    expect(wobbly!.wavers.map((w) => w.code)).toContain('months_without_order');

    const set = await call(ctx, 'accounts.saveSettings', {
      regionId: region.regionId,
      rules: { ...region.rules, stableScore: 0.05, weights: { ...region.rules.weights, strength: 6 } },
    });
    expect(set.stableScore).toBe(0.05);
    const all = await call(ctx, 'accounts.overview', {});
    expect(all.lines.map((l) => l.stableScore)).toEqual([0.05]);
    expect(all.rows.every((r) => r.segment === 'EI' || r.segment === 'EIII')).toBe(true);
    await call(ctx, 'accounts.saveSettings', { regionId: region.regionId, rules: { ...set, stableScore: null } });
    expect((await call(ctx, 'accounts.overview', {})).lines[0]!.stableScore).toBe(o.lines[0]!.calibrated);

    // prospects: classes PIV, PI, PII, PIII scored in that order, one unscored
    const area = ctx.db.prepare('SELECT area_id FROM distributors WHERE id = ?').pluck().get(ids[0]) as number;
    const rate = (v: number) =>
      Object.fromEntries(['strength', 'management', 'network', 'buyingPower', 'marketing', 'growth', 'advantage'].map((k) => [k, v]));
    const plan: Array<[string, number, 'high' | 'low' | null]> = [
      ['Delta', 1, 'low'],
      ['Alpha', 5, 'high'],
      ['Bravo', 5, 'low'],
      ['Charlie', 2, 'high'],
      ['Echo', 0, null],
    ];
    for (const [name, v, intention] of plan) {
      const sub = await call(ctx, 'subDealer.create', {
        draft: { code: name, name, distributorId: ids[0], areaId: area, status: 'prospect' },
      });
      if (intention) await call(ctx, 'prospect.score', { outletType: 'sub_dealer', outletId: sub.id, ratings: rate(v), intention });
    }
    const list = await call(ctx, 'prospect.list', {});
    expect(list.map((p) => [p.name, p.class])).toEqual([
      ['Alpha', 'PI'],
      ['Bravo', 'PII'],
      ['Charlie', 'PIII'],
      ['Delta', 'PIV'],
      ['Echo', null],
    ]);
    const summary = await call(ctx, 'prospect.summary', {});
    expect(summary).toEqual({
      classes: [
        { class: 'PI', count: 1, meanScore: 100 },
        { class: 'PII', count: 1, meanScore: 100 },
        { class: 'PIII', count: 1, meanScore: 25 },
        { class: 'PIV', count: 1, meanScore: 0 },
      ],
      unscored: 1,
    });
  });
});
