import { api, expect, test } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(180_000);

test('the prospects show the indicator weights behind their scores, and the manager changes them there', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Key accounts' }).click();
  await app.getByRole('tab', { name: 'Prospects' }).click();
  const weights = app.getByRole('table', { name: 'Indicator weights behind the PI–PIV scores' });
  const strength = weights.getByRole('row').filter({ has: app.getByRole('rowheader', { name: 'Strength and scale' }) });
  // 2 of the 9 points the default weights add up to
  await expect(strength).toContainText('2.0');
  await expect(strength).toContainText('22%');
  await app.getByRole('button', { name: 'Edit weights…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Segmentation and prospect weights' });
  await dialog.getByLabel('Weight: Strength and scale').fill('9');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // 9 of 16 now
  await expect(strength).toContainText('9.0');
  await expect(strength).toContainText('56%');
  await expect(app.getByRole('table', { name: 'Prospects by class' })).toBeVisible();
});

test("each region's manager weighs its own prospects: another region's weights stay as they were", async ({ app, server }) => {
  const before = await api(server, 'accounts.overview', {});
  const home = before.rules[0]!;
  await api(server, 'region.create', { draft: { code: 'HILL', name: 'Hill Region', peakMonths: [6, 7, 8] } });
  // made behind the page's back: the page reads it afresh
  await app.reload();
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Key accounts' }).click();
  await app.getByRole('tab', { name: 'Prospects' }).click();
  const weights = app.getByRole('table', { name: 'Indicator weights behind the PI–PIV scores' });
  // one pair of columns per region, named
  await expect(weights.getByRole('columnheader', { name: 'Hill Region' })).toBeVisible();
  await expect(weights.getByRole('columnheader', { name: home.regionName })).toBeVisible();
  await app.getByRole('button', { name: 'Edit weights…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Segmentation and prospect weights' });
  await dialog.getByLabel('Region').selectOption({ label: 'Hill Region' });
  await dialog.getByLabel('Weight: Strength and scale').fill('9');
  await dialog.getByLabel('Warn when a complaint is open longer than (days)').fill('30');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: 'Rules of Hill Region saved' })).toBeVisible();
  const strength = weights.getByRole('row').filter({ has: app.getByRole('rowheader', { name: 'Strength and scale' }) });
  const cells = strength.getByRole('cell');
  // a pair of cells per region, by name: Hill's 9 of 16 is Hill's alone, the home region's weight stays
  const pairs = [home.regionName, 'Hill Region'].sort((a, b) => a.localeCompare(b));
  const hill = pairs.indexOf('Hill Region');
  await expect(cells.nth(hill * 2)).toHaveText('9.0');
  await expect(cells.nth(hill * 2 + 1)).toHaveText('56%');
  await expect(cells.nth((1 - hill) * 2)).toHaveText(home.rules.weights.strength.toFixed(1));
  const after = await api(server, 'accounts.overview', {});
  expect(after.rules.find((r) => r.regionId === home.regionId)!.rules).toEqual(home.rules);
  expect(after.rules.find((r) => r.regionName === 'Hill Region')!.rules).toMatchObject({ complaintDays: 30, weights: { strength: 9 } });
  // the History says whose rules changed and what, in words: the region by name, a line per value
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'History' }).click();
  const change = app.getByRole('row').filter({ hasText: 'Changed the key-account settings' }).first();
  await expect(change).toContainText('region: Hill Region');
  await expect(change).toContainText('weight · strength and scale: 9');
  await expect(change).toContainText('warning complaint age (days): 30');
  await expect(change).toContainText('high contribution share: 80%');
});

test('a wavering account says why, in words, beside its segment', async ({ app, server }) => {
  const overview = await api(server, 'accounts.overview', {});
  const wavering = overview.rows.find((r) => r.segment === 'EII' || r.segment === 'EIV');
  expect(wavering, 'the demo region has wavering accounts').toBeTruthy();
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Key accounts' }).click();
  const table = app.getByRole('table', { name: 'Distributors by contribution' });
  await table.getByRole('row').filter({ hasText: wavering!.name }).first().click();
  const panel = app.getByRole('region', { name: `Account ${wavering!.name}` });
  const reasons = panel.getByRole('list', { name: /Why it wavers \(stability [\d.]+\)/ });
  await expect(reasons.getByRole('listitem')).toHaveCount(wavering!.wavers.length);
  // worded from the code and its figure, never the code itself
  await expect(reasons).not.toContainText(/_/);
  const figure = wavering!.wavers.find((w) => w.code !== 'no_year_before');
  if (figure) await expect(reasons).toContainText(String(Math.abs(figure.value)));
});
