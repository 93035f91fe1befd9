import { exportWords, type ExportLanguage } from '../../shared/exports/words.js';
import type { Db } from '../db/open.js';
import { newWorkbook, workbookFile, writeTable } from '../export/workbook.js';
import { viewPlan } from './service.js';

/** The distributor's target sheet for the meeting: SKU by month, natural beside target, with totals. */
export async function exportTargetSheet(db: Db, planId: number, distributorId: number, language: ExportLanguage = 'en') {
  const w = exportWords(language);
  const view = viewPlan(db, planId, distributorId);
  const d = view.distributors.find((x) => x.distributorId === distributorId);
  const wb = newWorkbook();
  const sheet = wb.addWorksheet(w('targetSheet'), {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.getCell('A1').value = `${view.plan.name} · ${view.plan.regionName} · ${w('peak', { year: view.plan.seasonYear })}`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = d ? `${d.name} (${d.code})` : `#${distributorId}`;
  sheet.getCell('A2').font = { bold: true };
  if (d) {
    sheet.getRow(3).values = [w('natural'), d.natural, w('target'), d.target, w('growthNeeded'), d.growth, w('newOutlets'), d.newOutlets];
    for (const c of [2, 4, 6, 8]) sheet.getRow(3).getCell(c).numFmt = '#,##0';
  }
  const months = view.plan.months;
  const skus = view.skus ?? [];
  writeTable(
    sheet,
    [
      { header: w('sku'), width: 14 },
      { header: w('product'), width: 34 },
      ...months.flatMap((m) => [
        { header: w('monthNatural', { month: m }), kind: 'int' as const, total: true, width: 12 },
        { header: w('monthTarget', { month: m }), kind: 'int' as const, total: true, width: 12 },
      ]),
      { header: w('natural'), kind: 'int', total: true, width: 12 },
      { header: w('target'), kind: 'int', total: true, width: 12 },
      { header: w('growth'), kind: 'int', total: true, width: 12 },
    ],
    skus.map((s) => {
      const natural = s.months.reduce((a, m) => a + m.natural, 0);
      const target = s.months.reduce((a, m) => a + m.target, 0);
      return [s.sku, s.name, ...s.months.flatMap((m) => [m.natural, m.target]), natural, target, target - natural];
    }),
    { startRow: 5, totalLabel: w('total'), freezeColumns: 2 },
  );
  return workbookFile(wb, `target-sheet-${d?.code ?? distributorId}-${view.plan.seasonYear}.xlsx`, skus.length);
}
