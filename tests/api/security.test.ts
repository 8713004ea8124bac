import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient, as, code, signIn, type GraphQLResponse } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { buildPlant, type FactoryPlant } from '../support/factories.ts';
import { wsSession } from '../support/security.ts';
import { suiteNow } from '../support/suite-clock.ts';

let server: TestServer;
let plant: FactoryPlant;

beforeAll(async () => {
  // behind a (pretend) proxy, so each test can speak from its own address
  server = await startServer({ env: { TAKT_TRUST_PROXY: '1', TAKT_LOGIN_IP_FAILURES: '12', TAKT_CREDENTIAL_RECHECK_MS: '500' } });
  plant = await buildPlant(server.databaseUrl);
});
afterAll(async () => {
  await server?.stop();
});

async function post(body: string, headers: Record<string, string> = {}): Promise<GraphQLResponse & { headers: Headers }> {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  let json: object = {};
  try {
    json = JSON.parse(text) as object;
  } catch {
    json = { raw: text };
  }
  return { status: res.status, headers: res.headers, ...json };
}

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }';
const login = (email: string, password: string, ip: string, cookie?: string) =>
  post(JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }), { 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) });
const cookieOf = (res: { headers: Headers }) => res.headers.get('set-cookie')?.split(';')[0] ?? null;

describe('login throttling', () => {
  it('answers a brute force on one account with RATE_LIMITED, refuses even the right password meanwhile, and lets another user in', async () => {
    const victim = plant.users.SALES_REP;
    const codes: unknown[] = [];
    let limited: GraphQLResponse | null = null;
    for (let i = 0; i < 8; i++) {
      const res = await login(victim, `guess-${i}`, '10.0.0.1');
      codes.push(code(res));
      if (code(res) === 'RATE_LIMITED') limited ??= res;
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes).toContain('RATE_LIMITED');
    expect(limited!.errors![0]!.extensions!.retryAfterSeconds).toEqual(expect.any(Number));
    expect(Number(limited!.errors![0]!.extensions!.retryAfterSeconds)).toBeLessThanOrEqual(60);
    // the real password is not even checked while the account is blocked (no oracle)
    expect(code(await login(victim, 'demo', '10.0.0.2'))).toBe('RATE_LIMITED');
    // another user, from the attacker's own address, still signs in
    const other = await login(plant.users.PLANNER, 'demo', '10.0.0.1');
    expect(other.errors).toBeUndefined();
    expect(cookieOf(other)).toMatch(/^takt_session=/);
  });

  it('lets the real user in again once the short delay has passed', async () => {
    const user = plant.users.QUALITY;
    for (let i = 0; i < 6; i++) await login(user, `wrong-${i}`, '10.0.1.1');
    expect(code(await login(user, 'demo', '10.0.1.2'))).toBe('RATE_LIMITED');
    await new Promise((r) => setTimeout(r, 2_100)); // 6th failure: 1 s; 7th never counted
    const ok = await login(user, 'demo', '10.0.1.2');
    expect(ok.errors).toBeUndefined();
    // a success resets the account's count: one wrong guess is an ordinary UNAUTHENTICATED again
    expect(code(await login(user, 'wrong', '10.0.1.2'))).toBe('UNAUTHENTICATED');
  });

  it('stops one address that sprays many accounts, without stopping others', async () => {
    const codes: unknown[] = [];
    for (let i = 0; i < 14; i++) codes.push(code(await login(`nobody-${i}@example.test`, 'x', '10.0.2.1')));
    expect(codes.slice(0, 12)).toEqual(Array(12).fill('UNAUTHENTICATED'));
    expect(codes.slice(12)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect(code(await login(plant.users.ACCOUNTING, 'demo', '10.0.2.1'))).toBe('RATE_LIMITED');
    expect((await login(plant.users.ACCOUNTING, 'demo', '10.0.2.2')).errors).toBeUndefined();
  });
});

describe('sessions', () => {
  it('rotates the session on login: the cookie the browser had before stops working', async () => {
    const first = await login(plant.users.OPS_MANAGER, 'demo', '10.0.3.1');
    const oldCookie = cookieOf(first)!;
    const second = await login(plant.users.OPS_MANAGER, 'demo', '10.0.3.1', oldCookie);
    const newCookie = cookieOf(second)!;
    expect(newCookie).not.toBe(oldCookie);
    expect(code(await post(JSON.stringify({ query: '{ me { id } }' }), { cookie: oldCookie }))).toBe('UNAUTHENTICATED');
    expect((await post(JSON.stringify({ query: '{ me { id } }' }), { cookie: newCookie })).errors).toBeUndefined();
  });

  it('ends an expired session', async () => {
    const c = await signIn(server.url, plant.users.PLANT_MANAGER);
    // expired on the server's clock (the suite's), which need not be the database's
    await sql(server.databaseUrl, `update session set expires_at = $2 where user_id = $1`, [plant.userIds.PLANT_MANAGER, new Date(suiteNow().getTime() - 1000)]);
    expect(code(await c.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('logs out everywhere: every session ends and a live subscription closes with 4401 within 5 s', async () => {
    const laptop = await signIn(server.url, plant.users.SALES_REP_2);
    const phone = await signIn(server.url, plant.users.SALES_REP_2);
    const ws = wsSession(server.url, { cookie: phone.cookie });
    await ws.subscribe('subscription($p: ID!) { boardEvents(plantId: $p) { seq } }', { p: plant.plantId });
    await ws.subscribe('subscription($p: ID!) { presence(plantId: $p) { plantId } }', { p: plant.plantId });
    while (ws.messages.length === 0) await new Promise((r) => setTimeout(r, 20)); // live before the logout
    const at = Date.now();
    const res = await laptop.data<{ logoutEverywhere: number }>('mutation { logoutEverywhere }');
    expect(res.logoutEverywhere).toBe(2);
    const closed = await ws.waitForClose(5_000);
    expect(closed.code).toBe(4401);
    expect(closed.at - at).toBeLessThan(5_000);
    expect(code(await laptop.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(code(await phone.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('closes a live subscription within 5 s of a plain logout in another tab of the same session', async () => {
    const tab = await signIn(server.url, plant.users.ADMIN);
    const ws = wsSession(server.url, { cookie: tab.cookie });
    await ws.subscribe('subscription($p: ID!) { presence(plantId: $p) { plantId } }', { p: plant.plantId });
    // the first snapshot proves the subscription is live before the session ends
    while (ws.messages.length === 0) await new Promise((r) => setTimeout(r, 20));
    const at = Date.now();
    await tab.data('mutation { logout }');
    const closed = await ws.waitForClose(5_000);
    expect(closed.code).toBe(4401);
    expect(closed.at - at).toBeLessThan(5_000);
  });

  it('changes the password only with the current one, and ends the other sessions but not this one', async () => {
    const email = plant.users.PLANNER;
    const here = await signIn(server.url, email);
    const elsewhere = await signIn(server.url, email);
    const change = (current: string, next: string) =>
      here.request('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: current, n: next });
    expect(code(await change('wrong', 'a-long-new-password'))).toBe('BAD_USER_INPUT');
    expect(code(await change('demo', 'short'))).toBe('BAD_USER_INPUT');
    expect(code(await change('demo', 'x'.repeat(2000)))).toBe('BAD_USER_INPUT');
    expect((await change('demo', 'a-long-new-password')).errors).toBeUndefined();
    expect((await here.request('{ me { id } }')).errors).toBeUndefined();
    expect(code(await elsewhere.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect(code(await new ApiClient(server.url).login(email, 'demo'))).toBe('UNAUTHENTICATED');
    expect((await new ApiClient(server.url).login(email, 'a-long-new-password')).errors).toBeUndefined();
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated request from another site, and accepts the same from the app itself', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const body = JSON.stringify({ query: 'mutation { setPresenceVisibility(visible: true) }' });
    const foreign = await post(body, { cookie: ops.cookie!, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(code(foreign)).toBe('FORBIDDEN');
    const own = await post(body, { cookie: ops.cookie!, origin: server.url });
    expect(own.errors).toBeUndefined();
    // login CSRF (signing a victim into the attacker's account) is refused the same way
    expect(code(await post(JSON.stringify({ query: LOGIN, variables: { e: plant.users.ADMIN, p: 'demo' } }), { origin: 'null' }))).toBe('FORBIDDEN');
  });

  it('refuses simple (form-like) requests that skip the CORS preflight', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: ops.cookie! },
      body: JSON.stringify({ query: 'mutation { setPresenceVisibility(visible: false) }' }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { headers: { cookie: ops.cookie! } });
    expect(get.status).toBe(400);
  });

  it('refuses a cookie-authenticated WebSocket opened by another site (4403)', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const ws = wsSession(server.url, { cookie: ops.cookie, origin: 'https://evil.example' });
    await expect(ws.subscribe('subscription($p: ID!) { presence(plantId: $p) { plantId } }', { p: ops.plantId })).rejects.toBeDefined();
    expect((await ws.waitForClose(2_000)).code).toBe(4403);
  });
});

describe('security headers', () => {
  it('sends CSP, frame-ancestors none, no referrer and nosniff on the app and the API', async () => {
    for (const res of [await fetch(`${server.url}/`, { headers: { accept: 'text/html' } }), await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ health }"}' })]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('GraphQL limits', () => {
  const expectRejected = (res: GraphQLResponse, pattern: RegExp) => {
    expect(res.status).toBeLessThan(500);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(pattern);
  };

  it('refuses deep, alias-bombed, directive-bombed, costly and token-bombed queries with BAD_USER_INPUT', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    // the deepest path the schema has (no type refers back to itself) is allowed
    const deepest = '{ changeOrders { nodes { counterProposal { evaluation { jobs { allocations { date } } } } } } }';
    expect((await ops.request(deepest)).errors).toBeUndefined();
    const tooDeep = await ops.request(`{ plants { ${'a { '.repeat(12)}b${' }'.repeat(12)} } }`);
    expect(code(tooDeep)).toBe('BAD_USER_INPUT');
    expect(tooDeep.errors!.some((e) => /depth/i.test(e.message))).toBe(true);
    // a fragment bomb: 2^16 copies of a change order's fields in a few hundred tokens
    const bomb = [
      'fragment F0 on ChangeOrder { id status approvals { lane status decidedBy { id email } } }',
      ...Array.from({ length: 16 }, (_, i) => `fragment F${i + 1} on ChangeOrder { ...F${i} ...F${i} }`),
    ].join('\n');
    expectRejected(await ops.request(`{ changeOrders { nodes { ...F16 } } }\n${bomb}`), /cost/i);
    expectRejected(await ops.request(`{ ${Array.from({ length: 50 }, (_, i) => `a${i}: health`).join(' ')} }`), /alias/i);
    expectRejected(await ops.request(`{ health ${'@include(if: true) '.repeat(50)} }`), /directive/i);
    expectRejected(await ops.request(`{ ${'health '.repeat(6000)} }`), /token/i);
  });

  it('refuses an oversized body with 413 and a code, and malformed JSON with 400 and a code', async () => {
    const big = await post(JSON.stringify({ query: `{ health }`, variables: { pad: 'x'.repeat(300 * 1024) } }));
    expect(big.status).toBe(413);
    expect(code(big)).toBe('BAD_USER_INPUT');
    const broken = await post('{"query": "{ health }"');
    expect(broken.status).toBe(400);
    expect(code(broken)).toBe('BAD_USER_INPUT');
  });

  it('applies the same limits over WebSocket, as an error of that operation', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const ws = wsSession(server.url, { cookie: ops.cookie });
    // a live subscription keeps the socket open, so a close would be the server's
    await ws.subscribe('subscription($p: ID!) { presence(plantId: $p) { plantId } }', { p: ops.plantId });
    const aliased = await ws.first(`{ ${Array.from({ length: 50 }, (_, i) => `a${i}: health`).join(' ')} }`).catch((e: unknown) => e);
    expect(JSON.stringify(aliased)).toMatch(/alias.*BAD_USER_INPUT|BAD_USER_INPUT.*alias/i);
    const broken = await ws.first('{ health').catch((e: unknown) => e);
    expect(JSON.stringify(broken)).toMatch(/BAD_USER_INPUT/);
    // the socket survives both: a later operation on it still runs
    expect(await ws.first('{ health }')).toEqual({ data: { health: true } });
    expect(ws.closes).toEqual([]);
    await ws.client.dispose();
  });
});

describe('ids of another plant', () => {
  it('answers NOT_FOUND or BAD_USER_INPUT for another plant\'s order, job and plant, and reveals nothing of them', async () => {
    const other = await buildPlant(server.databaseUrl, { orders: { SECRET: { quantity: 2, dueInWorkingDays: 10 } } });
    const ops = await signIn(server.url, plant.users.OPS_MANAGER);
    const order = other.orders.SECRET!;
    const day = new Date(suiteNow().getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
    const attempts: [string, Record<string, unknown>][] = [
      ['query($id: ID!) { order(id: $id) { number quantity } }', { id: order.id }],
      ['query($i: ChangeOrderInput!) { previewChangeOrder(input: $i) { tier } }', { i: { orderId: order.id, quantity: 3 } }],
      ['mutation($i: ChangeOrderInput!) { proposeChangeOrder(input: $i) { id } }', { i: { orderId: order.id, quantity: 3 } }],
      ['mutation($j: ID!, $d: Date!) { moveJob(jobId: $j, startDate: $d) { id } }', { j: order.jobId, d: day }],
      ['query($p: ID!) { policy(plantId: $p) { version } }', { p: other.plantId }],
      ['query($p: ID!, $f: Date!) { board(plantId: $p, from: $f, to: $f) { lastEventSeq } }', { p: other.plantId, f: day }],
    ];
    for (const [query, variables] of attempts) {
      const res = await ops.request(query, variables);
      expect(['NOT_FOUND', 'BAD_USER_INPUT'], query).toContain(code(res));
      expect(JSON.stringify(res), query).not.toMatch(/SECRET|Factory/);
    }
    const [row] = await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from change_order where order_id = $1', [order.id]);
    expect(row!.n).toBe(0);
  });
});

describe('in production', () => {
  let prod: TestServer;
  beforeAll(async () => {
    prod = await startServer({ env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await prod?.stop();
  });

  it('refuses introspection, suggests no field names and sends no stack traces', async () => {
    const anon = new ApiClient(prod.url);
    const intro = await anon.request('{ __schema { types { name } } }');
    expect(code(intro)).toBe('BAD_USER_INPUT');
    const typo = await anon.request('{ healt }');
    expect(code(typo)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(typo)).not.toMatch(/Did you mean/);
    const broken = await anon.request('{ health');
    expect(JSON.stringify(broken)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('turns introspection on only when TAKT_INTROSPECTION=1', async () => {
    const open = await startServer({ env: { NODE_ENV: 'production', TAKT_INTROSPECTION: '1' } });
    try {
      const res = await new ApiClient(open.url).request('{ __schema { queryType { name } } }');
      expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await open.stop();
    }
  });
});
