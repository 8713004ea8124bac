import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { graphql, graphqlWsUseWs, ws } from './deps.ts';

/**
 * The raw stacks under Takt's live updates, as baselines in the same run: a bare graphql-ws
 * server (`--kind gql`: graphql-js + graphql-ws + ws, one subscription field, no database, no
 * auth) or a bare `ws` broadcast (`--kind ws`). Run as a child of the bench (IPC): it answers
 * `ready` with its port, and on `publish` sends one message per size in `bytes` to every
 * connection, stamped with the wall-clock time of the publish.
 */

const kind = process.argv[process.argv.indexOf('--kind') + 1] as 'gql' | 'ws';
const now = () => performance.timeOrigin + performance.now();

interface Tick {
  seq: number;
  sentAt: number;
  payload: string;
}

/** One queue per subscription: publish pushes, the subscription's async iterator pulls. */
class Queue implements AsyncIterableIterator<{ ticks: Tick }> {
  readonly #items: { ticks: Tick }[] = [];
  #wake: ((r: IteratorResult<{ ticks: Tick }>) => void) | null = null;
  #done = false;
  readonly #onEnd: (q: Queue) => void;
  constructor(onEnd: (q: Queue) => void) {
    this.#onEnd = onEnd;
  }
  push(t: Tick) {
    if (this.#wake) {
      const wake = this.#wake;
      this.#wake = null;
      wake({ value: { ticks: t }, done: false });
    } else this.#items.push({ ticks: t });
  }
  next(): Promise<IteratorResult<{ ticks: Tick }>> {
    const item = this.#items.shift();
    if (item) return Promise.resolve({ value: item, done: false });
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((r) => (this.#wake = r));
  }
  return(): Promise<IteratorResult<{ ticks: Tick }>> {
    this.#done = true;
    this.#onEnd(this);
    this.#wake?.({ value: undefined, done: true });
    return Promise.resolve({ value: undefined, done: true });
  }
  [Symbol.asyncIterator]() {
    return this;
  }
}

const http = createServer((_, res) => res.writeHead(404).end());
const wss = new ws.WebSocketServer({ server: http, path: '/graphql' });
const queues = new Set<Queue>();

if (kind === 'gql') {
  const schema = graphql.buildSchema(`
    type Tick { seq: Int!, sentAt: Float!, payload: String! }
    type Query { ok: Boolean }
    type Subscription { ticks: Tick! }
  `);
  // buildSchema has no resolvers: the subscription's source stream is set on the field
  schema.getSubscriptionType()!.getFields().ticks!.subscribe = () => {
    const q = new Queue((done) => queues.delete(done));
    queues.add(q);
    return q;
  };
  graphqlWsUseWs.useServer({ schema }, wss);
}

/** One message per entry of `bytes` (keys seq, seq + 1, …), all stamped with one publish time. */
function publish(seq: number, bytes: number[]) {
  const sentAt = now();
  bytes.forEach((size, i) => {
    const tick: Tick = { seq: seq + i, sentAt, payload: 'x'.repeat(size) };
    if (kind === 'gql') {
      for (const q of queues) q.push(tick);
    } else {
      const message = JSON.stringify(tick); // serialized once, sent to all
      for (const client of wss.clients) client.send(message);
    }
  });
}

http.listen(0, '127.0.0.1', () => {
  const { port } = http.address() as { port: number };
  process.send!({ op: 'ready', port });
});
process.on('message', (m: { op: 'publish'; seq: number; bytes: number[] } | { op: 'rss' } | { op: 'exit' }) => {
  if (m.op === 'publish') {
    publish(m.seq, m.bytes);
    process.send!({ op: 'published', seq: m.seq });
  } else if (m.op === 'rss') process.send!({ op: 'rss', rss: process.memoryUsage.rss(), subscribers: kind === 'gql' ? queues.size : wss.clients.size });
  else process.exit(0);
});
