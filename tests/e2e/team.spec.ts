import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from '@playwright/test';
import { expect, openSignedIn, seedDemoFile, startServer, test, type PlannerServer } from './fixtures.js';
import { SyncScreens } from './pages/sync.js';

/**
 * Two desktops in browser mode and one team server, all real processes on loopback, each desktop on
 * its own database file: what a salesperson does on one machine reaches the manager on another, and
 * the manager's answer comes back. The business steps drive the real UI by role and name.
 */

test.describe.configure({ mode: 'serial' });
// Three processes, a demo region and two browsers on a shared 2-core machine: a generous budget, not a speed goal.
test.setTimeout(420_000);

interface TeamServer {
  child: ChildProcess;
  url: string;
  fingerprint: string;
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/main/cli.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${args[0]} exited ${code}: ${output}`))));
  });
}

/** The team server exactly as an administrator starts it (`npm run team-server`), on a random loopback port. */
function startTeamServer(dbPath: string): Promise<TeamServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/main/cli.js', 'team-server', '--db', dbPath, '--port', '0', '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /address:\s+(\S+)/.exec(output);
      const fingerprint = /fingerprint:\s+(\S+)/.exec(output);
      if (url && fingerprint) {
        child.stdout!.off('data', onData);
        resolve({ child, url: url[1]!.replace(/\/$/, ''), fingerprint: fingerprint[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`team-server exited (${code}): ${output}`)));
    setTimeout(() => reject(new Error(`team-server did not start: ${output}`)), 30_000);
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Desktop A's network cable: a TCP relay on loopback between A and the team server (TLS passes
 * through untouched, so the pinned certificate is the server's own). Cutting it takes only A offline.
 */
class Cable {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly target: number) {}

  async plug(): Promise<void> {
    const server = createServer((client) => {
      const upstream = tcpConnect(this.target, '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => this.sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }
}

interface Desktop {
  child: ChildProcess;
  server: PlannerServer;
  page: Page;
  sync: SyncScreens;
}

async function startDesktop(browser: Browser, dir: string, name: string): Promise<Desktop> {
  const dbPath = join(dir, `${name}.sqlite`);
  const { child, openUrl } = await startServer(dbPath);
  const url = new URL(openUrl);
  const server: PlannerServer = { openUrl, origin: url.origin, token: /token=([^&]+)/.exec(url.hash)![1]!, dbPath };
  const page = await (await browser.newContext()).newPage();
  return { child, server, page, sync: new SyncScreens(page) };
}

/** Two months back: ended, clear of the demo's own plans, and its first Monday. */
function endedMonth(): { month: string; monday: string } {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 2);
  const month = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  while (d.getDay() !== 1) d.setDate(d.getDate() + 1);
  return { month, monday: `${month}-${String(d.getDate()).padStart(2, '0')}` };
}

const PASSWORD = 'field-season-2027';

let dir: string;
let team: TeamServer;
let cable: Cable;
let sales: { id: number; code: string; name: string };
let manager: { id: number; code: string; name: string };
const desktops: Desktop[] = [];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = mkdtempSync(join(tmpdir(), 'planner-team-e2e-'));
  const serverDb = join(dir, 'team.sqlite');
  // The team server's file: the demo region, and the two people given passwords by the administrator.
  await seedDemoFile(serverDb, 'S');
  const db = new Database(serverDb, { readonly: true });
  sales = db
    .prepare("SELECT id, code, name FROM staff WHERE role = 'salesperson' AND active = 1 ORDER BY name COLLATE NOCASE LIMIT 1")
    .get() as typeof sales;
  manager = db
    .prepare("SELECT id, code, name FROM staff WHERE role = 'regional_manager' AND region_id = (SELECT region_id FROM staff WHERE id = ?)")
    .get(sales.id) as typeof manager;
  db.close();
  for (const person of [sales, manager]) {
    await run(['call', '--db', serverDb, 'person.setPassword', JSON.stringify({ personId: person.id, password: PASSWORD })]);
  }
  team = await startTeamServer(serverDb);
  cable = new Cable(Number(new URL(team.url).port));
  await cable.plug();
});

test.afterAll(async () => {
  for (const d of desktops) {
    await d.page.context().close();
    await stopProcess(d.child);
  }
  if (cable) await cable.cut();
  if (team) await stopProcess(team.child);
  rmSync(dir, { recursive: true, force: true });
});

test('a desktop connects through Settings: the fingerprint to confirm, a wrong password said plainly, then the first sync', async ({
  browser,
}) => {
  const a = await startDesktop(browser, dir, 'desktop-a');
  desktops.push(a);
  await openSignedIn(a.page, a.server);
  // Solo: nothing in the shell; Settings offers the connection.
  await expect(a.sync.indicator()).toHaveCount(0);
  await a.sync.openSettings();
  await expect(a.sync.card()).toContainText('This desktop works on its own');

  // An address where nothing listens is unreachable, not a mystery.
  let dialog = await a.sync.checkServer('https://127.0.0.1:9');
  await expect(dialog.getByRole('alert')).toHaveText('The server cannot be reached at this address. Check the address and the network.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The right address shows the certificate's fingerprint, as the server printed it, to compare.
  dialog = await a.sync.checkServer(cable.url, team.fingerprint);
  await expect(dialog.getByRole('button', { name: 'Connect' })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'The fingerprint matches' }).check();
  await dialog.getByLabel('Your code').fill(sales.code);
  await dialog.getByLabel('Password').fill('not-the-password');
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The code or the password is wrong.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(a.sync.indicator()).toHaveCount(0);

  await a.sync.connect(cable.url, team.fingerprint, sales.code, PASSWORD);
  await expect(a.sync.indicator()).toHaveAccessibleName(/^Synced/);
  await expect(a.sync.card()).toContainText(`${sales.name} (${sales.code})`);
});

/**
 * After connecting, the desktop works as the connected person: the page is opened again, and if the
 * desktop asks who is there, that person signs in (the people came with the first sync).
 */
async function workAs(d: Desktop, person: { name: string }): Promise<void> {
  await d.page.reload();
  const whoAreYou = d.page.getByRole('heading', { name: 'Who are you?' });
  const signedIn = d.page.getByRole('region', { name: 'Signed in' });
  await expect(whoAreYou.or(signedIn)).toBeVisible();
  if (await whoAreYou.isVisible()) {
    await d.page.getByRole('list', { name: 'People' }).getByRole('button', { name: person.name, exact: true }).click();
    const password = d.page.getByLabel(/^Password for /);
    if (await password.isVisible().catch(() => false)) {
      await password.fill(PASSWORD);
      await d.page.getByRole('button', { name: 'Sign in' }).click();
    }
  }
  await expect(signedIn).toContainText(person.name);
}

test('the salesperson plans and reviews on desktop A, the manager approves and comments on desktop B, desktop A shows both', async ({
  browser,
}) => {
  const { month, monday } = endedMonth();
  const a = desktops[0]!;
  await workAs(a, sales);
  const b = await startDesktop(browser, dir, 'desktop-b');
  desktops.push(b);
  await openSignedIn(b.page, b.server);
  await b.sync.connect(team.url, team.fingerprint, manager.code, PASSWORD);
  await workAs(b, manager);

  // Desktop A, the salesperson: a plan for the month, submitted; the week's review, submitted.
  const salesPage = a.page;
  await salesPage.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outlet development' }).click();
  await salesPage.getByLabel('Month', { exact: true }).fill(month);
  const plan = salesPage.getByRole('region', { name: `Plan for ${month}` });
  await plan.getByRole('button', { name: 'Create plan' }).click();
  const planDialog = salesPage.getByRole('dialog', { name: `Development plan for ${month}` });
  await planDialog.getByLabel('Visits').fill('24');
  await planDialog.getByLabel('New terminals').fill('2');
  await planDialog.getByRole('button', { name: 'Save draft' }).click();
  await expect(planDialog).toBeHidden();
  await plan.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(plan.getByText('Waiting for approval')).toBeVisible();
  await salesPage.getByRole('tab', { name: 'Weekly review' }).click();
  await salesPage.getByLabel('Week of').fill(monday);
  await salesPage.getByLabel('Problems met').fill('Two bars closed for renovation');
  await salesPage.getByLabel('What worked').fill('Tasting at the market');
  await salesPage.getByRole('button', { name: 'Submit review' }).click();
  await expect(salesPage.getByText(/^Submitted /)).toBeVisible();
  await a.sync.syncNow();

  // Desktop B, the manager: sees the plan and the review, approves, comments.
  const boss = b.page;
  await b.sync.syncNow();
  await boss.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outlet development' }).click();
  await boss.getByLabel('Month', { exact: true }).fill(month);
  await boss.getByRole('tab', { name: 'Plans to approve' }).click();
  const approvals = boss.getByRole('table', { name: 'Development plans' });
  await expect(approvals.getByRole('row', { name: new RegExp(sales.name) })).toContainText('Waiting');
  await boss.getByRole('button', { name: `Approve ${sales.name}'s plan` }).click();
  await expect(approvals.getByRole('row', { name: new RegExp(sales.name) })).toContainText('Approved');
  await boss.getByLabel('Salesperson').selectOption({ label: sales.name });
  await boss.getByRole('tab', { name: 'Weekly review' }).click();
  await boss.getByLabel('Week of').fill(monday);
  await expect(boss.getByLabel('Problems met')).toHaveValue('Two bars closed for renovation');
  await boss.getByLabel("Regional manager's comment").fill('Good market idea: do it again in the peak');
  await boss.getByRole('button', { name: 'Save comment' }).click();
  await expect(boss.getByRole('button', { name: /^Reopen…/ })).toBeVisible();
  await b.sync.syncNow();

  // Desktop A: the approval and the comment arrive with the next sync, without reloading the page.
  await a.sync.syncNow();
  await expect(salesPage.getByLabel("Regional manager's comment")).toHaveValue('Good market idea: do it again in the peak');
  await expect(salesPage.getByRole('button', { name: 'Submit review' })).toBeDisabled();
  await salesPage.getByRole('tab', { name: 'My month' }).click();
  await salesPage.getByLabel('Month', { exact: true }).fill(month);
  await expect(plan.getByText('Approved', { exact: true })).toBeVisible();
});

/** The Monday a week after `monday` (YYYY-MM-DD). */
function weekAfter(monday: string): string {
  const d = new Date(`${monday}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7);
  return d.toISOString().slice(0, 10);
}

test('desktop A offline: its change waits; the manager signs the review off meanwhile; back online the server refuses it, A says so and shows the server version', async () => {
  const [a, b] = [desktops[0]!, desktops[1]!];
  const week = weekAfter(endedMonth().monday);
  const review = (page: Page) => ({
    open: async () => {
      await page.getByRole('tab', { name: 'Weekly review' }).click();
      await page.getByLabel('Week of').fill(week);
    },
    problems: page.getByLabel('Problems met'),
    comment: page.getByLabel("Regional manager's comment"),
  });

  // The next week's review, submitted from A while the cable is in.
  const mine = review(a.page);
  await mine.open();
  await mine.problems.fill('Rain on Tuesday');
  await a.page.getByLabel('What worked').fill('Morning visits');
  await a.page.getByRole('button', { name: 'Submit review' }).click();
  await expect(a.page.getByText(/^Submitted /)).toBeVisible();
  await a.sync.syncNow();

  // A goes offline and changes the review: applied at once, waiting to be sent.
  await cable.cut();
  await mine.problems.fill('Rain on Tuesday and Wednesday');
  await a.page.getByRole('button', { name: 'Submit review' }).click();
  await expect(a.page.getByText(/^Submitted /)).toBeVisible();
  await expect(a.sync.indicator()).toHaveAccessibleName(/^Offline since \d{1,2}:\d{2}.*, 1 change waiting$/, { timeout: 30_000 });

  // Meanwhile the manager, online on B, comments the review as the server has it: signed off.
  await b.sync.syncNow();
  const theirs = review(b.page);
  await theirs.open();
  await expect(theirs.problems).toHaveValue('Rain on Tuesday');
  await theirs.comment.fill('Plan indoor tastings for rainy days');
  await b.page.getByRole('button', { name: 'Save comment' }).click();
  await expect(b.page.getByRole('button', { name: /^Reopen…/ })).toBeVisible();
  await b.sync.syncNow();

  // A is back: the server refuses the change to a signed-off review; A says so, and shows the server's version.
  await cable.plug();
  await a.sync.indicator().click();
  const panel = a.page.getByRole('dialog', { name: 'Team server' });
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await expect(a.sync.indicator()).toHaveAccessibleName('The server refused a change', { timeout: 30_000 });
  const refusal = panel.getByRole('listitem', { name: 'Weekly review saved' });
  await expect(refusal).toContainText('commented and signed off');
  await expect(refusal).toContainText("Undone on this desktop: the records show the server's version.");
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(mine.problems).toHaveValue('Rain on Tuesday');
  await expect(mine.comment).toHaveValue('Plan indoor tastings for rainy days');

  // Read and acknowledged from the shell: the indicator is calm again.
  await a.sync.indicator().click();
  await panel.getByRole('button', { name: 'Acknowledge: Weekly review saved' }).click();
  await expect(panel.getByText('No refused changes.')).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(a.sync.indicator()).toHaveAccessibleName(/^Synced/);
});

/** The codes of the distributors a desktop's file holds (its replica). */
function distributorCodes(d: Desktop): string[] {
  const db = new Database(d.server.dbPath, { readonly: true });
  try {
    return db.prepare('SELECT code FROM distributors ORDER BY code').pluck().all() as string[];
  } finally {
    db.close();
  }
}

test('the administrator moves the salesperson to a new region: desktop A holds that region at its next sync, and the old one again when moved back', async () => {
  const a = desktops[0]!;
  const serverDb = join(dir, 'team.sqlite');
  const call = async (method: string, input: unknown) =>
    (JSON.parse(await run(['call', '--db', serverDb, method, JSON.stringify(input)])) as { value: { id: number } }).value;
  const before = distributorCodes(a);
  expect(before.length).toBeGreaterThan(0);
  const home = (() => {
    const db = new Database(serverDb, { readonly: true });
    try {
      return db.prepare('SELECT r.id, r.name FROM staff s JOIN regions r ON r.id = s.region_id WHERE s.id = ?').get(sales.id) as {
        id: number;
        name: string;
      };
    } finally {
      db.close();
    }
  })();

  // The administrator, at the server's file: a new region with one distributor, and the salesperson moved there.
  const west = await call('region.create', { draft: { code: 'W', name: 'West Region', peakMonths: [6, 7, 8] } });
  const area = await call('area.create', { draft: { code: 'W1', name: 'West area', regionId: west.id } });
  await call('distributor.create', {
    draft: {
      code: 'WD1',
      name: 'Westbrook Beverages',
      areaId: area.id,
      leadTimeDays: 3,
      warehouseCapacityCases: 2000,
      relationshipLevel: 1,
      status: 'active',
    },
  });
  const move = (regionId: number) =>
    call('person.update', { personId: sales.id, name: sales.name, role: 'salesperson', regionIds: [regionId] });
  await move(west.id);

  // A's next sync: the panel says where the person works now, and the file holds that region only.
  await a.sync.syncNow();
  await a.sync.indicator().click();
  const panel = a.page.getByRole('dialog', { name: 'Team server' });
  // the value beside the "Regions" term of the panel's list
  const regions = panel
    .getByRole('term')
    .filter({ hasText: /^Regions$/ })
    .locator('xpath=following-sibling::dd[1]');
  await expect(regions).toHaveText('West Region');
  await panel.getByRole('button', { name: 'Close' }).click();
  expect(distributorCodes(a)).toEqual(['WD1']);

  // Moved back: the home region's rows come back, the new region's go.
  await move(home.id);
  await a.sync.syncNow();
  await a.sync.indicator().click();
  await expect(regions).toHaveText(home.name);
  await panel.getByRole('button', { name: 'Close' }).click();
  expect(distributorCodes(a)).toEqual(before);
});

test('disconnecting asks first, then the desktop works on its own with the data it has', async () => {
  const a = desktops[0]!;
  await a.sync.openSettings();
  await a.sync.card().getByRole('button', { name: 'Disconnect…' }).click();
  const confirm = a.page.getByRole('dialog', { name: 'Disconnect from the team server?' });
  await expect(confirm).toContainText(`This desktop stops syncing with ${cable.url}`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(a.sync.indicator()).toHaveAccessibleName(/^Synced/);
  await a.sync.card().getByRole('button', { name: 'Disconnect…' }).click();
  await confirm.getByRole('button', { name: 'Disconnect' }).click();
  await expect(a.sync.indicator()).toHaveCount(0);
  await expect(a.sync.card()).toContainText('This desktop works on its own');
  // The plans synced before are still in the file.
  const db = new Database(a.server.dbPath, { readonly: true });
  const plans = db.prepare('SELECT status FROM dev_plans WHERE salesperson_id = ? AND month = ?').pluck().all(sales.id, endedMonth().month);
  db.close();
  expect(plans).toEqual(['approved']);
});
