import type { DueOutlet, DueOutlets } from '../../shared/contract/daywork.js';
import type { OutletType } from '../../shared/domain/development.js';
import { prepared, type Db } from '../db/open.js';
import { getStaff, OUTLET_COLUMNS, OUTLET_JOIN } from '../development/common.js';
import type { LatLng } from '../development/route.js';

const MAX_SUGGESTIONS = 40;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The areas the salesperson's plan for that month covers; without a plan, the areas they are assigned to. */
function planAreas(db: Db, salespersonId: number, month: string): { fromPlan: boolean; areas: Array<{ id: number; name: string }> } {
  const plan = prepared(
    db,
    `SELECT a.id, a.name FROM dev_plans p JOIN dev_plan_areas pa ON pa.plan_id = p.id JOIN areas a ON a.id = pa.area_id
     WHERE p.salesperson_id = ? AND p.month = ? ORDER BY a.name`,
  ).all(salespersonId, month) as Array<{ id: number; name: string }>;
  if (plan.length) return { fromPlan: true, areas: plan };
  const assigned = prepared(
    db,
    'SELECT a.id, a.name FROM staff_areas s JOIN areas a ON a.id = s.area_id WHERE s.staff_id = ? ORDER BY a.name',
  ).all(salespersonId) as Array<{ id: number; name: string }>;
  return { fromPlan: false, areas: assigned };
}

type Row = Omit<DueOutlet, 'reason' | 'inPlanAreas' | 'detailDate'> & { detailDate: string | null };

const SELECT = (k: string) => `${k}.outlet_type AS outletType, ${k}.outlet_id AS outletId, ${OUTLET_COLUMNS}, p.stage`;

/**
 * The outlets the plan and the pipeline say are due on `day`, for one salesperson, so the day's
 * route is built in one action instead of one name search at a time:
 * 1. a next step they set at an earlier visit falls today or before (and the outlet was not visited since),
 *    or the revisit day of a prospect that refused has come;
 * 2. open prospects in the plan's areas (theirs or nobody's), furthest along first;
 * 3. outlets in the plan's areas they have worked with that nobody has visited for `weeks` weeks,
 *    and active sub-dealers there never visited or not for that long.
 * Outlets already on the day's route are left out; each outlet appears once, under its first reason.
 */
export function dueOutlets(db: Db, input: { salespersonId: number; day: string; weeks: number }): DueOutlets {
  getStaff(db, input.salespersonId, 'salespersonId');
  const { fromPlan, areas } = planAreas(db, input.salespersonId, input.day.slice(0, 7));
  const areaIds = new Set(areas.map((a) => a.id));
  const inAreas = areas.length ? `oa.id IN (${areas.map(() => '?').join(',')})` : '0';
  const areaParams = areas.map((a) => a.id);
  const cutoff = addDays(input.day, -7 * input.weeks);
  const seen = new Set(
    (
      prepared(db, 'SELECT outlet_type, outlet_id FROM day_plan_stops WHERE salesperson_id = ? AND day = ?')
        .raw()
        .all(input.salespersonId, input.day) as Array<[OutletType, number]>
    ).map(([t, i]) => `${t}:${i}`),
  );
  const out: DueOutlet[] = [];
  const push = (rows: Row[], reason: DueOutlet['reason']) => {
    for (const r of rows) {
      const key = `${r.outletType}:${r.outletId}`;
      if (seen.has(key) || out.length >= MAX_SUGGESTIONS) continue;
      seen.add(key);
      out.push({ ...r, reason, inPlanAreas: areaIds.has(r.areaId) });
    }
  };

  // 1a. Refused prospects whose revisit day has come ("refused, revisit on DATE"), theirs or nobody's:
  // first, as the day was set when they said no (the list is capped, so they must not be crowded out).
  push(
    prepared(
      db,
      `SELECT ${SELECT('p')}, p.revisit_on AS detailDate FROM pipeline p ${OUTLET_JOIN('p')}
       WHERE p.stage = 'rejected' AND p.revisit_on IS NOT NULL AND p.revisit_on <= ? AND (p.owner_id = ? OR p.owner_id IS NULL)
         AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.outlet_type = p.outlet_type AND v.outlet_id = p.outlet_id AND v.day >= p.revisit_on)
       ORDER BY p.revisit_on, name`,
    ).all(input.day, input.salespersonId) as Row[],
    'next_step',
  );

  // 1b. Next steps due: the outlet's latest visit by this salesperson set a date on or before today.
  push(
    prepared(
      db,
      `SELECT ${SELECT('v')}, v.next_date AS detailDate FROM visits v ${OUTLET_JOIN('v')}
       LEFT JOIN pipeline p ON p.outlet_type = v.outlet_type AND p.outlet_id = v.outlet_id
       WHERE v.salesperson_id = ? AND v.outlet_type IN ('sub_dealer', 'terminal') AND v.next_date IS NOT NULL AND v.next_date <= ?
         AND v.id = (SELECT w.id FROM visits w WHERE w.outlet_type = v.outlet_type AND w.outlet_id = v.outlet_id ORDER BY w.day DESC, w.id DESC LIMIT 1)
         AND v.day < ?
       ORDER BY v.next_date, name`,
    ).all(input.salespersonId, input.day, input.day) as Row[],
    'next_step',
  );

  // 2. Open prospects in the plan's areas.
  push(
    prepared(
      db,
      `SELECT ${SELECT('p')},
         (SELECT max(v.day) FROM visits v WHERE v.outlet_type = p.outlet_type AND v.outlet_id = p.outlet_id) AS detailDate
       FROM pipeline p ${OUTLET_JOIN('p')}
       WHERE p.stage IN ('prospect', 'contacted', 'negotiating') AND (p.owner_id = ? OR p.owner_id IS NULL) AND ${inAreas}
       ORDER BY CASE p.stage WHEN 'negotiating' THEN 0 WHEN 'contacted' THEN 1 ELSE 2 END, p.priority, name`,
    ).all(input.salespersonId, ...areaParams) as Row[],
    'prospect',
  );

  // 3. Not visited for N weeks: outlets they have worked with, then the areas' active sub-dealers.
  push(
    prepared(
      db,
      `SELECT ${SELECT('k')}, k.lastDay AS detailDate FROM (
         SELECT outlet_type, outlet_id, max(day) AS lastDay FROM visits
         WHERE outlet_type IN ('sub_dealer', 'terminal')
           AND (outlet_type, outlet_id) IN (SELECT outlet_type, outlet_id FROM visits WHERE salesperson_id = ?)
         GROUP BY outlet_type, outlet_id HAVING max(day) < ?
       ) k ${OUTLET_JOIN('k')}
       LEFT JOIN pipeline p ON p.outlet_type = k.outlet_type AND p.outlet_id = k.outlet_id
       WHERE ${inAreas} AND coalesce(osd.status, ot.status) != 'lost'
       ORDER BY k.lastDay, name`,
    ).all(input.salespersonId, cutoff, ...areaParams) as Row[],
    'not_visited',
  );
  push(
    prepared(
      db,
      `SELECT ${SELECT('k')}, k.lastDay AS detailDate FROM (
         SELECT 'sub_dealer' AS outlet_type, s.id AS outlet_id,
           (SELECT max(v.day) FROM visits v WHERE v.outlet_type = 'sub_dealer' AND v.outlet_id = s.id) AS lastDay
         FROM sub_dealers s WHERE s.status = 'active' AND s.area_id IN (${areas.map(() => '?').join(',') || 'NULL'})
       ) k ${OUTLET_JOIN('k')}
       LEFT JOIN pipeline p ON p.outlet_type = k.outlet_type AND p.outlet_id = k.outlet_id
       WHERE k.lastDay IS NULL OR k.lastDay < ?
       ORDER BY k.lastDay IS NOT NULL, k.lastDay, name`,
    ).all(...areaParams, cutoff) as Row[],
    'not_visited',
  );

  return { day: input.day, weeks: input.weeks, fromPlan, areas, start: startPoint(db, input.salespersonId, input.day, out), outlets: out };
}

/**
 * Where the day's route starts: the start saved on the day's plan; else where the salesperson's
 * last planned day started; else the centre of the suggested outlets, so the order is still compact.
 */
function startPoint(
  db: Db,
  salespersonId: number,
  day: string,
  outlets: DueOutlet[],
): (LatLng & { source: 'day' | 'last_day' | 'centre' }) | null {
  const saved = prepared(
    db,
    `SELECT start_lat AS lat, start_lng AS lng, day = ? AS today FROM day_plans
     WHERE salesperson_id = ? AND start_lat IS NOT NULL AND start_lng IS NOT NULL AND day <= ? ORDER BY day DESC LIMIT 1`,
  ).get(day, salespersonId, day) as { lat: number; lng: number; today: number } | undefined;
  if (saved) return { lat: saved.lat, lng: saved.lng, source: saved.today ? 'day' : 'last_day' };
  const mapped = outlets.filter((o) => o.latitude !== null && o.longitude !== null);
  if (!mapped.length) return null;
  const lat = mapped.reduce((s, o) => s + o.latitude!, 0) / mapped.length;
  const lng = mapped.reduce((s, o) => s + o.longitude!, 0) / mapped.length;
  return { lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5, source: 'centre' };
}
