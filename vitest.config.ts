import { defineConfig } from 'vitest/config';

/** Unit tests only: pure shared/ code, renderer state and Dexie (fake-indexeddb), main-process helpers. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    setupFiles: ['test/unit/setup.ts'],
    environment: 'node',
    // The property-based tests take a few seconds on an idle machine; on the shared 2-core
    // machines (several test runs at once) they exceeded Vitest's default 5 s.
    testTimeout: 30_000,
  },
});
