import { defineConfig } from 'vitest/config';

/** Unit tests only: pure shared/ code, renderer state and Dexie (fake-indexeddb), main-process helpers. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    setupFiles: ['test/unit/setup.ts'],
    environment: 'node',
  },
});
