import Database from 'better-sqlite3';
import { expect, test } from './fixtures.js';

test.use({ seed: 'S' });

test('after a shock common to the region, the forecast screen says its series were forecast knowing it', async ({ app, server }) => {
  // Set-up on the real file: the whole market rose by half over the latest six months, every
  // distributor's shipments (as an import of those months would bring them).
  const db = new Database(server.dbPath);
  const last = db.prepare('SELECT max(month) FROM sales_history').pluck().get() as string;
  const months = db
    .prepare('SELECT DISTINCT month FROM sales_history WHERE month <= ? ORDER BY month DESC LIMIT 6')
    .pluck()
    .all(last) as string[];
  const raise = db.prepare('UPDATE sales_history SET cases = round(cases * ?) WHERE month = ?');
  db.transaction(() => months.forEach((month, k) => raise.run(1 + 0.5 * Math.min(1, (6 - k) / 4), month)))();
  db.close();

  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Forecast' }).click();
  const accuracy = app.getByRole('region', { name: 'Method and accuracy' });
  await expect(app.getByRole('table', { name: 'Forecast by month' })).toBeVisible();
  // the demo's own forecast, made before the rise, knows of no shock
  await expect(accuracy).toContainText('Repeating last season (same origins)');
  await expect(accuracy).not.toContainText('after a shock common to their region');

  await app.getByRole('button', { name: 'Recompute all' }).click();
  await expect(app.getByText(/Forecast updated: \d+ of \d+ series refitted/)).toBeVisible({ timeout: 60_000 });
  await expect(accuracy).toContainText(/\d+ of \d+ series were forecast after a shock common to their region/);

  // one series forecast after the shock: the same, said of it
  const check = new Database(server.dbPath, { readonly: true });
  const [distributorId, productId] = check
    .prepare(
      `SELECT distributor_id, product_id FROM forecast_series WHERE params LIKE '%"commonShock"%' ORDER BY recent_volume DESC LIMIT 1`,
    )
    .raw()
    .get() as [number, number];
  check.close();
  await app.getByLabel('Distributor').selectOption(String(distributorId));
  await expect(app.getByLabel('SKU').locator(`option[value="${productId}"]`)).toHaveCount(1);
  await app.getByLabel('SKU').selectOption(String(productId));
  await expect(accuracy).toContainText('Model');
  await expect(accuracy).toContainText('Forecast after a shock common to the region');
});
