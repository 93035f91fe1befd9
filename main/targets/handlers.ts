import ExcelJS from 'exceljs';
import type { targetsContract } from '../../shared/contract/targets.js';
import { neutraliseFormula } from '../../shared/domain/importing.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import {
  achievement,
  comparePlans,
  createPlan,
  deletePlan,
  editTarget,
  listPlans,
  lockCells,
  saveVersion,
  setAgreed,
  setLine,
  suggest,
  viewPlan,
} from './service.js';
import { scopeOf } from '../people/readScope.js';

export const targetsHandlers = {
  'targets.plans': (ctx) => listPlans(ctx.db, scopeOf(ctx)),
  'targets.suggest': ({ db }, { regionId, seasonYear }) => suggest(db, regionId, seasonYear),
  'targets.create': ({ db }, input) => createPlan(db, input),
  'targets.view': ({ db }, { planId, distributorId, brand }) => viewPlan(db, planId, distributorId, brand),
  'targets.edit': ({ db }, { planId, at, value, confirm }) => editTarget(db, planId, at, value, confirm),
  'targets.setLine': ({ db }, { planId, brand, productId, value, confirm }) => setLine(db, planId, brand, productId, value, confirm),
  'targets.lock': ({ db }, { planId, distributorId, productId, month, locked }) =>
    lockCells(db, planId, distributorId, productId, month, locked),
  'targets.setAgreed': ({ db }, { planId, distributorId, brand, cases }) => setAgreed(db, planId, distributorId, brand, cases),
  'targets.saveVersion': ({ db }, { planId, name, status }) => saveVersion(db, planId, name, status),
  'targets.compare': ({ db }, { planId, otherId }) => comparePlans(db, planId, otherId),
  'targets.achievement': ({ db }, { planId, by }) => achievement(db, planId, by),
  'targets.delete': ({ db }, { planId }) => deletePlan(db, planId),
  /** The distributor's target sheet for the meeting: SKU by month, natural beside target. */
  'targets.exportSheet': async ({ db }, { planId, distributorId }) => {
    const view = viewPlan(db, planId, distributorId);
    const d = view.distributors.find((x) => x.distributorId === distributorId);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Off-season Planner';
    const sheet = wb.addWorksheet('Target sheet');
    sheet.addRow([`${view.plan.name} · ${view.plan.regionName} · peak ${view.plan.seasonYear}`]).font = { bold: true, size: 14 };
    sheet.addRow([neutraliseFormula(d ? `${d.name} (${d.code})` : `#${distributorId}`)]).font = { bold: true };
    if (d) sheet.addRow(['Natural volume', d.natural, 'Target', d.target, 'Growth needed', d.growth, 'New outlets', d.newOutlets]);
    sheet.addRow([]);
    const months = view.plan.months;
    sheet.addRow(['SKU', 'Product', ...months.flatMap((m) => [`${m} natural`, `${m} target`]), 'Natural', 'Target', 'Growth']).font = {
      bold: true,
    };
    for (const s of view.skus ?? []) {
      const natural = s.months.reduce((a, m) => a + m.natural, 0);
      const target = s.months.reduce((a, m) => a + m.target, 0);
      sheet.addRow([
        neutraliseFormula(s.sku),
        neutraliseFormula(s.name),
        ...s.months.flatMap((m) => [m.natural, m.target]),
        natural,
        target,
        target - natural,
      ]);
    }
    sheet.getColumn(2).width = 34;
    return {
      fileName: `target-sheet-${d?.code ?? distributorId}-${view.plan.seasonYear}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
      rows: view.skus?.length ?? 0,
    };
  },
} satisfies FeatureHandlers<typeof targetsContract>;
