import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { addMonths, calendarMonth, monthIndex } from '../../shared/domain/months.js';
import { forecastSeries } from './engine/forecast.js';

export class CsvInputError extends Error {}

interface Series {
  id: string;
  points: Map<string, { value: number; line: number }>;
}

/**
 * Reads `series_id,period,value` (period YYYY-MM). Every problem names its line. A month missing
 * inside a series is a month with zero volume (shipments not recorded are shipments not made); it is
 * filled with 0 and reported as a warning. Duplicate months are an error.
 */
export function readHistoryCsv(text: string): { series: Series[]; warnings: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  for (const required of ['series_id', 'period', 'value']) {
    if (!fields.includes(required))
      throw new CsvInputError(`Line 1: missing column "${required}" (the header must be series_id,period,value)`);
  }
  const bad = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'TooFewFields');
  if (bad) throw new CsvInputError(`Line ${(bad.row ?? 0) + 2}: ${bad.message}`);
  const bySeries = new Map<string, Series>();
  parsed.data.forEach((row, i) => {
    const line = i + 2;
    const id = (row.series_id ?? '').trim();
    const period = (row.period ?? '').trim();
    const raw = (row.value ?? '').trim();
    if (!id) throw new CsvInputError(`Line ${line}: series_id is empty`);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new CsvInputError(`Line ${line}: period "${period}" is not a month like 2026-05`);
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value)) throw new CsvInputError(`Line ${line}: value "${raw}" is not a number`);
    if (value < 0) throw new CsvInputError(`Line ${line}: value ${raw} is negative; volumes cannot be`);
    let s = bySeries.get(id);
    if (!s) bySeries.set(id, (s = { id, points: new Map() }));
    const earlier = s.points.get(period);
    if (earlier) throw new CsvInputError(`Line ${line}: series ${id} already has ${period} (line ${earlier.line})`);
    s.points.set(period, { value, line });
  });
  const warnings: string[] = [];
  for (const s of bySeries.values()) {
    const months = [...s.points.keys()].sort();
    const missing: string[] = [];
    for (let m = months[0]!; m < months[months.length - 1]!; m = addMonths(m, 1)) if (!s.points.has(m)) missing.push(m);
    if (missing.length)
      warnings.push(
        `series ${s.id}: ${missing.length} month(s) missing inside the history (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}) read as 0`,
      );
  }
  return { series: [...bySeries.values()], warnings };
}

export function forecastCsv(series: Series[], horizon: number): string {
  const rows: Array<Array<string | number>> = [];
  for (const s of series) {
    const months = [...s.points.keys()].sort();
    const first = months[0]!;
    const length = monthIndex(months[months.length - 1]!) - monthIndex(first) + 1;
    const values = Array.from({ length }, (_, i) => s.points.get(addMonths(first, i))?.value ?? 0);
    const f = forecastSeries(values, { horizon, firstMonth: calendarMonth(first), seed: 1 });
    const start = addMonths(months[months.length - 1]!, 1);
    const r = (v: number) => Math.round(v * 100) / 100;
    for (let h = 0; h < horizon; h++)
      rows.push([s.id, addMonths(start, h), r(f.point[h]!), r(f.lo80[h]!), r(f.hi80[h]!), r(f.lo95[h]!), r(f.hi95[h]!), f.model]);
  }
  return (
    Papa.unparse({ fields: ['series_id', 'period', 'forecast', 'lo80', 'hi80', 'lo95', 'hi95', 'model'], data: rows }, { newline: '\n' }) +
    '\n'
  );
}

/** `npm run forecast -- --in history.csv --horizon 12 --out forecast.csv` */
export async function runForecastCommand(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: { in: { type: 'string' }, out: { type: 'string' }, horizon: { type: 'string', default: '12' } },
    }));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const horizon = Number(values.horizon);
  if (!values.in || !values.out) {
    console.error('Usage: npm run forecast -- --in history.csv --horizon 12 --out forecast.csv');
    return 2;
  }
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 60) {
    console.error('--horizon must be a whole number of months from 1 to 60');
    return 2;
  }
  try {
    const { series, warnings } = readHistoryCsv(readFileSync(values.in, 'utf8'));
    for (const w of warnings) console.error(`warning: ${w}`);
    const t0 = performance.now();
    writeFileSync(values.out, forecastCsv(series, horizon));
    console.log(
      `${series.length} series forecast ${horizon} months ahead in ${((performance.now() - t0) / 1000).toFixed(2)} s -> ${values.out}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CsvInputError) {
      console.error(`${values.in}: ${error.message}`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`Cannot read ${values.in}: no such file`);
      return 1;
    }
    throw error;
  }
}
