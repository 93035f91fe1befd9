import type { Route } from '@playwright/test';
import { expect, openSignedIn, test } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(180_000);

/** Every answer a dashboard tile waits for (the season calendar's summary comes first, unheld). */
const TILE_METHODS = [
  'forecast.view',
  'readiness.board',
  'accounts.overview',
  'targets.plans',
  'development.dashboard',
  'event.list',
  'followup.list',
];

test('no dashboard tile shows its empty-state advice, or a zero, while its answer is on the way', async ({ page, server }) => {
  // hold each tile's answers, as a slow first load on a large region would, and release them one method at a time
  const held = new Map<string, Route[]>();
  const released = new Set<string>();
  await page.route(new RegExp(`/api/(${TILE_METHODS.map((m) => m.replace('.', '\\.')).join('|')})$`), (route) => {
    const method = new URL(route.request().url()).pathname.split('/').pop()!;
    if (released.has(method)) return route.continue();
    held.set(method, [...(held.get(method) ?? []), route]);
  });
  const release = async (method: string) => {
    released.add(method);
    for (const route of held.get(method) ?? []) await route.continue();
    held.delete(method);
  };
  const advice = [
    'Run the forecast to see the coming peak.',
    'Run the forecast first',
    'import sales history or generate the demo region',
    'No target plan yet.',
    'No development plans for this month yet.',
    'Nothing planned yet.',
    /\b0 open follow-up items/,
  ];
  const noAdvice = async () => {
    for (const text of advice) await expect(page.getByText(text)).toHaveCount(0);
  };

  await openSignedIn(page, server);
  await expect(page.getByRole('heading', { name: 'Season calendar' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => held.size, { timeout: 30_000 }).toBe(TILE_METHODS.length);
  // every tile waiting says so
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Loading' }).count()).toBeGreaterThanOrEqual(6);
  await noAdvice();

  // the events tile has its events but not yet its follow-ups: it says the events, not "0 open follow-up items"
  await release('event.list');
  await expect(page.getByText(/\d+ upcoming/)).toBeVisible({ timeout: 30_000 });
  await noAdvice();

  for (const method of [...held.keys()]) await release(method);
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByText(/\d+ open follow-up items?/)).toBeVisible();
  await expect(page.getByText('Forecast for the peak months')).toBeVisible();
});
