import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient, code, signIn } from '../support/api.ts';
import { buildPlant } from '../support/factories.ts';
import { ok, propose } from '../support/change-orders.ts';
import { boardClient, eventually, wsUrl, type BoardClient } from '../support/realtime.ts';
import { sql } from '../support/database.ts';
import { WebhookReceiver } from '../support/webhook-receiver.ts';

const TOKEN = 'metrics-test-token';
let server: TestServer;
const receiver = new WebhookReceiver();
const clients: BoardClient[] = [];

beforeAll(async () => {
  await receiver.start();
  server = await startServer({
    env: { TAKT_METRICS_TOKEN: TOKEN, TAKT_WEBHOOK_POLL_MS: '50', TAKT_LOGIN_ACCOUNT_FREE_FAILURES: '1', TAKT_LOGIN_ACCOUNT_MAX_DELAY_S: '60' },
  });
});
afterAll(async () => {
  for (const c of clients) c.stop();
  await server?.stop();
  await receiver.stop();
});

const scrape = async (token = TOKEN) => fetch(`${server.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** Samples of the Prometheus text format as name{labels} → value. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}
const value = (m: Map<string, number>, key: string) => m.get(key) ?? 0;

describe('/metrics', () => {
  it('needs the metrics token when one is set', async () => {
    const none = await scrape('');
    expect(none.status).toBe(401);
    expect(await none.text()).toMatch(/TAKT_METRICS_TOKEN/);
    expect((await scrape('wrong')).status).toBe(401);
    expect((await scrape()).status).toBe(200);
  });

  it('counts a scripted workload in every family, with bounded labels', async () => {
    const plant = await buildPlant(server.databaseUrl, { orders: { A: { quantity: 1, dueInWorkingDays: 25 } } });
    const [plantRow] = await sql<{ name: string }>(server.databaseUrl, 'select name from plant where id = $1', [plant.plantId]);
    const before = samples(await (await scrape()).text());
    const rep = await signIn(server.url, plant.users.SALES_REP);
    const admin = await signIn(server.url, plant.users.ADMIN);
    ok(await admin.request('mutation($url: String!) { createWebhook(url: $url, events: ["change_order.applied"]) { secret } }', { url: `${receiver.url}/metrics/${plant.plantId}` }));

    // a live board subscriber, so the applied changes are fanned out and their lag recorded
    const [head] = await sql<{ event_seq: string }>(server.databaseUrl, 'select event_seq from plant where id = $1', [plant.plantId]);
    const live = boardClient({ name: 'wall', url: () => wsUrl(server.url), cookie: rep.cookie, plantId: plant.plantId, since: Number(head!.event_seq) });
    clients.push(live);
    await eventually(() => live.connection.state === 'live', 'the board client is live');

    const WRITES = 3;
    for (let q = 2; q < 2 + WRITES; q++) expect(ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: q })).proposeChangeOrder.status).toBe('APPLIED');
    const [after] = await sql<{ event_seq: string }>(server.databaseUrl, 'select event_seq from plant where id = $1', [plant.plantId]);
    await live.reach(Number(after!.event_seq));
    await receiver.waitFor(() => receiver.for((r) => r.body.plantId === plant.plantId).length >= WRITES);

    // an error with a code, and sign-ins refused by the throttle (one free failure, then delays)
    expect(code(await rep.request('query($id: ID!) { changeOrder(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
    const stranger = new ApiClient(server.url);
    const refusals: unknown[] = [];
    for (let i = 0; i < 3; i++) refusals.push(code(await stranger.login(plant.users.QUALITY, `wrong-${i}`)));
    expect(refusals).toContain('RATE_LIMITED');

    let text = '';
    let m = new Map<string, number>();
    // webhook deliveries are recorded just after the receiver answered
    await eventually(async () => {
      text = await (await scrape()).text();
      m = samples(text);
      return value(m, 'takt_webhook_deliveries_total{outcome="delivered"}') - value(before, 'takt_webhook_deliveries_total{outcome="delivered"}') >= WRITES;
    }, 'webhook deliveries counted');

    const delta = (key: string) => value(m, key) - value(before, key);
    // requests per root field; the unknown operation name of the test client does not become a label
    expect(delta('takt_graphql_request_duration_seconds_count{type="mutation",operation="proposeChangeOrder"}')).toBe(WRITES);
    expect(value(m, 'takt_graphql_request_duration_seconds_sum{type="mutation",operation="proposeChangeOrder"}')).toBeGreaterThan(0);
    expect(delta('takt_graphql_errors_total{code="NOT_FOUND"}')).toBeGreaterThanOrEqual(1);
    expect(delta('takt_graphql_errors_total{code="RATE_LIMITED"}')).toBeGreaterThanOrEqual(1);
    expect(delta('takt_login_refusals_total{scope="account"}')).toBeGreaterThanOrEqual(1);
    // one lock hold (and wait) per write: the proposals, plus whatever else wrote (webhook setup)
    expect(delta('takt_plant_lock_hold_seconds_count')).toBeGreaterThanOrEqual(WRITES);
    // every write that waited for the lock also held it: equal counts once no write is in flight
    // (a background write — the day turn, a webhook's bookkeeping — may be between the two)
    await eventually(async () => {
      const now = samples(await (await scrape()).text());
      return value(now, 'takt_plant_lock_hold_seconds_count') === value(now, 'takt_plant_lock_wait_seconds_count');
    }, 'as many lock holds as lock waits');
    expect(value(m, 'takt_plant_lock_hold_seconds_bucket{le="10"}')).toBe(value(m, 'takt_plant_lock_hold_seconds_count'));
    expect(value(m, 'takt_plant_writers_queued')).toBe(0);
    // the live lag histogram has samples, each under a few seconds here
    expect(delta('takt_live_event_lag_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(value(m, 'takt_live_event_lag_seconds_sum') / value(m, 'takt_live_event_lag_seconds_count')).toBeLessThan(5);
    expect(value(m, 'takt_websocket_connections')).toBeGreaterThanOrEqual(1);
    expect(value(m, `takt_live_streams{plant="${plantRow!.name}"}`)).toBe(1);
    expect(delta('takt_webhook_deliveries_total{outcome="delivered"}')).toBeGreaterThanOrEqual(WRITES);
    expect(value(m, 'takt_db_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(m.has('takt_db_pool_connections{state="waiting"}')).toBe(true);
    // the SLA sweep runs on the job queue every process start (and per TAKT_SLA_SWEEP_MS)
    expect([...m.keys()].some((k) => k.startsWith('takt_jobs_total{task=') && k.includes('outcome="success"'))).toBe(true);
    expect(text).toContain('# TYPE takt_jobs_queued gauge');
    expect(m.has('takt_process_resident_memory_bytes')).toBe(true);
    expect(m.has('takt_nodejs_eventloop_lag_seconds')).toBe(true);
    // no label carries an id
    expect([...m.keys()].filter((k) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(k))).toEqual([]);
  });
});
