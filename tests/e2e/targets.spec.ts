import Database from 'better-sqlite3';
import { expect, holdAnswers, test } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(120_000);

test('a manager enters a peak plan, cascades it, locks and edits cells, and exports a sheet', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Targets' }).click();
  // the demo region comes with a draft plan per region, for the manager to adjust
  await expect(app.getByRole('combobox', { name: 'Plan' })).toContainText(/peak \d{4} \(draft\)/);
  await app.getByRole('button', { name: 'New peak plan' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'New peak plan' });
  await expect(dialog.getByRole('table', { name: 'Peak volume target by brand' }).getByRole('row')).not.toHaveCount(1);
  await dialog.getByLabel('Peak target for Northstar', { exact: true }).fill('50000');
  await dialog.getByLabel('New outlets the peak needs').fill('60');
  await dialog.getByRole('button', { name: 'Create and cascade' }).click();
  // 50,000 cases is far from Northstar's natural volume: the planner asks before keeping it
  const jump = app.getByRole('dialog', { name: 'A large jump' });
  await expect(jump).toContainText(/Northstar: 50000 cases is [+-]\d+\.\d% on its natural volume/);
  await jump.getByRole('button', { name: 'Keep this target' }).click();
  await expect(dialog).toBeHidden();

  const lines = app.getByRole('table', { name: 'What the peak must deliver' });
  await expect(lines.getByRole('spinbutton', { name: 'Target for Northstar', exact: true })).toHaveValue('50000');

  // The distributor sheet: lock a cell, then change another in the same SKU row.
  await app.getByRole('tab', { name: 'Distributor sheet' }).click();
  await app.getByRole('combobox', { name: 'Distributor', exact: true }).selectOption({ index: 1 });
  const grid = app.getByRole('table', { name: 'Targets by SKU and month' });
  const firstRow = grid.getByRole('row').nth(1);
  const cells = firstRow.getByRole('spinbutton');
  const skuTotal = await cells.last().inputValue();
  const lockedValue = await cells.nth(0).inputValue();
  await firstRow.getByRole('checkbox').first().click();
  await expect(firstRow.getByRole('checkbox').first()).toBeChecked();
  await expect(cells.nth(0)).toBeDisabled();
  const second = cells.nth(1);
  const newValue = String(Number(await second.inputValue()) + 10);
  await second.fill(newValue);
  await second.press('Enter');
  // The grid says what will move before it moves it: the other unlocked months give the 10 cases.
  const preview = app.getByRole('dialog', { name: 'What this change will move' });
  await expect(preview.getByRole('table', { name: 'What moves to keep the totals' })).toBeVisible();
  await expect(preview).toContainText('1 locked cell stays as it is.');
  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(preview).toBeHidden();
  await expect(second).toHaveValue(newValue);
  // A typed number is kept: highlighted and locked until someone unlocks it.
  await expect(second).toBeDisabled();
  await expect(firstRow.locator('.grid-cell.typed')).toHaveCount(1);
  // the SKU's total held, the locked cell did not move
  await expect(cells.last()).toHaveValue(skuTotal);
  await expect(cells.nth(0)).toHaveValue(lockedValue);
  await expect(cells.nth(0)).toBeDisabled();

  // a total the locked cells cannot absorb is refused with a message, nothing changes
  await cells.last().fill('0');
  await cells.last().press('Enter');
  await expect(preview.getByRole('alert')).toContainText(/already locked|only part of its total/);
  await expect(preview.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(cells.last()).toHaveValue(skuTotal);

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Export XLSX' }).click();
  expect((await download).suggestedFilename()).toMatch(/^target-sheet-.*\.xlsx$/);

  // Save it as a version and compare the two by brand: same numbers, nothing to explain.
  await app.getByRole('button', { name: 'Save as version' }).click();
  const save = app.getByRole('dialog', { name: 'Save as version' });
  await save.getByLabel('Version name').fill('Peak draft B');
  await save.getByLabel('Status').selectOption('draft');
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toBeHidden();
  await app.getByRole('tab', { name: 'Compare versions' }).click();
  const other = app.getByRole('combobox', { name: 'Other version' });
  // the plan created above, named after its peak by default
  const labels = await other.locator('option').allTextContents();
  await other.selectOption({ label: labels.find((l) => /^Peak \d{4} · /.test(l))! });
  await app.getByRole('combobox', { name: 'Compare by' }).selectOption('brand');
  const compare = app.getByRole('table', { name: 'Compare with another version' });
  const northstar = compare.getByRole('row', { name: /^Northstar/ });
  await expect(northstar.getByRole('cell').nth(1)).toHaveText('50,000');
  await expect(northstar.getByRole('cell').nth(3)).toHaveText('0');
  await expect(compare.getByRole('row', { name: /^Total/ })).toBeVisible();
});

test('numbers on screen from the previous plan or brand cannot be typed into while the chosen one loads', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Targets' }).click();
  const brand = app.getByRole('combobox', { name: 'Brand', exact: true });
  await brand.selectOption({ index: 1 });
  const byDistributor = app.getByRole('table', { name: 'Targets by distributor' });
  const firstTarget = byDistributor.getByRole('spinbutton', { name: /^Target of / }).first();
  await expect(firstTarget).toBeEnabled();

  // The chosen brand's figures are held back: the previous brand's stay on screen, not editable.
  const releaseBrand = await holdAnswers(app, '**/api/targets.view');
  await brand.selectOption({ index: 2 });
  await expect(firstTarget).toBeDisabled();
  await releaseBrand();
  await expect(firstTarget).toBeEnabled();
  await app.unroute('**/api/targets.view');

  // Another plan: the previous plan's lines are not shown as the new plan's while it loads.
  const plan = app.getByRole('combobox', { name: 'Plan', exact: true });
  const plans = await plan.locator('option:not([value=""])').allTextContents();
  if (plans.length < 2) {
    await app.getByRole('button', { name: 'Save as version' }).click();
    const save = app.getByRole('dialog', { name: 'Save as version' });
    await save.getByLabel('Version name').fill('Loading check');
    await save.getByRole('button', { name: 'Save' }).click();
    await expect(save).toBeHidden();
  }
  const current = await plan.inputValue();
  const lines = app.getByRole('table', { name: 'What the peak must deliver' });
  await expect(lines).toBeVisible();
  const releasePlan = await holdAnswers(app, '**/api/targets.view');
  const values = await plan.locator('option:not([value=""])').evaluateAll((options) => options.map((o) => o.getAttribute('value')));
  const otherValue = values.find((v) => v !== null && v !== current)!;
  await plan.selectOption(otherValue);
  await expect(lines).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: 'Loading' })).toBeVisible();
  await releasePlan();
  await expect(lines).toBeVisible();
  await app.unroute('**/api/targets.view');
});

test('a draft plan drawn before the latest forecast: the manager draws its natural volume again, and the targets stay', async ({
  app,
  server,
}) => {
  // The demo's first plan as if drawn from an earlier forecast: every cell's natural volume 10% lower.
  const db = new Database(server.dbPath);
  const plan = db
    .prepare('SELECT p.id, p.name, r.name AS region FROM target_plans p JOIN regions r ON r.id = p.region_id ORDER BY p.id LIMIT 1')
    .get() as { id: number; name: string; region: string };
  db.prepare(
    'UPDATE target_cells SET natural = CAST(natural * 0.9 AS INTEGER), basis = CAST(basis * 0.9 AS INTEGER) WHERE plan_id = ?',
  ).run(plan.id);
  db.prepare("UPDATE target_plans SET natural_drawn_at = '2026-01-05T08:00:00.000Z' WHERE id = ?").run(plan.id);
  const totals = () =>
    db.prepare('SELECT sum(natural) AS natural, sum(target) AS target FROM target_cells WHERE plan_id = ?').get(plan.id) as {
      natural: number;
      target: number;
    };
  const before = totals();
  const cases = (n: number) => new Intl.NumberFormat('en').format(n);

  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Targets' }).click();
  await app.getByRole('combobox', { name: 'Plan' }).selectOption({ label: `${plan.name} · ${plan.region} · Draft` });
  const natural = app.getByRole('group', { name: 'Natural volume' });
  await expect(natural).toContainText(cases(before.natural));
  // the screen says why the numbers may be stale, and offers the update there as well as in the header
  const behind = app.getByRole('status').filter({ hasText: /^The forecast ran again on / });
  await expect(behind).toContainText("after this plan's natural volumes were drawn");
  await expect(app.getByRole('button', { name: 'Update natural volumes…' })).toHaveCount(2);

  // Asked first, with what stays and what changes; Cancel changes nothing.
  await behind.getByRole('button', { name: 'Update natural volumes…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Update natural volumes from the latest forecast?' });
  await expect(dialog).toContainText(`“${plan.name}” (${cases(before.natural)} cases)`);
  await expect(dialog).toContainText('The targets stay as they are');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(totals()).toEqual(before);

  await behind.getByRole('button', { name: 'Update natural volumes…' }).click();
  await dialog.getByRole('button', { name: 'Update natural volumes', exact: true }).click();
  await expect(dialog).toBeHidden();
  const after = totals();
  expect(after.target).toBe(before.target);
  expect(after.natural).toBeGreaterThan(before.natural);
  await expect(
    app.getByText(new RegExp(`^Natural volume ${cases(before.natural)} → ${cases(after.natural)} cases \\(\\d+ cells changed\\)\\.$`)),
  ).toBeVisible();
  await expect(natural).toContainText(cases(after.natural));
  await expect(behind).toHaveCount(0);
  await expect(app.getByRole('group', { name: 'Target', exact: true })).toContainText(cases(after.target));
  db.close();
});
