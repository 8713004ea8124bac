import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { as, code, signIn, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { buildPlant } from '../support/factories.ts';
import { bearer, createToken, wsSession } from '../support/security.ts';
import { suiteNow, suiteToday } from '../support/suite-clock.ts';

let server: TestServer;
let admin: ApiClient & { plantId: string };
const today = suiteToday();
const in2weeks = new Date(suiteNow().getTime() + 14 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startServer({ env: { TAKT_CREDENTIAL_RECHECK_MS: '500' } });
  admin = await as(server.url, 'ADMIN');
});
afterAll(async () => {
  await server?.stop();
});

const BOARD = 'query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) { lastEventSeq workCenters { id } } }';

describe('display tokens (wall screens)', () => {
  it('shows the secret once and stores only its SHA-256', async () => {
    const { id, secret } = await createToken(admin, 'DISPLAY', 'Hall 2 wall screen');
    expect(secret).toMatch(/^takt_d_[A-Za-z0-9_-]{43}$/);
    const [row] = await sql<Record<string, unknown>>(server.databaseUrl, 'select * from access_token where id = $1', [id]);
    expect(row!.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret.slice(7));
    const list = await admin.data<{ accessTokens: { id: string; prefix: string; kind: string; createdBy: { email: string }; lastUsedAt: string | null }[] }>(
      '{ accessTokens { id prefix kind createdBy { email } lastUsedAt } }',
    );
    const listed = list.accessTokens.find((t) => t.id === id)!;
    expect(listed).toMatchObject({ kind: 'DISPLAY', prefix: secret.slice(0, 12), createdBy: { email: 'admin@demo.test' }, lastUsedAt: null });
    const audit = await sql(server.databaseUrl, `select action from audit_event where entity_id = $1`, [id]);
    expect(audit).toEqual([{ action: 'TOKEN_CREATED' }]);
  });

  it('reads its plant\'s board, policy and plants over HTTP, and records when it was last used', async () => {
    const { id, secret } = await createToken(admin, 'DISPLAY', 'Lobby');
    const board = await bearer<{ board: { workCenters: unknown[] } }>(server.url, secret, BOARD, { p: admin.plantId, f: today, t: in2weeks });
    expect(board.errors).toBeUndefined();
    expect(board.data!.board.workCenters.length).toBeGreaterThan(0);
    const policy = await bearer(server.url, secret, 'query($p: ID!) { policy(plantId: $p) { version } }', { p: admin.plantId });
    expect(policy.errors).toBeUndefined();
    const plants = await bearer<{ plants: { id: string }[] }>(server.url, secret, '{ plants { id } }');
    expect(plants.data!.plants.map((p) => p.id)).toEqual([admin.plantId]);
    const [row] = await sql<{ last_used_at: Date | null }>(server.databaseUrl, 'select last_used_at from access_token where id = $1', [id]);
    expect(row!.last_used_at).not.toBeNull();
  });

  it('can never mutate, and reads nothing beyond the wall screen', async () => {
    const { secret } = await createToken(admin, 'DISPLAY', 'Read only');
    for (const mutation of ['mutation { ping }', 'mutation { logout }', 'mutation { login(email: "admin@demo.test", password: "demo") { id } }',
      `mutation { updatePolicy(plantId: "${admin.plantId}", expectedVersion: 1, changes: {}, reason: "x") { version } }`,
      'mutation { createAccessToken(kind: DISPLAY, name: "again") { secret } }']) {
      const res = await bearer(server.url, secret, mutation);
      expect(code(res), mutation).toBe('FORBIDDEN');
    }
    expect(code(await bearer(server.url, secret, '{ me { id } }'))).toBe('FORBIDDEN');
    expect(code(await bearer(server.url, secret, '{ auditEvents { nodes { action } } }'))).toBe('FORBIDDEN');
    expect(code(await bearer(server.url, secret, '{ approvalInbox { id } }'))).toBe('FORBIDDEN');
    // another plant's board is not visible (and not revealed)
    const other = await buildPlant(server.databaseUrl);
    expect(code(await bearer(server.url, secret, BOARD, { p: other.plantId, f: today, t: in2weeks }))).toBe('NOT_FOUND');
  });

  it('streams board events over WebSocket with connectionParams.token, and loses the stream within 5 s of being revoked', async () => {
    const { id, secret } = await createToken(admin, 'DISPLAY', 'Hall 3');
    const ws = wsSession(server.url, { token: secret });
    await ws.subscribe('subscription($p: ID!) { boardEvents(plantId: $p, since: 0) { seq type } }', { p: admin.plantId });
    await ws.subscribe('subscription($p: ID!) { presence(plantId: $p) { plantId } }', { p: admin.plantId });
    while (ws.messages.length === 0) await new Promise((r) => setTimeout(r, 20)); // live before the revocation
    expect(ws.errors).toEqual([]);
    const revokedAt = Date.now();
    const res = await admin.request<{ revokeAccessToken: { revokedAt: string } }>('mutation($id: ID!) { revokeAccessToken(id: $id) { revokedAt } }', { id });
    expect(res.data!.revokeAccessToken.revokedAt).toBeTruthy();
    const closed = await ws.waitForClose(5_000);
    expect(closed.code).toBe(4401);
    expect(closed.at - revokedAt).toBeLessThan(5_000);
    expect(code(await bearer(server.url, secret, '{ plants { id } }'))).toBe('UNAUTHENTICATED');
    // a new socket with the revoked token is refused at connection_init
    const again = wsSession(server.url, { token: secret });
    await expect(again.subscribe('subscription($p: ID!) { presence(plantId: $p) { plantId } }', { p: admin.plantId })).rejects.toBeDefined();
    expect((await again.waitForClose(2_000)).code).toBe(4403);
  });

  it('wins over a signed-in browser\'s cookie: a wall screen opened by an admin acts as the display token', async () => {
    const { secret } = await createToken(admin, 'DISPLAY', 'Admin laptop wall');
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}`, cookie: admin.cookie! },
      body: JSON.stringify({ query: '{ accessTokens { id } }' }),
    });
    expect(code({ status: res.status, ...((await res.json()) as object) })).toBe('FORBIDDEN');
  });
});

describe('API tokens (report clients)', () => {
  it('reads change orders and the audit trail with reports:read, and nothing of the board', async () => {
    const { secret } = await createToken(admin, 'API', 'BI export', ['reports:read']);
    expect(secret).toMatch(/^takt_a_/);
    const cos = await bearer(server.url, secret, '{ changeOrders(first: 5) { nodes { id status } } }');
    expect(cos.errors).toBeUndefined();
    const audit = await bearer(server.url, secret, '{ auditEvents(first: 5) { nodes { action } } }');
    expect(audit.errors).toBeUndefined();
    expect(code(await bearer(server.url, secret, BOARD, { p: admin.plantId, f: today, t: in2weeks }))).toBe('FORBIDDEN');
    expect(code(await bearer(server.url, secret, 'mutation { ping }'))).toBe('FORBIDDEN');
  });

  it('refuses unknown scopes, scopes on display tokens, a token without scopes and an empty name with BAD_USER_INPUT', async () => {
    const attempts: [string, string, string[] | null][] = [
      ['API', 'x', ['reports:write']],
      ['API', 'x', null],
      ['DISPLAY', 'x', ['reports:read']],
      ['DISPLAY', '   ', null],
      ['DISPLAY', 'n'.repeat(101), null],
    ];
    for (const [k, n, s] of attempts) {
      const res = await admin.request('mutation($k: TokenKind!, $n: String!, $s: [String!]) { createAccessToken(kind: $k, name: $n, scopes: $s) { secret } }', { k, n, s });
      expect(code(res), `${k} ${n.slice(0, 5)} ${JSON.stringify(s)}`).toBe('BAD_USER_INPUT');
    }
    expect(code(await admin.request('mutation { createAccessToken(kind: ROOT, name: "x") { secret } }'))).toBe('BAD_USER_INPUT');
  });
});

describe('token management', () => {
  it('is for ADMIN only, and an admin of another plant can neither see nor revoke the token', async () => {
    const { id } = await createToken(admin, 'DISPLAY', 'Hall 9');
    const ops = await as(server.url, 'OPS_MANAGER');
    expect(code(await ops.request('{ accessTokens { id } }'))).toBe('FORBIDDEN');
    expect(code(await ops.request('mutation { createAccessToken(kind: DISPLAY, name: "x") { secret } }'))).toBe('FORBIDDEN');
    const other = await buildPlant(server.databaseUrl);
    const otherAdmin = await signIn(server.url, other.users.ADMIN);
    const list = await otherAdmin.data<{ accessTokens: { id: string }[] }>('{ accessTokens { id } }');
    expect(list.accessTokens.map((t) => t.id)).not.toContain(id);
    expect(code(await otherAdmin.request('mutation($id: ID!) { revokeAccessToken(id: $id) { id } }', { id }))).toBe('NOT_FOUND');
    expect(code(await otherAdmin.request('mutation { revokeAccessToken(id: "not-a-uuid") { id } }'))).toBe('NOT_FOUND');
  });
});
