import type { DayRoute, DayStop } from '../../shared/contract/development.js';
import { refusal } from '../../shared/contract/result.js';
import type { OutletType, VisitOutcome, VisitPurpose } from '../../shared/domain/development.js';
import { nowIso, prepared, type Db } from '../db/open.js';
import { getOutlet, getStaff, OUTLET_COLUMNS, OUTLET_JOIN } from './common.js';
import { distanceKm, orderRoute, type LatLng } from './route.js';
import { listContacts } from '../network/contacts.js';

/**
 * A salesperson's work plan for one day: the outlets to visit, in route order. With coordinates the
 * order can be optimised (route.ts); outlets without coordinates keep the order given, after the
 * mapped ones, and the distance covers the mapped part only.
 */
export function getDayRoute(db: Db, salespersonId: number, day: string): DayRoute {
  const sp = getStaff(db, salespersonId, 'salespersonId');
  const plan = prepared(
    db,
    'SELECT start_lat AS lat, start_lng AS lng, km, optimized FROM day_plans WHERE salesperson_id = ? AND day = ?',
  ).get(salespersonId, day) as { lat: number | null; lng: number | null; km: number | null; optimized: number } | undefined;
  const rows = prepared(
    db,
    `SELECT k.position, k.outlet_type AS outletType, k.outlet_id AS outletId, ${OUTLET_COLUMNS}, p.stage, coalesce(p.competitor_brand, osd.competitor_brand, ot.competitor_brand) AS competitorBrand,
       (SELECT v.id FROM visits v WHERE v.salesperson_id = k.salesperson_id AND v.day = k.day AND v.outlet_type = k.outlet_type AND v.outlet_id = k.outlet_id ORDER BY v.created_at DESC, v.id DESC LIMIT 1) AS visitId
     FROM day_plan_stops k ${OUTLET_JOIN('k')}
     LEFT JOIN pipeline p ON p.outlet_type = k.outlet_type AND p.outlet_id = k.outlet_id
     WHERE k.salesperson_id = ? AND k.day = ? ORDER BY k.position`,
  ).all(salespersonId, day) as Array<Omit<DayStop, 'visit' | 'legKm' | 'contacts'> & { visitId: number | null }>;
  const start = plan && plan.lat !== null && plan.lng !== null ? { lat: plan.lat, lng: plan.lng } : null;
  let previous: LatLng | null = start;
  const stops: DayStop[] = rows.map(({ visitId, ...r }, i) => {
    const here = r.latitude !== null && r.longitude !== null ? { lat: r.latitude, lng: r.longitude } : null;
    const legKm = here && previous ? Math.round(distanceKm(previous, here) * 10) / 10 : null;
    if (here) previous = here;
    const visit =
      visitId === null
        ? null
        : (prepared(db, 'SELECT id, outcome, purpose FROM visits WHERE id = ?').get(visitId) as {
            id: number;
            outcome: VisitOutcome;
            purpose: VisitPurpose;
          });
    // The people to ask for at the outlet, for the day sheet and the phone.
    const contacts = listContacts(db, r.outletType, r.outletId).map((c) => ({
      name: c.name,
      role: c.role,
      level: c.level,
      phone: c.phone,
    }));
    return { ...r, position: i + 1, legKm, visit, contacts };
  });
  return {
    salespersonId,
    salespersonName: sp.name,
    day,
    start,
    stops,
    km: plan?.km ?? null,
    optimized: plan?.optimized === 1,
    withoutCoordinates: stops.filter((s) => s.latitude === null || s.longitude === null).length,
  };
}

export function saveDayRoute(
  db: Db,
  input: {
    salespersonId: number;
    day: string;
    stops: Array<{ outletType: OutletType; outletId: number }>;
    optimize: boolean;
    start: LatLng | null;
  },
): DayRoute {
  return db.transaction(() => {
    getStaff(db, input.salespersonId, 'salespersonId');
    const seen = new Set<string>();
    const stops = input.stops.map((s, i) => {
      const key = `${s.outletType}:${s.outletId}`;
      const outlet = getOutlet(db, s.outletType, s.outletId, `stops.${i}`);
      if (seen.has(key))
        throw refusal('validation', 'routeStopTwice', `${outlet.name} is on the route twice.`, { name: outlet.name }, [
          { path: `stops.${i}`, message: 'Already on the route' },
        ]);
      seen.add(key);
      return { ...s, id: i, lat: outlet.latitude, lng: outlet.longitude };
    });
    prepared(db, 'DELETE FROM day_plans WHERE salesperson_id = ? AND day = ?').run(input.salespersonId, input.day);
    if (stops.length === 0) return getDayRoute(db, input.salespersonId, input.day);
    const mapped = stops.filter((s): s is typeof s & { lat: number; lng: number } => s.lat !== null && s.lng !== null);
    const unmapped = stops.filter((s) => s.lat === null || s.lng === null);
    const ordered = input.optimize ? [...orderRoute(mapped, input.start).order, ...unmapped] : stops;
    let km = 0;
    let previous: LatLng | null = input.start;
    for (const s of ordered) {
      if (s.lat === null || s.lng === null) continue;
      if (previous) km += distanceKm(previous, { lat: s.lat, lng: s.lng });
      previous = { lat: s.lat, lng: s.lng };
    }
    prepared(
      db,
      'INSERT INTO day_plans (salesperson_id, day, start_lat, start_lng, km, optimized, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      input.salespersonId,
      input.day,
      input.start?.lat ?? null,
      input.start?.lng ?? null,
      mapped.length >= 2 || (mapped.length === 1 && input.start) ? Math.round(km * 10) / 10 : null,
      input.optimize ? 1 : 0,
      nowIso(),
    );
    const insert = prepared(
      db,
      'INSERT INTO day_plan_stops (salesperson_id, day, position, outlet_type, outlet_id) VALUES (?, ?, ?, ?, ?)',
    );
    ordered.forEach((s, i) => insert.run(input.salespersonId, input.day, i + 1, s.outletType, s.outletId));
    return getDayRoute(db, input.salespersonId, input.day);
  })();
}
