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
  // The server's layers import one way (docs/ARCHITECTURE.md, "Layering"). no-cycle finds file
  // cycles through value imports; the zones below also see type imports, so a folder that imports
  // one above it fails even when the import is only a type.
  {
    files: ['server/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // the imported files are TypeScript too: without a parser for them no-cycle sees no imports
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layers('server/src') }],
    },
  },
);

/** What each server folder may not import: every layer only looks down. */
function layers(src) {
  const entryPoints = [`${src}/cli/**`, `${src}/{main,cli}.ts`];
  const above = (...folders) => [...folders.map((f) => `${src}/${f}/**`), ...entryPoints];
  const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });
  return [
    zone(`${src}/engine/**`, [`${src}/!(engine)/**`, `${src}/*.ts`], 'The planning engine is pure: it imports nothing else of the server.'),
    zone(`${src}/shared/**`, [`${src}/!(engine|shared)/**`, `${src}/*.ts`], 'shared/ is the floor: it may import the engine only.'),
    zone(`${src}/jobs/**`, above('db', 'modules', 'realtime', 'graphql', 'http', 'app'), 'jobs/ is the queue; the tasks it runs are registered by app/jobs.ts.'),
    zone(`${src}/db/**`, above('modules', 'realtime', 'graphql', 'http', 'metrics', 'app'), 'db/ sits below the domain.'),
    zone(`${src}/modules/**`, above('realtime', 'http', 'app'), 'Domain modules do not import the transport or the app assembly.'),
    zone(`${src}/modules/**`, [`${src}/metrics/**`], 'Domain modules may use metrics/metrics.ts (the instruments) only.', ['**/metrics/metrics.ts']),
    zone(`${src}/modules/**/!(*.resolvers).ts`, [`${src}/graphql/**`], 'Only resolvers files know GraphQL (graphql/context.ts).'),
    zone([`${src}/modules/**/*.resolvers.ts`, `${src}/realtime/**`], [`${src}/graphql/**`], 'Resolvers take the request context type from graphql/context.ts; nothing else of graphql/.', ['**/graphql/context.ts']),
    zone(`${src}/realtime/**`, above('http', 'app'), 'realtime/ does not import the HTTP layer or the app assembly.'),
    zone(`${src}/realtime/**`, [`${src}/metrics/**`], 'realtime/ may use metrics/metrics.ts (the instruments) only.', ['**/metrics/metrics.ts']),
    zone([`${src}/graphql/**`, `${src}/http/**`, `${src}/metrics/**`], above('app'), 'Only the app assembly and the entry points import app/.'),
    zone([`${src}/http/**`, `${src}/metrics/**`], [`${src}/modules/**`], 'http/ and metrics/ know requests and instruments, not the domain.'),
    zone(`${src}/{services,config}.ts`, above('app', 'http', 'graphql', 'metrics'), 'config.ts and services.ts are handed down to every layer, so they import nothing of the request kit or the app.'),
  ];
}
