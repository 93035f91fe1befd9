import { expect, test } from './fixtures.js';

test.use({ seed: 'S' });

test('a manager opens the matrix, reads an account’s reasons and logs a complaint', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Key accounts' }).click();
  await expect(app.getByRole('img', { name: /Scatter chart of each distributor/ })).toBeVisible();
  const table = app.getByRole('table', { name: 'Distributors by contribution' });
  const first = table.getByRole('row').nth(1);
  const name = (await first.getByRole('cell').nth(1).textContent())!;
  await first.click();
  const panel = app.getByRole('region', { name: `Account ${name}` });
  await expect(panel.getByText(/Churn warnings \(risk \d+\)/)).toBeVisible();
  await expect(panel.getByText('Strategy:')).toBeVisible();

  await panel.getByLabel('Category').selectOption('quality');
  await panel.getByRole('button', { name: 'Log complaint' }).click();
  await expect(panel.getByText('Describe the complaint')).toBeVisible();
  await panel.getByLabel('What happened').fill('Cloudy beer in the last delivery of cans');
  await panel.getByRole('button', { name: 'Log complaint' }).click();
  await expect(panel.getByRole('table', { name: `Complaints of ${name}` })).toContainText('Cloudy beer in the last delivery of cans');

  await app.getByRole('tab', { name: 'Complaint log' }).click();
  await expect(app.getByRole('table', { name: 'Complaint log' })).toContainText('Cloudy beer in the last delivery of cans');
});
