import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch.js';
import { seedDemo } from '../../main/demo/generate.js';
import { METHOD_NAME_LIST } from '../../shared/contract/method-names.js';
import { PERMISSIONS } from '../../shared/contract/permissions.js';
import { createTestDb } from '../support/db.js';

/**
 * What people typed or the demo generated as if they had (names, addresses, complaint texts, event
 * titles, follow-up notes): the user's own words, shown as they are. Every other string the core sends
 * must be a code, a number, a date or a key: the renderer words it in the user's language.
 */
const FROM_USER = new Set([
  'name',
  'names',
  'address',
  'description',
  'resolution',
  'title',
  'text',
  'note',
  'notes',
  'location',
  'trainer',
  'agenda',
  'rejectReason',
  'competitorBrand',
  'competitors',
  'brand',
  'brands',
  'label',
  'phone',
  'email',
  'role',
  'problems',
  'successes',
  'managerComment',
  'nextStep',
  'databasePath',
  'answer',
  'feedback',
  'comment',
  'materials',
  'startPoint',
  // a plan suggestion names the target plan it was seeded from
  'source',
]);
const isUserKey = (key: string) => FROM_USER.has(key) || /Name$|Names$|Title$|Note$|Text$|Address$/.test(key);

/** A string that is not a code (letters, digits, _ . : , | - and no spaces) is a sentence. */
function sentences(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return /^[\p{L}\p{N}_.:,|+-]*$/u.test(value) ? [] : [`${path}: ${value}`];
  if (Array.isArray(value)) return value.slice(0, 50).flatMap((v, i) => sentences(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (isUserKey(k) ? [] : sentences(v, path ? `${path}.${k}` : k)));
  return [];
}

describe('the core sends codes, not English sentences, on the demo region', () => {
  it('every query method the screens read answers in codes and numbers', async () => {
    const { db, ctx } = createTestDb();
    seedDemo(db, { scale: 'S', today: new Date('2026-11-20T00:00:00Z') });
    const one = (sql: string) => db.prepare(sql).pluck().get() as number | string;
    const plan = db.prepare('SELECT salesperson_id AS salespersonId, month FROM dev_plans ORDER BY month DESC LIMIT 1').get() as {
      salespersonId: number;
      month: string;
    };
    const ids = {
      id: one('SELECT min(id) FROM distributors'),
      distributorId: one('SELECT min(id) FROM distributors'),
      regionId: one('SELECT min(id) FROM regions'),
      planId: one('SELECT min(id) FROM target_plans'),
      eventId: one('SELECT min(id) FROM events'),
      weekStart: one('SELECT max(week_start) FROM weekly_reviews'),
    };
    const day = '2026-11-20';
    // Inputs tried in turn until the method accepts one: the demo's own records.
    const inputs: unknown[] = [
      {},
      { id: ids.id },
      { distributorId: ids.distributorId },
      { planId: ids.planId },
      { eventId: ids.eventId },
      { month: plan.month },
      { salespersonId: plan.salespersonId, month: plan.month },
      { salespersonId: plan.salespersonId, day },
      { salespersonId: plan.salespersonId, weekStart: ids.weekStart },
      { weekStart: ids.weekStart },
      { from: `${plan.month}-01`, to: day },
      { ownerType: 'distributor', ownerId: ids.distributorId },
      { regionId: ids.regionId, seasonYear: 2027 },
    ];
    const answered: string[] = [];
    const found: string[] = [];
    for (const method of METHOD_NAME_LIST) {
      if (PERMISSIONS[method] || /^(export|import|job|backup|restore|auth|sync|app)\.|\.ics$|Export$|export/.test(method)) continue;
      for (const input of inputs) {
        const result = await dispatch(ctx, method, input);
        if (!result.ok) continue;
        answered.push(method);
        found.push(...sentences(result.value).map((s) => `${method}: ${s}`));
        break;
      }
    }
    // The screens' main reads are among those walked.
    expect(answered).toEqual(
      expect.arrayContaining([
        'accounts.overview',
        'accounts.detail',
        'accounts.skus',
        'forecast.view',
        'readiness.board',
        'readiness.shortfalls',
        'readiness.distributor',
        'targets.view',
        'distributor.brief',
        'development.dashboard',
        'evaluation.scorecard',
        'pipeline.list',
        'event.list',
        'shipment.list',
        'network.summary',
        'devPlan.get',
        'visit.list',
      ]),
    );
    expect(found).toEqual([]);
  }, 300_000);

  it('the check itself finds a sentence', () => {
    expect(sentences({ skus: [{ advice: 'push', reason: 'x' }], strategy: { action: 'Consolidate: first-class service' } })).toEqual([
      'strategy.action: Consolidate: first-class service',
    ]);
  });
});
