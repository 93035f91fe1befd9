import Database from 'better-sqlite3';
import { rgbPng } from '../support/png.js';
import { api, expect, test } from './fixtures.js';

test.use({ seed: 'S' });

/** A small real PNG (a red-to-blue gradient), so the browser has a picture to decode. */
function png(width: number, height: number): Buffer {
  return rgbPng(width, height, (x) => [(x * 255) / width, 0, 255 - (x * 255) / width]);
}

test('the manager sees the photo logged with a visit in the salesperson’s visits', async ({ app, server }) => {
  const db = new Database(server.dbPath, { readonly: true });
  const salesperson = db
    .prepare("SELECT id, name FROM staff WHERE role = 'salesperson' AND active = 1 ORDER BY name COLLATE NOCASE LIMIT 1")
    .get() as { id: number; name: string };
  const outlets = db
    .prepare(
      `SELECT t.id, t.name FROM terminals t JOIN staff_areas sa ON sa.area_id = t.area_id
       WHERE sa.staff_id = ? AND t.status = 'active' AND (SELECT count(*) FROM terminals x WHERE x.name = t.name) = 1 ORDER BY t.id LIMIT 2`,
    )
    .all(salesperson.id) as Array<{ id: number; name: string }>;
  db.close();
  const now = new Date();
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const day = `${month}-${String(now.getDate()).padStart(2, '0')}`;
  const [withPhoto, without] = outlets as [{ id: number; name: string }, { id: number; name: string }];
  const visit = (outletId: number) =>
    ({ salespersonId: salesperson.id, day, outletType: 'terminal', outletId, purpose: 'service', outcome: 'done' }) as const;
  await api(server, 'visit.log', { ...visit(withPhoto.id), photo: { mimeType: 'image/png', dataBase64: png(96, 64).toString('base64') } });
  await api(server, 'visit.log', visit(without.id));

  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outlet development' }).click();
  await app.getByLabel('Salesperson').selectOption({ label: salesperson.name });
  await app.getByLabel('Month', { exact: true }).fill(month);
  const table = app.getByRole('table', { name: 'Visits this month' });
  await expect(table).toContainText(withPhoto.name);
  await expect(table).toContainText(without.name);
  // Only the visit with a photo offers one.
  await expect(table.getByRole('button', { name: /^Photo of the visit to/ })).toHaveCount(1);
  await table.getByRole('button', { name: new RegExp(`^Photo of the visit to ${withPhoto.name} on`) }).click();

  const dialog = app.getByRole('dialog', { name: new RegExp(`^Visit to ${withPhoto.name} on`) });
  const picture = dialog.getByRole('img', { name: new RegExp(`^Photo taken at ${withPhoto.name} on`) });
  await expect(picture).toBeVisible();
  // The browser decoded the stored picture: its own pixel size.
  await expect
    .poll(() =>
      picture.evaluate((img) => [(img as { naturalWidth: number }).naturalWidth, (img as { naturalHeight: number }).naturalHeight]),
    )
    .toEqual([96, 64]);
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();
});
