import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/db/embedded.ts';
import { spawnServer, startServer, type TestServer } from '../support/server.ts';
import { code, signIn, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { buildPlant } from '../support/factories.ts';
import { ok, propose } from '../support/change-orders.ts';
import { signatureOf, WebhookReceiver } from '../support/webhook-receiver.ts';
import { sign, SIGNATURE_TOLERANCE_SECONDS, verify } from '../../server/src/modules/webhook/webhook.signature.ts';
import { createHmac } from 'node:crypto';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const EXAMPLE = resolve(import.meta.dirname, '../../docs/examples/webhook-receiver.mjs');

// Short schedule for tests: retries after 50 ms, 100 ms; three attempts; 500 ms timeout.
const ENV = {
  TAKT_WEBHOOK_POLL_MS: '50',
  TAKT_WEBHOOK_BACKOFF_MS: '50',
  TAKT_WEBHOOK_MAX_ATTEMPTS: '3',
  TAKT_WEBHOOK_TIMEOUT_MS: '500',
  TAKT_WEBHOOK_BATCH: '2',
};

let server: TestServer;
const receiver = new WebhookReceiver();
beforeAll(async () => {
  await receiver.start();
  server = await startServer({ env: ENV });
});
afterAll(async () => {
  await server?.stop();
  await receiver.stop();
});

interface Delivery {
  id: string;
  event: string;
  status: string;
  attempts: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}
const DELIVERY_FIELDS = 'id event status attempts lastHttpStatus lastError createdAt lastAttemptAt nextAttemptAt deliveredAt';

/** A factory plant with room (order A applies at once), its ADMIN and its sales rep signed in. */
async function plantWithAdmin() {
  const plant = await buildPlant(server.databaseUrl, { orders: { A: { quantity: 1, dueInWorkingDays: 25 } } });
  const admin = await signIn(server.url, plant.users.ADMIN);
  const rep = await signIn(server.url, plant.users.SALES_REP);
  const create = (url: string, events?: string[]) =>
    admin.request<{ createWebhook: { secret: string; webhook: { id: string; url: string; events: string[] | null; secretHint: string } } }>(
      'mutation($url: String!, $events: [String!]) { createWebhook(url: $url, events: $events) { secret webhook { id url events secretHint } } }', { url, events });
  const deliveries = async (webhookId: string, first = 25, after: string | null = null) =>
    ok(await admin.request<{ webhookDeliveries: { nodes: Delivery[]; endCursor: string | null; hasNextPage: boolean } }>(
      `query($id: ID!, $first: Int, $after: String) { webhookDeliveries(webhookId: $id, first: $first, after: $after) { nodes { ${DELIVERY_FIELDS} } endCursor hasNextPage } }`,
      { id: webhookId, first, after })).webhookDeliveries;
  /** Polls the delivery log until `done` holds. */
  const settle = async (webhookId: string, done: (d: Delivery[]) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { nodes } = await deliveries(webhookId, 100);
      if (done(nodes)) return nodes;
      if (Date.now() > deadline) throw new Error(`deliveries did not settle: ${JSON.stringify(nodes)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const autoChange = (quantity: number) => propose(rep, { orderId: plant.orders.A!.id, quantity });
  return { plant, admin, rep, create, deliveries, settle, autoChange };
}

describe('webhook management', () => {
  it('is for ADMIN only, and shows the signing secret once', async () => {
    const { plant, admin, create } = await plantWithAdmin();
    const ops = await signIn(server.url, plant.users.OPS_MANAGER);
    expect(code(await ops.request('mutation { createWebhook(url: "https://example.com/hook") { secret } }'))).toBe('FORBIDDEN');
    expect(code(await ops.request('{ webhooks { id } }'))).toBe('FORBIDDEN');
    expect(code(await ops.request('mutation { deleteWebhook(id: "00000000-0000-4000-8000-000000000000") }'))).toBe('FORBIDDEN');

    const { createWebhook } = ok(await create('https://example.com/hook#frag', ['change_order.applied']));
    expect(createWebhook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(createWebhook.webhook).toMatchObject({ url: 'https://example.com/hook', events: ['change_order.applied'], secretHint: `whsec_…${createWebhook.secret.slice(-4)}` });
    const listed = ok(await admin.request<{ webhooks: { id: string; secretHint: string; createdBy: { email: string } }[] }>('{ webhooks { id secretHint createdBy { email } } }')).webhooks;
    expect(listed).toEqual([{ id: createWebhook.webhook.id, secretHint: createWebhook.webhook.secretHint, createdBy: { email: plant.users.ADMIN } }]);
    expect((await admin.request('{ webhooks { secret } }')).errors![0]!.message).toMatch(/Cannot query field "secret"/);
    const [audit] = await sql<{ action: string; data: string }>(server.databaseUrl, `select action, data::text from audit_event where entity_id = $1`, [createWebhook.webhook.id]);
    expect(audit!.action).toBe('WEBHOOK_CREATED');
    expect(audit!.data).not.toContain(createWebhook.secret);
    // Another plant's admin sees neither the webhook nor its log.
    const other = await plantWithAdmin();
    expect(ok(await other.admin.request<{ webhooks: unknown[] }>('{ webhooks { id } }')).webhooks).toEqual([]);
    expect(code(await other.admin.request('query($id: ID!) { webhookDeliveries(webhookId: $id) { hasNextPage } }', { id: createWebhook.webhook.id }))).toBe('NOT_FOUND');
  });

  it('refuses URLs and events it cannot send', async () => {
    const { create } = await plantWithAdmin();
    for (const url of ['ftp://example.com/x', 'example.com/hook', 'https://user:pw@example.com/hook', 'javascript:alert(1)']) {
      const res = await create(url);
      expect(code(res), url).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.field).toBe('url');
    }
    expect((await create('https://example.com/h', ['change_order.nope'])).errors![0]!.message).toMatch(/Unknown event change_order.nope; known events: change_order.proposed/);
    expect(code(await create('https://example.com/h', []))).toBe('BAD_USER_INPUT');
  });
});

describe('webhook delivery', () => {
  it('sends only the events a webhook subscribed to, signed with its secret', async () => {
    const { plant, create, autoChange } = await plantWithAdmin();
    const { createWebhook } = ok(await create(`${receiver.url}/only-applied/${plant.plantId}`, ['change_order.applied']));
    const co = ok(await autoChange(2)).proposeChangeOrder;
    const mine = () => receiver.for((r) => r.body.plantId === plant.plantId);
    await receiver.waitFor(() => mine().length >= 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(mine().map((r) => [r.body.event, r.body.changeOrder.id])).toEqual([['change_order.applied', co.id]]);
    const [r] = mine();
    expect(r!.headers['x-takt-event']).toBe('change_order.applied');
    expect(verify(createWebhook.secret, r!.raw, signatureOf(r!))).toBe(true);
    expect(verify('whsec_wrong', r!.raw, signatureOf(r!))).toBe(false);
    expect(verify(createWebhook.secret, r!.raw.replace('"APPLIED"', '"PENDING"'), signatureOf(r!))).toBe(false);
  });

  it('signs the timestamp with the body, so a captured delivery cannot be replayed later or re-dated', async () => {
    const { plant, create, autoChange } = await plantWithAdmin();
    const path = `/dated/${plant.plantId}`;
    const { createWebhook } = ok(await create(`${receiver.url}${path}`, ['change_order.proposed']));
    ok(await autoChange(2));
    const mine = () => receiver.for((x) => x.headers['x-test-path'] === path);
    await receiver.waitFor(() => mine().length > 0);
    const [r] = mine();
    const { signature, timestamp } = signatureOf(r!);
    // the real time (receivers check it against theirs), not the server's shifted clock
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(signature).toBe(`v1=${createHmac('sha256', createWebhook.secret).update(`${timestamp}.${r!.raw}`).digest('hex')}`);
    expect(verify(createWebhook.secret, r!.raw, { signature, timestamp })).toBe(true);
    // the same delivery, replayed past the tolerance, or with a fresh timestamp pasted on
    expect(verify(createWebhook.secret, r!.raw, { signature, timestamp }, { nowSeconds: Number(timestamp) + SIGNATURE_TOLERANCE_SECONDS + 1 })).toBe(false);
    expect(verify(createWebhook.secret, r!.raw, { signature, timestamp: String(Math.floor(Date.now() / 1000) + 1) })).toBe(false);
  });

  it('retries with backoff: 500, 500, then 200 is DELIVERED after 3 attempts, and the log shows it', async () => {
    const { plant, create, deliveries, settle, autoChange } = await plantWithAdmin();
    const path = `/flaky/${plant.plantId}`;
    const url = receiver.answer(path, (n) => (n <= 2 ? 500 : 200));
    const { createWebhook } = ok(await create(url, ['change_order.proposed']));
    ok(await autoChange(2));
    const [log] = await settle(createWebhook.webhook.id, (d) => d[0]?.status === 'DELIVERED');
    expect(log).toMatchObject({ event: 'change_order.proposed', status: 'DELIVERED', attempts: 3, lastHttpStatus: 200, lastError: null, nextAttemptAt: null });
    expect(Date.parse(log!.deliveredAt!)).toBeGreaterThanOrEqual(Date.parse(log!.createdAt));
    const got = receiver.for((r) => r.headers['x-test-path'] === path);
    expect(got.map((r) => r.answered)).toEqual([500, 500, 200]);
    // The same delivery, byte for byte, each time; the waits double (50 ms, then 100 ms).
    expect(new Set(got.map((r) => r.headers['x-takt-delivery']))).toEqual(new Set([log!.id]));
    expect(new Set(got.map((r) => r.raw)).size).toBe(1);
    expect(got[1]!.receivedAt - got[0]!.receivedAt).toBeGreaterThanOrEqual(45);
    expect(got[2]!.receivedAt - got[1]!.receivedAt).toBeGreaterThanOrEqual(95);
    for (const r of got) expect(verify(createWebhook.secret, r.raw, signatureOf(r))).toBe(true);
    expect((await deliveries(createWebhook.webhook.id)).nodes).toHaveLength(1);
  });

  it('ends FAILED after the maximum attempts when the receiver is unreachable or too slow', async () => {
    const { create, settle, autoChange, plant } = await plantWithAdmin();
    const closed = await freePort(); // nothing listens there
    const unreachable = ok(await create(`http://127.0.0.1:${closed}/hook`, ['change_order.proposed'])).createWebhook.webhook.id;
    const slow = ok(await create(receiver.answer(`/slow/${plant.plantId}`, () => 'hang'), ['change_order.proposed'])).createWebhook.webhook.id;
    ok(await autoChange(2));
    const [refused] = await settle(unreachable, (d) => d[0]?.status === 'FAILED');
    expect(refused).toMatchObject({ status: 'FAILED', attempts: 3, lastHttpStatus: null, deliveredAt: null, nextAttemptAt: null });
    expect(refused!.lastError).toMatch(/No answer from the receiver within 500 ms/);
    const [timedOut] = await settle(slow, (d) => d[0]?.status === 'FAILED');
    expect(timedOut).toMatchObject({ status: 'FAILED', attempts: 3, lastHttpStatus: null, lastError: refused!.lastError });
  });

  it('logs the same failure for a closed port, a port that is not HTTP and one that never answers, so the log maps no ports', async () => {
    const { create, settle, autoChange, plant } = await plantWithAdmin();
    // a port that accepts and answers something that is not HTTP (as PostgreSQL's would)
    const notHttp = createServer((socket) => socket.end('N'));
    await new Promise<void>((done) => notHttp.listen(0, '127.0.0.1', done));
    try {
      const closed = await freePort();
      const hooks = [
        `http://127.0.0.1:${closed}/hook`,
        `http://127.0.0.1:${(notHttp.address() as AddressInfo).port}/hook`,
        receiver.answer(`/silent/${plant.plantId}`, () => 'hang'),
      ];
      const ids = await Promise.all(hooks.map(async (url) => ok(await create(url, ['change_order.proposed'])).createWebhook.webhook.id));
      ok(await autoChange(2));
      const errors = await Promise.all(ids.map(async (id) => (await settle(id, (d) => d[0]?.status === 'FAILED'))[0]!.lastError));
      expect(new Set(errors).size, errors.join(' | ')).toBe(1);
      expect(errors[0]).not.toMatch(/ECONN|closed|socket|parse|timeout/i);
    } finally {
      notHttp.close();
    }
  });


  it('cancels what a deleted webhook has not delivered', async () => {
    const { plant, admin, create, autoChange } = await plantWithAdmin();
    const path = `/deleted/${plant.plantId}`;
    const id = ok(await create(receiver.answer(path, () => 'hang'), ['change_order.proposed'])).createWebhook.webhook.id;
    ok(await autoChange(2));
    await receiver.waitFor(() => receiver.for((r) => r.headers['x-test-path'] === path).length === 1);
    expect(ok(await admin.request<{ deleteWebhook: boolean }>('mutation($id: ID!) { deleteWebhook(id: $id) }', { id })).deleteWebhook).toBe(true);
    expect(ok(await admin.request<{ deleteWebhook: boolean }>('mutation($id: ID!) { deleteWebhook(id: $id) }', { id })).deleteWebhook).toBe(false);
    await new Promise((r) => setTimeout(r, 800)); // the attempt in flight times out
    const rows = await sql<{ status: string; attempts: number }>(server.databaseUrl, 'select status, attempts from webhook_delivery where webhook_id = $1', [id]);
    expect(rows).toEqual([{ status: 'CANCELLED', attempts: 1 }]);
    expect(receiver.for((r) => r.headers['x-test-path'] === path)).toHaveLength(1);
    expect(ok(await admin.request<{ webhooks: unknown[] }>('{ webhooks { id } }')).webhooks).toEqual([]);
    expect(code(await admin.request('query($id: ID!) { webhookDeliveries(webhookId: $id) { hasNextPage } }', { id }))).toBe('NOT_FOUND');
  });

  it('claims each delivery exactly once across two server processes, and pages the log newest first', async () => {
    const second = await spawnServer({ DATABASE_URL: server.databaseUrl, TAKT_DEMO: '0', ...ENV });
    try {
      const { plant, rep, create, deliveries, settle, autoChange } = await plantWithAdmin();
      const hook = ok(await create(`${receiver.url}/cluster/${plant.plantId}`)).createWebhook.webhook.id;
      const co = ok(await autoChange(2)).proposeChangeOrder;
      // Comments from both processes' clients: 20 more transitions, enqueued while both dispatch.
      const other = await signIn(second.url, plant.users.QUALITY);
      await Promise.all(Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? rep : (other as ApiClient)).request('mutation($id: ID!, $b: String!) { commentOnChangeOrder(id: $id, body: $b) { id } }', { id: co.id, b: `note ${i}` })));
      const log = await settle(hook, (d) => d.length === 22 && d.every((x) => x.status === 'DELIVERED'));
      await new Promise((r) => setTimeout(r, 300));
      const got = receiver.for((r) => r.body.plantId === plant.plantId);
      expect(got).toHaveLength(22);
      expect(new Set(got.map((r) => r.body.id)).size).toBe(22);
      expect(log.every((d) => d.attempts === 1)).toBe(true);

      const pages: Delivery[][] = [];
      let after: string | null = null;
      do {
        const page = await deliveries(hook, 10, after);
        pages.push(page.nodes);
        after = page.hasNextPage ? page.endCursor : null;
      } while (after);
      expect(pages.map((p) => p.length)).toEqual([10, 10, 2]);
      const all = pages.flat();
      expect(all.map((d) => d.id)).toEqual(log.map((d) => d.id));
      expect(all.at(-1)!.event).toBe('change_order.proposed');
    } finally {
      await second.stop();
    }
  });
});

describe('webhook addresses', () => {
  it('refuses link-local, metadata and "this host" addresses even where loopback is allowed', async () => {
    const { create } = await plantWithAdmin();
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[fd00:ec2::254]/latest/meta-data/',
      'http://[fe80::1]/hook',
      'http://0.0.0.0:5432/',
      'http://[::ffff:169.254.169.254]/',
      'http://[::]/hook',
    ]) {
      const res = await create(url);
      expect(code(res), url).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message, url).toMatch(/link-local, metadata or reserved/);
    }
  });

  it('checks the address again at delivery and refuses it before connecting (a host that now points inside)', async () => {
    // production's address rule, with plain http so the receiver on 127.0.0.1 could be reached
    const strict = await startServer({ env: { ...ENV, TAKT_WEBHOOK_ALLOW_PRIVATE: '0', TAKT_WEBHOOK_ALLOW_HTTP: '1' } });
    try {
      const plant = await buildPlant(strict.databaseUrl, { orders: { A: { quantity: 1, dueInWorkingDays: 25 } } });
      const admin = await signIn(strict.url, plant.users.ADMIN);
      const rep = await signIn(strict.url, plant.users.SALES_REP);
      const hook = ok(await admin.request<{ createWebhook: { webhook: { id: string } } }>('mutation { createWebhook(url: "http://hooks.example.com/takt", events: ["change_order.proposed"]) { webhook { id } } }')).createWebhook.webhook.id;
      // where the name points changed since it was checked: now the plant's own machine
      const path = `/rebound/${plant.plantId}`;
      await sql(strict.databaseUrl, 'update webhook set url = $1 where id = $2', [`${receiver.url}${path}`, hook]);
      ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: 2 }));
      const deadline = Date.now() + 10_000;
      let rows: { status: string; last_error: string | null }[] = [];
      while (rows[0]?.status !== 'FAILED' && Date.now() < deadline) {
        rows = await sql(strict.databaseUrl, 'select status, last_error from webhook_delivery where webhook_id = $1', [hook]);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(rows).toEqual([{ status: 'FAILED', last_error: 'The webhook host resolves to an address this server does not send to.' }]);
      expect(receiver.for((r) => r.headers['x-test-path'] === path)).toEqual([]);
    } finally {
      await strict.stop();
    }
  });
});

describe('the receiver example (docs/examples/webhook-receiver.mjs)', () => {
  it('accepts a real delivery once, and refuses a replay whose timestamp is too old or re-dated', async () => {
    const { create, settle, autoChange } = await plantWithAdmin();
    const port = await freePort();
    const hook = ok(await create(`http://127.0.0.1:${port}/takt`, ['change_order.proposed'])).createWebhook;
    const example = spawn(process.execPath, [EXAMPLE], { env: { ...process.env, WEBHOOK_SECRET: hook.secret, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const printed: string[] = [];
    example.stdout!.on('data', (d) => printed.push(String(d)));
    try {
      await new Promise((done) => example.stderr!.once('data', done)); // "listening on …"
      ok(await autoChange(2));
      const [log] = await settle(hook.webhook.id, (d) => d[0]?.status === 'DELIVERED');
      expect(JSON.parse(printed.join(''))).toMatchObject({ delivery: log!.id, event: 'change_order.proposed', status: expect.any(String) });
      // a captured request sent again with an old timestamp (or a new one pasted on) is refused
      const body = JSON.stringify({ id: log!.id, event: 'change_order.proposed', changeOrder: {} });
      const old = Math.floor(Date.now() / 1000) - 301;
      const replay = (timestamp: number, signedAt: number) =>
        fetch(`http://127.0.0.1:${port}/takt`, { method: 'POST', body, headers: { 'x-takt-timestamp': String(timestamp), 'x-takt-signature': sign(hook.secret, signedAt, body), 'x-takt-delivery': log!.id } });
      expect((await replay(old, old)).status).toBe(401);
      expect((await replay(old + 301, old)).status).toBe(401);
      expect(printed).toHaveLength(1);
    } finally {
      example.kill();
    }
  });
});
