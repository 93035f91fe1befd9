import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { adminSession, expect, test, type PlannerServer } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(150_000);

/** Test setup only: the manager's target plan for next season, through the same contract the screens use. */
async function api<T = any>(server: PlannerServer, method: string, input: unknown): Promise<T> {
  const r = await fetch(`${server.origin}/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-planner-token': server.token, 'x-planner-session': await adminSession(server) },
    body: JSON.stringify(input),
  });
  const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

/** Where screenshots go when asked for (SCREENSHOTS=dir); nowhere otherwise. */
const shots = process.env.SCREENSHOTS;

test('a regional manager opens one distributor and sees every part of its brief, each linking to its screen, and prints it', async ({
  app,
  server,
}) => {
  const db = new Database(server.dbPath, { readonly: true });
  const d = db
    .prepare(
      `SELECT d.id, d.code, d.name, a.region_id AS regionId FROM distributors d JOIN areas a ON a.id = d.area_id
       WHERE EXISTS (SELECT 1 FROM event_invitees i WHERE i.distributor_id = d.id)
         AND EXISTS (SELECT 1 FROM complaints c WHERE c.distributor_id = d.id AND c.closed_on IS NULL)
       ORDER BY (SELECT count(*) FROM sub_dealers s WHERE s.distributor_id = d.id) DESC LIMIT 1`,
    )
    .get() as { id: number; code: string; name: string; regionId: number };
  const openComplaints = db
    .prepare('SELECT count(*) FROM complaints WHERE distributor_id = ? AND closed_on IS NULL')
    .pluck()
    .get(d.id) as number;
  db.close();
  const seasonYear = new Date().getFullYear() + 1;
  const suggestion = await api<{ brands: Array<{ brand: string; natural: number }> }>(server, 'targets.suggest', {
    regionId: d.regionId,
    seasonYear,
  });
  await api(server, 'targets.create', {
    regionId: d.regionId,
    seasonYear,
    name: 'Peak plan',
    basis: 'forecast',
    lines: suggestion.brands.map((b) => ({ brand: b.brand, volume: Math.round(b.natural * 1.1) })),
    newOutlets: 30,
  });

  const page = app;
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Distributors' }).click();
  await page.getByRole('searchbox').first().fill(d.code);
  await page
    .getByRole('table', { name: 'Distributors' })
    .getByRole('row', { name: new RegExp(d.code) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: d.name })).toBeVisible();

  const figures = page.getByRole('group', { name: 'Key figures' });
  await expect(figures).toContainText('Cases, last 12 months');
  await expect(figures.getByText('Open complaints').locator('..')).toContainText(String(openComplaints));

  const sections: Array<[string, string]> = [
    ['Volume by month: actual, last year, forecast', 'Forecast'],
    ['Mix by brand and SKU', 'Key accounts'],
    ['Targets and achievement', 'Targets'],
    ['Segment, churn warnings, complaints', 'Key accounts'],
    ['Stock readiness and shipments', 'Stock readiness'],
    ['Trainings and trips', 'Training & trips'],
    ['Sub-dealers, terminals and development', 'Outlet development'],
  ];
  for (const [title, link] of sections) {
    const section = page.getByRole('region', { name: title });
    await expect(section).toBeVisible();
    await expect(section.getByRole('link', { name: `${link} →` })).toBeVisible();
  }
  await expect(page.getByRole('img', { name: /Monthly cases/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mix by brand' }).getByRole('row')).not.toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Targets and achievement' })).toContainText('Peak plan');
  await expect(page.getByRole('table', { name: 'Target and agreed numbers by brand' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Open complaints' }).getByRole('listitem')).toHaveCount(openComplaints);
  await expect(page.getByRole('table', { name: 'Trainings and trips invited to' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Contacts' })).toBeVisible();

  // Each part links to its screen.
  await page.getByRole('region', { name: 'Trainings and trips' }).getByRole('link', { name: 'Training & trips →' }).click();
  await expect(page).toHaveURL(/#\/events$|\/events$/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: d.name })).toBeVisible();

  // Printed: one page, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print brief' })).toBeHidden();
  await expect(page.getByText(/Distributor brief ·/)).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(1);
  if (shots) {
    // A4 at 96 dpi: what the printed page holds.
    mkdirSync(shots, { recursive: true });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(shots, 'distributor-brief-print.png') });
  }
  await page.emulateMedia({ media: 'screen' });
  if (shots) {
    await page.setViewportSize({ width: 1440, height: 1900 });
    await page.screenshot({ path: join(shots, 'distributor-brief-en.png') });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('中文');
    await expect(page.getByRole('button', { name: '打印简报' })).toBeVisible();
    await page.screenshot({ path: join(shots, 'distributor-brief-zh.png') });
    await page.getByRole('combobox', { name: '语言' }).selectOption('English');
  }
});
