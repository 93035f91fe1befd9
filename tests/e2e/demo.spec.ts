import { expect, test } from './fixtures.js';

test('the first-run demo region is generated in the background with progress', async ({ app }) => {
  await app.getByLabel(/Small: 20 distributors/).check();
  await app.getByRole('button', { name: 'Generate demo region' }).click();
  await expect(app.getByText('The demo region is ready.')).toBeVisible({ timeout: 30_000 });
  await expect(app.getByRole('heading', { name: 'Season calendar' })).toBeVisible();
  await expect(app.getByText(/^20 distributors · /)).toBeVisible();
  await expect(app.getByRole('table', { name: 'Network by area' }).getByRole('row')).toHaveCount(6);
  // the draft plan's total is its brands', named, beside the forecast of the region's whole volume
  await expect(app.getByRole('region', { name: 'Off-season targets' })).toContainText(
    /peak 2027 \(draft\): [\d,]+ cases of [A-Z][\w ]+, [A-Z][\w ]+,? and [A-Z][\w ]+, 8\.0% above their natural volume/,
  );
});
