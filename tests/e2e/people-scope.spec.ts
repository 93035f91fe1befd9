import Database from 'better-sqlite3';
import { api, expect, openSignedIn, test } from './fixtures.js';

const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

test.use({ seed: 'S' });
test.setTimeout(240_000);

test('a regional manager signs in and the dashboard counts only their region; the administrator sees both', async ({ browser, server }) => {
  // A second region with one of the demo's distributors moved into it, made through the contract.
  const west = (await api(server, 'region.create', { draft: { code: 'W', name: 'West', peakMonths: [6, 7, 8] } })).id;
  const area = (await api(server, 'area.create', { draft: { code: 'W1', name: 'West coast', regionId: west } })).id;
  await api(server, 'person.create', { code: 'WM', name: 'West manager', role: 'regional_manager', regionIds: [west] });
  const db = new Database(server.dbPath, { readonly: true });
  const moved = db.prepare('SELECT id FROM distributors ORDER BY id LIMIT 1').pluck().get() as number;
  const northArea = db
    .prepare('SELECT name FROM areas WHERE id != ? AND EXISTS (SELECT 1 FROM distributors d WHERE d.area_id = areas.id) LIMIT 1')
    .pluck()
    .get(area) as string;
  const other = db.prepare('SELECT name FROM distributors WHERE id != ? ORDER BY id LIMIT 1').pluck().get(moved) as string;
  db.close();
  const d = (await api(server, 'distributor.get', { id: moved })).distributor;
  const { code, name, address, salespersonId, leadTimeDays, warehouseCapacityCases, relationshipLevel, status, startDate } = d;
  await api(server, 'distributor.update', {
    id: moved,
    draft: { code, name, areaId: area, address, salespersonId, leadTimeDays, warehouseCapacityCases, relationshipLevel, status, startDate },
  });

  const managerPage = await (await browser.newContext()).newPage();
  await openSignedIn(managerPage, server, 'West manager');
  const table = managerPage.getByRole('table', { name: 'Network by area' });
  await expect(table.getByRole('row', { name: /West coast/ })).toBeVisible();
  await expect(
    table
      .getByRole('row', { name: /West coast/ })
      .getByRole('cell')
      .nth(2),
  ).toHaveText('1');
  await expect(table).not.toContainText(northArea);
  // The distributors list is the region's too: the moved distributor, not North's.
  await managerPage.getByRole('link', { name: 'Open network' }).click();
  await expect(managerPage.getByRole('row', { name: literally(name) })).toBeVisible();
  await expect(managerPage.getByRole('row', { name: literally(other) })).toHaveCount(0);

  const adminPage = await (await browser.newContext()).newPage();
  await openSignedIn(adminPage, server);
  const all = adminPage.getByRole('table', { name: 'Network by area' });
  await expect(all.getByRole('row', { name: /West coast/ })).toBeVisible();
  await expect(all).toContainText(northArea);
});
