import { expect, test } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(120_000);

test("a salesperson keeps a sub-dealer's contacts current from its form, and the list remembers them", async ({ app }) => {
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Sub-dealers' }).click();
  const table = app.getByRole('table', { name: 'Sub-dealers' });
  const first = table.getByRole('row').nth(1);
  await expect(first).toBeVisible();
  const name = (await first.getByRole('cell').nth(1).textContent())!.trim();
  await first.click();
  await app
    .getByRole('dialog', { name: `Edit ${name}` })
    .getByRole('button', { name: 'Contacts…' })
    .click();

  const contacts = app.getByRole('dialog', { name: `Contacts at ${name}` });
  await contacts.getByRole('button', { name: 'Add contact' }).click();
  const form = app.getByRole('dialog', { name: 'Add contact' });
  await form.getByLabel('Name').fill('Wang Li');
  await form.getByLabel('Level in their organisation').selectOption('owner');
  await form.getByLabel('Phone').fill('+86 138 0000 1234');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  // The form closed on its own: the contacts dialog under it stays open and lists the new person.
  await expect(contacts.getByRole('table', { name: 'Contacts' })).toContainText('Wang Li');
  await expect(contacts.getByRole('table', { name: 'Contacts' })).toContainText('+86 138 0000 1234');

  // Escape closes the dialog on top only.
  await contacts.getByRole('button', { name: 'Edit Wang Li' }).click();
  await app.getByRole('dialog', { name: 'Edit Wang Li' }).getByLabel('Name').press('Escape');
  await expect(app.getByRole('dialog', { name: 'Edit Wang Li' })).toBeHidden();
  await expect(contacts).toBeVisible();
  await contacts.getByRole('button', { name: 'Close' }).click();
  await expect(contacts).toBeHidden();

  // Opened again from the list, the contact is there: it was saved, not only shown.
  await first.click();
  await app.getByRole('button', { name: 'Contacts…' }).click();
  await expect(app.getByRole('dialog', { name: `Contacts at ${name}` }).getByRole('table', { name: 'Contacts' })).toContainText('Wang Li');
});
