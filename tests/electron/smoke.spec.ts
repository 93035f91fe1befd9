import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';

/**
 * The desktop door end to end: the built Electron main (out/main/electron.js, as packaged) starts with a
 * fresh user-data folder, generates the demo region from the first-run card and opens every screen.
 * Needs the Electron binary, so it is not part of `npm test`; run `npm run test:electron` (README).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const SCREENS: Array<{ link: string; heading: RegExp }> = [
  { link: 'Dashboard', heading: /Dashboard/ },
  { link: 'Forecast', heading: /forecast/i },
  { link: 'Targets', heading: /targets/i },
  { link: 'Stock readiness', heading: /Stock readiness/ },
  { link: 'Key accounts', heading: /Key accounts/ },
  { link: 'Training & trips', heading: /Training/ },
  { link: 'Outlet development', heading: /Outlet development/ },
  { link: 'Distributors', heading: /distributor/i },
  { link: 'Sub-dealers', heading: /sub-dealer/i },
  { link: 'Terminals', heading: /terminal/i },
  { link: 'Products', heading: /product/i },
  { link: 'Staff', heading: /staff/i },
  { link: 'Regions & areas', heading: /region/i },
  { link: 'Settings', heading: /Settings/ },
];

let userData: string;
let app: ElectronApplication;
let window: Page;

test.beforeAll(async () => {
  userData = mkdtempSync(join(tmpdir(), 'planner-electron-smoke-'));
  app = await electron.launch({ args: [join(root, 'out/main/electron.js'), `--user-data-dir=${userData}`], cwd: root });
  window = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  rmSync(userData, { recursive: true, force: true });
});

test('the desktop app starts sandboxed on app://, generates the demo region and opens every screen', async () => {
  expect(window.url()).toMatch(/^app:\/\/planner\//);
  // the page has no Node: only the one frozen bridge object
  expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await window.evaluate(() => Object.keys((globalThis as { plannerBridge?: object }).plannerBridge ?? {}).sort())).toEqual([
    'door',
    'invoke',
  ]);

  await window.getByLabel(/Small: 20 distributors/).check();
  await window.getByRole('button', { name: 'Generate demo region' }).click();
  await expect(window.getByText('The demo region is ready.')).toBeVisible({ timeout: 120_000 });

  const nav = window.getByRole('navigation', { name: 'Main navigation' });
  for (const screen of SCREENS) {
    await nav.getByRole('link', { name: screen.link, exact: true }).click();
    await expect(window.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
    await expect(window.getByRole('heading', { name: 'Page not found' })).toHaveCount(0);
    await expect(window.getByRole('heading', { name: 'This screen could not be shown' })).toHaveCount(0);
  }
});
