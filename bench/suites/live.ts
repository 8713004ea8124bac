import { BoardEventsDocument } from '../../client/src/gql/graphql.ts';
import type { FanOutMessage, FramesReleasedMessage } from '../../server/src/realtime/fan-out-timing.ts';
import { BareServer } from '../lib/bare.ts';
import { CommitClock } from '../lib/commit-clock.ts';
import { graphql, ws } from '../lib/deps.ts';
import type { BenchPlant } from '../lib/env.ts';
import { Fleet, type Receipts } from '../lib/fleet.ts';
import { GraphQLClient } from '../lib/http.ts';
import { reportOf, sleep } from '../lib/proc.ts';
import { distribution, single, type Figure } from '../lib/report.ts';
import { summarize } from '../lib/stats.ts';
import { DueDateToggler } from '../lib/writes.ts';
import type { Suite } from './suite.ts';

/** Issue 9: p99 commit → subscriber at 1,000 subscribers, and at most twice the bare graphql-ws figure. */
export const LIVE_P99_MS = 100;
export const LIVE_VS_BARE_MAX = 2;
/** Subscriber processes: each holds N/4 connections. */
export const FLEET_WORKERS = 4;

export const CREATE_DISPLAY_TOKEN = `mutation($name: String!) { createAccessToken(kind: DISPLAY, name: $name) { secret } }`;

export const wsUrl = (httpUrl: string) => `${httpUrl.replace('http', 'ws')}/graphql`;

/** A display token for the plant's wall screens, created by its admin through the API. */
export async function displayToken(serverUrl: string, plant: BenchPlant, name: string): Promise<string> {
  const admin = new GraphQLClient(serverUrl);
  await admin.login(plant.users.admin, plant.password);
  return (await admin.call<{ createAccessToken: { secret: string } }>(CREATE_DISPLAY_TOKEN, { name })).data.createAccessToken.secret;
}

/**
 * The size of a boardEvents frame as a wall screen receives it: one raw graphql-transport-ws
 * socket with the client's own subscription, while `write` commits one change.
 */
async function taktFrameBytes(url: string, token: string, plantId: string, write: () => Promise<void>): Promise<number[]> {
  const socket = new ws.WebSocket(url, 'graphql-transport-ws');
  const sizes: number[] = [];
  const acked = new Promise<void>((done, fail) => {
    socket.on('error', fail);
    socket.on('message', (data) => {
      const text = String(data);
      const m = JSON.parse(text) as { type: string };
      if (m.type === 'connection_ack') done();
      if (m.type === 'next') sizes.push(Buffer.byteLength(text));
    });
  });
  await new Promise((r) => socket.once('open', r));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { token } }));
  await acked;
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: graphql.print(BoardEventsDocument as never), variables: { plantId } } }));
  await sleep(300);
  await write();
  for (let i = 0; i < 100 && sizes.length < 3; i++) await sleep(20);
  await sleep(200);
  socket.close();
  return sizes;
}

interface Round {
  latencies: number[];
  delivered: number;
  expected: number;
  openMs: number;
  live: number;
  /** Takt only: per change and server, commit → events handed to the streams / last frame in the kernel. */
  server?: ServerSplit;
}

interface ServerSplit {
  handedOver: number[];
  written: number[];
}

interface LiveTiming {
  fanOuts: FanOutMessage[];
  releases: FramesReleasedMessage[];
}

/**
 * The server's part of each change's latency, from what server-live-timing.ts recorded in each
 * process: when the hub handed the change's events to the plant's streams, and when the last
 * turn of frames that followed (before the next change) left for the kernel.
 */
function serverSplit(changes: { lastSeq: number; committedAt: number }[], timings: LiveTiming[]): ServerSplit {
  const split: ServerSplit = { handedOver: [], written: [] };
  for (const { fanOuts, releases } of timings) {
    const handed = changes.map(({ lastSeq }) => fanOuts.find((f) => f.lastSeq >= lastSeq)?.at);
    changes.forEach(({ committedAt }, i) => {
      const at = handed[i];
      if (at === undefined) return;
      const until = handed[i + 1] ?? Infinity;
      const turns = releases.filter((r) => r.startedAt >= at && r.startedAt < until);
      split.handedOver.push(at - committedAt);
      if (turns.length) split.written.push(Math.max(...turns.map((r) => r.endedAt)) - committedAt);
    });
  }
  return split;
}

/** Latencies (ms) of every receipt: its time minus the message's commit or publish time. */
function latencies(receipts: Map<number, Receipts>, sentAt: (key: number, r: Receipts) => number | undefined, keys: Set<number>): number[] {
  const out: number[] = [];
  for (const [key, r] of receipts) {
    if (!keys.has(key)) continue;
    const t0 = sentAt(key, r);
    if (t0 === undefined) continue;
    for (const t of r.times) out.push(t - t0);
  }
  return out;
}

export async function taktRound(fleet: Fleet, n: number, events: number, ctx: LiveContext): Promise<Round> {
  const since = ctx.clock.head;
  const opened = await fleet.open({ kind: 'takt', urls: ctx.urls, count: n, token: ctx.token, plantId: ctx.plantId, since, concurrency: 25 });
  // one warm-up change reaches everyone: every subscription is registered with its process's hub
  const head = ctx.clock.head;
  await ctx.write();
  await fleet.waitFor(await ctx.clock.next(head), 60_000);
  await fleet.collect();
  const keys = new Set<number>();
  const changes: { lastSeq: number; committedAt: number }[] = [];
  await Promise.all(ctx.pids.map((pid) => reportOf(pid, 'live')));
  let delivered = 0;
  for (let i = 0; i < events; i++) {
    const before = ctx.clock.head;
    await ctx.write();
    const last = await ctx.clock.next(before);
    for (let s = before + 1; s <= last; s++) keys.add(s);
    changes.push({ lastSeq: last, committedAt: ctx.clock.commitOf(last)! });
    if (await fleet.waitFor(last, 30_000)) delivered++;
    await sleep(ctx.spacingMs);
  }
  const receipts = await fleet.collect();
  const timings = await Promise.all(ctx.pids.map((pid) => reportOf<LiveTiming>(pid, 'live')));
  await fleet.closeAll();
  return {
    latencies: latencies(receipts, (key) => ctx.clock.commitOf(key), keys),
    delivered, expected: events, openMs: opened.ms, live: opened.live,
    server: serverSplit(changes, timings),
  };
}

async function bareRound(kind: 'gql' | 'ws', fleet: Fleet, n: number, events: number, bytes: number[], spacingMs: number): Promise<Round> {
  const server = await BareServer.start(kind);
  try {
    const opened = await fleet.open({ kind, urls: [server.url], count: n, concurrency: 25 });
    await sleep(200);
    const k = bytes.length;
    await server.publish(0, bytes);
    await fleet.waitFor(k - 1, 60_000);
    await fleet.collect();
    let delivered = 0;
    const keys = new Set<number>();
    for (let i = 1; i <= events; i++) {
      for (let j = 0; j < k; j++) keys.add(i * k + j);
      await server.publish(i * k, bytes);
      if (await fleet.waitFor(i * k + k - 1, 30_000)) delivered++;
      await sleep(spacingMs);
    }
    const receipts = await fleet.collect();
    await fleet.closeAll();
    return { latencies: latencies(receipts, (_, r) => r.sentAt ?? undefined, keys), delivered, expected: events, openMs: opened.ms, live: opened.live };
  } finally {
    await server.stop();
  }
}

export interface LiveContext {
  clock: CommitClock;
  urls: string[];
  /** The server processes behind `urls` (their preloads report the fan-out's timing). */
  pids: number[];
  token: string;
  plantId: string;
  write: () => Promise<void>;
  spacingMs: number;
}

/**
 * Commit → subscriber latency of Takt's boardEvents: N wall screens (display token, the SPA's
 * own connection code) in four subscriber processes, half on server A and half on server B; a
 * planner's change order committed through A (AUTO tier, applied at once: CHANGE_ORDER_UPDATED +
 * SCHEDULE_CHANGED). Commit time is when an independent LISTEN connection hears the commit's
 * NOTIFY. Then the same N clients on a bare graphql-ws server and a bare `ws` broadcast of the
 * same frame size, published by the server process itself (no database).
 */
export const liveSuite: Suite = {
  id: 'live',
  title: 'Live update latency: Takt boardEvents beside bare graphql-ws and ws',
  async run({ env, quick, log }) {
    const figures: Figure[] = [];
    const plant = await env.plant('light');
    const [a, b] = [await env.server('A'), await env.server('B')];
    const token = await displayToken(a.url, plant, 'bench wall screens');
    const planner = new GraphQLClient(a.url);
    await planner.login(plant.users.planner, plant.password);
    const toggler = await DueDateToggler.load(env.orm, plant.plantId);
    const clock = await CommitClock.start(env.databaseUrl, plant.plantId);
    const ctx: LiveContext = {
      clock, urls: [wsUrl(a.url), wsUrl(b.url)], pids: [a.pid, b.pid], token, plantId: plant.plantId, spacingMs: 100,
      write: async () => {
        const co = await toggler.propose(planner);
        if (co.status !== 'APPLIED') log(`live: a change order was ${co.status} (${co.tier}), not applied`);
      },
    };
    const fleet = await Fleet.start(FLEET_WORKERS);
    try {
      const frames = await taktFrameBytes(wsUrl(a.url), token, plant.plantId, ctx.write);
      if (frames.length === 0) throw new Error('no boardEvents frame received for a committed change');
      log(`live: one change = ${frames.length} boardEvents frames of ${frames.join(', ')} bytes`);
      const total = frames.reduce((s, x) => s + x, 0);
      figures.push(single({ suite: 'live', name: `boardEvents frames per change: ${frames.length} (${frames.join(' + ')} bytes)`, plant: 'light', unit: 'bytes', note: 'the bare baselines send the same frames per publish' }, total));
      // the bare frames' envelopes ({"id":…,"type":"next","payload":{"data":{"ticks":{…}}}} / {"seq":…}) are ~90 / ~45 bytes
      const gqlBytes = frames.map((f) => Math.max(1, f - 90));
      const wsBytes = frames.map((f) => Math.max(1, f - 45));
      const sizes = quick ? [100, 1_000] : [100, 1_000, 5_000];
      const events = quick ? 8 : 30;
      for (const n of sizes) {
        const t = await taktRound(fleet, n, events, ctx);
        const gql = await bareRound('gql', fleet, n, events, gqlBytes, ctx.spacingMs);
        const raw = await bareRound('ws', fleet, n, events, wsBytes, ctx.spacingMs);
        const bareP99 = summarize(gql.latencies).p99;
        const note = (r: Round) => `${r.live}/${n} live, opened in ${Math.round(r.openMs)} ms, ${r.delivered}/${r.expected} events reached everyone`;
        const at1000 = n === 1_000;
        figures.push(distribution({ suite: 'live', name: `Takt boardEvents, commit → ${n} subscribers (A + B)`, plant: 'light', unit: 'ms', note: note(t), ...(at1000 ? { target: { stat: 'p99', max: LIVE_P99_MS } } : {}) }, t.latencies));
        figures.push(distribution({ suite: 'live', name: `… of which commit → events handed to the streams, per change and server`, plant: 'light', unit: 'ms', note: 'NOTIFY heard, events read once per process, idle streams\' frames queued on their sockets' }, t.server!.handedOver));
        figures.push(distribution({ suite: 'live', name: `… of which commit → the change's last frame written to the kernel, per change and server`, plant: 'light', unit: 'ms', note: 'the rest of a receipt is the kernel and the subscriber processes' }, t.server!.written));
        figures.push(distribution({ suite: 'live', name: `bare graphql-ws, publish → ${n} subscribers (one process)`, unit: 'ms', note: note(gql) }, gql.latencies));
        figures.push(distribution({ suite: 'live', name: `bare ws broadcast, send → ${n} sockets (one process)`, unit: 'ms', note: note(raw) }, raw.latencies));
        const ratio = summarize(t.latencies).p99 / bareP99;
        figures.push(single({ suite: 'live', name: `Takt p99 ÷ bare graphql-ws p99 at ${n}`, unit: 'count', note: 'ratio', ...(at1000 ? { target: { stat: 'value', max: LIVE_VS_BARE_MAX } } : {}) }, Math.round(ratio * 100) / 100));
        log(`live ${n}: takt p99 ${summarize(t.latencies).p99.toFixed(1)} ms, gql p99 ${bareP99.toFixed(1)} ms, ws p99 ${summarize(raw.latencies).p99.toFixed(1)} ms`);
      }
      if (toggler.skipped.length) log(`live: ${toggler.skipped.length} proposals did not apply at once: ${JSON.stringify(toggler.skipped.slice(0, 3))}`);
    } finally {
      await fleet.stop();
      await clock.stop();
    }
    return figures;
  },
};
