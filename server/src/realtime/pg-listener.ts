import pg from 'pg';
import type { Logger } from '../shared/logger.ts';

export interface PgListenerOptions {
  connectionString: string;
  channels: readonly string[];
  log: Logger;
  /** First reconnect delay; doubles per failed attempt up to `maxBackoffMs`, with jitter. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

type Handler = (payload: string) => void;

/**
 * The process's one dedicated LISTEN connection (outside the ORM's pool, which hands connections
 * to whoever asks). When the connection drops it reconnects with exponential backoff and jitter,
 * re-LISTENs, and calls the `onReconnect` hooks: notifications sent while it was away are lost,
 * so every user of the listener catches up from the tables then.
 */
export class PgListener {
  readonly #opts: Required<PgListenerOptions>;
  readonly #handlers = new Map<string, Set<Handler>>();
  readonly #reconnectHooks = new Set<() => void>();
  #client: pg.Client | null = null;
  #stopped = false;
  #attempt = 0;
  #timer: NodeJS.Timeout | null = null;
  #connected: Promise<void>;
  #markConnected!: () => void;

  constructor(opts: PgListenerOptions) {
    this.#opts = { minBackoffMs: 100, maxBackoffMs: 5_000, ...opts };
    this.#connected = new Promise((r) => (this.#markConnected = r));
  }

  /** Resolves once the first connection listens (later reconnects happen in the background). */
  async start(): Promise<void> {
    await this.#connect();
    await this.#connected;
  }

  /** True while the connection is up and listening. */
  get listening(): boolean {
    return this.#client !== null;
  }

  on(channel: string, handler: Handler): () => void {
    let set = this.#handlers.get(channel);
    if (!set) this.#handlers.set(channel, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  onReconnect(hook: () => void): () => void {
    this.#reconnectHooks.add(hook);
    return () => this.#reconnectHooks.delete(hook);
  }

  /** Sends a NOTIFY on the listening connection (outside any transaction). */
  async notify(channel: string, payload: string): Promise<void> {
    await this.#client?.query('select pg_notify($1, $2)', [channel, payload]);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  /** Test hook: drop the connection as a network failure would. */
  simulateDrop(): void {
    this.#client?.emit('error', new Error('simulated connection loss'));
  }

  async #connect(): Promise<void> {
    if (this.#stopped) return;
    const client = new pg.Client({ connectionString: this.#opts.connectionString, keepAlive: true });
    let failed = false;
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      if (this.#client === client) this.#client = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => {});
      if (this.#stopped) return;
      this.#opts.log.warn({ err, attempt: this.#attempt }, 'LISTEN connection lost; reconnecting');
      this.#schedule();
    };
    client.on('error', fail);
    client.on('end', () => fail(new Error('connection ended')));
    client.on('notification', (n) => {
      for (const h of this.#handlers.get(n.channel) ?? []) {
        try {
          h(n.payload ?? '');
        } catch (err) {
          this.#opts.log.error({ err, channel: n.channel }, 'notification handler failed');
        }
      }
    });
    try {
      await client.connect();
      for (const channel of this.#opts.channels) await client.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      fail(err);
      return;
    }
    if (failed || this.#stopped) return void client.end().catch(() => {});
    const reconnected = this.#attempt > 0 || this.#client !== null;
    this.#client = client;
    this.#attempt = 0;
    this.#markConnected();
    if (reconnected) {
      this.#opts.log.info('LISTEN connection restored; catching up');
      for (const hook of this.#reconnectHooks) hook();
    }
  }

  #schedule(): void {
    if (this.#timer || this.#stopped) return;
    const { minBackoffMs, maxBackoffMs } = this.#opts;
    const ceiling = Math.min(maxBackoffMs, minBackoffMs * 2 ** this.#attempt);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.#attempt++;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#connect();
    }, delay);
  }
}
