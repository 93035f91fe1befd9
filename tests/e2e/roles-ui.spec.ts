import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, openSignedIn, test } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(240_000);

const NEW_DISTRIBUTOR = 'New distributor';

const go = (page: Page, screen: string) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: screen, exact: true }).click();

/**
 * The screens show each person what they may do: the core refuses the rest anyway, but an input that
 * can only be refused is a trap. Targets are the regional manager's, stock counts and shipments the
 * logistics coordinator's; a salesperson reads both.
 */
test('a salesperson reads targets and readiness; the manager edits targets; the coordinator accepts the readiness plan', async ({
  browser,
  server,
}) => {
  const db = new Database(server.dbPath, { readonly: true });
  const nameOf = (role: string) =>
    db.prepare('SELECT name FROM staff WHERE role = ? AND active = 1 ORDER BY id LIMIT 1').pluck().get(role) as string;
  const salesperson = nameOf('salesperson');
  const manager = nameOf('regional_manager');
  const coordinator = nameOf('logistics_coordinator');
  db.close();

  const sales = await (await browser.newContext()).newPage();
  await openSignedIn(sales, server, salesperson);
  await go(sales, 'Targets');
  await expect(sales.getByText('You can read these targets')).toBeVisible();
  const deliver = sales.getByRole('table', { name: 'What the peak must deliver' });
  await expect(deliver.getByRole('row')).not.toHaveCount(1);
  await expect(deliver.getByRole('spinbutton')).toHaveCount(0);
  await expect(sales.getByRole('button', { name: 'New peak plan…' })).toHaveCount(0);
  await expect(sales.getByRole('button', { name: 'Save as version…' })).toHaveCount(0);
  await go(sales, 'Stock readiness');
  await expect(sales.getByRole('tab', { name: 'Shipments' })).toBeVisible();
  await expect(sales.getByRole('button', { name: 'Accept plan…' })).toHaveCount(0);
  await expect(sales.getByRole('button', { name: 'Import stock counts…' })).toHaveCount(0);
  // the demo leaves some combinations uncounted: the salesperson is told who counts, not to do it
  await expect(sales.getByText(/have no stock count/)).toContainText('The logistics coordinator imports or types in stock counts.');
  await expect(sales.getByRole('tab', { name: 'Rules and capacity' })).toHaveCount(0);
  await sales.getByRole('tab', { name: 'Shipments' }).click();
  await expect(sales.getByRole('button', { name: 'Add shipment…' })).toHaveCount(0);
  // the scorecard's weights and lines are the region's manager's: the salesperson reads them, has no button
  await go(sales, 'Outlet development');
  await sales.getByRole('tab', { name: 'Scorecard' }).click();
  await expect(sales.getByText(/Fulfilment per indicator is capped at/)).toBeVisible();
  await expect(sales.getByRole('button', { name: 'Weights', exact: true })).toHaveCount(0);
  // Outlets are the salesperson's to keep; distributors the manager's.
  await go(sales, 'Sub-dealers');
  await expect(sales.getByRole('button', { name: 'Add sub-dealer' })).toBeVisible();
  await go(sales, 'Distributors');
  await expect(sales.getByRole('heading', { name: 'Distributors' })).toBeVisible();
  await expect(sales.getByRole('button', { name: NEW_DISTRIBUTOR })).toHaveCount(0);

  const boss = await (await browser.newContext()).newPage();
  await openSignedIn(boss, server, manager);
  await go(boss, 'Targets');
  await expect(boss.getByRole('table', { name: 'What the peak must deliver' }).getByRole('spinbutton').first()).toBeVisible();
  await expect(boss.getByRole('button', { name: 'New peak plan…' })).toBeVisible();
  await expect(boss.getByText('You can read these targets')).toHaveCount(0);
  await go(boss, 'Distributors');
  await expect(boss.getByRole('button', { name: NEW_DISTRIBUTOR })).toBeVisible();

  const logistics = await (await browser.newContext()).newPage();
  await openSignedIn(logistics, server, coordinator);
  await go(logistics, 'Stock readiness');
  await expect(logistics.getByRole('button', { name: 'Accept plan…' })).toBeVisible();
  await expect(logistics.getByRole('button', { name: 'Import stock counts…' })).toBeVisible();
  await expect(logistics.getByText(/have no stock count/)).toContainText('Import or type in stock counts.');
  await logistics.getByRole('tab', { name: 'Shipments' }).click();
  await expect(logistics.getByRole('button', { name: 'Add shipment…' })).toBeVisible();
  await go(logistics, 'Targets');
  await expect(logistics.getByText('You can read these targets')).toBeVisible();
  // the segmentation's lines and weights are the managers' to set: the coordinator reads them, has no button
  await go(logistics, 'Key accounts');
  await expect(logistics.getByText(/Stability line [\d.]+/).first()).toBeVisible();
  await expect(logistics.getByRole('button', { name: 'Segmentation settings' })).toHaveCount(0);
  await go(boss, 'Key accounts');
  await expect(boss.getByRole('button', { name: 'Segmentation settings' })).toBeVisible();
});
