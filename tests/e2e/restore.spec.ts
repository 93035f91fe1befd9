import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { openSignedIn, startServer } from './fixtures.js';

/**
 * A restore cut short by a crash: the next start removes the half-written copy, keeps the database
 * as it was, and every screen says so until the user dismisses the notice.
 */
test('after a restore interrupted by a crash, the app says the data is unchanged', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-e2e-restore-'));
  const dbPath = join(dir, 'planner.sqlite');
  let child: ChildProcess | null = null;
  try {
    // what a kill during the copy leaves beside the database
    writeFileSync(`${dbPath}.restoring`, 'SQLite format 3\0 half');
    const journal = {
      fileName: 'planner-manual-2026-11-30T10-00-00.000Z.sqlite',
      previousKeptAs: 'x.sqlite',
      state: 'copying',
      startedAt: '2026-11-30T10:00:00.000Z',
    };
    writeFileSync(`${dbPath}.restore.json`, JSON.stringify(journal));
    const server = await startServer(dbPath);
    child = server.child;
    await openSignedIn(page, { openUrl: server.openUrl, origin: '', token: '', dbPath });
    const notice = page.getByRole('alert').filter({ hasText: 'A restore was interrupted.' });
    await expect(notice).toContainText('Nothing was changed');
    await expect(notice).toContainText(journal.fileName);
    // it stays while the user moves around, until dismissed
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await expect(page.getByText('A restore was interrupted.')).toHaveCount(0);
  } finally {
    child?.kill('SIGTERM');
    if (child) await new Promise((r) => child!.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
});
