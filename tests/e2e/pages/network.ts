import { expect, type Page } from '@playwright/test';

/** Page object for the network screens, shared by the specs that need a region, an area, a distributor. */
export class NetworkScreens {
  constructor(private readonly page: Page) {}

  async open(navLabel: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: navLabel }).click();
  }

  async createRegionAndArea(region: { code: string; name: string }, area: { code: string; name: string }): Promise<void> {
    const page = this.page;
    await this.open('Regions & areas');
    await page.getByRole('button', { name: 'Add region' }).click();
    const regionDialog = page.getByRole('dialog', { name: 'Add region' });
    await regionDialog.getByLabel('Code').fill(region.code);
    await regionDialog.getByLabel('Name').fill(region.name);
    await regionDialog.getByRole('button', { name: 'Save' }).click();
    await expect(regionDialog).toBeHidden();
    await page.getByRole('button', { name: 'Add area' }).click();
    const areaDialog = page.getByRole('dialog', { name: 'Add area' });
    await areaDialog.getByLabel('Code').fill(area.code);
    await areaDialog.getByLabel('Name').fill(area.name);
    await areaDialog.getByLabel('Region').selectOption({ label: region.name });
    await areaDialog.getByRole('button', { name: 'Save' }).click();
    await expect(areaDialog).toBeHidden();
    await expect(page.getByRole('table', { name: 'Regions & areas' }).getByRole('row', { name: new RegExp(area.name) })).toBeVisible();
  }

  async createDistributor(d: { code: string; name: string; area: string; leadTime: string; capacity: string }): Promise<void> {
    const page = this.page;
    await this.open('Distributors');
    await page.getByRole('button', { name: 'New distributor' }).click();
    const dialog = page.getByRole('dialog', { name: 'New distributor' });
    await dialog.getByLabel('Code').fill(d.code);
    await dialog.getByLabel('Name').fill(d.name);
    await dialog.getByLabel('Area').selectOption({ label: d.area });
    await dialog.getByLabel('Lead time (days)').fill(d.leadTime);
    await dialog.getByLabel('Warehouse capacity (cases)').fill(d.capacity);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
  }
}
