// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const SHARED_IS_PURE = ['node:*', 'electron', 'react', 'react-dom', 'dexie', '../renderer/*', '../electron/*'];
const ZOD_ONLY_JITLESS = { name: 'zod', message: "Import { z } from shared/security/zod (configured jitless, so zod never probes for eval under the app's CSP)." };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'dist-web/**', 'dist-bench/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'User data is text: never set inner HTML.' }],
    },
  },
  {
    // zod only through shared/security/zod.ts (jitless: no eval probe under the CSP).
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ZOD_ONLY_JITLESS] }],
    },
  },
  {
    // The main process, the preload and the CLI share code with the window only through shared/.
    files: ['electron/**/*.ts', 'cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ZOD_ONLY_JITLESS], patterns: [{ group: ['**/renderer/**'], message: 'Code used outside the window belongs in shared/.' }] }],
    },
  },
  {
    // shared/ is pure: no DOM, no Node.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ZOD_ONLY_JITLESS], patterns: SHARED_IS_PURE }],
    },
  },
  {
    files: ['shared/security/zod.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: SHARED_IS_PURE }],
    },
  },
);
