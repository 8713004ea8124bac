// Lint config for the SPA alone, so `pnpm --filter @takt/client lint` does not depend on a root
// config: typescript-eslint for .ts, eslint-plugin-vue (flat) for single-file components,
// eslint-plugin-import-x for import cycles (docs/ARCHITECTURE.md states the layering rule).
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import pluginVue from 'eslint-plugin-vue';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';

export default tseslint.config(
  { ignores: ['dist/**', 'src/gql/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    // vue-eslint-parser for .ts too (it hands plain scripts to the TypeScript parser), so that the
    // cycle check can read the components a script imports, not only the scripts a component imports.
    files: ['**/*.ts', '**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] },
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.vue'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.vue'] })],
    },
    rules: {
      // Lazy route components count too: a cycle through `import()` is still two modules that
      // cannot be understood apart.
      'import-x/no-cycle': 'error',
      // The layering rule of docs/ARCHITECTURE.md ("Client layers"), where a folder must not look up.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/!(app)/**', from: './src/app', message: 'Only main.ts imports the shell; a page places the header with shared/ShellHeader.vue.' },
            {
              target: ['./src/shared/**', './src/api/**', './src/auth/**', './src/realtime/**'],
              from: ['./src/!(shared|api|auth|realtime|gql)/**'],
              message: 'The kit and the connection serve every page and import none.',
            },
            { target: './src/board/model/**', from: ['./src/board/!(model)/**', './src/board/*.*'], message: 'The board model imports no view of it.' },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': ['error', { html: { void: 'always', normal: 'never', component: 'always' } }],
    },
  },
);
