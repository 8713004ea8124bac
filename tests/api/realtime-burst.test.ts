import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Orm } from '../../server/src/db/orm.ts';
import { startServer, spawnServer, type TestServer } from '../support/server.ts';
import { as, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import {
  BOARD_QUERY, boardClient, miniBoard, patch, shiftJob, sortedEntries, wsUrl, eventually,
  type BoardClient, type BoardResponse,
} from '../support/realtime.ts';

const WRITERS = 10;
const CHANGES_PER_WRITER = 100;
const TOTAL = WRITERS * CHANGES_PER_WRITER;

let a: TestServer;
let b: TestServer;
let b2: TestServer | null = null;
/** Two ORMs, as two processes' connection pools, writing to the one database. */
let orms: Orm[];
let ops: ApiClient & { plantId: string };
let plantId: string;
let jobIds: string[];
let from: string;
let to: string;
const clients: BoardClient[] = [];

beforeAll(async () => {
  a = await startServer();
  b = await spawnServer({ DATABASE_URL: a.databaseUrl, TAKT_DEMO: '0' });
  orms = [await openDatabase(a.databaseUrl), await openDatabase(a.databaseUrl)];
  ops = await as(a.url, 'OPS_MANAGER');
  plantId = ops.plantId;
  const jobs = await sql<{ id: string; start: string }>(
    a.databaseUrl,
    `select id, start_date::text as start from job where plant_id = $1 order by start_date, id limit 60`,
    [plantId],
  );
  jobIds = jobs.map((j) => j.id);
  from = jobs[0]!.start;
  to = new Date(Date.parse(`${from}T00:00:00Z`) + 120 * 86_400_000).toISOString().slice(0, 10);
});
afterAll(async () => {
  for (const c of clients) c.stop();
  await Promise.all(orms?.map((o) => o.close()) ?? []);
  const alive = (s: TestServer | null) => s && s.process.exitCode === null && s.process.signalCode === null;
  await Promise.all([a, b, b2].filter(alive).map((s) => s!.stop()));
});

const readBoard = async () => ops.data<BoardResponse>(BOARD_QUERY, { p: plantId, f: from, t: to });

/**
 * 10 writers, each making 100 real schedule changes one after another (a job moved a day), all
 * 10 at once, through two connection pools. Returns the commit time of every sequence number.
 */
async function burst(onProgress?: (committed: number) => void): Promise<Map<number, number>> {
  const committedAt = new Map<number, number>();
  let committed = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < CHANGES_PER_WRITER; i++) {
        const jobId = jobIds[(w * 7 + i * 13) % jobIds.length]!;
        const seq = await shiftJob(orms[w % 2]!, plantId, jobId, i % 2 === 0 ? 1 : -1);
        committedAt.set(seq, Date.now());
        onProgress?.(++committed);
      }
    }),
  );
  return committedAt;
}

function subscribe(name: string, url: () => string, since: number) {
  const c = boardClient({ name, url, cookie: ops.cookie, plantId, since });
  clients.push(c);
  return c;
}

function expectExactSequence(c: BoardClient, since: number) {
  const seqs = c.events.map((e) => e.seq);
  expect(seqs.length, `${c.name} got ${seqs.length} events`).toBe(TOTAL);
  expect(seqs).toEqual(Array.from({ length: TOTAL }, (_, i) => since + 1 + i));
}

/** The board the client holds: the board at `since`, patched with every event it received. */
function rebuild(start: BoardResponse, c: BoardClient) {
  const board = miniBoard(start, from, to);
  for (const e of c.events) patch(board, e);
  return { jobs: sortedEntries(board.jobs), loads: sortedEntries(board.loads) };
}

const percentile = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

describe('a burst of 1,000 concurrent changes', () => {
  it('reaches every subscriber on both processes in the same order, gap-free, each exactly once', async () => {
    const start = await readBoard();
    const since = start.board.lastEventSeq;
    const subs = [
      ...[0, 1, 2].map((i) => subscribe(`A${i}`, () => wsUrl(a.url), since)),
      ...[0, 1, 2].map((i) => subscribe(`B${i}`, () => wsUrl(b.url), since)),
    ];
    await eventually(() => subs.every((c) => c.connection.state === 'live'), 'all subscribers live');
    const t0 = Date.now();
    const committedAt = await burst();
    const writeMs = Date.now() - t0;
    await Promise.all(subs.map((c) => c.reach(since + TOTAL, 60_000)));
    const deliverMs = Date.now() - t0;

    for (const c of subs) expectExactSequence(c, since);
    // the same events, in the same order, for everyone, and what the database holds
    const reference = JSON.stringify(subs[0]!.events);
    for (const c of subs.slice(1)) expect(JSON.stringify(c.events) === reference, `${c.name} differs from ${subs[0]!.name}`).toBe(true);
    const stored = await sql<{ seq: string; type: string; payload: { jobs: { id: string; start: string }[] } }>(
      a.databaseUrl, 'select seq, type, payload from board_event where plant_id = $1 and seq > $2 order by seq', [plantId, since]);
    expect(subs[0]!.events.map((e) => [e.seq, e.type, e.jobs?.map((j) => `${j.id}@${j.start}`)])).toEqual(
      stored.map((r) => [Number(r.seq), r.type, r.payload.jobs.map((j) => `${j.id}@${j.start}`)]));
    // and a board patched from the events is the board read afterwards
    const after = await readBoard();
    expect(after.board.lastEventSeq).toBe(since + TOTAL);
    const fresh = { jobs: sortedEntries(miniBoard(after, from, to).jobs), loads: sortedEntries(miniBoard(after, from, to).loads) };
    for (const c of subs) expect(rebuild(start, c)).toEqual(fresh);

    const latencies = subs.flatMap((c) => c.events.map((e, i) => c.receivedAt[i]! - committedAt.get(e.seq)!));
    console.info(
      `[realtime] ${TOTAL} changes by ${WRITERS} writers: written in ${writeMs} ms (${Math.round((TOTAL / writeMs) * 1000)} events/s), ` +
        `all ${subs.length} subscribers complete after ${deliverMs} ms; commit→client latency p50 ${percentile(latencies, 50)} ms, ` +
        `p99 ${percentile(latencies, 99)} ms, max ${Math.max(...latencies)} ms`,
    );
    for (const c of subs) c.stop();
  }, 240_000); // 1,000 real transactions through two processes: slow on a loaded 2-core machine

  it('survives kill -9 of one process mid-burst: its clients resume elsewhere with `since` and end with the database board', async () => {
    const start = await readBoard();
    const since = start.board.lastEventSeq;
    let bDead = false;
    const subs = [
      ...[0, 1, 2].map((i) => subscribe(`A${i}`, () => wsUrl(a.url), since)),
      // B0 and B1 fail over to A; B2 waits for B to be restarted
      ...[0, 1].map((i) => subscribe(`B${i}→A`, () => wsUrl(bDead ? a.url : b.url), since)),
      subscribe('B2→B′', () => wsUrl(b2?.url ?? b.url), since),
    ];
    await eventually(() => subs.every((c) => c.connection.state === 'live'), 'all subscribers live');

    let killedAt = 0;
    let restart: Promise<void> | null = null;
    await burst((committed) => {
      if (committed === 300 && !bDead) {
        b.process.kill('SIGKILL');
        bDead = true;
        killedAt = committed;
        restart = spawnServer({ DATABASE_URL: a.databaseUrl, TAKT_DEMO: '0' }).then((s) => void (b2 = s));
      }
    });
    await restart;
    await Promise.all(subs.map((c) => c.reach(since + TOTAL, 60_000)));

    expect(killedAt).toBe(300);
    const after = await readBoard();
    expect(after.board.lastEventSeq).toBe(since + TOTAL);
    const fresh = { jobs: sortedEntries(miniBoard(after, from, to).jobs), loads: sortedEntries(miniBoard(after, from, to).loads) };
    for (const c of subs) {
      expectExactSequence(c, since);
      expect(rebuild(start, c)).toEqual(fresh);
    }
    // the B clients really lost their socket and reconnected where they were told to
    for (const c of subs.slice(3)) expect(c.states.filter((s) => s === 'reconnecting').length).toBeGreaterThanOrEqual(2);
    expect(subs[3]!.urls.at(-1)).toBe(wsUrl(a.url));
    expect(subs[5]!.urls.at(-1)).toBe(wsUrl(b2!.url));
    console.info(`[realtime] kill -9 after 300 of ${TOTAL}: reconnect URLs ${subs.slice(3).map((c) => `${c.name} ${c.urls.length} attempts`).join(', ')}`);
  }, 240_000); // 1,000 real transactions through two processes: slow on a loaded 2-core machine
});
