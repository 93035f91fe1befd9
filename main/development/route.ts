/**
 * Day routes: the order of visits that keeps the salesperson's driving short. Nearest neighbour from
 * the start, then 2-opt (reverse any segment that shortens the route) and or-opt (move one stop)
 * until nothing improves. Open path: the day ends at the last outlet. A day has tens of stops, so the
 * quadratic passes cost nothing.
 */
export interface Point {
  id: number;
  lat: number;
  lng: number;
}

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function pathLength(points: Point[], start?: { lat: number; lng: number }): number {
  let total = start && points[0] ? distanceKm(start, points[0]) : 0;
  for (let i = 1; i < points.length; i++) total += distanceKm(points[i - 1]!, points[i]!);
  return total;
}

/**
 * Multi-start: the improvement passes are run from every possible first stop and the shortest route
 * kept, which escapes most of the local optima a single start gets stuck in.
 */
export function orderRoute(points: Point[], start?: { lat: number; lng: number }): { order: Point[]; km: number } {
  if (points.length <= 1) return { order: [...points], km: pathLength(points, start) };
  let best: { order: Point[]; km: number } | null = null;
  for (const first of points) {
    const candidate = improvedFrom(points, first, start);
    if (!best || candidate.km + 1e-9 < best.km) best = candidate;
  }
  return best!;
}

function improvedFrom(points: Point[], first: Point, start?: { lat: number; lng: number }): { order: Point[]; km: number } {
  const left = points.filter((p) => p !== first);
  const order: Point[] = [first];
  let here: Point = first;
  while (left.length) {
    let best = 0;
    for (let i = 1; i < left.length; i++) if (distanceKm(here, left[i]!) < distanceKm(here, left[best]!)) best = i;
    here = left.splice(best, 1)[0]!;
    order.push(here);
  }
  // 2-opt on the open path (the first stop may move too when there is a start point), then
  // or-opt (move one stop elsewhere), repeated until neither shortens the route.
  const from = start ? 0 : 1;
  const length = () => pathLength(order, start);
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = from; i < order.length; i++) {
      for (let j = from; j < order.length; j++) {
        if (i === j) continue;
        const before = length();
        const [moved] = order.splice(i, 1);
        order.splice(j, 0, moved!);
        if (length() + 1e-9 < before) improved = true;
        else {
          order.splice(j, 1);
          order.splice(i, 0, moved!);
        }
      }
    }
    for (let i = from; i < order.length - 1; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const before = i === 0 ? start! : order[i - 1]!;
        const after = order[j + 1];
        const current = distanceKm(before, order[i]!) + (after ? distanceKm(order[j]!, after) : 0);
        const swapped = distanceKm(before, order[j]!) + (after ? distanceKm(order[i]!, after) : 0);
        if (swapped + 1e-9 < current) {
          order.splice(i, j - i + 1, ...order.slice(i, j + 1).reverse());
          improved = true;
        }
      }
    }
  }
  return { order, km: pathLength(order, start) };
}
