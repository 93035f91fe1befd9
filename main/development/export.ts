import type { ExportedFile } from '../../shared/contract/development.js';
import { INDICATORS } from '../../shared/domain/development.js';
import { exportWords, type ExportLanguage } from '../../shared/exports/words.js';
import type { Db } from '../db/open.js';
import { newWorkbook, workbookFile, writeTable } from '../export/workbook.js';
import { getDayRoute } from './dayRoutes.js';
import { computeScorecard } from './evaluations.js';
import type { RegionScope } from '../people/readScope.js';

/**
 * The day sheet a salesperson takes on the road: stops in route order with the leg distances, and
 * empty columns to note the outcome by hand where the laptop stays in the car.
 */
export async function exportDaySheet(db: Db, salespersonId: number, day: string, language: ExportLanguage = 'en'): Promise<ExportedFile> {
  const w = exportWords(language);
  const route = getDayRoute(db, salespersonId, day);
  const wb = newWorkbook();
  const ws = wb.addWorksheet(`${w('route')} ${day}`, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' },
  });
  ws.getCell('A1').value = w('dayRoute', { name: route.salespersonName, day });
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A2').value =
    route.km === null ? w('distanceUnknown') : `${w('distance', { km: route.km.toFixed(1) })}${route.optimized ? w('optimised') : ''}`;
  writeTable(
    ws,
    [
      { header: '#', kind: 'int', width: 5 },
      { header: w('type'), width: 12 },
      { header: w('code'), width: 12 },
      { header: w('outlet'), width: 30 },
      { header: w('address'), width: 36 },
      { header: w('area'), width: 16 },
      { header: w('stage'), width: 14 },
      { header: w('competitor'), width: 14 },
      { header: w('legKm'), kind: 'decimal', width: 10, total: true },
      { header: w('outcome'), width: 18 },
      { header: w('nextStep'), width: 30 },
      { header: w('contact'), width: 28 },
      { header: w('phone'), width: 18 },
    ],
    route.stops.map((s) => [
      s.position,
      w(`type.${s.outletType}`),
      s.code,
      s.name,
      s.address,
      s.areaName,
      s.stage ? w(`stage.${s.stage}`) : '',
      s.competitorBrand,
      s.legKm,
      s.visit?.outcome ? w(`outcome.${s.visit.outcome}`) : '',
      '',
      s.contacts.map((c) => (c.role ? `${c.name} (${c.role})` : c.name)).join('; '),
      s.contacts
        .map((c) => c.phone)
        .filter(Boolean)
        .join('; '),
    ]),
    { startRow: 4, totalLabel: w('total') },
  );
  return workbookFile(wb, `day-route-${day}-${salespersonId}.xlsx`, route.stops.length);
}

/** The month-end scorecard as the manager files it: plan, actual and fulfilment per indicator, total, rank, decision. */
export async function exportScorecard(
  db: Db,
  month: string,
  regionId?: number,
  language: ExportLanguage = 'en',
  scope: RegionScope = null,
): Promise<ExportedFile> {
  const w = exportWords(language);
  const card = computeScorecard(db, month, regionId, scope);
  const wb = newWorkbook();
  const indicator = (k: (typeof INDICATORS)[number]) => w(`indicator.${k}`);
  writeTable(
    wb.addWorksheet(`${w('scorecard')} ${month}`),
    [
      { header: w('region') },
      { header: w('salesperson') },
      { header: w('planStatus') },
      ...INDICATORS.flatMap((k) => [
        { header: w('plan', { indicator: indicator(k) }), kind: 'int' as const, total: true },
        { header: w('actual', { indicator: indicator(k) }), kind: 'int' as const, total: true },
        { header: w('fulfilment', { indicator: indicator(k) }), kind: 'percent' as const },
      ]),
      { header: w('totalScore'), kind: 'percent' },
      { header: w('rank'), kind: 'int' },
      { header: w('team'), kind: 'int' },
      { header: w('suggested') },
      { header: w('decision') },
      { header: w('note'), width: 40 },
    ],
    card.rows.map((r) => [
      r.regionName,
      r.salespersonName,
      w(`status.${r.planStatus ?? 'none'}`),
      ...INDICATORS.flatMap((k) => [r.plan ? r.plan[k] : null, r.actual[k], r.fulfilment[k]]),
      r.total,
      r.rank,
      r.teamSize,
      w(`decision.${r.suggestion}`),
      r.decision ? w(`decision.${r.decision}`) : '',
      r.note,
    ]),
    { totalLabel: w('total'), freezeColumns: 2 },
  );
  // each region's weights and lines: every region's manager sets their own
  writeTable(
    wb.addWorksheet(w('weights')),
    [{ header: w('region') }, { header: w('indicator'), width: 34 }, { header: w('weight'), kind: 'decimal' }],
    card.rules.flatMap(({ regionName, settings }) => [
      ...INDICATORS.map((k) => [regionName, indicator(k), settings.weights[k]]),
      [regionName, w('rewardAtOrAbove'), settings.thresholds.reward],
      [regionName, w('penaltyBelow'), settings.thresholds.penalty],
      [regionName, w('cap'), settings.cap],
    ]),
  );
  return workbookFile(wb, `scorecard-${month}.xlsx`, card.rows.length);
}
