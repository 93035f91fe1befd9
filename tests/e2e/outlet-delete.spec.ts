import { api, expect, test } from './fixtures.js';

/**
 * The sub-dealer and terminal lists share their dialogs (renderer/network/OutletDialogs.tsx): the edit
 * form hands over to the delete confirmation, and the outcome is said in a toast.
 */
test('a terminal and then its sub-dealer are deleted from their lists, each after a confirmation', async ({ app, server }) => {
  const region = await api(server, 'region.create', { draft: { code: 'N', name: 'North', peakMonths: [5, 6] } });
  const area = await api(server, 'area.create', { draft: { code: 'N1', name: 'Riverside', regionId: region.id } });
  const distributor = await api(server, 'distributor.create', {
    draft: {
      code: 'D1',
      name: 'Riverside Beverage',
      areaId: area.id,
      leadTimeDays: 7,
      warehouseCapacityCases: 1000,
      relationshipLevel: 2,
      status: 'active',
    },
  });
  const outlet = { areaId: area.id, status: 'active' as const, latitude: null, longitude: null };
  const sub = await api(server, 'subDealer.create', {
    draft: { ...outlet, code: 'S1', name: 'Wang Wholesale', distributorId: distributor.id },
  });
  await api(server, 'terminal.create', {
    draft: { ...outlet, code: 'T1', name: "Zhao's Grill", channel: 'restaurant', subDealerId: sub.id },
  });
  const nav = app.getByRole('navigation', { name: 'Main navigation' });

  await nav.getByRole('link', { name: 'Terminals' }).click();
  await app
    .getByRole('table', { name: 'Terminals' })
    .getByRole('row', { name: /Zhao's Grill/ })
    .click();
  await app.getByRole('dialog', { name: "Edit Zhao's Grill" }).getByRole('button', { name: 'Delete' }).click();
  const confirmTerminal = app.getByRole('dialog', { name: "Delete Zhao's Grill?" });
  // Cancelling keeps it.
  await confirmTerminal.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirmTerminal).toBeHidden();
  await expect(app.getByRole('table', { name: 'Terminals' }).getByRole('row', { name: /Zhao's Grill/ })).toBeVisible();
  await app
    .getByRole('table', { name: 'Terminals' })
    .getByRole('row', { name: /Zhao's Grill/ })
    .click();
  await app.getByRole('dialog', { name: "Edit Zhao's Grill" }).getByRole('button', { name: 'Delete' }).click();
  await confirmTerminal.getByRole('button', { name: 'Delete' }).click();
  await expect(app.getByText("Zhao's Grill deleted.")).toBeVisible();
  await expect(app.getByRole('table', { name: 'Terminals' }).getByRole('row', { name: /Zhao's Grill/ })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Sub-dealers' }).click();
  await app
    .getByRole('table', { name: 'Sub-dealers' })
    .getByRole('row', { name: /Wang Wholesale/ })
    .click();
  await app.getByRole('dialog', { name: 'Edit Wang Wholesale' }).getByRole('button', { name: 'Delete' }).click();
  const confirmSub = app.getByRole('dialog', { name: 'Delete sub-dealer Wang Wholesale?' });
  await expect(confirmSub).toContainText('It has no outlets.');
  await confirmSub.getByRole('button', { name: 'Delete' }).click();
  await expect(app.getByText('Wang Wholesale deleted.')).toBeVisible();
  await expect(app.getByRole('table', { name: 'Sub-dealers' }).getByRole('row', { name: /Wang Wholesale/ })).toHaveCount(0);
  expect((await api(server, 'subDealer.list', { distributorId: distributor.id })).total).toBe(0);
});
