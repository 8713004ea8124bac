import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildASTSchema, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isAbstractType, isScalarType,
  parse, type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { startServer, type TestServer } from '../support/server.ts';
import { as, DEMO_LOGIN, signIn, type GraphQLResponse } from '../support/api.ts';
import { createToken, wsSession } from '../support/security.ts';
import { uploadFile } from '../support/uploads.ts';
import { PERMISSIONS, type Permission } from '../../server/src/modules/auth/permissions.ts';
import { ROLES, type Role } from '../../server/src/modules/auth/roles.ts';
import { suiteToday } from '../support/suite-clock.ts';

/**
 * The authorization matrix (docs/product.md §7), generated from the SDL: every Query, Mutation and
 * Subscription field × every role, a display token, an API token with reports:read, and no
 * identity. Arguments are built from the argument types (valid for the type, dummy in value), so
 * an allowed call may fail with BAD_USER_INPUT or NOT_FOUND but never with FORBIDDEN or
 * UNAUTHENTICATED, and a refused one fails with exactly those. What is allowed comes from the
 * permission table; the server enforcing it is what this test proves.
 */

const SCHEMA_DIR = resolve(import.meta.dirname, '../../schema');
const sdl = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.graphql')).map((f) => readFileSync(resolve(SCHEMA_DIR, f), 'utf8')).join('\n');
const schema: GraphQLSchema = buildASTSchema(parse(sdl));

type RootName = 'Query' | 'Mutation' | 'Subscription';
interface Operation { root: RootName; field: GraphQLField<unknown, unknown>; name: string }
const operations: Operation[] = (['Query', 'Mutation', 'Subscription'] as const).flatMap((root) => {
  const type = root === 'Query' ? schema.getQueryType() : root === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return Object.values(type?.getFields() ?? {}).map((field) => ({ root, field, name: `${root}.${field.name}` }));
});

type Identity = { label: string; kind: 'none' } | { label: string; kind: 'user'; role: Role } | { label: string; kind: 'display' } | { label: string; kind: 'api'; scope: string };
const IDENTITIES: Identity[] = [
  ...ROLES.map((role) => ({ label: role, kind: 'user' as const, role })),
  { label: 'display token', kind: 'display' },
  { label: 'API token (reports:read)', kind: 'api', scope: 'reports:read' },
  { label: 'API token (progress:write)', kind: 'api', scope: 'progress:write' },
  { label: 'API token (orders:write)', kind: 'api', scope: 'orders:write' },
  { label: 'no identity', kind: 'none' },
];

/** What the permission table (plus "a token mutates only through a write scope", which the matrix's reports:read token lacks) allows. */
function allowed(op: Operation, who: Identity): boolean {
  const rule = (PERMISSIONS as Record<string, Permission>)[op.name]!;
  if (who.kind !== 'user' && who.kind !== 'none' && op.root === 'Mutation') return who.kind === 'api' && (rule.apiScopes ?? []).includes(who.scope);
  if (rule.public) return true;
  if (who.kind === 'none') return false;
  if (who.kind === 'user') return (rule.roles ?? []).includes(who.role);
  if (who.kind === 'display') return rule.display === true;
  return (rule.apiScopes ?? []).includes(who.scope);
}

// Operations that end the caller's session (or all of them) run on a throwaway session.
const SESSION_ENDING = new Set(['Mutation.logout', 'Mutation.logoutEverywhere', 'Mutation.changePassword', 'Mutation.login']);

let server: TestServer;
let plantId: string;
const today = suiteToday();

/** A value valid for `type` (dummy in meaning): ids are fresh UUIDs, except a plant's, which is the demo plant's. */
function dummy(type: GraphQLInputType, argName: string, depth = 0): unknown {
  if (isNonNullType(type)) return dummy(type.ofType, argName, depth);
  if (isListType(type)) return [dummy(type.ofType, argName, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = dummy(f.type, f.name, depth + 1);
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID': return /plantId$/i.test(argName) ? plantId : randomUUID();
      case 'Int': return 1;
      case 'Float': return 1;
      case 'Boolean': return true;
      case 'Date': return today;
      case 'DateTime': return new Date().toISOString();
      case 'Money': return '1.00';
      default: return /email/i.test(argName) ? 'nobody@example.test' : /url/i.test(argName) ? 'https://example.test/hook' : 'x';
    }
  }
  throw new Error(`no dummy for ${String(type)}`);
}

const OVERRIDES: Record<string, Record<string, unknown>> = {
  // a real sign-in, so that "allowed" is not confused with a wrong password's UNAUTHENTICATED
  'Mutation.login': { email: DEMO_LOGIN.PLANNER, password: 'demo' },
};

// Fields with arguments below a root are reached through it, so they are checked with its identities.
const SELECTIONS: Record<string, string> = {
  'Query.plants': `{ __typename calendar(from: "${today}", to: "${today}") { date } }`,
};

function documentFor(op: Operation): { query: string; variables: Record<string, unknown> } {
  const required = op.field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);
  const variables = Object.fromEntries(required.map((a) => [a.name, OVERRIDES[op.name]?.[a.name] ?? dummy(a.type, a.name)]));
  const defs = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(op.field.type);
  const selection = SELECTIONS[op.name] ? ` ${SELECTIONS[op.name]}` : isObjectType(named) || isAbstractType(named) ? ' { __typename }' : '';
  const keyword = op.root === 'Query' ? 'query' : op.root === 'Mutation' ? 'mutation' : 'subscription';
  return { query: `${keyword} Matrix${defs ? `(${defs})` : ''} { ${op.field.name}${args ? `(${args})` : ''}${selection} }`, variables };
}

interface Credentials { cookie?: string; token?: string }
const credentials = new Map<string, Credentials>();

async function freshUserSession(role: Role): Promise<Credentials> {
  const c = await signIn(server.url, DEMO_LOGIN[role]!);
  return { cookie: c.cookie! };
}

async function http(creds: Credentials, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(creds.cookie ? { cookie: creds.cookie } : {}),
      ...(creds.token ? { authorization: `Bearer ${creds.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

/** A subscription's first answer over WebSocket: its first error code, null when it streams, or the close code. */
async function subscribe(creds: Credentials, query: string, variables: Record<string, unknown>): Promise<{ code: string | null; status: number }> {
  if (!creds.cookie && !creds.token) {
    const ws = wsSession(server.url, {});
    const outcome = await ws.first(query, variables).then(() => 'streamed', () => 'refused');
    const close = ws.closes[0]?.code;
    await ws.client.dispose();
    return { code: outcome === 'refused' && close === 4403 ? 'UNAUTHENTICATED' : null, status: 200 };
  }
  const ws = wsSession(server.url, creds);
  const result = await Promise.race([
    ws.first(query, variables).then(
      (m) => ((m as GraphQLResponse).errors?.[0]?.extensions?.code as string | undefined) ?? null,
      (e: unknown) => (Array.isArray(e) ? ((e[0] as { extensions?: { code?: string } }).extensions?.code ?? 'ERROR') : `CLOSED ${(e as { code?: number }).code}`),
    ),
    new Promise<null>((r) => setTimeout(() => r(null), 1_500)), // still streaming: allowed
  ]);
  await ws.client.dispose();
  return { code: result, status: 200 };
}

beforeAll(async () => {
  server = await startServer();
  const admin = await as(server.url, 'ADMIN');
  plantId = admin.plantId;
  for (const role of ROLES) credentials.set(role, await freshUserSession(role));
  credentials.set('display token', { token: (await createToken(admin, 'DISPLAY', 'matrix wall')).secret });
  credentials.set('API token (reports:read)', { token: (await createToken(admin, 'API', 'matrix api', ['reports:read'])).secret });
  credentials.set('API token (progress:write)', { token: (await createToken(admin, 'API', 'matrix mes', ['progress:write'])).secret });
  credentials.set('API token (orders:write)', { token: (await createToken(admin, 'API', 'matrix erp', ['orders:write'])).secret });
  credentials.set('no identity', {});
});
afterAll(async () => {
  await server?.stop();
});

describe('the permission table', () => {
  it('has an entry for every operation in the schema, and none for operations that do not exist', () => {
    const names = operations.map((o) => o.name);
    expect(names.filter((n) => !(n in PERMISSIONS))).toEqual([]);
    expect(Object.keys(PERMISSIONS).filter((n) => !names.includes(n))).toEqual([]);
  });

  it('grants no mutation to a display token, none to an API token but through a write scope, and nothing to ADMIN that decides change orders', () => {
    for (const [name, rule] of Object.entries(PERMISSIONS as Record<string, Permission>)) {
      if (name.startsWith('Mutation.')) expect([name, rule.display ?? false, (rule.apiScopes ?? []).filter((s) => !s.endsWith(':write'))]).toEqual([name, false, []]);
    }
    expect(Object.entries(PERMISSIONS as Record<string, Permission>).filter(([, r]) => r.apiScopes?.some((s) => s.endsWith(':write'))).map(([n]) => n).sort()).toEqual(['Mutation.importPlantData', 'Mutation.reportProgress', 'Mutation.reportProgressFile']);
    for (const verb of ['approve', 'reject', 'counterPropose', 'escalate']) {
      expect((PERMISSIONS as Record<string, Permission>)[`Mutation.${verb}ChangeOrder`]!.roles).not.toContain('ADMIN');
    }
  });
});

describe('the authorization matrix', () => {
  it.each(operations.map((op) => [op.name, op] as const))('%s: allowed identities get through, the others get FORBIDDEN or UNAUTHENTICATED', async (_name, op) => {
    const { query, variables } = documentFor(op);
    const rows: string[] = [];
    const failures: string[] = [];
    for (const who of IDENTITIES) {
      const creds = who.kind === 'user' && SESSION_ENDING.has(op.name) ? await freshUserSession(who.role) : credentials.get(who.label)!;
      const res = op.root === 'Subscription'
        ? await subscribe(creds, query, variables)
        : await http(creds, query, variables).then((r) => ({ code: (r.errors?.[0]?.extensions?.code as string | undefined) ?? null, status: r.status, message: r.errors?.[0]?.message }));
      // logoutEverywhere ends the main session too: sign in again for the operations after it
      if (who.kind === 'user' && SESSION_ENDING.has(op.name)) credentials.set(who.label, await freshUserSession(who.role));
      const may = allowed(op, who);
      rows.push(`${who.label}: ${may ? 'allowed' : 'refused'} → ${res.code ?? 'ok'}`);
      if (res.status >= 500 || res.code === 'INTERNAL' || (res.code ?? '').startsWith('CLOSED')) failures.push(`${who.label}: ${res.code} (${res.status})`);
      else if (may && (res.code === 'FORBIDDEN' || res.code === 'UNAUTHENTICATED')) failures.push(`${who.label} should be allowed, got ${res.code}`);
      else if (!may && res.code !== (who.kind === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN')) failures.push(`${who.label} should be refused, got ${res.code ?? 'ok'}`);
    }
    expect(failures, `${query}\n${rows.join('\n')}`).toEqual([]);
  });
});

describe('the HTTP routes beside GraphQL', () => {
  // POST /api/uploads takes the files of an import: whoever may import may upload, nobody else
  it('POST /api/uploads: the identities that may importPlantData upload, the others get 403 FORBIDDEN or 401 UNAUTHENTICATED', async () => {
    const importing = operations.find((o) => o.name === 'Mutation.importPlantData')!;
    const rows: string[] = [];
    const failures: string[] = [];
    for (const who of IDENTITIES) {
      const answer = await uploadFile(server.url, { name: 'customers.csv', content: Buffer.from('code,name,tier,contact\n') }, credentials.get(who.label)!);
      const code = answer.body.errors?.[0]?.extensions?.code ?? null;
      const may = allowed(importing, who);
      rows.push(`${who.label}: ${may ? 'allowed' : 'refused'} → ${answer.status} ${code ?? 'ok'}`);
      const expected = may ? [201, null] : who.kind === 'none' ? [401, 'UNAUTHENTICATED'] : [403, 'FORBIDDEN'];
      if (answer.status !== expected[0] || code !== expected[1]) failures.push(`${who.label}: ${answer.status} ${code}`);
    }
    expect(failures, rows.join('\n')).toEqual([]);
  });
});
