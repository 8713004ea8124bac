import { performance } from 'node:perf_hooks';
import { connectRealtime, type RealtimeConnection } from '../../client/src/realtime/connection.ts';
import { graphqlWs, ws } from './deps.ts';
import type { FleetReply, FleetRequest, OpenSpec, WorkerStats } from './fleet-protocol.ts';

/**
 * One subscriber process of a fleet (bench/lib/fleet.ts): holds many WebSocket connections and
 * records when each message arrived, on the wall clock with sub-millisecond resolution
 * (`performance.timeOrigin + performance.now()`, comparable across processes on one machine).
 *
 * - `takt`: the SPA's own connection code (client/src/realtime/connection.ts) subscribing to
 *   `boardEvents` with a display token, resuming with `since` after a drop like a wall screen.
 * - `gql`: a bare graphql-ws client subscribing to the bare server's `ticks`.
 * - `ws`: a bare `ws` socket receiving the bare server's broadcast.
 */

const now = () => performance.timeOrigin + performance.now();

interface Conn {
  close(): void;
  live(): boolean;
  /** takt only */
  rt?: RealtimeConnection;
  seqs?: number[];
  resyncs?: number;
  reconnects?: number;
  offline?: string | null;
}

const conns: Conn[] = [];
/** key (event seq or tick number) → receipt times; `sentAt` when the message carried it. */
const received = new Map<number, number[]>();
const sentAt = new Map<number, number>();
const completeSent = new Set<number>();
let errors: string[] = [];

function send(reply: FleetReply) {
  process.send!(reply);
}

function record(key: number, at: number, sent?: number) {
  let list = received.get(key);
  if (!list) received.set(key, (list = []));
  list.push(at);
  if (sent !== undefined) sentAt.set(key, sent);
  if (list.length >= conns.length && !completeSent.has(key)) {
    completeSent.add(key);
    send({ op: 'complete', key });
  }
}

function noteError(message: string) {
  if (errors.length < 50) errors.push(message);
}

function openTakt(spec: OpenSpec, url: string): Promise<Conn> {
  return new Promise((done) => {
    const conn: Conn = { close: () => rt.stop(), live: () => rt.state === 'live', seqs: [], resyncs: 0, reconnects: 0, offline: null };
    let settled = false;
    const rt = connectRealtime({
      url: () => url,
      webSocketImpl: ws.WebSocket,
      connectionParams: { token: spec.token },
      plantId: spec.plantId!,
      since: spec.since ?? 0,
      backoff: { minMs: 100, maxMs: 2_000 },
      onEvent: (e) => {
        const at = now();
        if (spec.keepSeqs) conn.seqs!.push(e.seq);
        record(e.seq, at);
      },
      onResync: async (e) => {
        conn.resyncs!++;
        noteError(`resync at ${e?.seq ?? 'a hole'}`);
        return e?.seq ?? rt.lastSeq;
      },
      onState: (state, detail) => {
        if (state === 'live' && !settled) {
          settled = true;
          done(conn);
        }
        if (state === 'reconnecting' && detail.attempt > 0) conn.reconnects!++;
        if (state === 'offline') {
          conn.offline = detail.reason ?? 'offline';
          if (detail.reason !== 'stopped') noteError(`offline: ${detail.reason} ${detail.closeCode ?? ''}`);
          if (!settled) {
            settled = true;
            done(conn);
          }
        }
      },
    });
    conn.rt = rt;
  });
}

function openGql(url: string): Promise<Conn> {
  return new Promise((done) => {
    let live = false;
    let settled = false;
    const settle = () => {
      if (!settled) {
        settled = true;
        done(conn);
      }
    };
    const client = graphqlWs.createClient({
      url,
      webSocketImpl: ws.WebSocket,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => {},
      on: {
        connected: () => {
          live = true;
          settle();
        },
        closed: () => {
          live = false;
          settle();
        },
      },
    });
    const conn: Conn = { close: () => void Promise.resolve(client.dispose()).catch(() => {}), live: () => live };
    client.subscribe<{ ticks: { seq: number; sentAt: number; payload: string } }>(
      { query: 'subscription { ticks { seq sentAt payload } }' },
      {
        next: (r) => {
          const at = now();
          if (r.data) record(r.data.ticks.seq, at, r.data.ticks.sentAt);
        },
        error: (err) => noteError(`gql: ${String(err)}`),
        complete: () => {},
      },
    );
  });
}

function openWs(url: string): Promise<Conn> {
  return new Promise((done) => {
    const socket = new ws.WebSocket(url);
    const conn: Conn = { close: () => socket.close(), live: () => socket.readyState === ws.WebSocket.OPEN };
    socket.on('open', () => done(conn));
    socket.on('error', (err) => {
      noteError(`ws: ${err.message}`);
      done(conn);
    });
    socket.on('message', (data) => {
      const at = now();
      const m = JSON.parse(String(data)) as { seq: number; sentAt: number };
      record(m.seq, at, m.sentAt);
    });
  });
}

async function open(spec: OpenSpec) {
  const started = now();
  const opener = spec.kind === 'takt' ? (u: string) => openTakt(spec, u) : spec.kind === 'gql' ? openGql : openWs;
  let next = 0;
  const batch = async () => {
    for (;;) {
      const i = next++;
      if (i >= spec.count) return;
      conns.push(await opener(spec.urls[i % spec.urls.length]!));
    }
  };
  await Promise.all(Array.from({ length: Math.min(spec.concurrency ?? 50, spec.count) }, batch));
  send({ op: 'opened', live: conns.filter((c) => c.live()).length, total: conns.length, ms: now() - started });
}

function stats(): WorkerStats {
  const takt = conns.filter((c) => c.rt);
  let gaps = 0;
  let duplicates = 0;
  for (const c of takt) {
    const s = c.seqs ?? [];
    for (let i = 1; i < s.length; i++) {
      if (s[i]! <= s[i - 1]!) duplicates++;
      else if (s[i]! > s[i - 1]! + 1) gaps++;
    }
  }
  return {
    connections: conns.length,
    live: conns.filter((c) => c.live()).length,
    lastSeqs: takt.map((c) => c.rt!.lastSeq),
    firstSeqs: takt.map((c) => c.seqs?.[0] ?? -1),
    gaps,
    duplicates,
    resyncs: takt.reduce((s, c) => s + (c.resyncs ?? 0), 0),
    reconnects: takt.reduce((s, c) => s + (c.reconnects ?? 0), 0),
    offline: takt.filter((c) => c.offline && c.offline !== 'stopped').length,
    errors,
    rssBytes: process.memoryUsage.rss(),
  };
}

process.on('message', (m: FleetRequest) => {
  switch (m.op) {
    case 'open':
      void open(m.spec);
      break;
    case 'collect': {
      const out: [number, number[], number | null][] = [];
      for (const [key, times] of received) out.push([key, times, sentAt.get(key) ?? null]);
      received.clear();
      sentAt.clear();
      completeSent.clear();
      send({ op: 'samples', samples: out });
      break;
    }
    case 'stats':
      send({ op: 'stats', stats: stats() });
      break;
    case 'close': {
      for (const c of conns) c.close();
      conns.length = 0;
      received.clear();
      sentAt.clear();
      completeSent.clear();
      errors = [];
      // let the close frames go out before answering
      setTimeout(() => send({ op: 'closed' }), 200);
      break;
    }
    case 'exit':
      process.exit(0);
  }
});
send({ op: 'ready' });
