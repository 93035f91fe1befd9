import Database from 'better-sqlite3';
import { api, expect, test } from './fixtures.js';
import { NetworkScreens } from './pages/network.js';

/** Client 1's first ids (SYNC-DESIGN.md): what a connected desktop creates, and what other desktops receive by pull. */
const DESK_AREA = -(2 ** 32) - 1;
const DESK_DISTRIBUTOR = -(2 ** 32) - 2;

/** Copies a row under a new id and values, as a pull from the team server writes it into the replica. */
function copyRow(db: Database.Database, table: string, fromId: number, values: Record<string, unknown>): void {
  const row = { ...(db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(fromId) as Record<string, unknown>), ...values };
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

test('a distributor and an area with negative ids (made on another desktop) open, edit and link like any other', async ({
  app,
  server,
}) => {
  const region = await api(server, 'region.create', { draft: { code: 'NORTH', name: 'North', peakMonths: [6, 7, 8] } });
  const area = await api(server, 'area.create', { draft: { code: 'N-01', name: 'Riverside', regionId: region.id } });
  const local = await api(server, 'distributor.create', {
    draft: {
      code: 'D100',
      name: 'Riverside Beverage',
      areaId: area.id,
      leadTimeDays: 7,
      warehouseCapacityCases: 1000,
      relationshipLevel: 2,
      status: 'active',
    },
  });
  const db = new Database(server.dbPath);
  copyRow(db, 'areas', area.id, { id: DESK_AREA, code: 'DESK-A', name: 'Hillside' });
  copyRow(db, 'distributors', local.id, { id: DESK_DISTRIBUTOR, code: 'DESK-D', name: 'Hillside Drinks', area_id: area.id });
  db.close();

  const network = new NetworkScreens(app);
  await network.open('Distributors');
  await app.getByRole('row', { name: /Hillside Drinks/ }).click();
  await expect(app.getByRole('heading', { name: 'Hillside Drinks' })).toBeVisible();
  await expect(app).toHaveURL(new RegExp(`/network/distributors/${DESK_DISTRIBUTOR}$`));

  // The route opens on its own too (a bookmark, a reload).
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Hillside Drinks' })).toBeVisible();

  // Pickers offer the negative-id area; saving sends the negative ids through the contract.
  await app.getByRole('button', { name: 'Edit' }).click();
  const edit = app.getByRole('dialog', { name: 'Edit Hillside Drinks' });
  await edit.getByLabel('Area').selectOption({ label: 'Hillside (DESK-A)' });
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();

  // A record created under it refers to it by its negative id.
  await app.getByRole('button', { name: 'Add sub-dealer' }).click();
  const sub = app.getByRole('dialog', { name: 'Add sub-dealer' });
  await sub.getByLabel('Code').fill('S100');
  await sub.getByLabel('Name').fill('Hill Wholesale');
  await sub.getByRole('button', { name: 'Create' }).click();
  await expect(sub).toBeHidden();
  await expect(app.getByText('Hill Wholesale', { exact: true })).toBeVisible();

  const check = new Database(server.dbPath, { readonly: true });
  expect(check.prepare('SELECT area_id FROM distributors WHERE id = ?').pluck().get(DESK_DISTRIBUTOR)).toBe(DESK_AREA);
  expect(check.prepare("SELECT distributor_id FROM sub_dealers WHERE code = 'S100'").pluck().get()).toBe(DESK_DISTRIBUTOR);
  check.close();
});
