import type { Route } from '@playwright/test';
import { expect, openSignedIn, test } from './fixtures.js';

test.use({ seed: 'S' });

test('dashboard tiles say they are loading, never their empty-state advice, while their data is on the way', async ({ page, server }) => {
  // hold the tiles' answers until the check is done, as a slow first load would
  const held: Route[] = [];
  let release = false;
  await page.route(/\/api\/(forecast\.view|readiness\.board|accounts\.overview|targets\.plans)$/, (route) => {
    if (release) return route.continue();
    held.push(route);
  });
  await openSignedIn(page, server);
  await expect(page.getByRole('heading', { name: 'Season calendar' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
  await expect(page.getByRole('status').filter({ hasText: 'Loading' }).first()).toBeVisible();
  for (const advice of [
    'Run the forecast to see the coming peak.',
    'Run the forecast first',
    'import sales history or generate the demo region',
    'No target plan yet.',
  ])
    await expect(page.getByText(advice)).toHaveCount(0);
  release = true;
  for (const route of held.splice(0)) await route.continue();
  await expect(page.getByText('Forecast for the peak months')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText('Run the forecast to see the coming peak.')).toHaveCount(0);
});

test('the dashboard counts the same accounts at risk as the at-risk list shows', async ({ app }) => {
  const note = app.getByText(/\d+ accounts at risk/);
  await expect(note).toBeVisible();
  const count = Number(/(\d+) accounts at risk/.exec((await note.textContent())!)![1]);
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Key accounts' }).click();
  await app.getByRole('tab', { name: 'At risk' }).click();
  const list = app.getByRole('table', { name: `Accounts at risk: ${count}, highest first` });
  await expect(list).toBeVisible();
  await expect(list.getByRole('row')).toHaveCount(count + 1);
});
