import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { NetworkScreens } from './pages/network.js';

test.describe.configure({ mode: 'serial' });

test('an empty database offers the demo region', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'Start with a demo region' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Generate demo region' })).toBeEnabled();
});

test('a manager creates a distributor with a sub-dealer and a terminal', async ({ app }) => {
  const network = new NetworkScreens(app);
  await network.createRegionAndArea({ code: 'NORTH', name: 'North Region' }, { code: 'N-01', name: 'Riverside' });
  await network.createDistributor({
    code: 'D100',
    name: 'Riverside Beverage Co.',
    area: 'Riverside (N-01)',
    leadTime: '7',
    capacity: '15000',
  });

  await app.getByRole('row', { name: /Riverside Beverage Co\./ }).click();
  await expect(app.getByRole('heading', { name: 'Riverside Beverage Co.' })).toBeVisible();

  await app.getByRole('button', { name: 'Add sub-dealer' }).click();
  const sub = app.getByRole('dialog', { name: 'Add sub-dealer' });
  await sub.getByLabel('Code').fill('S100');
  await sub.getByLabel('Name').fill('Wang Wholesale');
  await sub.getByLabel('Competitor brand').fill('Golden Peak');
  await sub.getByRole('button', { name: 'Create' }).click();
  await expect(sub).toBeHidden();

  await app.getByRole('button', { name: 'Add terminal' }).click();
  const terminal = app.getByRole('dialog', { name: 'Add terminal' });
  await terminal.getByLabel('Code').fill('T100');
  await terminal.getByLabel('Name').fill("Zhao's Grill");
  await terminal.getByLabel('Channel').selectOption({ label: 'Restaurant' });
  await terminal.getByLabel('Sub-dealer').selectOption({ label: 'Wang Wholesale (S100)' });
  await terminal.getByRole('button', { name: 'Create' }).click();
  await expect(terminal).toBeHidden();

  // The tree shows the sub-dealer with its terminal, and the counts follow.
  const branch = app.getByText('Wang Wholesale', { exact: true });
  await expect(branch).toBeVisible();
  await app.getByRole('group').filter({ hasText: 'Wang Wholesale' }).getByText('Wang Wholesale').click();
  await expect(app.getByText("Zhao's Grill", { exact: true })).toBeVisible();
  // The brief counts the distributor's terminals by status.
  const outlets = app.getByRole('region', { name: 'Sub-dealers, terminals and development' });
  await expect(outlets.getByRole('definition').filter({ hasText: /^1 active · 0 prospects · 0 lost$/ })).toHaveCount(2);

  // Inline validation names the field.
  await app.getByRole('button', { name: 'Edit' }).click();
  const edit = app.getByRole('dialog', { name: /Edit Riverside/ });
  await edit.getByLabel('Lead time (days)').fill('-4');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('alert')).toContainText('At least 0');
  await edit.getByRole('button', { name: 'Cancel' }).click();
});

test('a CSV with a bad row is reported and nothing is written; fixed, it imports', async ({ app }) => {
  const network = new NetworkScreens(app);
  await network.open('Distributors');
  await expect(app.getByText('1 record')).toBeVisible();
  const dir = tmpdir();
  const bad = join(dir, 'distributors-bad.csv');
  // Semicolons and Russian headers, as a Russian office's Excel writes them.
  writeFileSync(
    bad,
    [
      'Код;Название;Район;Срок поставки;Вместимость склада;Уровень отношений;Статус',
      'D200;Северный Опт;N-01;5;8000;2;активный',
      'D201;Волга Трейд;N-01;пять;9000;1;активный',
    ].join('\n'),
  );
  await app.getByRole('button', { name: 'Import distributors…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Import distributors' });
  await dialog.getByLabel('Spreadsheet file (CSV or Excel)').setInputFiles(bad);
  await expect(dialog.getByText(/2 rows, UTF-8, delimiter ;/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Check rows' }).click();
  const problems = dialog.getByRole('table', { name: 'Problems found' });
  await expect(problems.getByRole('row', { name: /3 Срок поставки пять/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Import 1 row' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByText('1 record')).toBeVisible();

  const good = join(dir, 'distributors-good.csv');
  writeFileSync(
    good,
    [
      'Код;Название;Район;Срок поставки;Вместимость склада;Уровень отношений;Статус',
      'D200;Северный Опт;N-01;5;8000;2;активный',
      'D201;Волга Трейд;N-01;5;9000;1;активный',
    ].join('\n'),
  );
  await app.getByRole('button', { name: 'Import distributors…' }).click();
  const again = app.getByRole('dialog', { name: 'Import distributors' });
  await again.getByLabel('Spreadsheet file (CSV or Excel)').setInputFiles(good);
  await again.getByRole('button', { name: 'Check rows' }).click();
  await expect(again.getByText('2 rows: 2 new, 0 to update, 0 unchanged, 0 refused.')).toBeVisible();
  await again.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(again.getByText('Imported: 2 new, 0 updated, 0 unchanged, 0 skipped.')).toBeVisible();
  await again.getByRole('button', { name: 'Close' }).first().click();
  await expect(app.getByText('3 records')).toBeVisible();
  await expect(app.getByRole('row', { name: /Волга Трейд/ })).toBeVisible();
});

test('the language switch changes the interface and persists', async ({ app }) => {
  await app.getByLabel('Language').selectOption('zh');
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh');
  await expect(app.getByRole('navigation').getByRole('link', { name: 'Distributors' })).toHaveCount(0);
  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh');
  await app.getByRole('combobox').first().selectOption('en');
  await expect(app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Distributors' })).toBeVisible();
});
