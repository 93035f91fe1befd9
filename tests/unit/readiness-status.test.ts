import { describe, expect, it } from 'vitest';
import { coverDemand, daysOfCover, firstStockout, project } from '../../main/readiness/projection.js';
import {
  keyAccounts,
  normalQuantile,
  priorityOf,
  requiredStock,
  sdFromRange80,
  verdict,
  Z80,
  type AccountFacts,
} from '../../main/readiness/status.js';

describe('projection', () => {
  it('projects stock week by week: on hand + arrivals - demand', () => {
    expect(project(100, [0, 50, 0], [30, 30, 30], 3)).toEqual([100, 70, 90, 60]);
    // a sale not on the shelf is lost: stock never goes below zero, and a later arrival starts from zero
    expect(project(10, [0, 0, 40], [30, 30, 10], 3)).toEqual([10, 0, 0, 30]);
  });

  it('finds the first week that runs out', () => {
    expect(firstStockout(100, [0, 0, 0], [40, 40, 40], 3)).toBe(2);
    expect(firstStockout(100, [0, 0, 50], [40, 40, 40], 3)).toBeNull();
    // looking only from week 2 on
    expect(firstStockout(10, [0, 0, 0], [40, 0, 0], 3, 1)).toBeNull();
  });

  it('measures days of cover against the average daily demand of the cover period', () => {
    // 21 days from week 1: three weeks of 70 = 210 cases, 10 a day
    expect(coverDemand([0, 70, 70, 70, 700], 1, 21)).toBe(210);
    expect(daysOfCover(150, [0, 70, 70, 70, 700], 1, 21)).toBe(15);
    // a partial week counts pro rata: 10 days = a week of 70 + 3/7 of 140
    expect(coverDemand([70, 140], 0, 10)).toBeCloseTo(130, 9);
    expect(daysOfCover(100, [0, 0, 0], 0, 14)).toBeNull();
  });
});

describe('readiness rules', () => {
  it('computes z from the normal quantile', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644854, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(Z80).toBeCloseTo(1.281552, 5);
    // an 80% range of 100 +- 25.63 means a standard deviation of 20
    expect(sdFromRange80(100 - 20 * Z80, 100 + 20 * Z80)).toBeCloseTo(20, 9);
  });

  it('requires the cover period demand plus safety stock at the service level', () => {
    const demand = [100, 100, 100, 100, 100];
    const variance = [400, 400, 400, 400, 400];
    // 14 days from week 2: 200 cases, plus z(0.95) x sqrt(2 x 400)
    const r = requiredStock(demand, variance, 2, 14, 0.95);
    expect(r.cover).toBe(200);
    expect(r.safety).toBeCloseTo(1.6448536 * Math.sqrt(800), 5);
    expect(r.required).toBe(Math.ceil(200 + 1.6448536 * Math.sqrt(800)));
    // a higher service level for key accounts asks for more
    expect(requiredStock(demand, variance, 2, 14, 0.99).required).toBeGreaterThan(r.required);
    // at 50% the safety stock is nil
    expect(requiredStock(demand, variance, 2, 14, 0.5).required).toBe(200);
  });

  it('picks key accounts by relationship, by volume share, or both', () => {
    const facts: AccountFacts[] = [
      { distributorId: 1, regionId: 1, relationshipLevel: 3, volume: 10 },
      { distributorId: 2, regionId: 1, relationshipLevel: 1, volume: 600 },
      { distributorId: 3, regionId: 1, relationshipLevel: 2, volume: 300 },
      { distributorId: 4, regionId: 1, relationshipLevel: 3, volume: 90 },
      { distributorId: 5, regionId: 2, relationshipLevel: 1, volume: 5 },
    ];
    const sorted = (s: Set<number>) => [...s].sort();
    expect(sorted(keyAccounts(facts, 'relationship', 0.5))).toEqual([1, 4]);
    // the largest that together carry half of each region's volume: 600 of 1000 crosses the line at once
    expect(sorted(keyAccounts(facts, 'volume', 0.5))).toEqual([2, 5]);
    expect(sorted(keyAccounts(facts, 'volume', 0.8))).toEqual([2, 3, 5]);
    expect(sorted(keyAccounts(facts, 'relationship_or_volume', 0.8))).toEqual([1, 2, 3, 4, 5]);
    expect(sorted(keyAccounts(facts, 'relationship_and_volume', 0.95))).toEqual([4]);
  });

  it('serves key accounts first, then by volume share', () => {
    expect(priorityOf('key_accounts_then_volume', true, 0.01)).toBeGreaterThan(priorityOf('key_accounts_then_volume', false, 0.9));
    expect(priorityOf('volume', true, 0.01)).toBeLessThan(priorityOf('volume', false, 0.9));
  });

  it('gives the traffic light with its reason', () => {
    const base = { hasPeak: true, required: 480, peakStartWeek: 20, stockoutBeforePeak: null, stockoutInPeak: null };
    expect(verdict({ ...base, atPeak: 200, stockoutInPeak: 21 })).toEqual({ status: 'red', code: 'runs_out_in_peak', week: 21 });
    expect(verdict({ ...base, atPeak: 430 })).toEqual({ status: 'amber', code: 'below_required', week: null });
    expect(verdict({ ...base, atPeak: 500, stockoutBeforePeak: 1 })).toEqual({ status: 'amber', code: 'runs_out_before_peak', week: 1 });
    expect(verdict({ ...base, atPeak: 500 })).toEqual({ status: 'green', code: 'covered', week: null });
    expect(verdict({ ...base, required: 0, atPeak: 0 }).status).toBe('green');
    expect(verdict({ ...base, hasPeak: false, atPeak: 0 }).code).toBe('no_peak');
  });
});
