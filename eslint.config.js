import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', '.cache/', 'test-output/', 'dist/', 'semantic-layer/cube.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Layering rule from ARCHITECTURE.md: nothing below api/ speaks HTTP.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['marketplace/**', 'ingest/**', 'warehouse/**', 'semantic-layer/**', 'jobs/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['express'] }] },
  },
);
