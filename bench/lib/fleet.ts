import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './env.ts';
import type { FleetReply, FleetRequest, OpenSpec, WorkerStats } from './fleet-protocol.ts';

export type { FleetKind, OpenSpec, WorkerStats } from './fleet-protocol.ts';

/** Receipt times of one message (an event seq or a tick) across the fleet. */
export interface Receipts {
  times: number[];
  /** When the sender stamped it (bare baselines); null for Takt (the suite knows the commit). */
  sentAt: number | null;
}

class Worker {
  readonly child: ChildProcess;
  readonly #waiters: { op: FleetReply['op']; resolve: (m: FleetReply) => void }[] = [];
  readonly completed = new Set<number>();
  onComplete: (() => void) | null = null;

  constructor(child: ChildProcess) {
    this.child = child;
    child.on('message', (m: FleetReply) => {
      if (m.op === 'complete') {
        this.completed.add(m.key);
        this.onComplete?.();
        return;
      }
      const i = this.#waiters.findIndex((w) => w.op === m.op);
      if (i >= 0) this.#waiters.splice(i, 1)[0]!.resolve(m);
    });
  }

  request<Op extends FleetReply['op']>(req: FleetRequest | null, op: Op, timeoutMs = 600_000): Promise<Extract<FleetReply, { op: Op }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fleet worker ${this.child.pid}: no '${op}' within ${timeoutMs} ms`)), timeoutMs);
      this.#waiters.push({
        op,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Extract<FleetReply, { op: Op }>);
        },
      });
      if (req) this.child.send(req);
    });
  }
}

/**
 * Subscriber processes, separate from the servers and from the bench: each holds many WebSocket
 * connections (Takt's boardEvents, a bare graphql-ws subscription or a bare `ws` socket) and
 * records receipt times. The bench opens N connections spread evenly over the workers, waits
 * until a message has reached all of them, and collects the times.
 */
export class Fleet {
  readonly #workers: Worker[];

  private constructor(workers: Worker[]) {
    this.#workers = workers;
  }

  static async start(size: number): Promise<Fleet> {
    const workers = Array.from({ length: size }, () => {
      const child = fork(join(ROOT, 'bench/lib/fleet-worker.ts'), [], { cwd: ROOT, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      return new Worker(child);
    });
    await Promise.all(workers.map((w) => w.request(null, 'ready', 60_000)));
    return new Fleet(workers);
  }

  get pids(): number[] {
    return this.#workers.map((w) => w.child.pid!);
  }

  /** Opens `spec.count` connections spread over the workers; resolves when all are open (or failed). */
  async open(spec: OpenSpec): Promise<{ live: number; total: number; ms: number }> {
    const n = this.#workers.length;
    const replies = await Promise.all(
      this.#workers.map((w, i) => {
        const count = Math.floor(spec.count / n) + (i < spec.count % n ? 1 : 0);
        // each worker starts on a different URL, so that both servers get half of every worker's share
        const urls = spec.urls.map((_, j) => spec.urls[(i + j) % spec.urls.length]!);
        return w.request({ op: 'open', spec: { ...spec, urls, count } }, 'opened');
      }),
    );
    return { live: replies.reduce((s, r) => s + r.live, 0), total: replies.reduce((s, r) => s + r.total, 0), ms: Math.max(...replies.map((r) => r.ms)) };
  }

  /** Resolves true once every worker's connections all received `key`, false after `timeoutMs`. */
  waitFor(key: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.#workers.every((w) => w.completed.has(key))) {
          finish(true);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        for (const w of this.#workers) w.onComplete = null;
        resolve(ok);
      };
      if (check()) return;
      for (const w of this.#workers) w.onComplete = check;
    });
  }

  /** Receipt times since the last collect, merged over the workers. */
  async collect(): Promise<Map<number, Receipts>> {
    const out = new Map<number, Receipts>();
    for (const w of this.#workers) {
      const { samples } = await w.request({ op: 'collect' }, 'samples');
      w.completed.clear();
      for (const [key, times, sentAt] of samples) {
        const r = out.get(key) ?? { times: [], sentAt };
        for (const t of times) r.times.push(t);
        out.set(key, r);
      }
    }
    return out;
  }

  async stats(): Promise<WorkerStats[]> {
    return Promise.all(this.#workers.map(async (w) => (await w.request({ op: 'stats' }, 'stats')).stats));
  }

  /** Closes every connection (the workers stay up for the next round). */
  async closeAll(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.request({ op: 'close' }, 'closed')));
    for (const w of this.#workers) w.completed.clear();
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.#workers.map(
        (w) =>
          new Promise<void>((done) => {
            if (w.child.exitCode !== null) return done();
            const timer = setTimeout(() => w.child.kill('SIGKILL'), 5_000);
            w.child.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            w.child.send({ op: 'exit' });
          }),
      ),
    );
  }
}
