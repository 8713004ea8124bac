import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { signIn } from '../support/api.ts';
import { buildPlant } from '../support/factories.ts';
import { ok, propose } from '../support/change-orders.ts';
import { eventually } from '../support/realtime.ts';
import { sql } from '../support/database.ts';
import { WebhookReceiver } from '../support/webhook-receiver.ts';
import { suiteNow } from '../support/suite-clock.ts';

// a sweep every 200 ms, the documented retention periods otherwise
let server: TestServer;
const receiver = new WebhookReceiver();
/**
 * The servers' clock (the suite's) in SQL, for the rows the server stamps with it (sign-in
 * throttle windows, sessions); rows PostgreSQL stamps (creation times) are aged by its now().
 */
const NOW = () => `'${suiteNow().toISOString()}'::timestamptz`;
beforeAll(async () => {
  await receiver.start();
  server = await startServer({ env: { TAKT_RETENTION_SWEEP_MS: '200', TAKT_WEBHOOK_POLL_MS: '50' } });
});
afterAll(async () => {
  await server?.stop();
  await receiver.stop();
});

const count = async (table: string, where: string, params: unknown[]) =>
  Number((await sql<{ n: string }>(server.databaseUrl, `select count(*) as n from ${table} where ${where}`, params))[0]!.n);

describe('retention', () => {
  it('prunes on schedule what only serves a while, and never the audit trail, policy history, comments or billing adjustments', { timeout: 240_000 }, async () => {
    const plant = await buildPlant(server.databaseUrl, { orders: { A: { quantity: 1, dueInWorkingDays: 25 } } });
    const p = plant.plantId;
    const admin = await signIn(server.url, plant.users.ADMIN);
    const rep = await signIn(server.url, plant.users.SALES_REP);
    const { createWebhook } = ok(await admin.request<{ createWebhook: { webhook: { id: string } } }>(
      'mutation($url: String!) { createWebhook(url: $url, events: ["change_order.applied"]) { webhook { id } } }', { url: `${receiver.url}/retention/${p}` }));
    const co = ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: 2 }, 'Customer asked for one more')).proposeChangeOrder;
    expect(co.status).toBe('APPLIED');
    await eventually(async () => (await count('webhook_delivery', `plant_id = $1 and status = 'DELIVERED'`, [p])) === 1, 'the delivery is done');

    // Ages everything of this plant by 400 days (as superuser, with the append-only triggers off
    // for this one transaction), and adds what the API does not make on demand.
    const rep0 = plant.userIds.SALES_REP;
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      await client.query('begin');
      await client.query(`set local session_replication_role = replica`);
      await client.query(`insert into billing_adjustment (plant_id, change_order_id, order_id, price_delta_cents, cost_delta_cents) values ($1, $2, $3, 100, 50)`, [p, co.id, plant.orders.A!.id]);
      for (const table of ['audit_event', 'policy', 'billing_adjustment', 'webhook_delivery'])
        await client.query(`update ${table} set created_at = now() - interval '400 days' where plant_id = $1`, [p]);
      await client.query(`update change_order_comment set created_at = now() - interval '400 days' where change_order_id = $1`, [co.id]);
      // notifications: one old (pruned), one recent (kept)
      await client.query(`insert into notification (plant_id, user_id, kind, message, created_at) values
        ($1, $2, 'CHANGE_ORDER_UPDATED', 'old', now() - interval '200 days'), ($1, $2, 'CHANGE_ORDER_UPDATED', 'recent', now() - interval '10 days')`, [p, rep0]);
      // a delivery still pending after 400 days (a receiver down for good) is kept until it is done
      await client.query(`insert into webhook_delivery (webhook_id, plant_id, event, body, status, next_attempt_at, created_at)
        values ($1, $2, 'change_order.applied', '{}', 'PENDING', now() + interval '1 day', now() - interval '400 days')`, [createWebhook.webhook.id, p]);
      // queue jobs: one that failed for good 40 days ago (pruned), one waiting for next month (kept)
      await client.query(`select graphile_worker.add_job('retention_test_failed', '{}', job_key := $1, max_attempts := 1)`, [`failed-${p}`]);
      await client.query(`update graphile_worker._private_jobs set attempts = max_attempts, updated_at = now() - interval '40 days', run_at = now() + interval '1 year' where key = $1`, [`failed-${p}`]);
      await client.query(`select graphile_worker.add_job('retention_test_waiting', '{}', job_key := $1, run_at := now() + interval '30 days')`, [`waiting-${p}`]);
      // login throttle: counters of an address and an account from long ago (pruned); a browser's
      // trust from long ago, an account blocked right now and a recent address counter (kept).
      // Windows, blocks and session ends follow the server's clock (the suite clock, hours off
      // PostgreSQL's), hence days of margin; the times are the servers' clock, not the database's.
      await client.query(`insert into login_throttle (key, failures, window_start, blocked_until) values
        ($1, 3, ${NOW()} - interval '30 days', null), ($2, 9, ${NOW()} - interval '30 days', ${NOW()} - interval '29 days'),
        ($3, 0, ${NOW()} - interval '300 days', null), ($4, 9, ${NOW()} - interval '30 days', ${NOW()} + interval '2 days'), ($5, 2, ${NOW()}, null)`,
        [`ip:198.51.100.${p.slice(0, 4)}`, `account:old-${p}`, `device:x:${p}`, `account:blocked-${p}`, `ip:203.0.113.${p.slice(0, 4)}`]);
      // sessions: one past its lifetime (pruned), one valid (kept)
      await client.query(`insert into session (token_hash, user_id, expires_at) values ($1, $2, ${NOW()} - interval '2 days'), ($3, $2, ${NOW()} + interval '2 days')`,
        [`expired-${p}`, rep0, `valid-${p}`]);
      // uploaded import files: one past its day (pruned), one still waiting to be imported (kept)
      await client.query(`insert into file_upload (plant_id, user_id, name, bytes, sha256, content, expires_at) values
        ($1, $2, 'expired.csv', 1, repeat('0', 64), 'x', ${NOW()} - interval '2 days'), ($1, $2, 'waiting.csv', 1, repeat('0', 64), 'x', ${NOW()} + interval '2 days')`, [p, rep0]);
      await client.query('commit');
    } finally {
      await client.end();
    }

    const records = async () => ({
      audit: await count('audit_event', 'plant_id = $1', [p]),
      policy: await count('policy', 'plant_id = $1', [p]),
      comments: await count('change_order_comment', 'change_order_id = $1', [co.id]),
      billing: await count('billing_adjustment', 'plant_id = $1', [p]),
    });
    const recorded = await records();
    for (const n of Object.values(recorded)) expect(n).toBeGreaterThanOrEqual(1);

    // the scheduled sweep takes what is past its retention…
    await eventually(async () =>
      (await count('notification', `plant_id = $1 and message = 'old'`, [p])) === 0 &&
      (await count('webhook_delivery', `plant_id = $1 and status = 'DELIVERED'`, [p])) === 0 &&
      (await count('graphile_worker.jobs', 'key = $1', [`failed-${p}`])) === 0 &&
      (await count('login_throttle', 'key = any($1)', [[`ip:198.51.100.${p.slice(0, 4)}`, `account:old-${p}`]])) === 0 &&
      (await count('session', 'token_hash = $1', [`expired-${p}`])) === 0 &&
      (await count('file_upload', `plant_id = $1 and name = 'expired.csv'`, [p])) === 0, 'the sweep prunes what is past its retention', 90_000);
    // …and a sweep that started after all of that was gone has run to its end: a sentinel of the
    // first kind it prunes goes only then
    await sql(server.databaseUrl, `insert into notification (plant_id, user_id, kind, message, created_at) values ($1, $2, 'CHANGE_ORDER_UPDATED', 'sentinel', now() - interval '1 year')`, [p, rep0]);
    await eventually(async () => (await count('notification', `plant_id = $1 and message = 'sentinel'`, [p])) === 0, 'a further sweep', 90_000);

    // what is kept: recent or unfinished rows, a browser's trust, a block in force, a valid session, an upload still in its day
    expect(await count('notification', `plant_id = $1 and message = 'recent'`, [p])).toBe(1);
    expect(await count('webhook_delivery', `plant_id = $1 and status = 'PENDING'`, [p])).toBe(1);
    expect(await count('graphile_worker.jobs', 'key = $1', [`waiting-${p}`])).toBe(1);
    expect(await count('login_throttle', 'key = any($1)', [[`device:x:${p}`, `account:blocked-${p}`, `ip:203.0.113.${p.slice(0, 4)}`]])).toBe(3);
    expect(await count('session', 'token_hash = $1', [`valid-${p}`])).toBe(1);
    expect(await count('file_upload', `plant_id = $1 and name = 'waiting.csv'`, [p])).toBe(1);
    // and, 400 days old, every record: the audit trail, the policy history, comments, billing adjustments
    expect(await records()).toEqual(recorded);
    expect(await count('change_order', 'id = $1', [co.id])).toBe(1);
  });
});
