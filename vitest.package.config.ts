import { defineConfig } from 'vitest/config';

/**
 * Packaging check (`npm run test:package`, after `npm run build`): runs electron-builder
 * offline against a stand-in Electron distribution and inspects the resulting app.asar.
 */
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
