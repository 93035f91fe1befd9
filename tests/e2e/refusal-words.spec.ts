import { expect, test } from './fixtures.js';

test.use({ seed: 'S' });

test('under 中文, a refusal from the core is read in Chinese: a region that still has areas is not deleted', async ({ app }) => {
  await app.getByLabel('Language').selectOption('zh');
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh');
  try {
    await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '大区与区域' }).click();
    const calendar = app.getByRole('table', { name: '旺季日历' });
    const name = (await calendar.locator('tbody tr strong').first().textContent())!;
    await calendar.getByRole('button', { name: `编辑 ${name}` }).click();
    await app.getByRole('dialog').getByRole('button', { name: '删除' }).click();
    // The core's rule (regionInUse), worded from rules:refusal in the person's language, not its English.
    const toast = app.getByRole('status').filter({ hasText: `大区 ${name} 仍有` });
    await expect(toast).toContainText(/仍有 \d+ 个片区和 \d+ 名员工。请先移走或删除它们。/);
    await expect(app.getByText(/still has/)).toHaveCount(0);
    await app.keyboard.press('Escape');
    await expect(calendar.getByText(name, { exact: true })).toBeVisible();
  } finally {
    await app.getByRole('combobox').first().selectOption('en');
  }
});
