import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page, type Route } from '@playwright/test';
import type { MethodInput, MethodName, MethodResult } from '../../shared/contract/index.js';

export interface PlannerServer {
  /** URL with the access token, as `npm run serve` prints it. */
  openUrl: string;
  origin: string;
  token: string;
  dbPath: string;
}

/**
 * A fresh database folder and browser-mode server per test file (worker), started exactly as a user
 * starts it: the built CLI's `serve` command. `seed` picks an optional demo region to generate first.
 */
export function startServer(dbPath: string): Promise<{ child: ChildProcess; openUrl: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/main/cli.js', 'serve', '--db', dbPath, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open:\s+(\S+)/.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        resolve({ child, openUrl: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${output}`)));
    setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 20_000);
  });
}

export function seedDemoFile(dbPath: string, scale: 'S' | 'M' | 'L'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['out/main/cli.js', 'seed-demo', '--scale', scale, '--db', dbPath], { stdio: 'ignore' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed-demo exited ${code}`))));
  });
}

interface RunningServer extends PlannerServer {
  child: ChildProcess;
  dir: string;
}

async function stop(server: RunningServer): Promise<void> {
  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  rmSync(server.dir, { recursive: true, force: true });
}

type WorkerFixtures = { serverPool: Map<string, RunningServer>; seed: 'none' | 'S' | 'M' | 'L' };

export const test = base.extend<{ server: PlannerServer; app: Page }, WorkerFixtures>({
  seed: ['none', { scope: 'worker', option: true }],
  serverPool: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring; this one has none
    async ({}, use) => {
      const pool = new Map<string, RunningServer>();
      await use(pool);
      for (const server of pool.values()) await stop(server);
    },
    { scope: 'worker' },
  ],
  /** One fresh database folder and server per test file, shared by that file's tests. */
  server: async ({ serverPool, seed }, use, testInfo) => {
    let server = serverPool.get(testInfo.file);
    if (!server) {
      for (const [file, other] of serverPool) {
        await stop(other);
        serverPool.delete(file);
      }
      const dir = mkdtempSync(join(tmpdir(), 'planner-e2e-'));
      const dbPath = join(dir, 'planner.sqlite');
      if (seed !== 'none') await seedDemoFile(dbPath, seed);
      const { child, openUrl } = await startServer(dbPath);
      const url = new URL(openUrl);
      server = { child, dir, openUrl, origin: url.origin, token: /token=([^&]+)/.exec(url.hash)![1]!, dbPath };
      serverPool.set(testInfo.file, server);
    }
    await use(server);
  },
  /** A page already holding the access token, signed in as the administrator, on the dashboard. */
  app: async ({ page, server }, use) => {
    await openSignedIn(page, server);
    await use(page);
  },
});

/**
 * Opens the planner in `page` and answers "who are you" as the named person (the demo's people have
 * no password). A new database first chooses sign-in without passwords, as a single-user desktop.
 */
export async function openSignedIn(page: Page, server: PlannerServer, name = 'Administrator'): Promise<void> {
  await page.goto(server.openUrl);
  const firstStart = page.getByRole('heading', { name: 'Welcome: how will people sign in?' });
  const whoAreYou = page.getByRole('heading', { name: 'Who are you?' });
  await expect(firstStart.or(whoAreYou)).toBeVisible();
  if (await firstStart.isVisible()) {
    await page.getByRole('radio', { name: /No passwords/ }).check();
    await page.getByRole('button', { name: 'Start' }).click();
  }
  await signInAs(page, name);
}

/** A session of the demo's administrator for test setup through the contract (the demo signs in without passwords). */
export async function adminSession(server: PlannerServer): Promise<string> {
  const r = await fetch(`${server.origin}/api/auth.signIn`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-planner-token': server.token },
    body: JSON.stringify({ code: 'admin' }),
  });
  const body = (await r.json()) as { ok: boolean; value: { session: string }; error?: { message: string } };
  if (!body.ok) throw new Error(`auth.signIn: ${body.error?.message}`);
  return body.value.session;
}

const adminSessions = new WeakMap<PlannerServer, Promise<string>>();

/**
 * Test setup only: one contract method through the bridge, with the run's token, as the demo's
 * administrator (one session per server), typed from the contract. A refusal fails the test.
 */
export async function api<K extends MethodName>(server: PlannerServer, method: K, input: MethodInput<K>): Promise<MethodResult<K>> {
  let session = adminSessions.get(server);
  if (!session) {
    session = adminSession(server);
    adminSessions.set(server, session);
  }
  const r = await fetch(`${server.origin}/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-planner-token': server.token, 'x-planner-session': await session },
    body: JSON.stringify(input),
  });
  const body = (await r.json()) as { ok: boolean; value: MethodResult<K>; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

export async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('list', { name: 'People' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Signed in' })).toContainText(name);
}

/**
 * Holds the page's calls whose URL matches `pattern` (a slow answer on a large region) until the
 * returned function is called; from then on they pass, and the held ones go on.
 */
export async function holdAnswers(page: Page, pattern: string | RegExp): Promise<() => Promise<void>> {
  const held: Route[] = [];
  let released = false;
  await page.route(pattern, (route) => (released ? route.continue() : void held.push(route)));
  return async () => {
    released = true;
    for (const route of held.splice(0)) await route.continue();
  };
}

export { expect };
