import { defineConfig } from '@playwright/test';

/**
 * Real Electron end-to-end tests (`npm run test:electron`, after `npm run build`). They
 * launch the built app (out/) with the Electron binary from node_modules/electron, and skip
 * — with the reason printed — only when that binary is absent (see
 * test/electron/electron-binary.ts). On a Linux machine without a display, run them under
 * `xvfb-run`.
 */
export default defineConfig({
  testDir: 'test/electron',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env['CI'],
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results/electron',
});
