/**
 * Day routes: the order of visits that keeps the salesperson's driving short. Nearest neighbour,
 * then 2-opt (reverse a segment) and or-opt (move a run of one to three stops, either way round)
 * until neither shortens the route. Open path: the day ends at the last outlet. Every stop is tried
 * as the first one and the shortest result kept, which escapes most local optima a single start
 * gets stuck in. Moves are priced from a distance matrix in constant time, so 60 stops take
 * milliseconds.
 */
export interface Point {
  id: number;
  lat: number;
  lng: number;
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** Great-circle distance in km (haversine, mean Earth radius 6371 km). */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of the path through the points in the given order, from the start point when there is one. */
export function pathLength(points: readonly LatLng[], start?: LatLng | null): number {
  let total = start && points[0] ? distanceKm(start, points[0]) : 0;
  for (let i = 1; i < points.length; i++) total += distanceKm(points[i - 1]!, points[i]!);
  return total;
}

const EPS = 1e-9;

export function orderRoute<P extends Point>(points: readonly P[], start?: LatLng | null): { order: P[]; km: number } {
  const n = points.length;
  if (n <= 1) return { order: [...points], km: pathLength(points, start) };
  // Node n is the start point when given; it stays first.
  const nodes: LatLng[] = start ? [...points, start] : [...points];
  const m = nodes.length;
  const dist = new Float64Array(m * m);
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) dist[i * m + j] = dist[j * m + i] = distanceKm(nodes[i]!, nodes[j]!);
  const d = (a: number, b: number) => dist[a * m + b]!;

  let best: number[] | null = null;
  let bestKm = Infinity;
  for (let first = 0; first < n; first++) {
    const seq = improve(nearestNeighbour(n, first, d), d, start ? n : -1);
    const km = seqLength(seq, d, start ? n : -1);
    if (km + EPS < bestKm) {
      best = seq;
      bestKm = km;
    }
  }
  return { order: best!.map((i) => points[i]!), km: bestKm };
}

function nearestNeighbour(n: number, first: number, d: (a: number, b: number) => number): number[] {
  const left = new Set<number>();
  for (let i = 0; i < n; i++) if (i !== first) left.add(i);
  const seq = [first];
  let here = first;
  while (left.size) {
    let next = -1;
    for (const c of left) if (next < 0 || d(here, c) < d(here, next)) next = c;
    left.delete(next);
    seq.push(next);
    here = next;
  }
  return seq;
}

function seqLength(seq: number[], d: (a: number, b: number) => number, start: number): number {
  let total = start >= 0 ? d(start, seq[0]!) : 0;
  for (let i = 1; i < seq.length; i++) total += d(seq[i - 1]!, seq[i]!);
  return total;
}

function improve(order: number[], d: (a: number, b: number) => number, start: number): number[] {
  // The working sequence carries the start as a fixed first element when there is one.
  const seq = start >= 0 ? [start, ...order] : [...order];
  const lo = start >= 0 ? 1 : 0;
  const len = seq.length;
  // Cost of an edge to a missing neighbour (before the first stop without a start, after the last) is 0.
  const e = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? 0 : d(a, b));
  let improved = true;
  let guard = 0;
  while (improved && guard++ < 1000) {
    improved = false;
    // 2-opt: reverse seq[i..j].
    for (let i = lo; i < len - 1; i++) {
      for (let j = i + 1; j < len; j++) {
        const before = seq[i - 1];
        const after = seq[j + 1];
        const delta = e(before, seq[j]) + e(seq[i], after) - e(before, seq[i]) - e(seq[j], after);
        if (delta < -EPS) {
          reverse(seq, i, j);
          improved = true;
        }
      }
    }
    // Or-opt: move a run of k stops elsewhere, possibly reversed.
    for (let k = 1; k <= 3; k++) {
      for (let i = lo; i + k <= len; i++) {
        const segFirst = seq[i]!;
        const segLast = seq[i + k - 1]!;
        const prev = seq[i - 1];
        const next = seq[i + k];
        const removeGain = e(prev, segFirst) + e(segLast, next) - e(prev, next);
        const rest = [...seq.slice(0, i), ...seq.slice(i + k)];
        let bestDelta = -EPS;
        let bestAt = -1;
        let bestReversed = false;
        // Insert between rest[p-1] and rest[p]; p runs over every gap after the fixed start.
        for (let p = lo; p <= rest.length; p++) {
          if (p === i) continue; // the place it came from
          const a = rest[p - 1];
          const b = rest[p];
          const forward = e(a, segFirst) + e(segLast, b) - e(a, b) - removeGain;
          const backward = e(a, segLast) + e(segFirst, b) - e(a, b) - removeGain;
          if (forward < bestDelta) {
            bestDelta = forward;
            bestAt = p;
            bestReversed = false;
          }
          if (k > 1 && backward < bestDelta) {
            bestDelta = backward;
            bestAt = p;
            bestReversed = true;
          }
        }
        if (bestAt >= 0) {
          const seg = seq.slice(i, i + k);
          if (bestReversed) seg.reverse();
          rest.splice(bestAt, 0, ...seg);
          for (let x = 0; x < len; x++) seq[x] = rest[x]!;
          improved = true;
        }
      }
    }
  }
  return start >= 0 ? seq.slice(1) : seq;
}

function reverse(seq: number[], i: number, j: number): void {
  while (i < j) {
    const t = seq[i]!;
    seq[i++] = seq[j]!;
    seq[j--] = t;
  }
}
