// ESLint: typescript-eslint's type-checked rules on the TypeScript (server/, scripts/, test/),
// plain recommended rules on the browser scripts (public/js) and the config files.
// Formatting is Prettier's job: eslint-config-prettier turns every formatting rule off.
//
// TypeScript versions: `tsc` is TypeScript 7 (the native compiler, package alias
// `@typescript/native`), which has no JavaScript compiler API yet. typescript-eslint needs that
// API, so the `typescript` package name resolves to `@typescript/typescript6` (TypeScript 6,
// binary `tsc6`), the side-by-side package Microsoft publishes for such tools. Both read the
// same tsconfig.json. Drop the alias once typescript-eslint supports TypeScript 7.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'build/', 'coverage/', 'test-output/', 'screenshots/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    rules: {
      // The code marks index reads it knows are in range with `!` (ready for
      // noUncheckedIndexedAccess); without that option this rule would strip every one of them.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // `!x || x.a !== b` says "missing or different"; `x?.a !== b` hides that it is true when x is missing.
      '@typescript-eslint/prefer-optional-chain': 'off',
      // `||` on strings is deliberate: an empty name or value falls back like a missing one.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true }, ignoreIfStatements: true }],
      // The code writes `T[]` and `Array<T>` both, each where it reads better; neither is a bug.
      '@typescript-eslint/array-type': 'off',
      // Passing on a caught error (of type `unknown` or a callback's `any`) keeps what was thrown.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // Store methods implement a Promise interface over data in memory: `async` without `await`
      // is how a throw inside them becomes a rejection, as the interface promises.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore marks what is unused on purpose (Express error handlers need four
      // parameters; `{ secret: _drop, ...rest }` leaves a field out).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // supertest's `res.body` is `any`: tests read the JSON answer directly and assert on it.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Tests swap a store method for a failing one and put the original back afterwards.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['public/js/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    // The translator workspace's script is ES modules (public/js/workspace/, loaded with type="module").
    files: ['public/js/workspace/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['*.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
