import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, expect, test } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(180_000);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a coordinator imports stock, sees a distributor turn red when its forecast rises, accepts and exports the plan', async ({
  app,
  server,
}) => {
  // A distributor that is ready today, and its biggest SKU that is green.
  const board = await api(server, 'readiness.board', {});
  let target: { distributorId: number; code: string; name: string; sku: string; onHand: number } | null = null;
  for (const row of [...board.rows].reverse()) {
    if (row.counts.red > 0 || row.peakStart === null) continue;
    const detail = await api(server, 'readiness.distributor', { distributorId: row.distributorId });
    const green = detail.cells.filter((c) => c.status === 'green' && c.required > 50).sort((a, b) => b.required - a.required)[0];
    if (green) {
      target = {
        distributorId: row.distributorId,
        code: row.code,
        name: row.name,
        sku: green.sku,
        onHand: Math.max(green.onHand ?? 0, green.required),
      };
      break;
    }
  }
  expect(target, 'a distributor with a green SKU').not.toBeNull();
  const cell = target!;

  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Stock readiness' }).click();
  const matrix = app.getByRole('table', { name: 'Readiness by distributor and SKU' });
  await expect(matrix).toBeVisible({ timeout: 30_000 });

  // Import today's stock count for that SKU through the shared import machinery.
  const file = join(tmpdir(), `stock-${Date.now()}.csv`);
  writeFileSync(file, `distributor,sku,date,cases\n${cell.code},${cell.sku},${new Date().toISOString().slice(0, 10)},${cell.onHand}\n`);
  await app.getByRole('button', { name: 'Import stock counts…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Import stock counts' });
  await dialog.getByLabel('Spreadsheet file (CSV or Excel)').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  await dialog.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(dialog.getByText(/Imported: \d new, \d updated/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  // The board: open the distributor; nothing of it is short, and the SKU is ready with the count just imported.
  await matrix
    .getByRole('row', { name: new RegExp(escape(cell.name)) })
    .first()
    .click();
  const skus = app.getByRole('table', { name: `Every SKU of ${cell.name}` });
  const skuRow = skus.getByRole('row').filter({ has: app.getByRole('button', { name: cell.sku, exact: true }) });
  await expect(skuRow.getByText('Ready', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(skus.getByText('Short', { exact: true })).toHaveCount(0);
  await expect(skuRow.getByText(new Intl.NumberFormat('en').format(cell.onHand), { exact: true }).first()).toBeVisible();
  await skuRow.getByRole('button', { name: cell.sku, exact: true }).click();
  await expect(app.getByRole('img', { name: new RegExp(`Projected stock of ${escape(cell.sku)} at`) })).toBeVisible();

  // The distributor agrees a peak ten times the forecast (a consensus number on the forecast screen).
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Forecast' }).click();
  await app.getByLabel('Distributor').selectOption({ label: `${cell.name} (${cell.code})` });
  const table = app.getByRole('table', { name: 'Forecast by month' });
  const peakRow = table
    .getByRole('row')
    .filter({ has: app.getByText('Peak', { exact: true }) })
    .first();
  await peakRow.getByRole('button', { name: /Agree a number for/ }).click();
  const agree = app.getByRole('dialog', { name: /Agree a number for/ });
  await agree.getByLabel('Enter as').selectOption('percent');
  await agree.getByLabel('Change (%)').fill('900');
  await agree.getByLabel('Reason (who agreed, why)').fill('New supermarket chain listing for the peak');
  await agree.getByRole('button', { name: 'Save agreed number' }).click();
  await expect(agree).toBeHidden();

  // Back on the board, the distributor is short: its warehouse and the trucks cannot bring ten times the peak in time.
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Stock readiness' }).click();
  await expect(matrix).toBeVisible({ timeout: 30_000 });
  const row = matrix.getByRole('row', { name: new RegExp(escape(cell.name)) }).first();
  await expect(row.getByRole('img', { name: /Short/ }).first()).toBeVisible({ timeout: 30_000 });
  await row.click();
  await expect(skus.getByText('Short', { exact: true }).first()).toBeVisible({ timeout: 20_000 });
  await app.getByRole('tab', { name: /Who is short/ }).click();
  await expect(
    app
      .getByRole('table', { name: 'Who is short of what and when' })
      .getByRole('row', { name: new RegExp(escape(cell.name)) })
      .first(),
  ).toBeVisible();

  // Accept the plan and export it for the warehouse.
  await app.getByRole('tab', { name: /Plan by week/ }).click();
  await expect(app.getByRole('table', { name: 'Pre-build plan lines' }).getByRole('row').nth(1)).toBeVisible();
  await app.getByRole('button', { name: 'Accept plan…' }).click();
  await app.getByRole('dialog', { name: 'Accept the pre-build plan?' }).getByRole('button', { name: 'Accept plan' }).click();
  await expect(app.getByText(/planned shipments created/)).toBeVisible();
  await expect(app.getByText(/Nothing changed colour since the plan accepted/)).toBeVisible();
  await app.getByRole('tab', { name: 'Shipments' }).click();
  await app.getByLabel('Entered as').selectOption({ label: 'Accepted plan' });
  await expect(
    app
      .getByRole('table', { name: 'Shipments' })
      .getByRole('button', { name: /^Mark shipment .* as shipped$/ })
      .first(),
  ).toBeVisible();
  // Deleting a shipment asks first, naming what stops counting as arriving stock.
  const shipments = app.getByRole('table', { name: 'Shipments' });
  const count = app.getByText(/^[\d,]+ records?$/);
  const before = Number((await count.innerText()).replace(/\D/g, ''));
  const deleteFirst = shipments.getByRole('button', { name: /^Delete shipment / }).first();
  await deleteFirst.click();
  const confirm = app.getByRole('dialog', { name: 'Delete this shipment?' });
  await expect(confirm).toContainText(/cases of .* will no longer count as arriving stock/);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(count).toHaveText(`${before.toLocaleString('en')} record${before === 1 ? '' : 's'}`);
  await deleteFirst.click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toBeHidden();
  await expect(app.getByText('Shipment deleted.')).toBeVisible();
  await expect(count).toHaveText(`${(before - 1).toLocaleString('en')} record${before - 1 === 1 ? '' : 's'}`);

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export plan XLSX' }).click();
  expect((await download).suggestedFilename()).toMatch(/^prebuild-plan-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

test("the coordinator sets the region's readiness rules: the board is read against its cover", async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Stock readiness' }).click();
  await expect(app.getByText(/against 21 days of cover at peak start/)).toBeVisible();
  await app.getByRole('tab', { name: 'Rules and capacity' }).click();
  const rules = app.getByRole('region', { name: 'Readiness rules' });
  // one region: the card names it instead of asking
  await expect(rules).toContainText(/The rules of .+: they plan only this region's stock\./);
  await rules.getByLabel('Required cover at peak start (days)').fill('121');
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(rules.getByText('At most 120 days')).toBeVisible();
  await rules.getByLabel('Required cover at peak start (days)').fill('28');
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(app.getByRole('status').filter({ hasText: /Rules of .+ saved; the board is recomputed\./ })).toBeVisible();
  await expect(app.getByText(/against 28 days of cover at peak start/)).toBeVisible();
});
