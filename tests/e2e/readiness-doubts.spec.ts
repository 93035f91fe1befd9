import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, expect, test } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(180_000);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a count of 1,000,000,000 cases is questioned: listed as a warning and confirmed before it is imported, asked before saving when typed; who is short says why', async ({
  app,
  server,
}) => {
  // Shipping cut to a trickle, so the distributor's page has someone short to explain.
  const before = await api(server, 'readiness.board', {});
  for (const r of before.capacity) await api(server, 'readiness.setCapacity', { regionId: r.regionId, casesPerWeek: 1 });
  const board = await api(server, 'readiness.board', {});
  const row = board.rows.find((r) => r.peakStart !== null && r.shortCases > 0)!;
  const detail = await api(server, 'readiness.distributor', { distributorId: row.distributorId });
  const cell = detail.cells[0]!;
  const short = detail.cells.find((c) => c.shortfalls.length > 0)!;
  const day = new Date().toISOString().slice(0, 10);

  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Stock readiness' }).click();
  const matrix = app.getByRole('table', { name: 'Readiness by distributor and SKU' });
  await expect(matrix).toBeVisible({ timeout: 30_000 });

  // The import's preview names the row before anything is written.
  const file = join(tmpdir(), `stock-doubt-${Date.now()}.csv`);
  writeFileSync(file, `distributor,sku,date,cases\n${row.code},${cell.sku},${day},1000000000\n`);
  await app.getByRole('button', { name: 'Import stock counts…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Import stock counts' });
  await dialog.getByLabel('Spreadsheet file (CSV or Excel)').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  const warnings = dialog.getByRole('group', { name: '1 count looks wrong: check it before importing' });
  await expect(warnings).toBeVisible();
  await expect(warnings).toContainText(`Line 2 · ${row.code} · ${cell.sku} · ${day}`);
  await expect(warnings).toContainText(
    `more than the warehouse holds (${new Intl.NumberFormat('en').format(detail.warehouseCases)} cases)`,
  );
  // imported only once confirmed, as a typed-in count is asked about
  const importRow = dialog.getByRole('button', { name: 'Import 1 row', exact: true });
  await expect(importRow).toBeDisabled();
  const confirm = warnings.getByRole('checkbox', { name: 'I checked this count: import it as it is' });
  await confirm.check();
  await expect(importRow).toBeEnabled();
  await confirm.uncheck();
  await expect(importRow).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(dialog).toBeHidden();

  // Typed into the distributor's page: the core refuses without confirm, the screen asks, Cancel keeps the old count.
  await matrix
    .getByRole('row', { name: new RegExp(escape(row.name)) })
    .first()
    .click();
  await app
    .getByRole('table', { name: `Every SKU of ${row.name}` })
    .getByRole('button', { name: cell.sku, exact: true })
    .click();
  await app.getByLabel(`Stock count of ${cell.sku} today (cases)`).fill('1000000000');
  await app.getByRole('button', { name: 'Save count' }).click();
  const question = app.getByRole('dialog', { name: 'Check this stock count' });
  await expect(question).toContainText('1,000,000,000 cases');
  await expect(question).toContainText('Save this count anyway?');
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByText('The count was not saved.')).toBeVisible();
  const after = await api(server, 'readiness.distributor', { distributorId: row.distributorId });
  expect(after.cells.find((c) => c.productId === cell.productId)!.onHand).toBe(cell.onHand);

  // Who is short, and why, on the distributor's page.
  await app
    .getByRole('table', { name: `Every SKU of ${row.name}` })
    .getByRole('button', { name: short.sku, exact: true })
    .click();
  await expect(app.getByRole('list', { name: 'Who is short, and why' }).getByRole('listitem').first()).toContainText(/cases short/);
});
