/**
 * The target cascade on columns: one typed array per field instead of one object per cell, and
 * groups found by counting over dense integer keys instead of Maps and sorts. At national scale a
 * whole pass spreads ~0.6 million cells; as objects that took ~0.8 GB and 15 s, mostly in allocation,
 * garbage collection, `includes` over a brand's cells and sorting every remainder.
 *
 * Every split is largestRemainder's to the last case: the same floating-point expressions in the
 * same order, and the same tie-break (largest fraction first, then the earlier cell), found with a
 * threshold instead of a full sort (tests/unit/targets-columns.test.ts compares with the object path).
 */
import type { Cell, Level } from './cascade.js';
import { CascadeError, GROUP_NAMES } from './refusals.js';

/**
 * Cells as columns. Distributors, products, brands and months are dense indices into the lists
 * beside them, so a group's key is an array slot; ids are looked up once, when the cells are read.
 */
export interface CellColumns {
  length: number;
  distributor: Int32Array;
  product: Int32Array;
  brand: Int32Array;
  month: Int32Array;
  target: Float64Array;
  natural: Float64Array;
  basis: Float64Array;
  locked: Uint8Array;
  distributorIds: number[];
  productIds: number[];
  brands: string[];
  months: string[];
}

/** Appends cells one at a time (as rows stream from SQLite) into growing columns. */
export class ColumnsBuilder {
  private size = 0;
  private cap: number;
  private d: Int32Array;
  private p: Int32Array;
  private b: Int32Array;
  private m: Int32Array;
  private t: Float64Array;
  private n: Float64Array;
  private s: Float64Array;
  private l: Uint8Array;
  private readonly dIndex = new Map<number, number>();
  private readonly pIndex = new Map<number, number>();
  private readonly bIndex = new Map<string, number>();
  private readonly mIndex = new Map<string, number>();
  private readonly distributorIds: number[] = [];
  private readonly productIds: number[] = [];
  private readonly brands: string[] = [];
  private readonly months: string[] = [];

  constructor(capacity = 1024) {
    this.cap = Math.max(1, capacity);
    this.d = new Int32Array(this.cap);
    this.p = new Int32Array(this.cap);
    this.b = new Int32Array(this.cap);
    this.m = new Int32Array(this.cap);
    this.t = new Float64Array(this.cap);
    this.n = new Float64Array(this.cap);
    this.s = new Float64Array(this.cap);
    this.l = new Uint8Array(this.cap);
  }

  add(
    distributorId: number,
    productId: number,
    brand: string,
    month: string,
    target: number,
    natural: number,
    basis: number,
    locked: boolean,
  ) {
    if (this.size === this.cap) this.grow();
    const i = this.size++;
    this.d[i] = slot(this.dIndex, this.distributorIds, distributorId);
    this.p[i] = slot(this.pIndex, this.productIds, productId);
    this.b[i] = slot(this.bIndex, this.brands, brand);
    this.m[i] = slot(this.mIndex, this.months, month);
    this.t[i] = target;
    this.n[i] = natural;
    this.s[i] = basis;
    this.l[i] = locked ? 1 : 0;
  }

  private grow() {
    this.cap *= 2;
    const widen = <A extends Int32Array | Float64Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const next = make(this.cap);
      next.set(a);
      return next;
    };
    this.d = widen(this.d, (n) => new Int32Array(n));
    this.p = widen(this.p, (n) => new Int32Array(n));
    this.b = widen(this.b, (n) => new Int32Array(n));
    this.m = widen(this.m, (n) => new Int32Array(n));
    this.t = widen(this.t, (n) => new Float64Array(n));
    this.n = widen(this.n, (n) => new Float64Array(n));
    this.s = widen(this.s, (n) => new Float64Array(n));
    this.l = widen(this.l, (n) => new Uint8Array(n));
  }

  /** The columns, trimmed to what was added (a copy only when there is spare room worth returning). */
  finish(): CellColumns {
    const n = this.size;
    const trim = <A extends Int32Array | Float64Array | Uint8Array>(a: A): A => (a.length === n ? a : (a.slice(0, n) as A));
    return {
      length: n,
      distributor: trim(this.d),
      product: trim(this.p),
      brand: trim(this.b),
      month: trim(this.m),
      target: trim(this.t),
      natural: trim(this.n),
      basis: trim(this.s),
      locked: trim(this.l),
      distributorIds: this.distributorIds,
      productIds: this.productIds,
      brands: this.brands,
      months: this.months,
    };
  }
}

function slot<K>(index: Map<K, number>, list: K[], key: K): number {
  let i = index.get(key);
  if (i === undefined) {
    i = list.length;
    index.set(key, i);
    list.push(key);
  }
  return i;
}

export function columnsOf(cells: readonly Cell[]): CellColumns {
  const builder = new ColumnsBuilder(cells.length);
  for (const c of cells) builder.add(c.distributorId, c.productId, c.brand, c.month, c.target, c.natural, c.basis, c.locked);
  return builder.finish();
}

/** Every cell's index, in order: the whole set as one group. */
export function allCells(cols: CellColumns): Int32Array {
  const all = new Int32Array(cols.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  return all;
}

// Scratch for the remainders, grown as needed and reused: a whole pass splits ~100,000 groups.
let fracs = new Float64Array(64);
let sorted = new Float64Array(64);
let order = new Int32Array(64);

/**
 * largestRemainder(total, weights[0..n)) written into out[0..n): the same parts, case for case.
 * `weights` and `out` belong to the caller and may be the same array.
 */
export function splitInto(total: number, weights: Float64Array, n: number, out: Float64Array): void {
  if (n === 0) {
    if (total !== 0) throw new CascadeError('targetNothingToSpread', 'Nothing to spread the total over');
    return;
  }
  if (fracs.length < n) {
    const size = Math.max(n, fracs.length * 2);
    fracs = new Float64Array(size);
    sorted = new Float64Array(size);
    order = new Int32Array(size);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.max(0, weights[i]!);
  let odd = false;
  for (let i = 0; i < n; i++) {
    const raw = sum > 0 ? (total * Math.max(0, weights[i]!)) / sum : total / n;
    fracs[i] = raw;
    if (Number.isNaN(raw - Math.floor(raw))) odd = true;
  }
  if (odd) {
    // A fraction that is not a number (an infinite total): the old sort's order, taken as it was.
    const parts = largestRemainderByObjects(total, Array.from(weights.subarray(0, n)));
    for (let i = 0; i < n; i++) out[i] = parts[i]!;
    return;
  }
  let given = 0;
  for (let i = 0; i < n; i++) {
    const raw = fracs[i]!;
    const part = Math.floor(raw);
    out[i] = part;
    fracs[i] = raw - part;
    given += part;
  }
  // The old loop hands one case per turn down the order, wrapping round: count its turns.
  let turns = 0;
  for (let left = total - given; left > 0; left--) turns++;
  if (turns === 0) return;
  const everyone = Math.floor(turns / n);
  const top = turns - everyone * n;
  if (everyone > 0) for (let i = 0; i < n; i++) out[i] = out[i]! + everyone;
  if (top === 0) return;
  if (n <= 16) {
    // Few parts: order them by (fraction desc, index asc) in place.
    for (let i = 0; i < n; i++) {
      let j = i;
      while (j > 0 && fracs[order[j - 1]!]! < fracs[i]!) {
        order[j] = order[j - 1]!;
        j--;
      }
      order[j] = i;
    }
    for (let k = 0; k < top; k++) out[order[k]!] = out[order[k]!]! + 1;
    return;
  }
  // Many parts: the `top` largest fractions are those above the top-th largest value, and of those
  // equal to it, the earliest ones: the old sort's tie-break.
  const view = sorted.subarray(0, n);
  view.set(fracs.subarray(0, n));
  view.sort();
  const threshold = view[n - top]!;
  let above = 0;
  for (let i = n - 1; i >= 0 && view[i]! > threshold; i--) above++;
  let equalToTake = top - above;
  for (let i = 0; i < n; i++) {
    const f = fracs[i]!;
    if (f > threshold) out[i] = out[i]! + 1;
    else if (f === threshold && equalToTake > 0) {
      out[i] = out[i]! + 1;
      equalToTake--;
    }
  }
}

/** The split as it was first written, for the cases the threshold cannot order (NaN fractions). */
function largestRemainderByObjects(total: number, weights: number[]): number[] {
  const n = weights.length;
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  const raw = weights.map((w) => (sum > 0 ? (total * Math.max(0, w)) / sum : total / n));
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const sortedOrder = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[sortedOrder[k]![1]] = parts[sortedOrder[k]![1]]! + 1;
  return parts;
}

/** Sets a group's total, moving only its unlocked cells: setGroupTotal on columns. */
export function setGroupTotalColumns(cols: CellColumns, group: Int32Array, total: number, name: keyof typeof GROUP_NAMES): void {
  const what = GROUP_NAMES[name];
  if (!Number.isInteger(total) || total < 0)
    throw new CascadeError('targetWholeCases', `${what}: targets are whole, non-negative cases`, { context: name });
  const { target, basis, locked: isLocked } = cols;
  let locked = 0;
  let freeCount = 0;
  for (let k = 0; k < group.length; k++) {
    const i = group[k]!;
    if (isLocked[i]) locked += target[i]!;
    else freeCount++;
  }
  if (total < locked)
    throw new CascadeError('targetBelowLocked', `${what}: ${total} is less than the ${locked} cases already locked`, {
      context: name,
      total,
      locked,
    });
  if (freeCount === 0) {
    if (total !== locked)
      throw new CascadeError('targetAllLocked', `${what}: every cell is locked; unlock one to change the total`, { context: name });
    return;
  }
  const free = new Int32Array(freeCount);
  let current = 0;
  for (let k = 0, f = 0; k < group.length; k++) {
    const i = group[k]!;
    if (!isLocked[i]) {
      free[f++] = i;
      current += target[i]!;
    }
  }
  const weights = new Float64Array(freeCount);
  const from = current > 0 ? target : basis;
  for (let f = 0; f < freeCount; f++) weights[f] = from[free[f]!]!;
  splitInto(total - locked, weights, freeCount, weights);
  for (let f = 0; f < freeCount; f++) target[free[f]!] = weights[f]!;
}

/**
 * cascadeLine on columns: `line` lists the line's cells in order. To distributors by their share of
 * the basis, to SKUs by each distributor's mix, to months by its profile, with the region's mix and
 * profile where a distributor has no basis; groups keep the order in which their first cell comes.
 */
export function cascadeLineColumns(cols: CellColumns, line: Int32Array, total: number): void {
  const { distributor, product, month, target, basis, locked } = cols;
  const n = line.length;
  let lockedTotal = 0;
  for (let k = 0; k < n; k++) if (locked[line[k]!]) lockedTotal += target[line[k]!]!;
  if (total < lockedTotal)
    throw new CascadeError('targetLineBelowLocked', `Target ${total} is below the ${lockedTotal} cases locked`, {
      total,
      locked: lockedTotal,
    });
  const regionBySku = new Float64Array(cols.productIds.length);
  const regionByMonth = new Float64Array(cols.months.length);
  for (let k = 0; k < n; k++) {
    const i = line[k]!;
    regionBySku[product[i]!] = regionBySku[product[i]!]! + basis[i]!;
    regionByMonth[month[i]!] = regionByMonth[month[i]!]! + basis[i]!;
  }
  // Unlocked cells grouped by distributor (a counting sort: stable, so each group keeps the line's order).
  const distSlot = new Int32Array(cols.distributorIds.length).fill(-1);
  const distCount: number[] = [];
  let unlocked = 0;
  for (let k = 0; k < n; k++) {
    const i = line[k]!;
    if (locked[i]) continue;
    unlocked++;
    const d = distributor[i]!;
    if (distSlot[d] === -1) {
      distSlot[d] = distCount.length;
      distCount.push(0);
    }
    distCount[distSlot[d]!]!++;
  }
  const dists = distCount.length;
  const distStart = new Int32Array(dists + 1);
  for (let g = 0; g < dists; g++) distStart[g + 1] = distStart[g]! + distCount[g]!;
  const members = new Int32Array(unlocked);
  const fill = distStart.slice(0, dists);
  for (let k = 0; k < n; k++) {
    const i = line[k]!;
    if (!locked[i]) members[fill[distSlot[distributor[i]!]!]!++] = i;
  }
  const distTotals = new Float64Array(dists);
  for (let g = 0; g < dists; g++) {
    let s = 0;
    for (let k = distStart[g]!; k < distStart[g + 1]!; k++) s += basis[members[k]!]!;
    distTotals[g] = s;
  }
  splitInto(total - lockedTotal, distTotals, dists, distTotals);

  // Per distributor: its cells grouped by SKU the same way, then each SKU's cells over months.
  const skuSlot = new Int32Array(cols.productIds.length);
  const skuOwner = new Int32Array(cols.productIds.length).fill(-1);
  const skuProduct = new Int32Array(cols.productIds.length);
  const skuCount = new Int32Array(cols.productIds.length + 1);
  const skuStart = new Int32Array(cols.productIds.length + 1);
  const skuMix = new Float64Array(cols.productIds.length);
  let byMonth = new Float64Array(16);
  let grouped = new Int32Array(16);
  for (let g = 0; g < dists; g++) {
    const from = distStart[g]!;
    const to = distStart[g + 1]!;
    let skus = 0;
    for (let k = from; k < to; k++) {
      const p = product[members[k]!]!;
      if (skuOwner[p] !== g) {
        skuOwner[p] = g;
        skuSlot[p] = skus;
        skuProduct[skus] = p;
        skuCount[skus] = 0;
        skus++;
      }
      skuCount[skuSlot[p]!]!++;
    }
    if (grouped.length < to - from) grouped = new Int32Array(Math.max(to - from, grouped.length * 2));
    skuStart[0] = 0;
    for (let j = 0; j < skus; j++) skuStart[j + 1] = skuStart[j]! + skuCount[j]!;
    for (let j = 0; j < skus; j++) skuCount[j] = skuStart[j]!;
    for (let k = from; k < to; k++) {
      const i = members[k]!;
      grouped[skuCount[skuSlot[product[i]!]!]!++] = i;
    }
    let ownAny = false;
    for (let j = 0; j < skus; j++) {
      let s = 0;
      for (let k = skuStart[j]!; k < skuStart[j + 1]!; k++) s += basis[grouped[k]!]!;
      skuMix[j] = s;
      if (s > 0) ownAny = true;
    }
    if (!ownAny) for (let j = 0; j < skus; j++) skuMix[j] = regionBySku[skuProduct[j]!]!;
    splitInto(distTotals[g]!, skuMix, skus, skuMix);
    for (let j = 0; j < skus; j++) {
      const a = skuStart[j]!;
      const size = skuStart[j + 1]! - a;
      if (byMonth.length < size) byMonth = new Float64Array(Math.max(size, byMonth.length * 2));
      let profileAny = false;
      for (let k = 0; k < size; k++) {
        const b = basis[grouped[a + k]!]!;
        byMonth[k] = b;
        if (b > 0) profileAny = true;
      }
      if (!profileAny) for (let k = 0; k < size; k++) byMonth[k] = regionByMonth[month[grouped[a + k]!]!]!;
      splitInto(skuMix[j]!, byMonth, size, byMonth);
      for (let k = 0; k < size; k++) target[grouped[a + k]!] = byMonth[k]!;
    }
  }
}

/** The cells of an edited node and of its parent, as index lists in the order of `cells`. */
export function nodeAndParentColumns(cols: CellColumns, cells: Int32Array, at: Level): { node: Int32Array; parent: Int32Array } {
  const { distributor, product, brand, month } = cols;
  const d = cols.distributorIds.indexOf(at.distributorId);
  let inParent: (i: number) => boolean;
  let inNode: (i: number) => boolean;
  switch (at.level) {
    case 'distributor': {
      const b = cols.brands.indexOf(at.brand);
      inParent = (i) => brand[i] === b;
      inNode = (i) => distributor[i] === d;
      break;
    }
    case 'sku': {
      const p = cols.productIds.indexOf(at.productId);
      // the SKU's brand is its first cell's, as the object path found it
      let b = -2;
      for (let k = 0; k < cells.length; k++)
        if (product[cells[k]!] === p) {
          b = brand[cells[k]!]!;
          break;
        }
      inParent = (i) => distributor[i] === d && brand[i] === b;
      inNode = (i) => product[i] === p;
      break;
    }
    case 'cell': {
      const p = cols.productIds.indexOf(at.productId);
      const m = cols.months.indexOf(at.month);
      inParent = (i) => distributor[i] === d && product[i] === p;
      inNode = (i) => month[i] === m;
      break;
    }
  }
  const parent = pick(cells, inParent);
  return { node: pick(parent, inNode), parent };
}

function pick(cells: Int32Array, keep: (i: number) => boolean): Int32Array {
  let count = 0;
  for (let k = 0; k < cells.length; k++) if (keep(cells[k]!)) count++;
  const out = new Int32Array(count);
  for (let k = 0, o = 0; k < cells.length; k++) if (keep(cells[k]!)) out[o++] = cells[k]!;
  return out;
}

/** editNode on columns: the node takes the value, its siblings the difference; all or nothing. */
export function editNodeColumns(cols: CellColumns, cells: Int32Array, at: Level, value: number): void {
  const { node, parent } = nodeAndParentColumns(cols, cells, at);
  if (node.length === 0) throw new CascadeError('targetNothingToEdit', 'Nothing to edit there');
  const { target } = cols;
  const before = new Float64Array(parent.length);
  let parentTotal = 0;
  for (let k = 0; k < parent.length; k++) {
    before[k] = target[parent[k]!]!;
    parentTotal += before[k]!;
  }
  const inNode = new Uint8Array(cols.length);
  for (let k = 0; k < node.length; k++) inNode[node[k]!] = 1;
  const siblings = pick(parent, (i) => inNode[i] === 0);
  try {
    if (siblings.length === 0 && value !== parentTotal)
      throw new CascadeError('targetOnlyPart', 'This is the only part of its total: change the total above it instead');
    setGroupTotalColumns(cols, node, value, 'node');
    setGroupTotalColumns(cols, siblings, parentTotal - value, 'rest');
  } catch (error) {
    for (let k = 0; k < parent.length; k++) target[parent[k]!] = before[k]!;
    throw error;
  }
}
