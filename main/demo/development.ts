import { dayOf } from '../../shared/domain/calendar.js';
import { weekdayIndex } from '../../shared/domain/calendar.js';
import type { VisitOutcome } from '../../shared/domain/development.js';
import { addDays, weekStartOf } from '../../shared/domain/development.js';
import { addMonths } from '../../shared/domain/months.js';
import { saveDayRoute } from '../development/dayRoutes.js';
import { decideEvaluation, computeScorecard } from '../development/evaluations.js';
import { addToPipeline } from '../development/pipeline.js';
import { decidePlan, savePlan, submitPlan } from '../development/plans.js';
import { saveReview } from '../development/reviews.js';
import { logVisit } from '../development/visits.js';
import { workingDays } from '../development/weekly.js';
import type { DemoContext, DemoStep } from './context.js';

const PROBLEMS = [
  'Two bars in the old town want a freezer before they switch; the distributor has none left.',
  'The competitor offers 5% more rebate on kegs; owners quote it at every visit.',
  'Sub-dealer deliveries to the market street are late on Saturdays.',
  'Several kiosks were closed for renovation this week.',
];
const SUCCESSES = [
  'Tasting evening at a restaurant signed two neighbouring venues.',
  'Bundling the new can pack with shelf strips opened three convenience stores.',
  "Visiting with the distributor's driver got us into the night market.",
  "Agreed a trial pallet with the supermarket manager after showing last summer's sell-out.",
];
const REFUSALS = [
  'Exclusive contract with a competitor until next year',
  'Owner wants a higher rebate than our policy allows',
  'No cold storage for a second brand',
];

/** A month of development under way: prospects being worked, plans in every state, visits, reviews, last month scored. */
function seedDevelopment(ctx: DemoContext): void {
  const { db, rng } = ctx;
  const today = dayOf(ctx.today);
  const month = today.slice(0, 7);
  const lastMonth = addMonths(month, -1);
  const people = db
    .prepare("SELECT id, region_id AS regionId FROM staff WHERE role = 'salesperson' AND active = 1 ORDER BY id LIMIT 40")
    .all() as Array<{ id: number; regionId: number }>;
  const managerOf = db.prepare("SELECT id FROM staff WHERE role = 'regional_manager' AND region_id = ? ORDER BY id LIMIT 1").pluck();
  const areasOf = db.prepare('SELECT area_id FROM staff_areas WHERE staff_id = ? ORDER BY area_id').pluck();
  const prospects = db.prepare(
    `SELECT 'sub_dealer' AS type, id, competitor_brand AS brand FROM sub_dealers WHERE area_id = ? AND status IN ('prospect', 'lost')
     UNION ALL SELECT 'terminal', id, competitor_brand FROM terminals WHERE area_id = ? AND status IN ('prospect', 'lost') ORDER BY 2 LIMIT 40`,
  );
  const served = db.prepare("SELECT id FROM terminals WHERE area_id = ? AND status = 'active' ORDER BY id LIMIT 30").pluck();
  const taken = new Set<string>();
  const workDays = (m: string, until: string) => {
    const days: string[] = [];
    for (let d = `${m}-01`; d.slice(0, 7) === m && d < until; d = addDays(d, 1)) {
      if (weekdayIndex(d) < 5) days.push(d);
    }
    return days;
  };
  const outcome = (): VisitOutcome => {
    const r = rng.next();
    return r < 0.25
      ? 'no_contact'
      : r < 0.65
        ? 'interested'
        : r < 0.85
          ? 'negotiating'
          : r < 0.92
            ? 'signed'
            : r < 0.97
              ? 'not_interested'
              : 'rejected';
  };

  people.forEach((sp, i) => {
    ctx.checkCancelled();
    ctx.progress(i / people.length, 'Outlet development');
    const areaIds = areasOf.all(sp.id) as number[];
    const pipeline: Array<{ type: 'sub_dealer' | 'terminal'; id: number }> = [];
    const brands = new Set<string>();
    for (const areaId of areaIds) {
      for (const p of prospects.all(areaId, areaId) as Array<{ type: 'sub_dealer' | 'terminal'; id: number; brand: string | null }>) {
        const key = `${p.type}:${p.id}`;
        if (taken.has(key) || pipeline.length >= 24 || !rng.chance(0.5)) continue;
        taken.add(key);
        addToPipeline(db, {
          outletType: p.type,
          outletId: p.id,
          ownerId: sp.id,
          priority: rng.int(1, 3),
          estimatedVolume: rng.int(2, 40) * 5,
          competitorHeld: p.brand !== null,
          competitorBrand: p.brand,
          note: null,
          day: `${lastMonth}-01`,
        });
        pipeline.push({ type: p.type, id: p.id });
        if (p.brand) brands.add(p.brand);
      }
    }
    const manager = managerOf.get(sp.regionId) as number | undefined;
    const plan = (m: string) => {
      const newSubDealers = rng.int(0, 2);
      const newTerminals = rng.int(3, 8);
      // Win an outlet or two from each of the two brands met most in the pipeline (never more than the new outlets).
      let left = newSubDealers + newTerminals;
      const competitors = [...brands]
        .slice(0, 2)
        .map((brand) => {
          const outlets = Math.min(left, rng.int(1, 2));
          left -= outlets;
          return { brand, outlets };
        })
        .filter((c) => c.outlets > 0);
      return {
        salespersonId: sp.id,
        month: m,
        areaIds,
        plannedVisits: workingDays(m).total * 4,
        newSubDealers,
        newTerminals,
        competitors,
        note: null,
        seededFrom: null,
      };
    };
    savePlan(db, plan(lastMonth), today);
    submitPlan(db, sp.id, lastMonth, today);
    decidePlan(db, { salespersonId: sp.id, month: lastMonth, decision: 'approve', comment: null, managerId: manager }, today);
    savePlan(db, plan(month), today);
    if (i % 4 !== 0) submitPlan(db, sp.id, month, today);
    if (i % 4 >= 2) decidePlan(db, { salespersonId: sp.id, month, decision: 'approve', comment: null, managerId: manager }, today);

    // Visits: four to six a working day, half of them to prospects being worked (a refusal closes
    // one), the rest service calls on the terminals already selling our beer.
    const customers = areaIds.flatMap((a) => served.all(a) as number[]);
    const open = new Set(pipeline.map((p) => `${p.type}:${p.id}`));
    const pace = 0.6 + rng.next() * 0.6;
    for (const day of [...workDays(lastMonth, `${month}-01`), ...workDays(month, today)]) {
      const n = Math.round(rng.int(4, 6) * pace);
      for (let k = 0; k < n; k++) {
        if (customers.length && (open.size === 0 || rng.chance(0.5))) {
          logVisit(db, {
            salespersonId: sp.id,
            day,
            outletType: 'terminal',
            outletId: rng.pick(customers),
            purpose: 'service',
            outcome: rng.chance(0.6) ? 'order' : 'done',
            nextStep: null,
            nextDate: null,
            note: null,
          });
          continue;
        }
        if (open.size === 0) break;
        const key = rng.pick([...open]);
        const [type, id] = key.split(':') as ['sub_dealer' | 'terminal', string];
        const result = outcome();
        logVisit(db, {
          salespersonId: sp.id,
          day,
          outletType: type,
          outletId: Number(id),
          purpose: 'develop',
          outcome: result,
          nextStep: result === 'interested' || result === 'negotiating' ? 'Bring the price list and a sample case' : null,
          nextDate: null,
          note: result === 'rejected' ? rng.pick(REFUSALS) : null,
        });
        if (result === 'signed' || result === 'rejected') open.delete(key);
      }
    }
    const lastWeek = addDays(weekStartOf(today), -7);
    saveReview(db, {
      salespersonId: sp.id,
      weekStart: lastWeek,
      problems: rng.pick(PROBLEMS),
      successes: rng.pick(SUCCESSES),
      submit: true,
    });
    // Today's route: the open prospects, best first, in a driving order.
    const stops = [...open].slice(0, 7).map((key) => {
      const [type, id] = key.split(':') as ['sub_dealer' | 'terminal', string];
      return { outletType: type, outletId: Number(id) };
    });
    if (stops.length) saveDayRoute(db, { salespersonId: sp.id, day: today, stops, optimize: true, start: null });
  });

  // Last month scored for the first region's team, as the manager would at month end.
  const firstRegion = people[0]?.regionId;
  if (firstRegion !== undefined) {
    const manager = managerOf.get(firstRegion) as number | undefined;
    for (const row of computeScorecard(db, lastMonth, firstRegion).rows) {
      if (row.total === null) continue;
      decideEvaluation(db, {
        salespersonId: row.salespersonId,
        month: lastMonth,
        decision: row.suggestion,
        note: row.suggestion === 'none' ? null : 'As the scorecard suggests',
        managerId: manager,
      });
    }
  }
}

export const developmentDemoStep: DemoStep = { name: 'outlet development', weight: 1, run: seedDevelopment };
