import type { CodegenConfig } from '@graphql-codegen/cli';

// The SDL in this folder is the contract: server resolver types and client typed documents are
// generated from it and never edited by hand. `codegen:check` fails the test run when stale.
const scalars = { Date: 'string', DateTime: 'string', Money: 'string' };

const config: CodegenConfig = {
  schema: './*.graphql',
  overwrite: true,
  generates: {
    './generated/server.ts': {
      plugins: [{ add: { content: '/* Generated from schema/*.graphql by GraphQL Code Generator. Do not edit. */' } }, 'typescript', 'typescript-resolvers'],
      config: {
        scalars,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../server/src/graphql/context.ts#GraphQLContext',
        useIndexSignature: false,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
    '../client/src/gql/': {
      documents: ['../client/src/**/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { scalars, useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
