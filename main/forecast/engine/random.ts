/** Seeded standard normal draws (mulberry32 + Box-Muller): intervals are the same on every run. */
export function seededNormal(seed: number): () => number {
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const a = 2 * Math.PI * uniform();
    spare = r * Math.sin(a);
    return r * Math.cos(a);
  };
}

/** Quantile of a sample by linear interpolation (type 7, as R's default). Sorts in place. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/**
 * Puts the k-th smallest value at index k, smaller ones before it (Hoare's quickselect). Cheaper
 * than a full sort when only the tails of a sample are needed.
 */
export function selectKth(a: Float64Array, k: number, left = 0, right = a.length - 1): void {
  while (right > left) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/**
 * The 2.5%, 10%, 90% and 97.5% quantiles (type 7) of a sample, sorting only its two tails.
 * Reorders the array.
 */
export function tailQuantiles(a: Float64Array): { q025: number; q10: number; q90: number; q975: number } {
  const n = a.length;
  const lowEnd = Math.min(n - 1, Math.ceil((n - 1) * 0.1) + 1);
  const highStart = Math.max(0, Math.floor((n - 1) * 0.9));
  selectKth(a, lowEnd);
  selectKth(a, highStart, lowEnd, n - 1);
  a.subarray(0, lowEnd + 1).sort();
  a.subarray(highStart).sort();
  const at = (q: number) => {
    const pos = (n - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return a[lo]! + (a[hi]! - a[lo]!) * (pos - lo);
  };
  return { q025: at(0.025), q10: at(0.1), q90: at(0.9), q975: at(0.975) };
}
