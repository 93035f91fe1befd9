import Database from 'better-sqlite3';
import { expect, openSignedIn, test } from './fixtures.js';

test.use({ seed: 'S' });
// Three browsers and a demo region on a shared 2-core machine: a generous budget, not a speed goal.
test.setTimeout(360_000);

/** A month as the screens write it in English ("October 2026"). */
const monthLabel = (yyyyMm: string) =>
  new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' }).format(
    new Date(Number(yyyyMm.slice(0, 4)), Number(yyyyMm.slice(5, 7)) - 1, 1),
  );

/** Two months back: ended, clear of the demo's own plans (which cover last month and this one), and its first Monday. */
function endedMonth(): { month: string; monday: string } {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 2);
  const month = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  while (d.getDay() !== 1) d.setDate(d.getDate() + 1);
  return { month, monday: `${month}-${String(d.getDate()).padStart(2, '0')}` };
}

test('a salesperson and their manager, each signed in on one database: plan, visits, review, approval, comment, decision, all in the history', async ({
  browser,
  server,
}) => {
  const { month, monday } = endedMonth();
  const db = new Database(server.dbPath, { readonly: true });
  const me = db
    .prepare(
      "SELECT id, code, name, region_id AS regionId FROM staff WHERE role = 'salesperson' AND active = 1 ORDER BY name COLLATE NOCASE LIMIT 1",
    )
    .get() as {
    id: number;
    code: string;
    name: string;
    regionId: number;
  };
  const manager = db.prepare("SELECT name FROM staff WHERE role = 'regional_manager' AND region_id = ?").pluck().get(me.regionId) as string;
  const outlet = db
    .prepare(
      `SELECT t.name FROM terminals t JOIN staff_areas sa ON sa.area_id = t.area_id AND sa.staff_id = ?
       WHERE t.status = 'prospect' AND (SELECT count(*) FROM terminals x WHERE x.name = t.name) = 1 ORDER BY t.id LIMIT 1`,
    )
    .pluck()
    .get(me.id) as string;
  db.close();

  const salesContext = await browser.newContext();
  const managerContext = await browser.newContext();
  const sales = await salesContext.newPage();
  const boss = await managerContext.newPage();
  await openSignedIn(sales, server, me.name);
  await openSignedIn(boss, server, manager);

  // The salesperson works on their own month: no picker to act as someone else, no approvals tab.
  await sales.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outlet development' }).click();
  await expect(sales.getByRole('combobox', { name: 'Salesperson' })).toHaveCount(0);
  await expect(sales.getByRole('tab', { name: 'Plans to approve' })).toHaveCount(0);
  await sales.getByLabel('Month', { exact: true }).fill(month);
  const plan = sales.getByRole('region', { name: `Plan for ${month}` });
  await plan.getByRole('button', { name: 'Create plan' }).click();
  const planDialog = sales.getByRole('dialog', { name: `Development plan for ${month}` });
  await planDialog.getByLabel('Visits').fill('20');
  await planDialog.getByLabel('New terminals').fill('1');
  await planDialog.getByRole('button', { name: 'Save draft' }).click();
  await expect(planDialog).toBeHidden();
  await plan.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(plan.getByText('Waiting for approval')).toBeVisible();

  // A visit logged from the visit list.
  const visits = sales.getByRole('region', { name: /^Visits this month/ });
  await visits.getByLabel('Log a visit that was not on a route').fill(outlet);
  await visits.getByRole('button', { name: outlet }).click();
  const visit = sales.getByRole('dialog', { name: `Visit: ${outlet}` });
  await visit.getByLabel('Day').fill(monday);
  await visit.getByLabel('Outcome').selectOption({ label: 'Interested' });
  await visit.getByRole('button', { name: 'Save visit' }).click();
  await expect(visit).toBeHidden();
  await expect(visits.getByRole('table', { name: 'Visits this month' })).toContainText(outlet);

  // The weekly review, submitted; the manager's comment is not the salesperson's to write.
  await sales.getByRole('tab', { name: 'Weekly review' }).click();
  await sales.getByLabel('Week of').fill(monday);
  await sales.getByLabel('Problems met').fill('Rain all week');
  await sales.getByLabel('What worked').fill('One bar interested');
  await sales.getByRole('button', { name: 'Submit review' }).click();
  await expect(sales.getByText(/^Submitted /)).toBeVisible();
  await expect(sales.getByLabel("Regional manager's comment")).not.toBeEditable();
  await expect(sales.getByRole('button', { name: 'Save comment' })).toHaveCount(0);

  // The manager, in another browser: approves, comments, decides the ended month.
  await boss.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outlet development' }).click();
  await boss.getByLabel('Month', { exact: true }).fill(month);
  await boss.getByRole('tab', { name: 'Plans to approve' }).click();
  await boss.getByRole('button', { name: `Approve ${me.name}'s plan` }).click();
  await expect(boss.getByRole('table', { name: 'Development plans' }).getByRole('row', { name: new RegExp(me.name) })).toContainText(
    'Approved',
  );
  await boss.getByLabel('Salesperson').selectOption({ label: me.name });
  await boss.getByRole('tab', { name: 'Weekly review' }).click();
  await boss.getByLabel('Week of').fill(monday);
  await expect(boss.getByLabel('Problems met')).toHaveValue('Rain all week');
  await boss.getByLabel("Regional manager's comment").fill('Good start, keep the bar warm');
  await boss.getByRole('button', { name: 'Save comment' }).click();
  await expect(boss.getByRole('button', { name: /^Reopen…/ })).toBeVisible();
  await boss.getByRole('tab', { name: 'Scorecard' }).click();
  await boss.getByRole('button', { name: `Decide for ${me.name}` }).click();
  const decide = boss.getByRole('dialog', { name: `${me.name}, ${month}` });
  await decide.getByLabel('Decision').selectOption({ label: 'No action' });
  await decide.getByLabel('Reason').fill('First month on the new route');
  await decide.getByRole('button', { name: 'Save decision' }).click();
  await expect(decide).toBeHidden();
  await expect(
    boss.getByRole('table', { name: 'Decisions by month' }).getByRole('row', { name: new RegExp(`${monthLabel(month)}.*${me.name}`) }),
  ).toContainText('No action');

  // The salesperson sees the comment; the signed-off review no longer takes changes.
  await sales.reload();
  await sales.getByRole('tab', { name: 'Weekly review' }).click();
  await sales.getByLabel('Week of').fill(monday);
  await expect(sales.getByLabel("Regional manager's comment")).toHaveValue('Good start, keep the bar warm');
  await expect(sales.getByRole('button', { name: 'Submit review' })).toBeDisabled();

  // Each step is in the history with the person who took it, said in words.
  await sales.getByRole('button', { name: 'History' }).click();
  const reviewHistory = sales.getByRole('region', { name: 'History of this record' });
  await expect(reviewHistory.getByRole('row', { name: /Saved or submitted a weekly review/ })).toContainText(me.name);
  await expect(reviewHistory.getByRole('row', { name: /Commented on a weekly review/ })).toContainText(manager);
  await sales.getByRole('tab', { name: 'My month' }).click();
  await sales.getByLabel('Month', { exact: true }).fill(month);
  await plan.getByRole('button', { name: 'History' }).click();
  const planHistory = plan.getByRole('region', { name: 'History of this record' });
  await expect(planHistory.getByRole('row', { name: /Saved a development plan/ })).toContainText(me.name);
  await expect(planHistory.getByRole('row', { name: /Submitted a development plan/ })).toContainText(me.name);
  await expect(planHistory.getByRole('row', { name: /Approved or returned a development plan/ })).toContainText(manager);
  await expect(planHistory.getByRole('row', { name: /Approved or returned a development plan/ })).toContainText('submitted → approved');

  // The administrator's history screen has every step, including the visit and the decision, by person.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await openSignedIn(admin, server, 'Administrator');
  await admin.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'History' }).click();
  await admin.getByLabel('Person (code)').fill(me.code);
  const table = admin.getByRole('table');
  // the visit's own entry (an interested outlet's pipeline stage may move with it, in entries of its own)
  await expect(table.getByRole('row', { name: /Logged a visit Visit #/ })).toContainText(me.name);
  await expect(table.getByRole('row', { name: /Approved or returned a development plan/ })).toHaveCount(0);
  await admin.getByLabel('Person (code)').fill('');
  await expect(table.getByRole('row', { name: /Decided a monthly scorecard/ })).toContainText(manager);
  // the action filter offers the actions by their words and keeps only the one chosen
  await admin.getByLabel('Action', { exact: true }).selectOption({ label: 'Decided a monthly scorecard' });
  await expect(table.getByRole('row', { name: /Logged a visit/ })).toHaveCount(0);
  await expect(table.getByRole('row', { name: /Decided a monthly scorecard/ })).toContainText(manager);
  await Promise.all([salesContext.close(), managerContext.close(), adminContext.close()]);
});
