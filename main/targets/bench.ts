import type { Db } from '../db/open.js';
import { cascadeLineColumns, ColumnsBuilder, editNodeColumns, type CellColumns } from './columns.js';

/**
 * The cascade at national scale, in memory as a whole pass runs it: every brand's peak target spread
 * over every distributor x SKU x peak month with forecasts, then one distributor edit per brand.
 * The cells stream from SQLite into columns (main/targets/columns.ts), never one object per cell.
 */
export function benchmarkCascade(db: Db): { cells: number } {
  const cols = readForecastCells(db);
  for (const [brand, line] of linesByBrand(cols)) {
    let natural = 0;
    for (let k = 0; k < line.length; k++) natural += cols.natural[line[k]!]!;
    cascadeLineColumns(cols, line, Math.round(natural * 1.1));
    const first = cols.distributor[line[0]!]!;
    let distTotal = 0;
    for (let k = 0; k < line.length; k++) if (cols.distributor[line[k]!] === first) distTotal += cols.target[line[k]!]!;
    editNodeColumns(cols, line, { level: 'distributor', distributorId: cols.distributorIds[first]!, brand }, distTotal + 100);
  }
  return { cells: cols.length };
}

/**
 * Every forecast cell in the first region's peak months, streamed row by row into columns. The months
 * are named (each peak month of every forecast year) so SQLite seeks them in its month index instead
 * of testing every forecast row; the rows come in the same order as a scan of that index gives.
 */
function readForecastCells(db: Db): CellColumns {
  const brandOf = new Map(db.prepare('SELECT id, brand FROM products').raw().all() as Array<[number, string]>);
  const [first, last] = db.prepare('SELECT min(month), max(month) FROM forecast_values').raw().get() as [string | null, string | null];
  const peak = db.prepare('SELECT month FROM region_peak_months WHERE region_id = (SELECT min(id) FROM regions)').pluck().all() as number[];
  const months: string[] = [];
  if (first && last)
    for (let year = Number(first.slice(0, 4)); year <= Number(last.slice(0, 4)); year++)
      for (const m of peak) months.push(`${year}-${String(m).padStart(2, '0')}`);
  const rows = db
    .prepare(
      `SELECT distributor_id, product_id, month, round(point) FROM forecast_values
       WHERE month IN (SELECT value FROM json_each(?))`,
    )
    .raw()
    .iterate(JSON.stringify(months)) as IterableIterator<[number, number, string, number]>;
  const builder = new ColumnsBuilder(1 << 16);
  for (const [d, p, month, natural] of rows) builder.add(d, p, brandOf.get(p) ?? '', month, 0, natural, natural, false);
  return builder.finish();
}

/** Each brand's cells in the order they were read, brands in the order their first cell came. */
function linesByBrand(cols: CellColumns): Array<[string, Int32Array]> {
  const count = new Int32Array(cols.brands.length);
  for (let i = 0; i < cols.length; i++) count[cols.brand[i]!]!++;
  const lines = cols.brands.map((_, b) => new Int32Array(count[b]!));
  const fill = new Int32Array(cols.brands.length);
  for (let i = 0; i < cols.length; i++) {
    const b = cols.brand[i]!;
    lines[b]![fill[b]!++] = i;
  }
  return cols.brands.map((brand, b) => [brand, lines[b]!]);
}
