import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract/index.js';
import { METHOD_NAME_LIST } from '../../shared/contract/method-names.js';

describe("the preload's method names", () => {
  it('are exactly the contract methods (scripts/build.mjs regenerates them)', () => {
    expect([...METHOD_NAME_LIST]).toEqual([...METHOD_NAMES]);
  });

  it('leave the contract and its schemas out of the built preload', () => {
    const preload = readFileSync(new URL('../../out/preload/preload.cjs', import.meta.url), 'utf8');
    expect(preload).toContain('readiness.board');
    // zod's error messages and the contract's schemas would be there if the contract were bundled
    expect(preload).not.toMatch(/ZodError|z\.strictObject|strictObject/);
    expect(Buffer.byteLength(preload)).toBeLessThan(20_000);
  });
});
