import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type TestServer } from '../support/server.ts';
import { as, type ApiClient } from '../support/api.ts';
import { boardClient, wsUrl, type BoardClient } from '../support/realtime.ts';
import { sql } from '../support/database.ts';
import { startExternalPostgres, type ExternalPostgres } from '../support/external-postgres.ts';
import { checkoutRelease, migrationNames, previousRelease } from '../support/release.ts';
import { suiteToday } from '../support/suite-clock.ts';

/**
 * docs/operations.md "Upgrades": a rolling restart from the previous release (the newest one
 * docs/releases.md lists behind HEAD, checked out and installed beside this tree) to this one, on one external
 * PostgreSQL with the two roles. The previous release migrates and seeds the demo plant; this
 * release starts beside it and applies only its newer migrations; then both serve the same plant
 * — reads, writes through the one write path, and live events crossing from one process's writes
 * to the other's subscribers — until the old one drains and stops.
 */
const ROOT = new URL('../..', import.meta.url).pathname;
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

const env = () => ({
  NODE_ENV: 'production',
  DATABASE_OWNER_URL: db.ownerUrl,
  DATABASE_URL: db.runtimeUrl,
  TAKT_METRICS_TOKEN: 'upgrade-metrics-token',
});

const applied = async () => (await sql<{ name: string }>(db.adminUrl, 'select name from mikro_orm_migrations order by id')).map((r) => r.name);
const head = async (plantId: string) => Number((await sql<{ s: string }>(db.adminUrl, 'select event_seq as s from plant where id = $1', [plantId]))[0]!.s);

/** The order of the plant whose first job starts last: far from the freeze window. */
async function lastOrder(c: ApiClient & { plantId: string }): Promise<{ id: string; quantity: number }> {
  const from = suiteToday();
  const to = new Date(Date.parse(from) + 180 * 86_400_000).toISOString().slice(0, 10);
  const board = await c.data<{ board: { jobs: { orderId: string; start: string }[] } }>(
    'query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) { jobs { orderId start } } }',
    { p: c.plantId, f: from, t: to },
  );
  const firstStart = new Map<string, string>();
  for (const j of board.board.jobs) if (!firstStart.has(j.orderId) || j.start < firstStart.get(j.orderId)!) firstStart.set(j.orderId, j.start);
  const [id] = [...firstStart.entries()].sort(([, a], [, b]) => b.localeCompare(a))[0]!;
  const { order } = await c.data<{ order: { quantity: number } }>('query($id: ID!) { order(id: $id) { quantity } }', { id });
  return { id, quantity: order.quantity };
}

/**
 * A smaller quantity through a release's own API, naming the order's version where the release's
 * schema has `expectedOrderVersion` (releases before it did not).
 */
async function reduce(c: ApiClient, root: string, order: { id: string; quantity: number }, to: number): Promise<{ id: string; status: string }> {
  const named = readFileSync(join(root, 'schema/change-order.graphql'), 'utf8').includes('expectedOrderVersion');
  const version = named ? (await c.data<{ order: { version: number } }>('query($id: ID!) { order(id: $id) { version } }', { id: order.id })).order.version : undefined;
  const res = await c.data<{ proposeChangeOrder: { id: string; status: string } }>(
    'mutation($input: ChangeOrderInput!) { proposeChangeOrder(input: $input) { id status } }',
    { input: { orderId: order.id, quantity: to, ...(named ? { expectedOrderVersion: version } : {}) } },
  );
  return res.proposeChangeOrder;
}

interface Pending {
  status: string;
  version: number;
  approvals: { requiredRole: string; status: string }[];
}

/** Every approval the change order asks for, given on `server` by the demo user of its role, until it is applied. */
async function approveAll(server: TestServer, id: string): Promise<string[]> {
  const roles: string[] = [];
  for (;;) {
    const reader = await as(server.url, 'OPS_MANAGER');
    const { changeOrder: co } = await reader.data<{ changeOrder: Pending }>('query($id: ID!) { changeOrder(id: $id) { status version approvals { requiredRole status } } }', { id });
    const next = co.approvals.find((a) => a.status === 'PENDING');
    if (co.status !== 'PENDING' || !next) return [...roles, co.status];
    roles.push(next.requiredRole);
    const approver = await as(server.url, next.requiredRole);
    await approver.data('mutation($id: ID!, $v: Int!) { approveChangeOrder(id: $id, expectedVersion: $v) { id } }', { id, v: co.version });
  }
}

describe('a rolling upgrade from the previous release', () => {
  it('runs the previous release and this one on one database: both read, write and stream live until the old one stops', async () => {
    const release = previousRelease();
    const tag = release.name;
    const previous = checkoutRelease(release);
    const before = migrationNames(previous.root);
    const now = migrationNames(ROOT);
    // forward-only: this release keeps every migration the previous one shipped, in its order
    expect(now.slice(0, before.length), `migrations of ${tag}`).toEqual(before);

    // a release from before the two database roles connects as the owner alone
    const oldEnv = previous.knowsRoles ? env() : { ...env(), DATABASE_URL: db.ownerUrl };
    const old = await spawnServer({ ...oldEnv, TAKT_DEMO: '1', TAKT_DEMO_ORDERS: '40' }, previous);
    servers.push(old);
    expect(await applied()).toEqual(before);
    const repOnOld = await as(old.url, 'SALES_REP');
    const plantId = repOnOld.plantId;
    const order = await lastOrder(repOnOld);
    expect(order.quantity).toBeGreaterThan(2);

    // the new release starts beside it and expands the schema under it
    const neu = await spawnServer({ ...env(), TAKT_DEMO: '0' });
    servers.push(neu);
    expect(await applied()).toEqual(now);
    for (const s of [old, neu]) expect((await fetch(`${s.url}/readyz`)).status, s.url).toBe(200);

    const plannerOnNew = await as(neu.url, 'PLANNER');
    const onNew = boardClient({ name: 'live-on-new', url: () => wsUrl(neu.url), cookie: plannerOnNew.cookie, plantId, since: await head(plantId) });
    const onOld = boardClient({ name: 'live-on-old', url: () => wsUrl(old.url), cookie: repOnOld.cookie, plantId, since: await head(plantId) });
    clients.push(onNew, onOld);

    // a change proposed on the old release after the expansion, approved on the new one: applied,
    // and streamed by both
    const first = await reduce(repOnOld, previous.root, order, order.quantity - 1);
    expect((await approveAll(neu, first.id)).at(-1)).toBe('APPLIED');
    const afterOld = await head(plantId);
    await Promise.all([onNew.reach(afterOld), onOld.reach(afterOld)]);
    expect((await plannerOnNew.data<{ changeOrder: { status: string } }>('query($id: ID!) { changeOrder(id: $id) { status } }', { id: first.id })).changeOrder.status).toBe('APPLIED');

    // one proposed on the new release and approved on the old one: read and streamed by both
    const repOnNew = await as(neu.url, 'SALES_REP');
    const second = await reduce(repOnNew, ROOT, order, order.quantity - 2);
    expect((await approveAll(old, second.id)).at(-1)).toBe('APPLIED');
    const afterNew = await head(plantId);
    await Promise.all([onNew.reach(afterNew), onOld.reach(afterNew)]);
    const seen = await repOnOld.data<{ order: { quantity: number } }>('query($id: ID!) { order(id: $id) { quantity } }', { id: order.id });
    expect(seen.order.quantity).toBe(order.quantity - 2);
    for (const c of [onNew, onOld]) {
      const seqs = c.events.map((e) => e.seq);
      expect(seqs, c.name).toEqual([...new Set(seqs)].sort((x, y) => x - y));
      expect(c.resyncs, c.name).toBe(0);
    }

    // the old one drains and stops; the new one goes on serving
    expect(await old.stop()).toBe(0);
    expect((await fetch(`${neu.url}/readyz`)).status).toBe(200);
    expect((await repOnNew.data<{ order: { quantity: number } }>('query($id: ID!) { order(id: $id) { quantity } }', { id: order.id })).order.quantity).toBe(order.quantity - 2);
  }, 600_000);
});
