import Database from 'better-sqlite3';
import { offSeasonMonths } from '../../main/targets/offSeason.js';
import { expect, test } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(180_000);

test('a large jump in a brand target is asked about, from the line the manager sets', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Targets' }).click();
  const lines = app.getByRole('table', { name: 'What the peak must deliver' });
  const first = lines.getByRole('spinbutton').first();
  await expect(first).toBeVisible();
  const before = Number(await first.inputValue());
  const tripled = String(before * 3);

  // tripled is far beyond the default ±50%: the planner asks, and cancelling keeps the old target
  await first.fill(tripled);
  await first.press('Enter');
  const jump = app.getByRole('dialog', { name: 'A large jump' });
  await expect(jump).toContainText(/cases is \+\d+\.\d% on .*beyond the ±50% that is asked about/);
  await jump.getByRole('button', { name: 'Cancel' }).click();
  await expect(jump).toBeHidden();
  await expect(first).toHaveValue(String(before));

  // the manager widens the line to ±500%: the same target is saved without a question
  await app.getByRole('button', { name: 'Ask about jumps beyond ±50%' }).click();
  const rules = app.getByRole('dialog', { name: 'Large jumps in targets' });
  // the line is the plan's region's
  await expect(rules).toContainText(/The line of .+: it asks about this region's plans only\./);
  await rules.getByLabel('Ask before saving a target that moves more than (±%)').fill('500');
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(rules).toBeHidden();
  await expect(app.getByRole('button', { name: 'Ask about jumps beyond ±500%' })).toBeVisible();
  await first.fill(tripled);
  await first.press('Enter');
  await expect(first).toHaveValue(tripled);
  await expect(jump).toBeHidden();
});

test('the off-season months before the peak show shipments and new outlets month by month', async ({ app, server }) => {
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Targets' }).click();
  await app.getByRole('tab', { name: 'Off-season months' }).click();
  const table = app.getByRole('table', { name: 'Off-season months before the peak' });
  await expect(table).toBeVisible();
  // a distributor per row, then the region's total; each month says its outlets to sign
  await expect(table.getByRole('row')).not.toHaveCount(2);
  await expect(table.getByRole('rowheader', { name: 'Region' })).toBeVisible();
  await expect(table.getByText(/\+\d+ outlets?/).first()).toBeVisible();
  // the months already over (the demo's history runs to last month) say what was shipped and ask no outlets
  const db = new Database(server.dbPath, { readonly: true });
  const peak = (db.prepare('SELECT months FROM target_plans ORDER BY id LIMIT 1').pluck().get() as string).split(',');
  db.close();
  const today = new Date();
  const current = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
  const over = offSeasonMonths(peak).filter((m) => m < current).length;
  await expect(table.getByRole('columnheader', { name: /over$/ })).toHaveCount(over);
  const region = table.getByRole('row').filter({ has: app.getByRole('rowheader', { name: 'Region' }) });
  // each month over, and the season's total measured against what those months asked
  await expect(region.getByText(/^shipped [\d,]+$/)).toHaveCount(over > 0 ? over + 1 : 0);
  if (over > 0) await expect(region.getByText(/^of [\d,]+ due so far$/)).toBeVisible();
  await expect(region.getByText(/^\+\d+ outlets?$/)).toHaveCount(offSeasonMonths(peak).length - over + 1);
  // what the months over fell short or shipped beyond is carried: each month ahead says what it then needs
  const ahead = offSeasonMonths(peak).length - over;
  if (over > 0 && ahead > 0)
    await expect(region.getByText(/^needed [\d,]+ (to make up the shortfall|after the surplus)$/)).toHaveCount(ahead);
});
