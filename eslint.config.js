// ESLint: a small rule set on top of typescript-eslint's recommended rules, plus no import cycles.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'dist/**', 'bench/**', 'node_modules/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse .ts/.tsx dependencies too, or no-cycle cannot follow them.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      // The house rule: no import cycles anywhere (lib/jose must not import lib/uqudo back, …).
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      // The generic JOSE layer knows nothing about Uqudo: lib/uqudo plugs in through a profile.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './lib/jose',
              from: './lib/uqudo',
              message: 'lib/jose is generic; Uqudo rules plug in through InspectionProfile.',
            },
          ],
        },
      ],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // House size rules: no source file over 400 lines, no function over 80 (tests and fixtures aside).
    files: [
      'lib/**/*.{ts,tsx}',
      'components/**/*.tsx',
      'entrypoints/**/*.{ts,tsx}',
      'sandbox/**/*.ts',
      'scripts/**/*.{ts,mjs}',
    ],
    ignores: [
      '**/*.test.{ts,tsx}',
      '**/testing/**',
      '**/testing.ts',
      '**/fixtures/**',
      'sandbox/fixtures.ts',
      'sandbox/payloads/**',
    ],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': [
        'error',
        { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true },
      ],
    },
  },
  {
    // Tests, test helpers and fixture builders poke at untyped JSON and DevTools' own globals.
    files: [
      '**/*.test.{ts,tsx}',
      '**/testing/**',
      '**/testing.ts',
      'tests/**',
      'scripts/bench/**',
      'sandbox/fixtures.ts',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The CLI, scripts, the sandbox and tests print by design.
    files: ['lib/cli/**', 'scripts/**', 'sandbox/**', 'tests/**', '**/*.test.{ts,tsx}'],
    rules: { 'no-console': 'off' },
  },
);
