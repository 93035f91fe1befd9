import { toCsv } from '../export/csv.js';
import { newWorkbook, workbookFile, writeTable } from '../export/workbook.js';
import { exportWords, type ExportLanguage } from '../../shared/exports/words.js';
import { now } from '../../shared/domain/clock.js';
import { neutraliseFormula } from '../../shared/domain/importing.js';
import type { Db } from '../db/open.js';
import { planLines, readinessToday, shortfallLines, type ScopedFilter } from './service.js';

/**
 * The pre-build plan for the warehouse, in the order it works (ship week, distributor, SKU), and who
 * is short of what and when: in the workbook on a second sheet, in the CSV as lines of their own
 * after the shipments (one table, so a warehouse system or a pivot reads both). In the user's language.
 */
export async function exportPlan(db: Db, filter: ScopedFilter & { format: 'csv' | 'xlsx'; language?: ExportLanguage }, today = now()) {
  const w = exportWords(filter.language ?? 'en');
  const c = readinessToday(db, today);
  const lines = planLines(c, filter);
  const shortfalls = shortfallLines(c, filter);
  const yesNo = (v: boolean) => w(v ? 'yes' : 'no');
  const why = (s: (typeof shortfalls)[number]) => w(`reason.${s.reason}`);
  const stamp = c.grid.weeks[0]!;
  if (filter.format === 'csv') {
    const headers = [
      w('line'),
      w('shipWeek'),
      w('isoWeek'),
      w('arrivalWeek'),
      w('distributorCode'),
      w('distributor'),
      w('sku'),
      w('product'),
      w('cases'),
      w('pallets'),
      w('keyAccount'),
      w('neededBy'),
      w('casesShort'),
      w('why'),
      w('alsoBinding'),
    ];
    const rows: Array<Array<string | number>> = lines.map((l) => [
      w('planned'),
      l.shipWeek,
      l.shipWeekLabel,
      l.arrivalWeek,
      neutraliseFormula(l.distributorCode),
      neutraliseFormula(l.distributorName),
      neutraliseFormula(l.sku),
      neutraliseFormula(l.productName),
      l.cases,
      l.pallets,
      yesNo(l.keyAccount),
      '',
      '',
      '',
      '',
    ]);
    for (const s of shortfalls) {
      const d = c.distById.get(s.distributorId);
      rows.push([
        w('short'),
        '',
        '',
        '',
        neutraliseFormula(d?.code ?? ''),
        neutraliseFormula(s.distributorName),
        neutraliseFormula(s.sku),
        neutraliseFormula(c.products.get(s.productId)?.name ?? ''),
        '',
        '',
        yesNo(s.keyAccount),
        // the peak's stock is needed by the peak's first day, the date the board and the dashboard say
        s.peakStart ?? s.dueWeek,
        s.cases,
        why(s),
        s.also ? w(`reason.${s.also}`) : '',
      ]);
    }
    // with a BOM, so Excel opens names in any script correctly
    const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(headers, rows))]);
    return { fileName: `prebuild-plan-${stamp}.csv`, mimeType: 'text/csv', contentBase64: csv.toString('base64'), rows: rows.length };
  }
  const wb = newWorkbook();
  writeTable(
    wb.addWorksheet(w('planSheet')),
    [
      { header: w('shipWeek'), kind: 'date' },
      { header: w('isoWeek') },
      { header: w('arrivalWeek'), kind: 'date' },
      { header: w('distributorCode') },
      { header: w('distributor') },
      { header: w('sku') },
      { header: w('product') },
      { header: w('cases'), kind: 'int', total: true },
      { header: w('pallets'), kind: 'int', total: true },
      { header: w('keyAccount') },
    ],
    lines.map((l) => [
      l.shipWeek,
      l.shipWeekLabel,
      l.arrivalWeek,
      l.distributorCode,
      l.distributorName,
      l.sku,
      l.productName,
      l.cases,
      l.pallets,
      yesNo(l.keyAccount),
    ]),
    { totalLabel: w('total') },
  );
  writeTable(
    wb.addWorksheet(w('shortSheet')),
    [
      { header: w('neededBy'), kind: 'date' },
      { header: w('distributor') },
      { header: w('keyAccount') },
      { header: w('sku') },
      { header: w('casesShort'), kind: 'int', total: true },
      { header: w('why'), width: 60 },
      { header: w('alsoBinding'), width: 40 },
    ],
    shortfalls.map((s) => [
      s.peakStart ?? s.dueWeek,
      s.distributorName,
      yesNo(s.keyAccount),
      s.sku,
      s.cases,
      why(s),
      s.also ? w(`reason.${s.also}`) : '',
    ]),
    { totalLabel: w('total') },
  );
  return workbookFile(wb, `prebuild-plan-${stamp}.xlsx`, lines.length);
}
