// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const SHARED_IS_PURE = ['node:*', 'electron', 'react', 'react-dom', 'dexie', '../renderer/*', '../electron/*'];
/**
 * An array spread into a call passes every element as an argument: a long array overflows
 * the call stack (RangeError). `new Highlight(...ranges)` did so with 200,000 search matches
 * and the window went white. Loop (`appendAll`, `maxOf` in shared/arrays.ts) instead.
 */
const NO_SPREAD_ARGUMENTS = [
  { selector: 'CallExpression > SpreadElement.arguments', message: 'Do not spread an array into call arguments (a long one overflows the stack): use a loop, appendAll or maxOf (shared/arrays.ts).' },
  { selector: 'NewExpression > SpreadElement.arguments', message: 'Do not spread an array into constructor arguments (a long one overflows the stack): construct, then add in a loop.' },
];
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
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'User data is text: never set inner HTML.' }, ...NO_SPREAD_ARGUMENTS],
    },
  },
  {
    files: ['shared/**/*.ts', 'cli/**/*.ts', 'electron/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...NO_SPREAD_ARGUMENTS],
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
