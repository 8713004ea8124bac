import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import { openDatabase, type Orm } from '../../server/src/db/orm.ts';
import { withPlantWrite } from '../../server/src/modules/events/write-path.ts';
import { startServer, spawnServer, type TestServer } from '../support/server.ts';
import { as, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { boardClient, cookieSocket, eventually, wsUrl, type BoardClient } from '../support/realtime.ts';
import { suiteToday } from '../support/suite-clock.ts';

const UPDATE_POLICY = `mutation($p: ID!, $v: Int!, $c: PolicyChanges!, $r: String!) {
  updatePolicy(plantId: $p, expectedVersion: $v, changes: $c, reason: $r) { version } }`;
const HEAD = `query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) { lastEventSeq } }`;
const today = suiteToday();

let a: TestServer;
let b: TestServer;
let orm: Orm;
/** A second pool, writing as another server process would (a process queues its own writers). */
let otherOrm: Orm;
let ops: ApiClient & { plantId: string };
let plantId: string;
const clients: BoardClient[] = [];

beforeAll(async () => {
  a = await startServer();
  b = await spawnServer({ DATABASE_URL: a.databaseUrl, TAKT_DEMO: '0' });
  orm = await openDatabase(a.databaseUrl);
  otherOrm = await openDatabase(a.databaseUrl);
  ops = await as(a.url, 'OPS_MANAGER');
  plantId = ops.plantId;
});
afterAll(async () => {
  for (const c of clients) c.stop();
  await Promise.all([orm?.close(), otherOrm?.close()]);
  await Promise.all([a?.stop(), b?.stop()]);
});

const head = async () => (await ops.data<{ board: { lastEventSeq: number } }>(HEAD, { p: plantId, f: today, t: today })).board.lastEventSeq;

function client(url: string, since: number, name = 'client') {
  const c = boardClient({ name, url: () => wsUrl(url), cookie: ops.cookie, plantId, since });
  clients.push(c);
  return c;
}

/** Writes `n` BOARD_RESET events through the write path (as a seeding or import would). */
async function writeResets(n: number, label: string): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < n; i++) {
    const { seqs: s } = await withPlantWrite(orm, plantId, null, async (w) => w.emit({ type: 'BOARD_RESET', reason: `${label} ${i}` }));
    seqs.push(...s);
  }
  return seqs;
}

/** One raw graphql-ws subscription; resolves with the first result or the close code. */
function firstResult(url: string, cookie: string | null, query: string, variables: Record<string, unknown>) {
  return new Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[]; closeCode?: number }>((resolve) => {
    const ws = createClient({ url: wsUrl(url), webSocketImpl: cookieSocket(cookie), retryAttempts: 0, lazy: true });
    ws.subscribe(
      { query, variables },
      {
        next: (r) => {
          resolve(r as never);
          void ws.dispose();
        },
        error: (e) => {
          resolve(Array.isArray(e) ? { errors: e } : { closeCode: (e as { code?: number }).code });
          void ws.dispose();
        },
        complete: () => {},
      },
    );
  });
}

describe('board events across server processes', () => {
  it('delivers a change committed through process A to a subscriber on process B', async () => {
    const since = await head();
    const onB = client(b.url, since, 'on B');
    await eventually(() => onB.connection.state === 'live', 'the subscriber on B to be live');
    const t0 = Date.now();
    const { updatePolicy } = await ops.data<{ updatePolicy: { version: number } }>(UPDATE_POLICY, {
      p: plantId, v: 1, c: { minMarginPct: 14 }, r: 'realtime test',
    });
    await onB.reach(since + 1, 10_000);
    const latency = Date.now() - t0;
    expect(onB.events).toEqual([
      expect.objectContaining({ seq: since + 1, type: 'POLICY_UPDATED', policyVersion: updatePolicy.version, plantId, jobs: null, reason: null }),
    ]);
    console.info(`[realtime] mutation on A → event on B: ${latency} ms`);
    onB.stop();
  });

  it('replays every event after `since` from the table, then streams new ones, each exactly once', async () => {
    const start = await head();
    await writeResets(5, 'before');
    const late = client(a.url, start, 'late joiner');
    await late.reach(start + 5);
    const more = await writeResets(3, 'after');
    await late.reach(more[2]!);
    expect(late.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => start + i));
    expect(late.events.map((e) => e.reason)).toEqual(['before 0', 'before 1', 'before 2', 'before 3', 'before 4', 'after 0', 'after 1', 'after 2']);
    late.stop();
  });

  it('without `since` streams only events committed after it subscribed', async () => {
    const before = await writeResets(2, 'old');
    const result = new Promise<{ data?: { boardEvents: { seq: number; reason: string } } }>((resolve) => {
      const ws = createClient({ url: wsUrl(b.url), webSocketImpl: cookieSocket(ops.cookie), retryAttempts: 0, lazy: true });
      ws.subscribe({ query: 'subscription($p: ID!) { boardEvents(plantId: $p) { seq reason } }', variables: { p: plantId } }, {
        next: (r) => {
          resolve(r as never);
          void ws.dispose();
        },
        error: () => {},
        complete: () => {},
      });
    });
    await new Promise((r) => setTimeout(r, 300)); // let the subscription start
    const [seq] = await writeResets(1, 'new');
    expect(seq).toBe(before[1]! + 1);
    expect((await result).data?.boardEvents).toEqual({ seq, reason: 'new 0' });
  });

  it('never skips an event committed after a later-numbered transaction was held open', async () => {
    // Writer 1 takes the plant lock and holds its transaction open; writer 2, in another process,
    // starts later and must wait on the row lock, so it can only take the next number after
    // writer 1 commits.
    const start = await head();
    const watcher = client(b.url, start, 'watcher');
    await eventually(() => watcher.connection.state === 'live', 'watcher live');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let firstLocked!: () => void;
    const locked = new Promise<void>((r) => (firstLocked = r));
    const first = withPlantWrite(orm, plantId, null, async (w) => {
      firstLocked();
      await held;
      w.emit({ type: 'BOARD_RESET', reason: 'held open' });
    });
    await locked;
    let secondDone = false;
    const second = withPlantWrite(otherOrm, plantId, null, async (w) => w.emit({ type: 'BOARD_RESET', reason: 'committed while the other was open' }))
      .then((r) => ((secondDone = true), r));
    // the second writer waits on the plant row, so nothing is numbered or notified yet
    await new Promise((r) => setTimeout(r, 400));
    expect(secondDone).toBe(false);
    const waiting = await sql<{ n: string }>(a.databaseUrl, `select count(*) as n from pg_locks where not granted and locktype in ('transactionid', 'tuple')`);
    expect(Number(waiting[0]!.n)).toBeGreaterThanOrEqual(1);
    expect(watcher.events).toHaveLength(0);
    release();
    const [r1, r2] = await Promise.all([first, second]);
    expect([r1.seqs[0], r2.seqs[0]]).toEqual([start + 1, start + 2]);
    await watcher.reach(start + 2);
    expect(watcher.events.map((e) => [e.seq, e.reason])).toEqual([
      [start + 1, 'held open'],
      [start + 2, 'committed while the other was open'],
    ]);
    watcher.stop();
  });

  it('starts with RESYNC when `since` is older than what is retained, then continues from the head', async () => {
    await writeResets(4, 'to prune');
    const h = await head();
    // retention: prune everything older than now (each plant keeps its newest event)
    await sql(a.databaseUrl, 'delete from board_event where plant_id = $1 and seq < $2', [plantId, h]);
    const stale = client(a.url, 1, 'stale');
    await stale.reach(h);
    expect(stale.events[0]).toMatchObject({ type: 'RESYNC', seq: h, reason: 'RETENTION' });
    const [next] = await writeResets(1, 'after resync');
    await stale.reach(next!);
    expect(stale.events.map((e) => e.type)).toEqual(['RESYNC', 'BOARD_RESET']);
    expect(stale.resyncs).toBe(1);
    stale.stop();
  });

  it('answers RESYNC to a `since` ahead of the plant (a restored database), and BAD_USER_INPUT to a negative one', async () => {
    const h = await head();
    const ahead = await firstResult(b.url, ops.cookie, 'subscription($p: ID!, $s: Int) { boardEvents(plantId: $p, since: $s) { seq type reason } }', { p: plantId, s: h + 1000 });
    expect(ahead.data).toEqual({ boardEvents: { seq: h, type: 'RESYNC', reason: 'UNKNOWN_SINCE' } });
    const negative = await firstResult(b.url, ops.cookie, 'subscription($p: ID!) { boardEvents(plantId: $p, since: -1) { seq } }', { p: plantId });
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('hides other plants (NOT_FOUND) and refuses sockets without a session (4403)', async () => {
    const other = await firstResult(a.url, ops.cookie, 'subscription { boardEvents(plantId: "00000000-0000-4000-8000-000000000000") { seq } }', {});
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await firstResult(a.url, null, 'subscription($p: ID!) { boardEvents(plantId: $p) { seq } }', { p: plantId });
    expect(anonymous.closeCode).toBe(4403);
  });

  it('closes the socket with 4401 when its session ends while streaming, and the client stops retrying', async () => {
    const rep = await as(b.url, 'SALES_REP');
    const c = boardClient({ name: 'rep', url: () => wsUrl(b.url), cookie: rep.cookie, plantId, since: await head() });
    clients.push(c);
    await eventually(() => c.connection.state === 'live', 'rep live');
    await rep.data('mutation { logout }');
    await eventually(() => c.connection.state === 'offline', 'the socket to close after logout', 5_000);
    expect(c.states.at(-1)).toBe('offline');
  });

  it('catches up after its LISTEN connection is cut (events are read from the table)', async () => {
    const start = await head();
    const c = client(a.url, start, 'listener cut');
    await eventually(() => c.connection.state === 'live', 'live');
    // terminate A's LISTEN connection from the database side, as a network failure would
    const admin = new pg.Client({ connectionString: a.databaseUrl });
    await admin.connect();
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`);
    await admin.end();
    const seqs = await writeResets(3, 'while deaf');
    await c.reach(seqs[2]!, 15_000);
    expect(c.events.map((e) => e.seq)).toEqual([start + 1, start + 2, start + 3]);
    c.stop();
  });
});
