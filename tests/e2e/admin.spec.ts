import { api, expect, openSignedIn, test } from './fixtures.js';

test('the administrator adds a person with a password, switches to password sign-in, and disables them after confirming', async ({
  page,
  server,
}) => {
  await openSignedIn(page, server);
  await api(server, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [5, 6, 7, 8] } });
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'People & sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'People and sign-in', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No people yet' })).toBeVisible();

  // A bad password is named on its field, and nothing is added.
  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByRole('textbox', { name: 'Code', exact: true }).fill('MW');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Mei Wang');
  await dialog.getByLabel('Role', { exact: true }).selectOption({ label: 'Regional manager' });
  await dialog.getByRole('group', { name: 'Regions' }).getByRole('checkbox', { name: 'North' }).check();
  await dialog.getByLabel('Password', { exact: true }).fill('short');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog.getByText('At least 8 characters')).toBeVisible();
  await dialog.getByLabel('Password', { exact: true }).fill('mei-wang-2026');
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog).toBeHidden();
  const people = page.getByRole('table', { name: 'People' });
  const row = people.getByRole('row').filter({ hasText: 'Mei Wang' });
  await expect(row).toContainText('Regional manager');
  await expect(row).toContainText('North');
  await expect(row).toContainText('Set');
  await expect(people).not.toContainText('mei-wang-2026');

  // Password sign-in needs the administrator's own password first.
  await page.getByLabel('Sign-in', { exact: true }).selectOption({ label: 'Passwords' });
  await page.getByLabel('Administrator password').fill('admin-pass-1');
  await page.getByRole('button', { name: 'Save sign-in' }).click();
  await expect(page.getByText('Sign-in saved.')).toBeVisible();

  // Mei signs in with her password and sees no administration.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('list', { name: 'People' }).getByRole('button', { name: 'Mei Wang', exact: true }).click();
  await page.getByLabel('Password for Mei Wang').fill('mei-wang-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('region', { name: 'Signed in' })).toContainText('Mei Wang');
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'People & sign-in' })).toHaveCount(0);

  // The administrator disables her, after a confirmation that says what happens.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('list', { name: 'People' }).getByRole('button', { name: 'Administrator', exact: true }).click();
  await page.getByLabel('Password for Administrator').fill('admin-pass-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'People & sign-in' }).click();
  await page.getByRole('button', { name: 'Disable Mei Wang' }).click();
  const confirm = page.getByRole('dialog', { name: 'Disable Mei Wang?' });
  await expect(confirm).toContainText('will no longer be able to sign in');
  await confirm.getByRole('button', { name: 'Disable' }).click();
  await expect(page.getByRole('table', { name: 'People' }).getByRole('row').filter({ hasText: 'Mei Wang' })).toContainText('Disabled');
  await expect(page.getByRole('button', { name: 'Enable Mei Wang' })).toBeVisible();
});
