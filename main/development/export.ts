import ExcelJS from 'exceljs';
import type { ExportedFile } from '../../shared/contract/development.js';
import { INDICATORS } from '../../shared/domain/development.js';
import { neutraliseFormula } from '../../shared/domain/importing.js';
import type { Db } from '../db/open.js';
import { getDayRoute } from './dayRoutes.js';
import { computeScorecard, INDICATOR_LABELS } from './evaluations.js';
import type { RegionScope } from '../people/readScope.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const text = (v: string | null | undefined) => (v == null ? '' : neutraliseFormula(v));

async function toFile(wb: ExcelJS.Workbook, fileName: string, rows: number): Promise<ExportedFile> {
  return { fileName, mimeType: XLSX, contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), rows };
}

/**
 * The day sheet a salesperson takes on the road: stops in route order with the leg distances, and
 * empty columns to note the outcome by hand where the laptop stays in the car.
 */
export async function exportDaySheet(db: Db, salespersonId: number, day: string): Promise<ExportedFile> {
  const route = getDayRoute(db, salespersonId, day);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Route ${day}`, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([`Day route: ${route.salespersonName}, ${day}`]).font = { bold: true, size: 13 };
  ws.addRow([
    route.km === null
      ? 'Distance: not known (outlets without coordinates)'
      : `Distance: ${route.km.toFixed(1)} km${route.optimized ? ' (optimised order)' : ''}`,
  ]);
  ws.addRow([]);
  ws.addRow([
    '#',
    'Type',
    'Code',
    'Outlet',
    'Address',
    'Area',
    'Stage',
    'Competitor',
    'Leg (km)',
    'Outcome',
    'Next step',
    'Contact',
    'Phone',
  ]).font = {
    bold: true,
  };
  for (const s of route.stops) {
    ws.addRow([
      s.position,
      s.outletType === 'sub_dealer' ? 'Sub-dealer' : 'Terminal',
      text(s.code),
      text(s.name),
      text(s.address),
      text(s.areaName),
      s.stage ?? '',
      text(s.competitorBrand),
      s.legKm ?? '',
      s.visit?.outcome ?? '',
      '',
      text(s.contacts.map((c) => (c.role ? `${c.name} (${c.role})` : c.name)).join('; ')),
      text(
        s.contacts
          .map((c) => c.phone)
          .filter(Boolean)
          .join('; '),
      ),
    ]);
  }
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  [5, 11, 12, 30, 36, 16, 12, 14, 10, 16, 30, 28, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(9).numFmt = '0.0';
  return toFile(wb, `day-route-${day}-${salespersonId}.xlsx`, route.stops.length);
}

/** The month-end scorecard as the manager files it: plan, actual and fulfilment per indicator, total, rank, decision. */
export async function exportScorecard(db: Db, month: string, regionId?: number, scope: RegionScope = null): Promise<ExportedFile> {
  const card = computeScorecard(db, month, regionId, scope);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Scorecard ${month}`);
  const header = ['Region', 'Salesperson', 'Plan status'];
  for (const k of INDICATORS)
    header.push(`${INDICATOR_LABELS[k]}: plan`, `${INDICATOR_LABELS[k]}: actual`, `${INDICATOR_LABELS[k]}: fulfilment`);
  header.push('Total score', 'Rank', 'Team', 'Suggested', 'Decision', 'Note');
  ws.addRow(header).font = { bold: true };
  for (const r of card.rows) {
    const cells: Array<string | number | null> = [text(r.regionName), text(r.salespersonName), r.planStatus ?? 'no plan'];
    for (const k of INDICATORS) cells.push(r.plan ? r.plan[k] : null, r.actual[k], r.fulfilment[k]);
    cells.push(r.total, r.rank, r.teamSize, r.suggestion, r.decision ?? '', text(r.note));
    ws.addRow(cells);
  }
  INDICATORS.forEach((_, i) => (ws.getColumn(4 + i * 3 + 2).numFmt = '0%'));
  ws.getColumn(4 + INDICATORS.length * 3).numFmt = '0%';
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  const weights = wb.addWorksheet('Weights');
  weights.addRow(['Indicator', 'Weight']).font = { bold: true };
  for (const k of INDICATORS) weights.addRow([INDICATOR_LABELS[k], card.settings.weights[k]]);
  weights.addRow([]);
  weights.addRow(['Reward at or above', card.settings.thresholds.reward]);
  weights.addRow(['Penalty below', card.settings.thresholds.penalty]);
  weights.addRow(['Over-fulfilment counted up to', card.settings.cap]);
  return toFile(wb, `scorecard-${month}.xlsx`, card.rows.length);
}
