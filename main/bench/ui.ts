import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServiceContext } from '../api/context.js';
import { startBridge } from '../bridge/server.js';
import { round } from './measure.js';

export interface UiFigures {
  dashboardMs: number;
  /** Longest task the browser reported as a long task (it reports only those of 50 ms or more). */
  longestTaskMs: number;
  /** Longest gap between two animation frames while scrolling: the jank a user would feel. */
  longestFrameGapMs: number;
  scrolledRows: number;
}

/**
 * Browser mode through Playwright: time from navigation to a usable dashboard, and the longest
 * main-thread task while the largest list (terminals) is scrolled to its end.
 */
export async function measureUi(ctx: ServiceContext): Promise<UiFigures | { skipped: string }> {
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { skipped: 'playwright-core is not installed' };
  }
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (e) {
    // No Chromium on this machine (Debian's `chromium`, or Playwright's own): the other figures still count.
    return { skipped: `no browser to measure with: ${String((e as Error).message).split('\n')[0]}` };
  }
  const bridge = await startBridge({ ctx, rendererDir });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const t0 = performance.now();
    await page.goto(bridge.openUrl);
    await page.getByRole('table', { name: 'Network by area' }).waitFor();
    const dashboardMs = round(performance.now() - t0, 0);

    await page.goto(`${bridge.url}/network/terminals`);
    await page.getByRole('row').nth(3).waitFor();
    // In-page probes as source text (this file is type-checked for Node, not the DOM): long tasks
    // (the browser reports those over 50 ms) and the longest gap between animation frames.
    await page.evaluate(`(() => {
      window.__longest = 0; window.__frameGap = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
        .observe({ type: 'longtask', buffered: false });
      let last = performance.now();
      const tick = (now) => { window.__frameGap = Math.max(window.__frameGap, now - last); last = now; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    const body = page.locator('.data-table-body');
    // Scroll as a user dragging through the list would: in steps, waiting for rows to appear.
    const total = await body.evaluate((el) => el.scrollHeight);
    for (let y = 0; y <= total; y += Math.ceil(total / 60)) {
      await body.evaluate((el, top) => el.scrollTo({ top }), y);
      await page.waitForTimeout(30);
    }
    await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    // A locator, not a predicate: the app's content security policy forbids the eval a polled predicate needs.
    await page.locator('.loading-row').first().waitFor({ state: 'detached', timeout: 15_000 });
    const longestTaskMs = Number(await page.evaluate('window.__longest'));
    const longestFrameGapMs = Number(await page.evaluate('window.__frameGap'));
    const scrolledRows = await page
      .locator('[aria-rowcount]')
      .first()
      .evaluate((el) => Number(el.getAttribute('aria-rowcount')) - 1);
    return { dashboardMs, longestTaskMs: round(longestTaskMs, 0), longestFrameGapMs: round(longestFrameGapMs, 0), scrolledRows };
  } finally {
    await browser.close();
    await bridge.close();
  }
}
