import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(120_000);

test('a coordinator imports stock, sees a distributor turn red when its forecast rises, accepts and exports the plan', async ({ app, server }) => {
  // The first distributor and its biggest SKU, read from the database the app uses.
  const db = new Database(server.dbPath, { readonly: true });
  const cell = db
    .prepare(
      `SELECT d.id AS distributorId, d.code, d.name, p.sku, p.id AS productId FROM forecast_series f JOIN distributors d ON d.id = f.distributor_id
       JOIN products p ON p.id = f.product_id ORDER BY f.recent_volume DESC LIMIT 1`,
    )
    .get() as { distributorId: number; code: string; name: string; sku: string; productId: number };
  db.close();

  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Stock readiness' }).click();
  await expect(app.getByRole('table', { name: 'Readiness by distributor and SKU' })).toBeVisible({ timeout: 20_000 });

  // Import a stock count for that cell.
  const file = join(tmpdir(), 'stock.csv');
  writeFileSync(file, `distributor,sku,date,cases\n${cell.code},${cell.sku},${new Date().toISOString().slice(0, 10)},500\n`);
  await app.getByRole('button', { name: 'Import stock counts…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Import stock counts' });
  await dialog.getByLabel('Spreadsheet file (CSV or Excel)').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  await dialog.getByRole('button', { name: 'Import 1 rows' }).click();
  await expect(dialog.getByText(/Imported: \d new, \d updated/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  // Shipping is tight: raise the distributor's forecast for the peak tenfold and it turns red.
  const row = app.getByRole('row', { name: new RegExp(cell.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await app.getByRole('tab', { name: 'Rules and capacity' }).click();
  for (const input of await app.getByRole('spinbutton', { name: /Shipping capacity of/ }).all()) {
    await input.fill('100');
    await input.blur();
  }
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Forecast' }).click();
  await app.getByLabel('Distributor').selectOption({ label: `${cell.name} (${cell.code})` });
  const table = app.getByRole('table', { name: 'Forecast by month' });
  const peakRow = table.getByRole('row').filter({ has: app.getByText('Peak', { exact: true }) }).first();
  await peakRow.getByRole('button', { name: /Agree a number for/ }).click();
  const agree = app.getByRole('dialog', { name: /Agree a number for/ });
  await agree.getByLabel('Enter as').selectOption('percent');
  await agree.getByLabel('Change (%)').fill('900');
  await agree.getByLabel('Reason (who agreed, why)').fill('New supermarket chain listing for the peak');
  await agree.getByRole('button', { name: 'Save agreed number' }).click();
  await expect(agree).toBeHidden();

  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Stock readiness' }).click();
  await app.getByRole('tab', { name: 'Board' }).click();
  await expect(row.getByRole('img', { name: /Short|Runs out|Only/ }).first()).toBeVisible({ timeout: 20_000 });
  await app.getByRole('tab', { name: /Who is short/ }).click();
  await expect(app.getByRole('table', { name: 'Who is short of what and when' }).getByRole('row', { name: new RegExp(cell.sku) }).first()).toBeVisible();

  // Accept the plan and export it for the warehouse.
  await app.getByRole('button', { name: 'Accept plan…' }).click();
  await app.getByRole('dialog', { name: 'Accept the pre-build plan?' }).getByRole('button', { name: 'Accept plan' }).click();
  await expect(app.getByText(/planned shipments created/)).toBeVisible();
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export plan XLSX' }).click();
  expect((await download).suggestedFilename()).toMatch(/^prebuild-plan-.*\.xlsx$/);
});
