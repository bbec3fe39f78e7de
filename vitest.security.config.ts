import { defineConfig } from 'vitest/config';

/**
 * The security gates (`npm run test:security`): Electronegativity over the sources and
 * `npm audit` over the packages that ship. They run tools outside the app (and the audit
 * needs the registry), so they are apart from the unit tests.
 */
export default defineConfig({
  test: {
    include: ['test/security/**/*.test.ts'],
    environment: 'node',
  },
});
