/**
 * The target cascade as it was before it ran on columns (main/targets/columns.ts), one object per cell:
 * kept here only as the oracle the columnar path must equal to the last case
 * (tests/unit/targets-columns.test.ts). Do not use it in main/.
 */
import { CascadeError, type Cell, type Level } from '../../main/targets/cascade.js';

/** Which total a group is, in the English message and as the i18next context of the screens' words. */
const GROUP_NAMES = { node: 'This target', rest: 'The rest of its total', line: 'The line total' } as const;
type Group = keyof typeof GROUP_NAMES;

/**
 * Splits `total` into whole numbers proportional to `weights` with the largest-remainder method,
 * so the parts always add up exactly; equal parts when every weight is zero.
 */
export function largestRemainderOld(total: number, weights: number[]): number[] {
  const n = weights.length;
  if (n === 0) {
    if (total !== 0) throw new CascadeError('targetNothingToSpread', 'Nothing to spread the total over');
    return [];
  }
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  const raw = weights.map((w) => (sum > 0 ? (total * Math.max(0, w)) / sum : total / n));
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]![1]] = parts[order[k]![1]]! + 1;
  return parts;
}

/**
 * Sets the total of a group of cells, moving only the unlocked ones, in proportion to what they
 * hold now (or to their basis when they hold nothing).
 */
export function setGroupTotalOld(cells: Cell[], total: number, group: Group): void {
  const what = GROUP_NAMES[group];
  if (!Number.isInteger(total) || total < 0)
    throw new CascadeError('targetWholeCases', `${what}: targets are whole, non-negative cases`, { context: group });
  const locked = cells.filter((c) => c.locked).reduce((a, c) => a + c.target, 0);
  const free = cells.filter((c) => !c.locked);
  if (total < locked)
    throw new CascadeError('targetBelowLocked', `${what}: ${total} is less than the ${locked} cases already locked`, {
      context: group,
      total,
      locked,
    });
  if (free.length === 0) {
    if (total !== locked)
      throw new CascadeError('targetAllLocked', `${what}: every cell is locked; unlock one to change the total`, { context: group });
    return;
  }
  const current = free.reduce((a, c) => a + c.target, 0);
  const weights = current > 0 ? free.map((c) => c.target) : free.map((c) => c.basis);
  largestRemainderOld(total - locked, weights).forEach((v, i) => (free[i]!.target = v));
}

const sum = (cells: Cell[], pick: (c: Cell) => number = (c) => c.target) => cells.reduce((a, c) => a + pick(c), 0);

/**
 * The initial cascade of one target line (a brand or a SKU): to distributors by their share of
 * the basis, to SKUs by each distributor's own mix, to months by each distributor's own seasonal
 * profile, falling back to the region's mix and profile where a distributor has no basis.
 */
export function cascadeLineOld(cells: Cell[], total: number): void {
  const unlocked = cells.filter((c) => !c.locked);
  const lockedTotal = sum(cells.filter((c) => c.locked));
  if (total < lockedTotal)
    throw new CascadeError('targetLineBelowLocked', `Target ${total} is below the ${lockedTotal} cases locked`, {
      total,
      locked: lockedTotal,
    });
  const byDist = groupBy(unlocked, (c) => c.distributorId);
  const dists = [...byDist.keys()];
  const regionBySku = new Map<number, number>();
  const regionByMonth = new Map<string, number>();
  for (const c of cells) {
    regionBySku.set(c.productId, (regionBySku.get(c.productId) ?? 0) + c.basis);
    regionByMonth.set(c.month, (regionByMonth.get(c.month) ?? 0) + c.basis);
  }
  const distTotals = largestRemainderOld(
    total - lockedTotal,
    dists.map((d) => sum(byDist.get(d)!, (c) => c.basis)),
  );
  dists.forEach((d, i) => {
    const dCells = byDist.get(d)!;
    const bySku = groupBy(dCells, (c) => c.productId);
    const skus = [...bySku.keys()];
    const own = skus.map((s) => sum(bySku.get(s)!, (c) => c.basis));
    const mix = own.some((v) => v > 0) ? own : skus.map((s) => regionBySku.get(s) ?? 0);
    largestRemainderOld(distTotals[i]!, mix).forEach((skuTotal, j) => {
      const months = bySku.get(skus[j]!)!;
      const profile = months.map((c) => c.basis);
      const weights = profile.some((v) => v > 0) ? profile : months.map((c) => regionByMonth.get(c.month) ?? 0);
      largestRemainderOld(skuTotal, weights).forEach((v, k) => (months[k]!.target = v));
    });
  });
}

/** The cells of an edited node and of its parent: siblings absorb the change so the parent's total holds. */
export function nodeAndParentOld(cells: Cell[], at: Level): { node: Cell[]; parent: Cell[] } {
  switch (at.level) {
    case 'distributor': {
      const parent = cells.filter((c) => c.brand === at.brand);
      return { node: parent.filter((c) => c.distributorId === at.distributorId), parent };
    }
    case 'sku': {
      const brand = cells.find((c) => c.productId === at.productId)?.brand;
      const parent = cells.filter((c) => c.distributorId === at.distributorId && c.brand === brand);
      return { node: parent.filter((c) => c.productId === at.productId), parent };
    }
    case 'cell': {
      const parent = cells.filter((c) => c.distributorId === at.distributorId && c.productId === at.productId);
      return { node: parent.filter((c) => c.month === at.month), parent };
    }
  }
}

/**
 * Edits one node to a new total. Its unlocked cells take the new total (in proportion), its
 * unlocked siblings give or take the difference (in proportion), so every level above keeps its
 * total. All or nothing: when the change cannot be absorbed, nothing moves.
 */
export function editNodeOld(cells: Cell[], at: Level, value: number): void {
  const { node, parent } = nodeAndParentOld(cells, at);
  if (node.length === 0) throw new CascadeError('targetNothingToEdit', 'Nothing to edit there');
  const before = parent.map((c) => c.target);
  const parentTotal = sum(parent);
  const siblings = parent.filter((c) => !node.includes(c));
  try {
    if (siblings.length === 0 && value !== parentTotal)
      throw new CascadeError('targetOnlyPart', 'This is the only part of its total: change the total above it instead');
    setGroupTotalOld(node, value, 'node');
    setGroupTotalOld(siblings, parentTotal - value, 'rest');
  } catch (error) {
    parent.forEach((c, i) => (c.target = before[i]!));
    throw error;
  }
}

/** Sets a target line's total (a brand or SKU at region level) and re-spreads it over unlocked cells. */
export function setLineTotalOld(cells: Cell[], value: number): void {
  setGroupTotalOld(cells, value, 'line');
}

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
