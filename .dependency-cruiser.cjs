// Import cycles in the server, type imports included: eslint-plugin-import-x's no-cycle follows
// value imports only, and a cycle through a type still ties the files' meanings together
// (docs/ARCHITECTURE.md, "Layering"). Run by the server's and the client's `lint` scripts.
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle means a piece sits in the wrong room: move the shared piece down a layer.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // generated resolver types import the modules' DTOs by design (schema/codegen.ts mappers)
    exclude: { path: '(^|/)(node_modules|schema/generated)/' },
  },
};
