import { defineConfig } from 'vitest/config';

// The README's own commands, each run from a clean copy of the project. Slow (native rebuilds), so they
// run on their own after the other tests rather than competing with them for the machine.
export default defineConfig({
  test: {
    include: ['tests/commands/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 15 * 60_000,
    hookTimeout: 15 * 60_000,
  },
});
