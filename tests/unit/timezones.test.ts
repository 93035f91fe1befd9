import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The suite's date cases, run again in two time zones on either side of UTC: Shanghai (UTC+8, where
 * 07:00 is still yesterday in UTC) and Los Angeles (UTC-8/-7, with daylight-saving changes).
 */
const DATE_CASES = [
  'tests/unit/calendar.test.ts',
  'tests/unit/readiness-weeks.test.ts',
  'tests/unit/development-core.test.ts',
  'tests/integration/local-today.test.ts',
];
const root = fileURLToPath(new URL('../..', import.meta.url));
const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));

function runIn(zone: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitest, 'run', ...DATE_CASES], { cwd: root, env: { ...process.env, TZ: zone, CI: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('date cases in other time zones', () => {
  for (const zone of ['Asia/Shanghai', 'America/Los_Angeles']) {
    it(`pass under TZ=${zone}`, async () => {
      const { code, output } = await runIn(zone);
      expect(output).toMatch(/Test Files\s+.*4 passed/);
      expect(code, output).toBe(0);
    }, 300_000);
  }
});
