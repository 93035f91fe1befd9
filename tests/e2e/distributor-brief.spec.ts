import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { api, expect, signInAs, test } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(150_000);

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
  // The region's manager, by a name no one else has (the sign-in list shows names).
  const manager = db
    .prepare(
      `SELECT s.name FROM staff s WHERE s.role = 'regional_manager' AND s.region_id = ?
         AND (SELECT count(*) FROM staff x WHERE x.name = s.name) = 1`,
    )
    .pluck()
    .get(d.regionId) as string;
  db.close();
  const seasonYear = new Date().getFullYear() + 1;
  const suggestion = await api(server, 'targets.suggest', {
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
  await page.getByRole('region', { name: 'Signed in' }).getByRole('button', { name: 'Sign out' }).click();
  await signInAs(page, manager);
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
  const byBrand = page.getByRole('table', { name: 'Target and agreed numbers by brand' });
  await expect(byBrand).toBeVisible();
  // the demo's draft plan has nothing agreed: its total says so rather than "0" agreed
  await expect(byBrand.getByRole('row', { name: /^Total/ })).toContainText('not agreed');
  await expect(page.getByRole('list', { name: 'Open complaints' }).getByRole('listitem')).toHaveCount(openComplaints);
  await expect(page.getByRole('table', { name: 'Trainings and trips invited to' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Contacts' })).toBeVisible();

  // The history of changes: nothing yet on the demo, then the manager's own edits, newest first.
  const history = page.getByRole('region', { name: 'History of changes' });
  await expect(history).toContainText('No changes recorded yet');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${d.name}` });
  const lead = edit.getByLabel('Lead time (days)');
  const oldLead = await lead.inputValue();
  await lead.fill(String(Number(oldLead) + 2));
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await page.getByRole('region', { name: 'Contacts' }).getByRole('button', { name: 'Add contact' }).click();
  const contact = page.getByRole('dialog', { name: 'Add contact' });
  await contact.getByLabel('Name').fill('Mei Chen');
  await contact.getByLabel('Phone').fill('+86 10 5555 0101');
  await contact.getByRole('button', { name: 'Save' }).click();
  await expect(contact).toBeHidden();
  const changes = history.getByRole('table', { name: 'Changes to this distributor and its records' });
  await expect(changes.getByRole('row')).toHaveCount(3);
  await expect(changes.getByRole('row').nth(1)).toContainText('Added a contact · Mei Chen');
  await expect(changes.getByRole('row').nth(1)).toContainText('+86 10 5555 0101');
  await expect(changes.getByRole('row').nth(2)).toContainText('Edited the distributor');
  await expect(changes.getByRole('row').nth(2)).toContainText(`lead time (days): ${oldLead} → ${Number(oldLead) + 2}`);
  await expect(changes.getByRole('row').nth(2)).toContainText(manager);
  // The full history is the administrator's screen: no link for the manager.
  await expect(history.getByRole('link', { name: 'Full history →' })).toHaveCount(0);

  // Each part links to its screen.
  await page.getByRole('region', { name: 'Trainings and trips' }).getByRole('link', { name: 'Training & trips →' }).click();
  await expect(page).toHaveURL(/#\/events$|\/events$/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: d.name })).toBeVisible();

  // Printed: one page, no buttons, the newest changes still on it.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print brief' })).toBeHidden();
  await expect(page.getByText(/Distributor brief ·/)).toBeVisible();
  await expect(changes.getByRole('row').nth(1)).toBeVisible();
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
    await page.setViewportSize({ width: 1440, height: 2500 });
    await page.screenshot({ path: join(shots, 'distributor-brief-en.png'), fullPage: true });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('中文');
    await expect(page.getByRole('button', { name: '打印简报' })).toBeVisible();
    await page.screenshot({ path: join(shots, 'distributor-brief-zh.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(shots, 'distributor-brief-print-zh.png') });
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('combobox', { name: '语言' }).selectOption('English');
  }

  // The administrator follows the section's link to the whole history, filtered to this distributor.
  await page.getByRole('region', { name: 'Signed in' }).getByRole('button', { name: 'Sign out' }).click();
  await signInAs(page, 'Administrator');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Distributors' }).click();
  await page.getByRole('searchbox').first().fill(d.code);
  await page
    .getByRole('table', { name: 'Distributors' })
    .getByRole('row', { name: new RegExp(d.code) })
    .click();
  await page.getByRole('region', { name: 'History of changes' }).getByRole('link', { name: 'Full history →' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  await expect(page.getByLabel('Kind of record')).toHaveValue('distributor');
  await expect(page.getByLabel('Record', { exact: true })).toHaveValue(String(d.id));
  await expect(page.getByText('1 change', { exact: true })).toBeVisible();
});
