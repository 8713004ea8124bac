// Lint for the server, tests, scripts and benchmarks (the client has its own config).
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
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
  // The server's layers import one way (docs/ARCHITECTURE.md, "Layering"): an import cycle means a
  // piece sits in the wrong room. Type-only imports count too: they tie the files' meanings together.
  {
    files: ['server/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })] },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
