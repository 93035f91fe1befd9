import { expect, holdAnswers, test } from './fixtures.js';

test.use({ seed: 'S' });

test('a manager runs the forecast, reads a series and records an agreed number', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Forecast' }).click();
  // the demo region comes forecast; recompute everything to see a run through with its progress
  await expect(app.getByRole('table', { name: 'Forecast by month' })).toBeVisible();
  await app.getByRole('button', { name: 'Recompute all' }).click();
  await expect(app.getByText(/Forecast updated: \d+ of \d+ series refitted/)).toBeVisible({ timeout: 45_000 });

  const table = app.getByRole('table', { name: 'Forecast by month' });
  await expect(table.getByRole('row')).toHaveCount(1 + 12 + 1);
  await expect(app.getByRole('img', { name: /Chart of monthly sales history and forecast/ })).toBeVisible();
  // accuracy beside the baseline a manager knows, on the same backtest origins, with by how much
  const accuracy = app.getByRole('region', { name: 'Method and accuracy' });
  await expect(accuracy).toContainText('Repeating last season (same origins)');
  await expect(accuracy.getByTestId('versus-naive')).toHaveText(/^\d+% lower error than repeating last season$/);

  // Narrow to one distributor and its biggest SKU: the model is explained in words. The distributor's
  // own SKU list takes a moment (slowed here): until it is in, the SKU list shown is the previous one
  // and cannot be picked from, so the SKU chosen is one the distributor sells.
  await app.route('**/api/forecast.options', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await app.getByLabel('Distributor').selectOption({ index: 1 });
  await app.getByLabel('SKU').selectOption({ index: 1 });
  await expect(app.getByRole('region', { name: 'Method and accuracy' })).toContainText('Model');
  await expect(app.getByRole('region', { name: 'Method and accuracy' })).toContainText(
    /seasonal|season|trend|intermittent|short history|no sales/,
  );

  const firstRow = table.getByRole('row').nth(1);
  const agreeFirst = firstRow.getByRole('button', { name: /Agree a number for/ });
  await expect(agreeFirst).toBeEnabled();
  // Another SKU chosen while its series is on the way: the previous SKU's numbers stay on screen,
  // but no number is agreed from them for the new one.
  const releaseView = await holdAnswers(app, '**/api/forecast.view');
  await app.getByLabel('SKU').selectOption({ index: 2 });
  await expect(agreeFirst).toBeDisabled();
  await releaseView();
  await expect(agreeFirst).toBeEnabled();
  await app.unroute('**/api/forecast.view');
  const month = (await firstRow.getByRole('cell').first().textContent())!;
  await firstRow.getByRole('button', { name: /Agree a number for/ }).click();
  const dialog = app.getByRole('dialog', { name: /Agree a number for/ });
  await dialog.getByLabel('Agreed cases').fill('777');
  await dialog.getByRole('button', { name: 'Save agreed number' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Say why');
  await dialog.getByLabel('Reason (who agreed, why)').fill('Distributor plans a new-year promotion');
  await dialog.getByRole('button', { name: 'Save agreed number' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row', { name: new RegExp(month.split(' ')[0]!) }).first()).toContainText('777');
  const agreed = app.getByRole('region', { name: 'Agreed numbers' });
  await expect(agreed).toContainText('Distributor plans a new-year promotion');

  // Removing an agreed number asks first; cancelled, it stays; confirmed, the statistical forecast is back.
  await agreed.getByRole('button', { name: /^Remove the agreed number for / }).click();
  const confirm = app.getByRole('dialog', { name: 'Remove this agreed number?' });
  await expect(confirm).toContainText('the statistical forecast counts there again');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(agreed).toContainText('Distributor plans a new-year promotion');
  await agreed.getByRole('button', { name: /^Remove the agreed number for / }).click();
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(confirm).toBeHidden();
  await expect(agreed).not.toContainText('Distributor plans a new-year promotion');
  await expect(table.getByRole('row', { name: new RegExp(month.split(' ')[0]!) }).first()).not.toContainText('777');
});
