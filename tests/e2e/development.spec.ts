import Database from 'better-sqlite3';
import { api, expect, test } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(150_000);

/**
 * A month two back, and its first Monday: ended (visits are logged once they happened, a month is
 * decided once it is over) and clear of the demo's own activity, which covers last month and this one.
 */
function endedMonth(): { month: string; monday: string; workingDays: number } {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 2);
  const month = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  while (d.getDay() !== 1) d.setDate(d.getDate() + 1);
  const monday = `${month}-${String(d.getDate()).padStart(2, '0')}`;
  const days = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
  let workingDays = 0;
  for (let i = 1; i <= days; i++) {
    const dow = new Date(d.getFullYear(), d.getMonth(), i).getDay();
    if (dow !== 0 && dow !== 6) workingDays++;
  }
  return { month, monday, workingDays };
}

test('a salesperson plans the month, the manager approves, a day route moves prospects, the week and the month are scored', async ({
  app,
  server,
}) => {
  const { month, monday, workingDays } = endedMonth();
  // Three prospect terminals nobody is working yet, with coordinates, and the first two salespeople.
  const db = new Database(server.dbPath, { readonly: true });
  const outlets = db
    .prepare(
      `SELECT name FROM terminals t WHERE status = 'prospect' AND latitude IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM pipeline p WHERE p.outlet_type = 'terminal' AND p.outlet_id = t.id)
       AND (SELECT count(*) FROM terminals x WHERE x.name = t.name) = 1 ORDER BY id LIMIT 4`,
    )
    .pluck()
    .all() as string[];
  const signedHeld = db.prepare('SELECT competitor_brand IS NOT NULL FROM terminals WHERE name = ?').pluck().get(outlets[1]) === 1;
  const [me, colleague] = db
    .prepare("SELECT name FROM staff WHERE role = 'salesperson' AND active = 1 ORDER BY name COLLATE NOCASE LIMIT 2")
    .pluck()
    .all() as string[];
  db.close();
  expect(outlets).toHaveLength(4);

  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outlet development' }).click();
  await app.getByLabel('Salesperson').selectOption({ label: me! });
  await app.getByLabel('Month', { exact: true }).fill(month);

  // The plan: drafted, submitted, approved by the manager.
  const plan = app.getByRole('region', { name: `Plan for ${month}` });
  await plan.getByRole('button', { name: 'Create plan' }).click();
  let dialog = app.getByRole('dialog', { name: `Development plan for ${month}` });
  await dialog.getByLabel('Visits').fill('40');
  await dialog.getByLabel('New terminals').fill('2');
  await dialog.getByRole('button', { name: 'Add a competitor' }).click();
  await dialog.getByLabel('Competitor brand 1').fill('Blue Ocean');
  await dialog.getByLabel('Outlets to win from competitor 1').fill('5');
  await dialog.getByRole('button', { name: 'Save draft' }).click();
  // more outlets to win from competitors than new outlets planned: refused, with the reason under the field
  await expect(dialog.getByRole('alert')).toContainText('Outlets to win from competitors (5) cannot exceed the new outlets planned (2).');
  await dialog.getByLabel('Outlets to win from competitor 1').fill('1');
  await dialog.getByRole('button', { name: 'Save draft' }).click();
  await expect(dialog).toBeHidden();
  await expect(plan.getByText('Draft', { exact: true })).toBeVisible();
  await plan.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(plan.getByText('Waiting for approval')).toBeVisible();

  await app.getByRole('tab', { name: 'Plans to approve' }).click();
  await app.getByRole('button', { name: `Approve ${me}'s plan` }).click();
  const approvals = app.getByRole('table', { name: 'Development plans' });
  await expect(approvals.getByRole('row', { name: new RegExp(me!) })).toContainText('Approved');

  // The day route: three outlets found by name, ordered, visits logged from the route.
  await app.getByRole('tab', { name: 'My month' }).click();
  const route = app.getByRole('region', { name: 'Day route' });
  await route.getByLabel('Route day').fill(monday);
  for (const name of outlets.slice(0, 3)) {
    await route.getByLabel('Add an outlet to the route').fill(name);
    await expect(route.getByRole('listbox', { name: 'Matching outlets' })).toContainText(name);
    await route.getByLabel('Add an outlet to the route').press('Enter');
    await expect(route.getByRole('table', { name: 'Route stops' })).toContainText(name);
  }
  await route.getByRole('button', { name: 'Order route' }).click();
  await expect(app.getByRole('status').getByText(/Route ordered: [\d.,]+ km/)).toBeVisible();
  await expect(route.getByRole('cell', { name: 'Total distance' })).toHaveText(/[\d.,]+ km/);
  await expect(route.getByRole('img', { name: 'Route sketch of 3 stops' })).toBeVisible();

  const logVisit = async (name: string, outcome: string, note?: string) => {
    await route.getByRole('button', { name: `Log visit at ${name}` }).click();
    const visit = app.getByRole('dialog', { name: `Visit: ${name}` });
    await visit.getByLabel('Outcome').selectOption({ label: outcome });
    if (note === undefined && outcome === 'Refused') {
      await visit.getByRole('button', { name: 'Save visit' }).click();
      await expect(visit.getByRole('alert')).toContainText('Say why they said no');
      note = 'Exclusive with a competitor until next year';
    }
    if (note) await visit.getByLabel('Why did they say no?').fill(note);
    await visit.getByRole('button', { name: 'Save visit' }).click();
    await expect(visit).toBeHidden();
  };
  await logVisit(outlets[0]!, 'Interested');
  await logVisit(outlets[1]!, 'Signed');
  await logVisit(outlets[2]!, 'Refused');
  await expect(route.getByRole('button', { name: /Log visit at/ })).toHaveCount(0);

  // A visit that was not on the route is logged from the visit list.
  const visits = app.getByRole('region', { name: /^Visits this month/ });
  await visits.getByLabel('Log a visit that was not on a route').fill(outlets[3]!);
  await visits.getByRole('button', { name: outlets[3] }).click();
  const unplanned = app.getByRole('dialog', { name: `Visit: ${outlets[3]}` });
  await unplanned.getByLabel('Day').fill(monday);
  await unplanned.getByLabel('Outcome').selectOption({ label: 'Not interested yet' });
  await unplanned.getByRole('button', { name: 'Save visit' }).click();
  await expect(unplanned).toBeHidden();
  await expect(visits.getByRole('table', { name: 'Visits this month' })).toContainText(outlets[3]!);

  // The pipeline shows where each prospect now stands.
  await app.getByRole('tab', { name: 'Pipeline' }).click();
  const board = app.getByLabel('Pipeline board');
  await expect(board.getByRole('region', { name: 'Contacted' }).getByRole('article', { name: outlets[0] })).toBeVisible();
  await expect(board.getByRole('region', { name: 'Signed' }).getByRole('article', { name: outlets[1] })).toBeVisible();
  const refused = board.getByRole('region', { name: 'Rejected' }).getByRole('article', { name: outlets[2] });
  await expect(refused).toContainText('Exclusive with a competitor until next year');
  await board.getByRole('button', { name: `Edit prospect ${outlets[0]}` }).click();
  const edit = app.getByRole('dialog', { name: outlets[0] });
  await edit.getByLabel('Priority').selectOption({ label: '1 – high' });
  await edit.getByLabel('Estimated volume').fill('120');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(board.getByRole('article', { name: outlets[0] })).toContainText('P1');
  await expect(board.getByRole('article', { name: outlets[0] })).toContainText('120 cases/month');

  // The weekly review is filled from the log, beside the plan pro rata (5 of the month's working days).
  await app.getByRole('tab', { name: 'Weekly review' }).click();
  await app.getByLabel('Week of').fill(monday);
  const numbers = app.getByRole('table', { name: "The week's numbers" });
  const row = (label: string) => numbers.getByRole('row', { name: new RegExp(`^${label}`) });
  await expect(row('Visits')).toContainText(`4${(Math.round((40 * 5 * 10) / workingDays) / 10).toFixed(1)}`);
  await expect(row('New terminals').getByRole('cell').nth(1)).toHaveText('1');
  await expect(row('Refusals').getByRole('cell').nth(1)).toHaveText('1');
  await app.getByLabel('Problems met').fill('Two bars want a freezer first');
  await app.getByLabel('What worked').fill('Tasting evening');
  await app.getByRole('button', { name: 'Submit review' }).click();
  await expect(app.getByText(/^Submitted /)).toBeVisible();
  // once submitted, the review shows the figures as reported beside the month's plan, not the pro-rata share
  await expect(numbers.getByRole('columnheader', { name: 'Plan pro rata' })).toHaveCount(0);
  await expect(numbers.getByRole('columnheader', { name: `Plan for ${month}` })).toBeVisible();
  await expect(row('Visits').getByRole('cell').nth(1)).toHaveText('4');
  await expect(row('Visits').getByRole('cell').nth(3)).toHaveText('40');
  await expect(app.getByText(/^Figures as submitted on /)).toBeVisible();
  // the manager reads every salesperson's week on one page and turns a problem into a follow-up item
  const teamWeek = app.getByRole('table', { name: "The team's week: problems and successes" });
  const mine = teamWeek.getByRole('row').filter({ hasText: 'Two bars want a freezer first' });
  await expect(mine).toContainText('Tasting evening');
  await mine.getByRole('button', { name: /^Make a follow-up item of .*'s problems$/ }).click();
  await expect(app.getByText(/^Follow-up item made for /)).toBeVisible();
  // made once: the row names the item instead of offering it again
  await expect(mine.getByText(/^Follow-up item #-?\d+ made$/)).toBeVisible();
  await expect(mine.getByRole('button', { name: /^Make a follow-up item/ })).toHaveCount(0);
  // the item is kept with the others, owned by the salesperson, saying which week's review it came from
  const nav = app.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Training & trips' }).click();
  await app.getByRole('tab', { name: 'Follow-up items' }).click();
  const item = app
    .getByRole('table', { name: 'Follow-up items from all events' })
    .getByRole('row')
    .filter({ hasText: 'Two bars want a freezer first' });
  await expect(item).toContainText('Weekly review, week of');
  await nav.getByRole('link', { name: 'Outlet development' }).click();
  await app.getByLabel('Month', { exact: true }).fill(month);

  // A colleague with a plan and nothing done yet ranks below at month end.
  await app.getByRole('tab', { name: 'My month' }).click();
  await app.getByLabel('Salesperson').selectOption({ label: colleague! });
  await app
    .getByRole('region', { name: `Plan for ${month}` })
    .getByRole('button', { name: 'Create plan' })
    .click();
  dialog = app.getByRole('dialog', { name: `Development plan for ${month}` });
  await dialog.getByLabel('Visits').fill('40');
  await dialog.getByLabel('New terminals').fill('2');
  await dialog.getByRole('button', { name: 'Save draft' }).click();
  await expect(dialog).toBeHidden();

  await app.getByRole('tab', { name: 'Scorecard' }).click();
  const card = app.getByRole('table', { name: 'Month-end scorecard' });
  await expect(
    card
      .getByRole('row', { name: new RegExp(me!) })
      .getByRole('cell')
      .first(),
  ).toHaveText('1 / 2');
  await expect(
    card
      .getByRole('row', { name: new RegExp(colleague!) })
      .getByRole('cell')
      .first(),
  ).toHaveText('2 / 2');
  // visits 4/40, new terminals 1/2, won from competitors 1/1 when the signed bar carried a competitor's beer; weights 1, 2, 1
  await expect(card.getByRole('row', { name: new RegExp(me!) })).toContainText(signedHeld ? '52.5%' : '27.5%');

  // The manager rewards against the numbers, with a reason.
  await app.getByRole('button', { name: `Decide for ${me}` }).click();
  dialog = app.getByRole('dialog', { name: `${me}, ${month}` });
  await dialog.getByLabel('Decision').selectOption({ label: 'Reward' });
  await dialog.getByRole('button', { name: 'Save decision' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The scorecard suggests “Penalty”; say why you decide otherwise.');
  await dialog.getByLabel('Reason').fill('Signed the hardest bar in town');
  await dialog.getByRole('button', { name: 'Save decision' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    // The month as the user's language writes it ("October 2026").
    app.getByRole('table', { name: 'Decisions by month' }).getByRole('row', {
      name: new RegExp(
        `${new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' }).format(new Date(`${month}-01T12:00:00`))}.*${me}`,
      ),
    }),
  ).toContainText('Reward');
});

test("the manager sets the region's scoring weights: the scorecard's column heads and lines follow", async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outlet development' }).click();
  await app.getByRole('tab', { name: 'Scorecard' }).click();
  const card = app.getByRole('table', { name: 'Month-end scorecard' });
  await expect(card.getByRole('columnheader', { name: /Visits/ })).toContainText('× 1.0');
  await app.getByRole('button', { name: 'Weights', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: 'Scoring weights and thresholds' });
  // one region: the dialog names it instead of asking
  await expect(dialog).toContainText(/The weights and lines of .+: they score only its salespeople\./);
  await dialog.getByLabel('Weight of Visits').fill('3');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: /Weights of .+ saved/ })).toBeVisible();
  await expect(card.getByRole('columnheader', { name: /Visits/ })).toContainText('× 3.0');
});

test('while another salesperson’s weekly review loads, the previous one’s text is not shown to type over', async ({ app, server }) => {
  const db = new Database(server.dbPath, { readonly: true });
  const [x, y] = db
    .prepare("SELECT id, name FROM staff WHERE role = 'salesperson' AND active = 1 ORDER BY name COLLATE NOCASE LIMIT 2")
    .all() as Array<{ id: number; name: string }>;
  db.close();
  const d = new Date();
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  const weekStart = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  await api(server, 'weeklyReview.save', { salespersonId: x!.id, weekStart, problems: 'Two bars closed for renovation', successes: null });
  await api(server, 'weeklyReview.save', { salespersonId: y!.id, weekStart, problems: 'Rain all week', successes: null });

  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outlet development' }).click();
  await app.getByLabel('Salesperson').selectOption({ label: x!.name });
  await app.getByRole('tab', { name: 'Weekly review' }).click();
  const problems = app.getByLabel('Problems met');
  await expect(problems).toHaveValue('Two bars closed for renovation');

  // the second salesperson's review is slow to come
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await app.route('**/api/weeklyReview.get', async (route) => {
    if ((JSON.parse(route.request().postData() ?? '{}') as { salespersonId?: number }).salespersonId === y!.id) await held;
    await route.continue();
  });
  await app.getByLabel('Salesperson').selectOption({ label: y!.name });
  await expect(app.getByRole('status').filter({ hasText: 'Loading…' }).first()).toBeVisible();
  await expect(problems).toHaveCount(0);
  release();
  await expect(problems).toHaveValue('Rain all week');
});
