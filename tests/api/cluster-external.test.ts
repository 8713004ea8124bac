import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/src/db/embedded.ts';
import { spawnServer, type TestServer } from '../support/server.ts';
import { signIn } from '../support/api.ts';
import { buildPlant } from '../support/factories.ts';
import { ok, propose } from '../support/change-orders.ts';
import { boardClient, eventually, wsUrl, type BoardClient } from '../support/realtime.ts';
import { sql } from '../support/database.ts';
import { startExternalPostgres, type ExternalPostgres } from '../support/external-postgres.ts';

/**
 * docs/operations.md's cluster recipe on a PostgreSQL server of its own (Debian's `postgresql`,
 * installed when missing): the two roles, two processes with the production environment, one
 * started after the other; a change on one reaches a live client on the other, and when a
 * process stops, its clients resume on the other without missing or repeating an event.
 */
const TOKEN = 'cluster-metrics-token';
let db: ExternalPostgres;
const servers: TestServer[] = [];
const clients: BoardClient[] = [];
beforeAll(async () => {
  db = await startExternalPostgres();
});
afterAll(async () => {
  for (const c of clients) c.stop();
  for (const s of servers) await s.stop();
  db?.stop();
});

async function startProcess(extra: Record<string, string> = {}): Promise<TestServer> {
  const server = await spawnServer({
    NODE_ENV: 'production',
    DATABASE_OWNER_URL: db.ownerUrl,
    DATABASE_URL: db.runtimeUrl,
    TAKT_TRUST_PROXY: '1',
    TAKT_METRICS_TOKEN: TOKEN,
    TAKT_WEBHOOK_ALLOW_HTTP: '1',
    ...extra,
  });
  servers.push(server);
  return server;
}

describe('a cluster on an external PostgreSQL', () => {
  it('two processes serve one plant live, and clients resume on one when the other stops', async () => {
    const a = await startProcess();
    const metricsPort = await freePort();
    const b = await startProcess({ TAKT_METRICS_PORT: String(metricsPort) });
    expect(db.major).toBeGreaterThanOrEqual(13);
    // the two roles: no warning about a runtime role that could switch off the append-only triggers
    expect(await (await fetch(`${b.url}/readyz`)).json()).toEqual({ status: 'ready', warnings: [] });

    const plant = await buildPlant(db.ownerUrl, { orders: { A: { quantity: 1, dueInWorkingDays: 25 } } });
    const head = async () => Number((await sql<{ s: string }>(db.adminUrl, 'select event_seq as s from plant where id = $1', [plant.plantId]))[0]!.s);
    const onA = await signIn(a.url, plant.users.SALES_REP);
    const onB = await signIn(b.url, plant.users.PLANNER);

    // a wall screen on B, a screen on A that fails over to B (the proxy's job)
    const wall = boardClient({ name: 'wall-on-b', url: () => wsUrl(b.url), cookie: onB.cookie, plantId: plant.plantId, since: await head() });
    let aUp = true;
    const screen = boardClient({ name: 'screen-on-a', url: () => wsUrl(aUp ? a.url : b.url), cookie: onA.cookie, plantId: plant.plantId, since: await head() });
    clients.push(wall, screen);
    await eventually(() => wall.connection.state === 'live' && screen.connection.state === 'live', 'both clients live');

    expect(ok(await propose(onA, { orderId: plant.orders.A!.id, quantity: 2 })).proposeChangeOrder.status).toBe('APPLIED');
    const first = await head();
    await Promise.all([wall.reach(first), screen.reach(first)]);

    // B's metrics on their own port, with the token: its live stream of the plant and the lag of what it delivered
    const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    expect(text).toMatch(/^takt_live_streams\{plant=".+"\} 1$/m);
    expect(Number(/^takt_live_event_lag_seconds_count (\d+)$/m.exec(text)![1])).toBeGreaterThan(0);
    expect((await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).status).toBe(401);

    // A stops (a rolling restart); its screen resumes on B; B takes the next changes
    aUp = false;
    expect(await a.stop()).toBe(0);
    for (let q = 3; q <= 4; q++) expect(ok(await propose(onB, { orderId: plant.orders.A!.id, quantity: q })).proposeChangeOrder.status).toBe('APPLIED');
    const last = await head();
    await Promise.all([wall.reach(last), screen.reach(last)]);
    for (const c of [wall, screen]) {
      const seqs = c.events.map((e) => e.seq);
      expect(seqs, c.name).toEqual([...new Set(seqs)].sort((x, y) => x - y));
      expect(c.resyncs, c.name).toBe(0);
    }
    expect(screen.urls.at(-1)).toBe(wsUrl(b.url));
  });
});
