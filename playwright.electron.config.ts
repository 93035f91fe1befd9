import { defineConfig } from '@playwright/test';

// `npm run test:electron`: the packaged main under the real Electron binary (not part of `npm test`).
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
