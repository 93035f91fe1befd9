import { expect, type Page } from '@playwright/test';

/** Page object for the team-server parts of the shell and Settings, shared by the specs that connect desktops. */
export class SyncScreens {
  constructor(private readonly page: Page) {}

  /** The shell's one-line sync state (absent on a solo desktop). */
  indicator() {
    return this.page.getByRole('region', { name: 'Sync status' }).getByRole('button');
  }

  async openSettings(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  }

  card() {
    return this.page.getByRole('region', { name: 'Team server' });
  }

  /** Opens the connect dialog from Settings, checks the address and confirms the fingerprint shown. */
  async checkServer(serverUrl: string, expectedFingerprint?: string) {
    await this.openSettings();
    await this.page.getByRole('button', { name: 'Connect to a team server…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Connect to a team server' });
    await dialog.getByLabel('Server address').fill(serverUrl);
    await dialog.getByRole('button', { name: 'Check' }).click();
    const fingerprint = dialog.getByRole('group', { name: 'Certificate fingerprint' });
    if (expectedFingerprint) await expect(fingerprint).toContainText(expectedFingerprint.slice(0, 47));
    return dialog;
  }

  /** Connects this desktop as the person, through the dialog, and waits for the first sync to finish. */
  async connect(serverUrl: string, fingerprint: string, personCode: string, password: string): Promise<void> {
    const dialog = await this.checkServer(serverUrl, fingerprint);
    await dialog.getByRole('checkbox', { name: 'The fingerprint matches' }).check();
    await dialog.getByLabel('Your code').fill(personCode);
    await dialog.getByLabel('Password').fill(password);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect(dialog.getByText('Connected. This desktop now syncs with the team server.')).toBeVisible({ timeout: 90_000 });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Asks for a sync now (from the indicator's panel) and waits until nothing is waiting. */
  async syncNow(): Promise<void> {
    await this.indicator().click();
    const panel = this.page.getByRole('dialog', { name: 'Team server' });
    await panel.getByRole('button', { name: 'Sync now' }).click();
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(this.indicator()).toHaveAccessibleName(/^Synced/, { timeout: 30_000 });
  }
}
