import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, signInAs, test, type PlannerServer } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(150_000);

const shots = process.env.SCREENSHOTS;

/** A person of the role whose name no one else has (the sign-in list shows names), optionally of one region. */
function personOf(server: PlannerServer, role: string, where = '1 = 1', ...params: unknown[]): string {
  const db = new Database(server.dbPath, { readonly: true });
  const name = db
    .prepare(
      `SELECT s.name FROM staff s WHERE s.role = ? AND ${where} AND (SELECT count(*) FROM staff x WHERE x.name = s.name) = 1
       ORDER BY s.id LIMIT 1`,
    )
    .pluck()
    .get(role, ...params) as string | undefined;
  db.close();
  if (!name) throw new Error(`No ${role} with a name of their own`);
  return name;
}

/** The test acts as the role concerned: the administrator signs out and that person signs in. */
async function actAs(page: Page, name: string): Promise<void> {
  await page.getByRole('region', { name: 'Signed in' }).getByRole('button', { name: 'Sign out' }).click();
  await signInAs(page, name);
}

test("a salesperson builds today's route from what is due in one action and prints the day sheet", async ({ app, server }) => {
  const db = new Database(server.dbPath, { readonly: true });
  const month = new Date().toISOString().slice(0, 7);
  // A salesperson with a plan this month (else any), whose name no one else has.
  const sp = (db
    .prepare(
      `SELECT s.id, s.name FROM staff s LEFT JOIN dev_plans p ON p.salesperson_id = s.id AND p.month = ?
       WHERE s.role = 'salesperson' AND (SELECT count(*) FROM staff x WHERE x.name = s.name) = 1 ORDER BY p.id IS NULL, s.id LIMIT 1`,
    )
    .get(month) ?? {}) as { id: number; name: string };
  db.close();

  // The salesperson works on their own day: no picker to act as someone else.
  await actAs(app, sp.name);
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outlet development' }).click();
  await expect(app.getByRole('combobox', { name: 'Salesperson' })).toHaveCount(0);
  const route = app.getByRole('region', { name: 'Day route' });
  const due = route.getByRole('region', { name: 'Due on this day' });
  const list = due.getByRole('table', { name: 'Outlets due on this day' });
  await expect(list).toBeVisible();
  const offered = await list.getByRole('row').count();
  const stops = route.getByRole('table', { name: 'Route stops' });
  // Stops already planned for today (header and total rows aside), if any.
  const already = (await stops.count()) ? (await stops.getByRole('row').count()) - 2 : 0;
  expect(offered).toBeGreaterThan(2);
  // Where the route starts, in the user's language (a value named lng in t()'s options once switched it back to English).
  await app.getByRole('combobox', { name: 'Language' }).selectOption('中文');
  await expect(app.locator('.due-actions .muted')).toHaveText(/^(路线从|未保存起点|没有可用于排序的坐标)/);
  await app.getByRole('combobox', { name: '语言' }).selectOption('English');
  await expect(app.locator('.due-actions .muted')).toHaveText(/^(Route starts|No coordinates)/);
  // Leave one out, add the rest in one action.
  const firstRow = list.getByRole('row').nth(1);
  const leftOut = (await firstRow.getByRole('cell').nth(1).innerText())
    .split('\n')[0]!
    .split(' Sub-dealer')[0]!
    .split(' Terminal')[0]!
    .trim();
  await firstRow.getByRole('checkbox').uncheck();
  const n = offered - 2;
  await due.getByRole('button', { name: `Add ${n} outlets and order the route` }).click();
  await expect(stops.getByRole('row')).toHaveCount(already + n + 2);
  await expect(route.getByText('optimised order')).toBeVisible();
  await expect(stops).not.toContainText(leftOut);
  // What is on the route is no longer offered; the one left out still is.
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toContainText(leftOut);

  // The printed day sheet: the salesperson and the date, the contacts, no buttons.
  await app.locator('body').evaluate((body) => body.classList.add('printing-route'));
  await app.emulateMedia({ media: 'print' });
  await expect(route.getByText(sp.name, { exact: false }).first()).toBeVisible();
  await expect(app.locator('.day-sheet-head')).toContainText(sp.name);
  await expect(route.getByRole('button', { name: /Log visit at/ }).first()).toBeHidden();
  await expect(route.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(route.locator('.stop-contacts').first()).toBeVisible();
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await app.setViewportSize({ width: 1123, height: 794 });
    await app.screenshot({ path: join(shots, 'day-sheet-en.png'), fullPage: true });
    await app.emulateMedia({ media: 'screen' });
    await app.getByRole('combobox', { name: 'Language' }).selectOption('中文');
    await app.emulateMedia({ media: 'print' });
    await expect(app.locator('.day-sheet-head')).toContainText('当日路线');
    await app.screenshot({ path: join(shots, 'day-sheet-zh.png'), fullPage: true });
    await app.emulateMedia({ media: 'screen' });
    await app.getByRole('combobox', { name: '语言' }).selectOption('English');
  }
  await app.emulateMedia({ media: 'screen' });
  await app.locator('body').evaluate((body) => body.classList.remove('printing-route'));
});

test("a coordinator marks one ship week's planned shipments shipped in one action", async ({ app, server }) => {
  await actAs(app, personOf(server, 'logistics_coordinator'));
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Stock readiness' }).click();
  await app.getByRole('tab', { name: /Plan by week/ }).click();
  await expect(app.getByRole('table', { name: 'Pre-build plan lines' }).getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
  await app.getByRole('button', { name: 'Accept plan…' }).click();
  await app.getByRole('dialog', { name: 'Accept the pre-build plan?' }).getByRole('button', { name: 'Accept plan' }).click();
  await expect(app.getByText(/planned shipments created/)).toBeVisible();
  await app.getByRole('tab', { name: 'Shipments' }).click();

  const week = app.getByLabel('Ship week');
  const firstWeek = await week.locator('option').nth(1).getAttribute('value');
  const label = (await week.locator('option').nth(1).innerText()).trim();
  const planned = Number(/\((\d+) planned\)/.exec(label)![1]);
  await week.selectOption(firstWeek!);
  const bulk = app.getByRole('button', { name: new RegExp(`^Mark ${planned} planned shipments? shipped…$`) });
  await expect(bulk).toBeEnabled();
  await bulk.click();
  const confirm = app.getByRole('dialog', { name: 'Mark planned shipments as shipped' });
  await expect(confirm).toContainText(`${planned} planned shipment`);
  await confirm.getByRole('button', { name: `Mark ${planned} shipped` }).click();
  await expect(app.getByText(new RegExp(`${planned} shipments? on the way`))).toBeVisible();
  // That week has nothing planned left: every line of it is in transit.
  await expect(app.getByRole('button', { name: /^Mark 0 planned shipments shipped…$/ })).toBeDisabled();
  await app.getByLabel('Shipment status').selectOption('planned');
  await expect(app.getByRole('table', { name: 'Shipments' })).toContainText('No shipments on the way or planned.');
});

test('a manager invites every distributor of one area to a training at once, without inviting anyone twice', async ({ app, server }) => {
  const db = new Database(server.dbPath, { readonly: true });
  const area = db
    .prepare(
      `SELECT a.id, a.name, a.region_id AS regionId, count(*) AS n FROM distributors d JOIN areas a ON a.id = d.area_id
       WHERE d.status != 'ended' GROUP BY a.id ORDER BY n DESC LIMIT 1`,
    )
    .get() as { id: number; name: string; regionId: number; n: number };
  db.close();
  // The manager of that area's region plans the training and invites.
  await actAs(app, personOf(server, 'regional_manager', 's.region_id = ?', area.regionId));
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Training & trips' }).click();
  const next = new Date();
  next.setDate(next.getDate() + 20);
  const day = next.toISOString().slice(0, 10);
  await app.getByRole('button', { name: 'New training…' }).click();
  const dialog = app.getByRole('dialog', { name: 'New training' });
  await dialog.getByLabel('Title').fill('Sales policy briefing (test)');
  await dialog.getByLabel('Starts').fill(`${day}T09:00`);
  await dialog.getByLabel('Ends').fill(`${day}T12:00`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const panel = app.getByRole('region', { name: 'Event Sales policy briefing (test)' });

  await panel.getByRole('button', { name: 'Invite distributors…' }).click();
  let invite = app.getByRole('dialog', { name: 'Invite distributors' });
  await invite.getByLabel('Area', { exact: true }).selectOption(String(area.id));
  const table = invite.getByRole('table', { name: 'Distributors to invite' });
  await expect(table.getByRole('row')).toHaveCount(area.n + 1);
  await invite.getByLabel('Select all shown').check();
  await invite.getByRole('button', { name: `Invite ${area.n}` }).click();
  await expect(invite).toBeHidden();
  await expect(panel.getByRole('table', { name: 'Attendance list' }).getByRole('row')).toHaveCount(area.n + 1);

  // Opened again, the area's distributors are no longer offered.
  await panel.getByRole('button', { name: 'Invite distributors…' }).click();
  invite = app.getByRole('dialog', { name: 'Invite distributors' });
  await invite.getByLabel('Area', { exact: true }).selectOption(String(area.id));
  await expect(invite.getByRole('table', { name: 'Distributors to invite' }).getByRole('row')).toHaveCount(1);
  await expect(invite).toContainText(`${area.n} already invited`);
});
