// Lint for the server, tests, scripts and benchmarks (the client has its own config).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'client/**', 'schema/generated/**', '**/dist/**', '.data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  { files: ['tests/**', 'scripts/**', 'bench/**', 'server/src/cli.ts'], rules: { 'no-console': 'off' } },
);
