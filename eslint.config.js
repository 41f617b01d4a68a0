import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { importBoundaries } from './eslint-rules/import-boundaries.js';

const SOURCE_FILES = ['**/*.{ts,tsx}'];

export default tseslint.config(
  { ignores: ['dist', 'dist-emulator', 'node_modules', 'test-results', 'playwright-report', '.certportal', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: SOURCE_FILES,
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      // Relative imports are written both ways, `./pem` and `./pem.ts` (the emulator runs under Node, which needs the
      // extension): resolve both, so that no import slips past the boundaries unresolved.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...importBoundaries(SOURCE_FILES),
);
