/**
 * Nelder-Mead simplex minimisation (Nelder & Mead 1965, with the usual coefficients). Bounds are
 * handled by the caller's transform into an unconstrained space, which keeps this loop simple.
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  start: Float64Array,
  options: { maxEvals?: number; step?: number; tol?: number } = {},
): { x: Float64Array; fx: number; evals: number } {
  const d = start.length;
  const maxEvals = options.maxEvals ?? 200 * d;
  const step = options.step ?? 0.6;
  const tol = options.tol ?? 1e-7;
  const simplex: Float64Array[] = [Float64Array.from(start)];
  for (let i = 0; i < d; i++) {
    const p = Float64Array.from(start);
    p[i] = p[i]! + step;
    simplex.push(p);
  }
  const values = simplex.map((p) => f(p));
  let evals = d + 1;
  const centroid = new Float64Array(d);
  const trial = new Float64Array(d);
  const trial2 = new Float64Array(d);
  const order = Array.from({ length: d + 1 }, (_, i) => i);
  while (evals < maxEvals) {
    order.sort((a, b) => values[a]! - values[b]!);
    const best = order[0]!;
    const worst = order[d]!;
    const second = order[d - 1]!;
    if (Math.abs(values[worst]! - values[best]!) <= tol * (Math.abs(values[best]!) + tol)) break;
    centroid.fill(0);
    for (const i of order) if (i !== worst) for (let j = 0; j < d; j++) centroid[j] = centroid[j]! + simplex[i]![j]! / d;
    const w = simplex[worst]!;
    for (let j = 0; j < d; j++) trial[j] = centroid[j]! + (centroid[j]! - w[j]!);
    const fr = f(trial);
    evals++;
    if (fr < values[best]!) {
      for (let j = 0; j < d; j++) trial2[j] = centroid[j]! + 2 * (centroid[j]! - w[j]!);
      const fe = f(trial2);
      evals++;
      if (fe < fr) {
        w.set(trial2);
        values[worst] = fe;
      } else {
        w.set(trial);
        values[worst] = fr;
      }
    } else if (fr < values[second]!) {
      w.set(trial);
      values[worst] = fr;
    } else {
      // Contract: outside (towards the reflected point) when reflection helped a little, else inside.
      const outside = fr < values[worst]!;
      for (let j = 0; j < d; j++) trial2[j] = centroid[j]! + 0.5 * ((outside ? trial[j]! : w[j]!) - centroid[j]!);
      const fc = f(trial2);
      evals++;
      if (fc < (outside ? fr : values[worst]!)) {
        w.set(trial2);
        values[worst] = fc;
      } else {
        // shrink towards the best vertex
        const b = simplex[best]!;
        for (const i of order) {
          if (i === best) continue;
          const p = simplex[i]!;
          for (let j = 0; j < d; j++) p[j] = b[j]! + 0.5 * (p[j]! - b[j]!);
          values[i] = f(p);
          evals++;
        }
      }
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= d; i++) if (values[i]! < values[bestIndex]!) bestIndex = i;
  return { x: simplex[bestIndex]!, fx: values[bestIndex]!, evals };
}
