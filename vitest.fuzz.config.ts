import { defineConfig } from 'vitest/config';

/**
 * `npm run fuzz`: the property-based import tests of test/unit/fuzz with many more cases than
 * `npm test` runs — FUZZ_RUNS per property (default 1000; the whole-import property runs a
 * tenth of it). FUZZ_SEED=<seed> replays a failure.
 */
export default defineConfig({
  test: {
    include: ['test/unit/fuzz/**/*.test.ts'],
    setupFiles: ['test/unit/setup.ts'],
    environment: 'node',
    env: { FUZZ_RUNS: process.env['FUZZ_RUNS'] ?? '1000' },
  },
});
