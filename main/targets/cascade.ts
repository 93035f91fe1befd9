/**
 * The target cascade: a peak-season volume target broken down to distributor x SKU x month in
 * whole cases, edited at any level while every total stays exact and locked cells never move.
 * Pure and synchronous: the L region (300 distributors x ~40 SKUs x 5 peak months) is ~60,000 cells.
 */
import { allCells, cascadeLineColumns, columnsOf, editNodeColumns, setGroupTotalColumns, splitInto, type CellColumns } from './columns.js';
import { type Group } from './refusals.js';

export { CascadeError } from './refusals.js';

export interface Cell {
  distributorId: number;
  productId: number;
  brand: string;
  month: string;
  target: number;
  /** Natural volume: the forecast with no extra effort. */
  natural: number;
  /** What the allocation is proportional to (forecast or last year's actuals). */
  basis: number;
  locked: boolean;
}

/**
 * Splits `total` into whole numbers proportional to `weights` with the largest-remainder method,
 * so the parts always add up exactly; equal parts when every weight is zero.
 */
export function largestRemainder(total: number, weights: number[]): number[] {
  const parts = Float64Array.from(weights);
  splitInto(total, parts, parts.length, parts);
  return Array.from(parts);
}

/**
 * Sets the total of a group of cells, moving only the unlocked ones, in proportion to what they
 * hold now (or to their basis when they hold nothing).
 */
export function setGroupTotal(cells: Cell[], total: number, group: Group): void {
  onColumns(cells, (cols, all) => setGroupTotalColumns(cols, all, total, group));
}

export const sum = (cells: Cell[], pick: (c: Cell) => number = (c) => c.target) => cells.reduce((a, c) => a + pick(c), 0);

/**
 * The initial cascade of one target line (a brand or a SKU): to distributors by their share of
 * the basis, to SKUs by each distributor's own mix, to months by each distributor's own seasonal
 * profile, falling back to the region's mix and profile where a distributor has no basis.
 */
export function cascadeLine(cells: Cell[], total: number): void {
  onColumns(cells, (cols, all) => cascadeLineColumns(cols, all, total));
}

export type Level =
  | { level: 'distributor'; distributorId: number; brand: string }
  | { level: 'sku'; distributorId: number; productId: number }
  | { level: 'cell'; distributorId: number; productId: number; month: string };

/** The cells of an edited node and of its parent: siblings absorb the change so the parent's total holds. */
export function nodeAndParent(cells: Cell[], at: Level): { node: Cell[]; parent: Cell[] } {
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
export function editNode(cells: Cell[], at: Level, value: number): void {
  onColumns(cells, (cols, all) => editNodeColumns(cols, all, at, value));
}

/**
 * Runs a columnar step (main/targets/columns.ts) on objects: the cells become columns, and their
 * targets are written back only when the step succeeds (a refused step leaves them as they were).
 */
function onColumns(cells: Cell[], step: (cols: CellColumns, all: Int32Array) => void): void {
  const cols = columnsOf(cells);
  step(cols, allCells(cols));
  cells.forEach((c, i) => (c.target = cols.target[i]!));
}

/** Sets a target line's total (a brand or SKU at region level) and re-spreads it over unlocked cells. */
export function setLineTotal(cells: Cell[], value: number): void {
  setGroupTotal(cells, value, 'line');
}

/**
 * Growth needed = target - natural, and where it must come from (per distributor, peak months):
 * new outlets bring their target count times the distributor's natural volume per active outlet;
 * SKU mix is the part of the target above each SKU's proportional share of the natural volume
 * scaled to the target (volume moved towards SKUs the plan pushes); existing outlets carry the rest.
 */
export function growthSplit(
  target: number,
  natural: number,
  bySku: Array<{ target: number; natural: number }>,
  newOutlets: number,
  volumePerOutlet: number,
) {
  const growth = target - natural;
  const fromNewOutlets = Math.max(0, Math.min(Math.max(growth, 0), Math.round(newOutlets * volumePerOutlet)));
  const scale = natural > 0 ? target / natural : 1;
  const fromMix = Math.max(
    0,
    Math.min(Math.max(growth, 0) - fromNewOutlets, Math.round(bySku.reduce((a, s) => a + Math.max(0, s.target - s.natural * scale), 0))),
  );
  return { growth, fromNewOutlets, fromMix, fromExisting: growth - fromNewOutlets - fromMix };
}
