import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import WebSocket from 'ws';
import {
  buildASTSchema, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isAbstractType, isScalarType,
  parse, type GraphQLField, type GraphQLInputType,
} from 'graphql';
import { startServer, type TestServer } from '../support/server.ts';
import { signIn, type ApiClient, type GraphQLResponse } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { postUpload } from '../support/uploads.ts';
import { buildPlant, todayUtc, workingDay, type FactoryPlant } from '../support/factories.ts';
import { bucketLoads, checkInvariants, type BucketLoads } from '../support/invariants.ts';

/**
 * Fuzzing (docs/product.md §7: bad input never corrupts data and never crashes the process). fast-check
 * builds arguments for every Query and Mutation from the SDL's input types — valid and invalid
 * ids, extreme numbers, odd strings and dates — and the test adds malformed JSON, deep, wide and
 * alias-bombed queries, oversized bodies and broken WebSocket messages. Every answer must be
 * below 500 with a known code; nothing may be logged as an unexpected error; the process must
 * live; and the plant's invariants (no overbooking, jobs = allocations, audit trail) must hold.
 */

const SCHEMA_DIR = resolve(import.meta.dirname, '../../schema');
const schema = buildASTSchema(parse(readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.graphql')).map((f) => readFileSync(resolve(SCHEMA_DIR, f), 'utf8')).join('\n')));
const errorCodeType = schema.getType('ErrorCode');
if (!isEnumType(errorCodeType)) throw new Error('the SDL has no ErrorCode enum');
const ERROR_CODES = new Set(errorCodeType.getValues().map((v) => v.value));
// Operations that end or change the fuzzing users' sessions are fuzzed by an anonymous client only.
const SESSION_OPS = new Set(['logout', 'logoutEverywhere', 'changePassword']);
const RUNS_PER_OPERATION = 12;

let server: TestServer;
let plant: FactoryPlant;
let clients: ApiClient[];
let baseline: BucketLoads;
let auditBefore: number;
let ids: string[];

beforeAll(async () => {
  server = await startServer();
  plant = await buildPlant(server.databaseUrl, {
    fillerMinutes: 180,
    fillerDays: 10,
    orders: { A: { quantity: 4, dueInWorkingDays: 8 }, B: { quantity: 3, dueInWorkingDays: 12 } },
  });
  // consistent before the run, so anything found after it was done by the run
  expect(await checkInvariants(server.databaseUrl, plant.plantId)).toEqual([]);
  clients = await Promise.all((['PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER', 'ADMIN', 'ACCOUNTING'] as const).map((r) => signIn(server.url, plant.users[r])));
  baseline = await bucketLoads(server.databaseUrl, plant.plantId);
  auditBefore = (await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from audit_event'))[0]!.n;
  ids = [plant.plantId, plant.workCenterId, plant.productId, plant.standardOptionId, plant.reviewOptionId, plant.customerId,
    ...Object.values(plant.orders).flatMap((o) => [o.id, o.jobId]), ...Object.values(plant.userIds)];
});
afterAll(async () => {
  await server?.stop();
});

// ---- arbitraries from the SDL ----

const today = todayUtc();
const oddStrings = fc.constantFrom('', ' ', '\u0000', '%', "' or 1=1 --", '<script>alert(1)</script>', '{{7*7}}', '../../etc/passwd', '🏭'.repeat(100), 'x'.repeat(5000), '\\', '"');
const arbString = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), oddStrings);
const arbDate = fc.oneof(
  fc.integer({ min: -400, max: 800 }).map((n) => workingDay(today, Math.max(0, n)).replace(/^/, n < 0 ? '' : '')),
  fc.constantFrom('2026-02-30', '0000-01-01', '9999-12-31', '2026-13-01', 'today', '', '2026-1-1'),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10)),
);
const arbMoney = fc.oneof(
  fc.integer({ min: -1_000_000, max: 100_000_000 }).map((c) => (c / 100).toFixed(2)),
  fc.constantFrom('-0.01', '1e9', '99999999999999999999.99', 'NaN', '1.234', '', ' 1', '0x10'),
);
const arbId = () => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, fc.uuid(), arbString);
const arbInt = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648, 1_000_000));

function arbFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbFor(type.ofType, depth);
  const inner = (): fc.Arbitrary<unknown> => {
    if (isListType(type)) return fc.array(arbFor(type.ofType, depth + 1), { maxLength: 4 });
    if (isEnumType(type)) return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.value)) }, fc.constant('NOT_A_VALUE'));
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      if (depth > 3) return fc.constant({});
      return fc.record(Object.fromEntries(fields.map((f) => [f.name, arbFor(f.type, depth + 1)])), {
        requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
      });
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case 'ID': return arbId();
        case 'Int': return arbInt;
        case 'Float': return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 0.5, 1e308));
        case 'Boolean': return fc.boolean();
        case 'Date': return arbDate;
        case 'DateTime': return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), arbString);
        case 'Money': return arbMoney;
        default: return arbString;
      }
    }
    return fc.constant(null);
  };
  return isNonNullType(type) ? inner() : fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: inner() });
}

interface Op { root: 'Query' | 'Mutation' | 'Subscription'; field: GraphQLField<unknown, unknown> }
const ops: Op[] = (['Query', 'Mutation', 'Subscription'] as const).flatMap((root) => {
  const t = root === 'Query' ? schema.getQueryType() : root === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return Object.values(t?.getFields() ?? {}).map((field) => ({ root, field }));
});

function documentOf(op: Op): string {
  const defs = op.field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = op.field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(op.field.type);
  const sel = isObjectType(named) || isAbstractType(named) ? ' { __typename }' : '';
  const kw = op.root === 'Query' ? 'query' : op.root === 'Mutation' ? 'mutation' : 'subscription';
  return `${kw} Fuzz${defs ? `(${defs})` : ''} { ${op.field.name}${args ? `(${args})` : ''}${sel} }`;
}

/** Fields with arguments below a root (root field, type, field): fuzzed through the root. */
const NESTED: [string, string, string][] = [['plants', 'Plant', 'calendar']];

function nestedDocument([root, typeName, fieldName]: [string, string, string]): { query: string; field: GraphQLField<unknown, unknown> } {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const field = type.getFields()[fieldName]!;
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return { query: `query Fuzz(${defs}) { ${root} { ${fieldName}(${args}) { __typename } } }`, field };
}

// ---- checks ----

const problems: string[] = [];
function check(what: string, res: { status: number; body: unknown }) {
  const body = res.body as GraphQLResponse | null;
  if (res.status >= 500) problems.push(`${what}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  for (const e of body?.errors ?? []) {
    const code = e.extensions?.code;
    if (typeof code !== 'string' || !ERROR_CODES.has(code) || code === 'INTERNAL') problems.push(`${what}: ${String(code)} — ${e.message.slice(0, 200)}`);
  }
  if (res.status < 500 && res.status >= 400 && !(body?.errors?.length)) problems.push(`${what}: HTTP ${res.status} without an error code`);
}

async function raw(body: string | Buffer, headers: Record<string, string> = {}, cookie?: string | null): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: { errors: [{ message: `not JSON: ${text.slice(0, 100)}` }] } };
  }
}

describe('fuzzing', () => {
  it('answers every Query and Mutation with generated arguments below 500 and with a code', { timeout: 120_000 }, async () => {
    problems.length = 0;
    const anonymous: { cookie: string | null } = { cookie: null };
    for (const op of ops.filter((o) => o.root !== 'Subscription')) {
      const query = documentOf(op);
      const arbVars = fc.record(Object.fromEntries(op.field.args.map((a) => [a.name, arbFor(a.type)])));
      await fc.assert(
        fc.asyncProperty(arbVars, fc.nat(clients.length - 1), async (variables, who) => {
          const cookie = SESSION_OPS.has(op.field.name) || op.field.name === 'login' ? anonymous.cookie : clients[who]!.cookie;
          check(`${op.root}.${op.field.name} ${JSON.stringify(variables).slice(0, 200)}`, await raw(JSON.stringify({ query, variables }), {}, cookie));
          return true;
        }),
        { numRuns: RUNS_PER_OPERATION, seed: 7_2026 },
      );
    }
    expect(problems).toEqual([]);
  });

  it('answers fields with arguments below the roots with generated arguments below 500 and with a code', { timeout: 60_000 }, async () => {
    problems.length = 0;
    for (const nested of NESTED) {
      const { query, field } = nestedDocument(nested);
      const arbVars = fc.record(Object.fromEntries(field.args.map((a) => [a.name, arbFor(a.type)])));
      await fc.assert(
        fc.asyncProperty(arbVars, fc.nat(clients.length - 1), async (variables, who) => {
          check(`${nested.join('.')} ${JSON.stringify(variables).slice(0, 200)}`, await raw(JSON.stringify({ query, variables }), {}, clients[who]!.cookie));
          return true;
        }),
        { numRuns: RUNS_PER_OPERATION * 4, seed: 7_2026 },
      );
    }
    expect(problems).toEqual([]);
  });

  it('answers order rows pushed after go-live (they become change orders) with a code', { timeout: 120_000 }, async () => {
    problems.length = 0;
    const [ref] = await sql<{ customer: string; sku: string; number: string }>(server.databaseUrl,
      `select c.code as customer, p.sku, o.number from sales_order o join customer c on c.id = o.customer_id join product p on p.id = o.product_id
        where o.plant_id = $1 order by o.number limit 1`, [plant.plantId]);
    const [option] = await sql<{ option: string }>(server.databaseUrl, `select attribute || '=' || value as option from product_option where id = $1`, [plant.standardOptionId]);
    // mostly cells that make sense, so that many rows get as far as a change order, with odd ones among them
    const cell = (sensible: fc.Arbitrary<string>, odd: fc.Arbitrary<unknown> = arbString) => fc.oneof({ weight: 8, arbitrary: sensible }, { weight: 1, arbitrary: odd.map(String) });
    const row = fc.tuple(
      cell(fc.constantFrom(ref!.number, 'FZ-1', 'FZ-2')), cell(fc.constant(ref!.customer)), cell(fc.constant(ref!.sku)),
      cell(fc.integer({ min: 1, max: 40 }).map(String), arbInt), cell(fc.constantFrom('', option!.option), fc.constantFrom(`${option!.option};${option!.option}`, 'nope=1', '=', ';')),
      cell(fc.integer({ min: 3, max: 120 }).map((n) => workingDay(today, n)), arbDate), cell(fc.constant(''), arbMoney), cell(fc.constantFrom('', '0'), fc.constantFrom('1', '-1', 'x')),
    ).map((cells) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(','));
    const query = `mutation($p: ID!, $f: [ImportFileInput!]!, $m: ImportMode!, $k: String) { importPlantData(plantId: $p, files: $f, mode: $m, idempotencyKey: $k) {
      applied errors { row column } changeOrders { tier status changeOrderNumber } } }`;
    const importers = [clients[2]!, clients[3]!]; // PLANT_MANAGER, ADMIN
    let proposed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), fc.constantFrom('DRY_RUN', 'COMMIT'), fc.option(fc.constantFrom('k-1', 'k-2')), fc.nat(1), async (rows, mode, key, who) => {
        const content = Buffer.from(`number,customer_code,sku,quantity,options,due_date,unit_price,completed_steps\n${rows.join('\n')}\n`).toString('base64');
        const variables = { p: plant.plantId, f: [{ name: 'orders.csv', content }], m: mode, k: mode === 'COMMIT' ? key : null };
        const res = await raw(JSON.stringify({ query, variables }), {}, importers[who]!.cookie);
        check(`orders after go-live ${JSON.stringify(rows).slice(0, 200)}`, res);
        proposed += (res.body as { data?: { importPlantData?: { changeOrders: unknown[] } } } | null)?.data?.importPlantData?.changeOrders.length ?? 0;
        return true;
      }),
      { numRuns: 60, seed: 7_2026 },
    );
    expect(problems).toEqual([]);
    expect(proposed, 'no generated row reached a change order').toBeGreaterThan(0);
  });

  it('answers subscriptions with generated arguments with a code, never by crashing the socket', { timeout: 60_000 }, async () => {
    problems.length = 0;
    for (const op of ops.filter((o) => o.root === 'Subscription')) {
      const query = documentOf(op);
      const arbVars = fc.record(Object.fromEntries(op.field.args.map((a) => [a.name, arbFor(a.type)])));
      for (const variables of fc.sample(arbVars, { numRuns: 8, seed: 11 })) {
        const outcome = await wsExchange(clients[1]!.cookie, [
          { type: 'connection_init' },
          { id: '1', type: 'subscribe', payload: { query, variables } },
        ], 600);
        if (outcome.close !== null && outcome.close !== 1000 && outcome.close !== 1005) problems.push(`${op.field.name} closed the socket with ${outcome.close}`);
        for (const m of outcome.messages) {
          if (m.type === 'error') for (const e of m.payload as { extensions?: { code?: string }; message: string }[]) {
            if (!ERROR_CODES.has(e.extensions?.code ?? '') || e.extensions?.code === 'INTERNAL') problems.push(`${op.field.name}: ${e.extensions?.code} ${e.message}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses malformed bodies and hostile queries with a code', { timeout: 60_000 }, async () => {
    problems.length = 0;
    const cookie = clients[1]!.cookie;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        check(`body ${JSON.stringify(text).slice(0, 80)}`, await raw(text, {}, cookie));
        check(`query ${JSON.stringify(text).slice(0, 80)}`, await raw(JSON.stringify({ query: text }), {}, cookie));
        return true;
      }),
      { numRuns: 60, seed: 3 },
    );
    const hostile: [string, string | Buffer, Record<string, string>?][] = [
      ['not JSON', '{"query": "{ health }"'],
      ['JSON array (batch)', JSON.stringify([{ query: '{ health }' }, { query: '{ health }' }])],
      ['query not a string', JSON.stringify({ query: 42 })],
      ['variables not an object', JSON.stringify({ query: 'query($a: Int) { health }', variables: 'x' })],
      ['prototype pollution', '{"query":"{ health }","variables":{"__proto__":{"polluted":1}},"__proto__":{"x":1}}'],
      ['deep nesting', JSON.stringify({ query: `{ ${'plants { '.repeat(200)}id${' }'.repeat(200)} }` })],
      ['wide', JSON.stringify({ query: `{ ${'plants { id name } '.repeat(3000)} }` })],
      ['alias bomb', JSON.stringify({ query: `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: plants { id }`).join(' ')} }` })],
      ['directive bomb', JSON.stringify({ query: `{ health ${'@skip(if: false) '.repeat(1000)} }` })],
      ['introspection bomb', JSON.stringify({ query: `{ __schema { types { ${'fields { type { '.repeat(30)}name${' } }'.repeat(30)} } } }` })],
      ['oversized', JSON.stringify({ query: '{ health }', variables: { x: 'x'.repeat(400_000) } })],
      ['deep JSON variables', `{"query":"query($a: ChangeOrderInput!) { previewChangeOrder(input: $a) { tier } }","variables":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`],
      ['wrong content type', 'query=%7B+health+%7D', { 'content-type': 'application/x-www-form-urlencoded' }],
      ['binary', Buffer.from([0xff, 0xfe, 0x00, 0x01])],
    ];
    for (const [what, body, headers] of hostile) check(what, await raw(body, headers ?? {}, cookie));
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { ping }')}`, { headers: { 'apollo-require-preflight': '1' } });
    check('mutation over GET', { status: get.status, body: await get.json() });
    expect(problems).toEqual([]);
  });

  it('answers the upload route\'s malformed multipart bodies below 500 and with a code', { timeout: 60_000 }, async () => {
    problems.length = 0;
    const manager = clients[2]!; // PLANT_MANAGER: past the permission check, into the multipart parser
    const part = (boundary: string, body: string) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="orders.csv"\r\n\r\n${body}\r\n--${boundary}--\r\n`;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(..."abzAZ09'()+_,-./:=? "), minLength: 1, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.boolean(), async (boundary, text, framed) => {
        const res = await postUpload(server.url, Buffer.from(framed ? part(boundary, text) : text), { cookie: manager.cookie, headers: { 'content-type': `multipart/form-data; boundary="${boundary}"` } });
        if (res.status !== 201) check(`upload ${JSON.stringify(text).slice(0, 80)}`, res);
        return true;
      }),
      { numRuns: 60, seed: 5 },
    );
    expect(problems).toEqual([]);
  });

  it('closes sockets that send broken protocol messages with a 44xx code, and keeps serving', { timeout: 60_000 }, async () => {
    problems.length = 0;
    const cookie = clients[0]!.cookie;
    const cases: [string, (string | Buffer | object)[]][] = [
      ['garbage text', ['not json at all']],
      ['binary frame', [Buffer.from([0, 1, 2, 255])]],
      ['unknown type', [{ type: 'connection_init' }, { type: 'explode' }]],
      ['subscribe before init', [{ id: '1', type: 'subscribe', payload: { query: '{ health }' } }]],
      ['init twice', [{ type: 'connection_init' }, { type: 'connection_init' }]],
      ['subscribe without id', [{ type: 'connection_init' }, { type: 'subscribe', payload: { query: '{ health }' } }]],
      ['payload not an object', [{ type: 'connection_init' }, { id: '1', type: 'subscribe', payload: 'x' }]],
      ['query with a syntax error', [{ type: 'connection_init' }, { id: '1', type: 'subscribe', payload: { query: '{ health' } }]],
      ['token bomb', [{ type: 'connection_init' }, { id: '1', type: 'subscribe', payload: { query: `{ ${'health '.repeat(10_000)} }` } }]],
      ['too large', [{ type: 'connection_init' }, { id: '1', type: 'subscribe', payload: { query: '{ health }', variables: { x: 'x'.repeat(300_000) } } }]],
      ['bad token type', [{ type: 'connection_init', payload: { token: { $ne: null } } }]],
      ['duplicate ids', [{ type: 'connection_init' }, { id: '1', type: 'subscribe', payload: { query: `subscription { presence(plantId: "${plant.plantId}") { plantId } }` } }, { id: '1', type: 'subscribe', payload: { query: '{ health }' } }]],
    ];
    for (const [what, messages] of cases) {
      const outcome = await wsExchange(what === 'bad token type' ? null : cookie, messages, 800);
      if (outcome.close === 4500 || outcome.close === 1011) problems.push(`${what}: closed with ${outcome.close} (internal error)`);
      for (const m of outcome.messages) if (m.type === 'error') for (const e of m.payload as { extensions?: { code?: string } }[]) if (!ERROR_CODES.has(e.extensions?.code ?? '') || e.extensions?.code === 'INTERNAL') problems.push(`${what}: error without a known code`);
    }
    // still serving
    expect((await raw(JSON.stringify({ query: '{ health }' }))).body).toEqual({ data: { health: true } });
    expect(problems).toEqual([]);
  });

  it('leaves the process alive, logs no unexpected error, and keeps the plant consistent', async () => {
    expect(server.process.exitCode).toBeNull();
    const log = server.output.join('');
    expect(log.split('\n').filter((l) => /unexpected error|unvalidated|Internal error occurred|uncaught|unhandled/i.test(l)).map((l) => l.slice(0, 600))).toEqual([]);
    expect(await checkInvariants(server.databaseUrl, plant.plantId, { baseline })).toEqual([]);
    const auditAfter = (await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from audit_event'))[0]!.n;
    expect(auditAfter).toBeGreaterThanOrEqual(auditBefore);
    await expect(sql(server.databaseUrl, 'update audit_event set comment = $1 where id = (select min(id) from audit_event)', ['rewritten'])).rejects.toThrow();
  });
});

/** Speaks raw graphql-transport-ws: sends `messages` in order, collects answers for `ms`, reports the close code (null: still open). */
async function wsExchange(cookie: string | null, messages: (string | Buffer | object)[], ms: number): Promise<{ close: number | null; messages: { type: string; payload?: unknown }[] }> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', cookie ? { headers: { cookie } } : {});
  const received: { type: string; payload?: unknown }[] = [];
  let close: number | null = null;
  ws.on('message', (d) => {
    try {
      received.push(JSON.parse(String(d)) as { type: string });
    } catch {
      received.push({ type: 'unparseable' });
    }
  });
  ws.on('close', (code) => (close = code));
  ws.on('error', () => {});
  await new Promise<void>((r) => ws.once('open', () => r()));
  for (const m of messages) {
    if (ws.readyState !== WebSocket.OPEN) break;
    ws.send(typeof m === 'string' || Buffer.isBuffer(m) ? m : JSON.stringify(m));
    await new Promise((r) => setTimeout(r, 50));
    // graphql-ws closes a socket that subscribes before its connection_init is acknowledged
    // (4401), and authenticating can take longer than 50 ms on a loaded machine: wait for the ack
    if (typeof m === 'object' && !Buffer.isBuffer(m) && (m as { type?: string }).type === 'connection_init') {
      const deadline = Date.now() + 10_000;
      while (close === null && !received.some((r) => r.type === 'connection_ack') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    }
  }
  await new Promise((r) => setTimeout(r, ms));
  if (close === null) ws.close(1000);
  return { close, messages: received };
}

