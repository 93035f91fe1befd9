import { describe, expect, it } from 'vitest';
import { doubtRule, importWarningInWords, judgeCount } from '../../main/readiness/count-doubts.js';
import i18next from 'i18next';
import { localeResources } from '../support/locales.js';

describe('doubtful stock counts', () => {
  it('questions a count beyond the warehouse with the other SKUs, and one far above the largest month sold', () => {
    expect(judgeCount({ cases: 100, others: 0, warehouse: 9900, largestMonth: 50 })).toEqual([]);
    expect(judgeCount({ cases: 9000, others: 901, warehouse: 9900, largestMonth: null })).toEqual([
      { code: 'beyond_warehouse', params: { cases: 9000, others: 901, warehouse: 9900 } },
    ]);
    expect(judgeCount({ cases: 151, others: 0, warehouse: 0, largestMonth: 50 })).toEqual([
      { code: 'far_from_history', params: { cases: 151, largestMonth: 50, factor: 3 } },
    ]);
    // an unmeasured warehouse (0) and a SKU never sold question nothing
    expect(judgeCount({ cases: 1_000_000_000, others: 0, warehouse: 0, largestMonth: null })).toEqual([]);
  });

  it('names one rule per combination, with every number, worded in each language', async () => {
    const both = doubtRule(judgeCount({ cases: 1_000_000_000, others: 0, warehouse: 9900, largestMonth: 1748 }));
    expect(both).toEqual({
      code: 'stockCountBeyondWarehouseAndHistory',
      params: { cases: 1_000_000_000, others: 0, warehouse: 9900, largestMonth: 1748, factor: 3 },
    });
    expect(doubtRule(judgeCount({ cases: 10, others: 9895, warehouse: 9900, largestMonth: null })).code).toBe(
      'stockCountBeyondWarehouseWithOthers',
    );
    const i18n = i18next.createInstance();
    await i18n.init({ resources: localeResources(), lng: 'es', interpolation: { escapeValue: false } });
    const text = i18n.t(`rules:refusal.${both.code}`, both.params);
    expect(text).toContain('1.000.000.000');
    expect(text).toContain('¿');
    await i18n.changeLanguage('en');
    expect(i18n.t(`rules:refusal.${both.code}`, both.params)).toContain(
      '1,000,000,000 cases is more than the warehouse holds (9,900 cases)',
    );
  });

  it("words an import's warnings in English for the command line", () => {
    expect(
      importWarningInWords('stock_beyond_warehouse', { date: '2026-12-01', total: 1_000_000_500, cases: 1_000_000_000, warehouse: 9900 }),
    ).toBe('the counts of 2026-12-01 add up to 1000000500 cases (this row 1000000000), more than the warehouse holds (9900 cases)');
    expect(importWarningInWords('stock_far_from_history', { cases: 151, factor: 3, largestMonth: 50 })).toBe(
      '151 cases is more than 3 times the largest month it ever sold (50 cases)',
    );
  });
});
