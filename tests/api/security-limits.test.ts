import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { startServer, type TestServer } from '../support/server.ts';
import { as, type ApiClient } from '../support/api.ts';

const CLIENT = resolve(import.meta.dirname, '../../client/src');

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? graphqlFiles(join(dir, e.name)) : e.name.endsWith('.graphql') ? [join(dir, e.name)] : [],
  );
}

const definitions: DefinitionNode[] = graphqlFiles(CLIENT).flatMap((f) => parse(readFileSync(f, 'utf8')).definitions);
const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
const operations = definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

/** The operation with every fragment it uses, transitively, as the client sends it. */
function documentOf(op: OperationDefinitionNode): string {
  const used = new Set<string>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return;
        used.add(spread.name.value);
        const f = fragments.get(spread.name.value);
        if (f) collect(f);
      },
    });
  collect(op);
  return [op, ...[...used].flatMap((n) => (fragments.has(n) ? [fragments.get(n)!] : []))].map((d) => print(d)).join('\n');
}

let server: TestServer;
let ops: ApiClient;
beforeAll(async () => {
  server = await startServer();
  ops = await as(server.url, 'OPS_MANAGER');
});
afterAll(async () => {
  await server?.stop();
});

describe('GraphQL limits against the client', () => {
  it('finds the client operations', () => {
    expect(operations.length).toBeGreaterThan(5);
  });

  // Sent without variables: execution then fails on the missing ones, which is fine; what matters
  // is that validation (where graphql-armor's depth, cost, alias, directive and token limits run)
  // lets every operation the client really sends through.
  it.each(operations.filter((op) => op.operation !== 'subscription').map((op) => [op.name?.value ?? '(anonymous)', op] as const))(
    'lets the client operation %s through every limit',
    async (_name, op) => {
      const res = await ops.request(documentOf(op), {});
      expect(res.status).toBeLessThan(500);
      expect((res.errors ?? []).map((e) => e.message).filter((m) => /limit|exceeded|aborted/i.test(m))).toEqual([]);
    },
  );
});
