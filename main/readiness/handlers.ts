import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { readinessContract } from '../../shared/contract/readiness.js';
import { neutraliseFormula } from '../../shared/domain/importing.js';
import type { FeatureHandlers } from '../api/handlers-type.js';
import { requireRow } from '../db/sql.js';
import { acceptPlan, readinessBoard, readinessCell, readinessSettings, saveReadinessSettings, setCapacity, setStock } from './service.js';

export const readinessHandlers = {
  'readiness.board': ({ db }, filter) => readinessBoard(db, filter),
  'readiness.cell': ({ db }, { distributorId, productId }) => readinessCell(db, distributorId, productId),
  'readiness.settings': ({ db }) => readinessSettings(db),
  'readiness.saveSettings': ({ db }, settings) => saveReadinessSettings(db, settings),
  'readiness.setCapacity': ({ db }, { regionId, casesPerWeek }) => {
    requireRow(db, 'regions', regionId, 'regionId', 'Region');
    return setCapacity(db, regionId, casesPerWeek);
  },
  'readiness.acceptPlan': ({ db }) => acceptPlan(db),
  'readiness.exportPlan': async ({ db }, { format }) => {
    const board = readinessBoard(db, {});
    const headers = ['ship_week', 'arrival_week', 'distributor', 'sku', 'cases', 'pallets'];
    const rows = board.plan.map((l) => [l.shipWeek, l.arrivalWeek, neutraliseFormula(l.distributorName), neutraliseFormula(l.sku), l.cases, l.pallets]);
    const stamp = board.today;
    if (format === 'csv') {
      const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(Papa.unparse({ fields: headers, data: rows }, { newline: '\r\n' }))]);
      return { fileName: `prebuild-plan-${stamp}.csv`, mimeType: 'text/csv', contentBase64: csv.toString('base64'), rows: rows.length };
    }
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Pre-build plan');
    sheet.addRow(['Ship week', 'Arrival week', 'Distributor', 'SKU', 'Cases', 'Pallets']).font = { bold: true };
    for (const r of rows) sheet.addRow(r);
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    [12, 12, 36, 18, 10, 10].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
    return {
      fileName: `prebuild-plan-${stamp}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
      rows: rows.length,
    };
  },
  'stock.set': ({ db }, input) => {
    requireRow(db, 'distributors', input.distributorId, 'distributorId', 'Distributor');
    requireRow(db, 'products', input.productId, 'productId', 'Product');
    return setStock(db, input);
  },
} satisfies FeatureHandlers<typeof readinessContract>;
