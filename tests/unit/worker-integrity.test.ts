import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkerScript } from '../../main/jobs/worker-entry.js';

describe('worker scripts outside the asar archive', () => {
  it('start only with the bytes they were built with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planner-worker-'));
    const file = join(dir, 'job-worker.js');
    writeFileSync(file, 'export {};\n');
    const expected = { 'job-worker.js': createHash('sha256').update('export {};\n').digest('hex') };
    expect(() => checkWorkerScript(file, expected)).not.toThrow();
    appendFileSync(file, 'process.exit(1);\n');
    expect(() => checkWorkerScript(file, expected)).toThrow(/job-worker\.js was changed after it was built/);
  });
});
