import ExcelJS from 'exceljs';
import { toCsv } from '../export/csv.js';
import type { ReadinessFilter } from '../../shared/contract/readiness.js';
import { now } from '../../shared/domain/clock.js';
import { neutraliseFormula } from '../../shared/domain/importing.js';
import type { Db } from '../db/open.js';
import { planLines, readinessToday, shortfallLines } from './service.js';

const REASON: Record<string, string> = {
  lead_time: 'Too late: the lead time does not allow it',
  shipping_capacity: "The region's weekly shipping capacity is taken by higher-priority accounts",
  group_capacity: "The SKU group's weekly shipping capacity is taken by higher-priority accounts",
  warehouse_capacity: "The distributor's warehouse is full",
  no_stock_count: 'No stock count: the stock was taken as zero',
};

/**
 * The pre-build plan for the warehouse, in the order it works (ship week, distributor, SKU); the
 * workbook adds who is short of what and when. Text cells are neutralised against formula injection.
 */
export async function exportPlan(db: Db, filter: ReadinessFilter & { format: 'csv' | 'xlsx' }, today = now()) {
  const c = readinessToday(db, today);
  const lines = planLines(c, filter);
  const headers = [
    'ship_week',
    'iso_week',
    'arrival_week',
    'distributor_code',
    'distributor',
    'sku',
    'product',
    'cases',
    'pallets',
    'key_account',
  ];
  const rows = lines.map((l) => [
    l.shipWeek,
    l.shipWeekLabel,
    l.arrivalWeek,
    neutraliseFormula(l.distributorCode),
    neutraliseFormula(l.distributorName),
    neutraliseFormula(l.sku),
    neutraliseFormula(l.productName),
    l.cases,
    l.pallets,
    l.keyAccount ? 'yes' : 'no',
  ]);
  const stamp = c.grid.weeks[0]!;
  if (filter.format === 'csv') {
    // with a BOM, so Excel opens names in any script correctly
    const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(headers, rows))]);
    return { fileName: `prebuild-plan-${stamp}.csv`, mimeType: 'text/csv', contentBase64: csv.toString('base64'), rows: rows.length };
  }
  const wb = new ExcelJS.Workbook();
  const plan = wb.addWorksheet('Pre-build plan');
  plan.addRow([
    'Ship week',
    'ISO week',
    'Arrival week',
    'Distributor code',
    'Distributor',
    'SKU',
    'Product',
    'Cases',
    'Pallets',
    'Key account',
  ]).font = { bold: true };
  for (const r of rows) plan.addRow(r);
  plan.views = [{ state: 'frozen', ySplit: 1 }];
  [12, 10, 12, 14, 34, 16, 30, 10, 10, 12].forEach((w, i) => (plan.getColumn(i + 1).width = w));
  const short = wb.addWorksheet('Who is short');
  short.addRow(['Needed by (week)', 'Distributor', 'Key account', 'SKU', 'Cases short', 'Why']).font = { bold: true };
  for (const s of shortfallLines(c, filter))
    short.addRow([
      s.dueWeek,
      neutraliseFormula(s.distributorName),
      s.keyAccount ? 'yes' : 'no',
      neutraliseFormula(s.sku),
      s.cases,
      REASON[s.reason],
    ]);
  short.views = [{ state: 'frozen', ySplit: 1 }];
  [16, 34, 12, 16, 12, 60].forEach((w, i) => (short.getColumn(i + 1).width = w));
  return {
    fileName: `prebuild-plan-${stamp}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    rows: rows.length,
  };
}
