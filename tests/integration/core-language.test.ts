import { describe, expect, it } from 'vitest';
import { describeModelName } from '../../main/forecast/describe.js';
import { call, refusal } from '../support/call.js';
import { localeResources } from '../support/locales.js';
import { createTestDb } from '../support/db.js';
import { importFile, sample } from '../support/importing.js';
import { smallRegion } from '../support/smallRegion.js';

/**
 * What the core says to the renderer in these places is codes and numbers: words are the renderer's,
 * in the user's language. A string leaf that is not a code (letters, digits, _ . : -, no spaces) is an
 * English sentence that slipped through. Keys listed in `fromUser` carry the user's own data back.
 */
function sentences(value: unknown, fromUser: Set<string>, path = ''): string[] {
  if (typeof value === 'string') return /^[\p{L}\p{N}_.:,|-]*$/u.test(value) ? [] : [`${path}: ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => sentences(v, fromUser, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (fromUser.has(k) ? [] : sentences(v, fromUser, path ? `${path}.${k}` : k)));
  return [];
}

describe('the core sends codes, not English sentences', () => {
  it('import reports: every reason, action and sensitivity is a code', async () => {
    const { ctx } = createTestDb();
    for (const [entity, file] of [
      ['regions', 'regions.csv'],
      ['areas', 'areas.csv'],
      ['distributors', 'distributors-en.csv'],
    ] as const)
      await importFile(ctx, entity, file, sample(file));
    const fromFile = new Set(['value', 'column', 'key', 'before', 'after', 'text', 'headers', 'sampleRows', 'fileName']);
    const errors = await importFile(ctx, 'distributors', 'e.csv', sample('distributors-several-errors.csv'));
    expect(errors.report.errorCount).toBeGreaterThan(5);
    expect(sentences(errors.report, fromFile)).toEqual([]);
    const updates = await importFile(ctx, 'distributors', 'z.csv', sample('distributors-zh-gbk-duplicate.csv'));
    expect(updates.report.rows.some((r) => r.changes?.length)).toBe(true);
    expect(sentences(updates.report, fromFile)).toEqual([]);
    expect(sentences(updates.preview, fromFile)).toEqual([]);
    // The check itself catches a sentence.
    expect(sentences({ errors: [{ code: 'Too big: expected number to be <=90' }] }, fromFile)).toHaveLength(1);
  });

  it('forecast model descriptions are codes for every kind of model', () => {
    const models: Array<[string, string]> = [
      ['ets', 'ETS(A,Ad,M)'],
      ['ets', 'ETS(M,N,A)'],
      ['croston_sba', 'SBA'],
      ['profile', 'profile'],
      ['seasonal_naive', 'SNAIVE'],
      ['none', ''],
    ];
    for (const [method, model] of models) expect(sentences(describeModelName(method, model), new Set())).toEqual([]);
  });

  it('churn reasons are codes with their evidence', async () => {
    const { ctx } = createTestDb();
    const d = await smallRegion(ctx, {
      peakMonths: [5, 6, 7, 8, 9],
      product: { sku: 'NS-1', name: 'Northstar can', brand: 'Northstar' },
      distributor: { code: 'TINY', name: 'Tiny', relationshipLevel: 1 },
      history: Array.from({ length: 12 }, (_, i): [string, number] => [`2025-${String(i + 1).padStart(2, '0')}`, 100]),
    });
    const detail = await call(ctx, 'accounts.detail', { distributorId: d.distributorId });
    expect(detail.reasons.map((r) => r.code)).toContain('price_relationship');
    expect(sentences(detail.reasons, new Set())).toEqual([]);
  });
});

describe('a form field refused by the contract', () => {
  it('carries a code and its limits, worded in each language by the renderer', async () => {
    const { ctx } = createTestDb();
    const region = await call(ctx, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [5, 6, 7, 8, 9] } });
    const area = await call(ctx, 'area.create', { draft: { code: 'N1', name: 'Riverside', regionId: region.id } });
    const error = await refusal(ctx, 'distributor.create', {
      draft: {
        code: 'D1',
        name: '',
        areaId: area.id,
        leadTimeDays: 400,
        warehouseCapacityCases: 1.5,
        relationshipLevel: 1,
        status: 'active',
      },
    });
    const byField = Object.fromEntries(
      (error.issues ?? []).map((i) => [i.path.replace(/^draft\./, ''), { code: i.code, params: i.params }]),
    );
    expect(byField).toMatchObject({
      name: { code: 'required' },
      leadTimeDays: { code: 'too_big', params: { max: 365 } },
      warehouseCapacityCases: { code: 'not_whole' },
    });
    const words = localeResources();
    for (const language of ['en', 'zh', 'es', 'ru'] as const) {
      const fieldIssue = (words[language].words as { fieldIssue: Record<string, string> }).fieldIssue;
      for (const issue of error.issues ?? []) expect(fieldIssue[issue.code!], `${language} ${issue.code}`).toBeTruthy();
    }
    expect((words.zh.words as { fieldIssue: Record<string, string> }).fieldIssue.too_big).toBe('最多 {{max}}');
  });
  it('a record that is gone, or was never there, is refused with a code the screens word in every language', async () => {
    const { ctx } = createTestDb();
    const gone = await refusal(ctx, 'distributor.get', { id: 987654 });
    expect(gone).toMatchObject({ code: 'not_found', rule: { code: 'recordGone', params: { id: 987654 } } });
    const missing = await refusal(ctx, 'stock.set', { distributorId: 987654, productId: 1, date: '2026-11-01', cases: 5 });
    expect(missing).toMatchObject({ code: 'validation', rule: { code: 'recordMissing', params: { id: 987654 } } });
    const resources = localeResources();
    for (const language of ['en', 'zh', 'es', 'ru'] as const) {
      const words = (resources[language].rules as { refusal: Record<string, string> }).refusal;
      expect(words.recordGone, language).toContain('{{id}}');
      expect(words.recordMissing, language).toContain('{{id}}');
    }
  });
});
