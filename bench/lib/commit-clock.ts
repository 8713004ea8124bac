import { performance } from 'node:perf_hooks';
import { pg } from './deps.ts';

/**
 * When each board event committed, as seen by an independent LISTEN connection on the bench's
 * side: PostgreSQL delivers `takt_board` notifications (`plantId:lastSeq`, sent inside the write
 * transaction) right after the commit, so the time one arrives here is the commit time plus the
 * notification's trip through the loopback — the same trip every server's listener makes. The
 * events of one transaction share its commit time.
 */
export class CommitClock {
  readonly #client: InstanceType<typeof pg.Client>;
  readonly #plantId: string;
  /** lastSeq of each commit → wall-clock time it was heard (ms, sub-ms resolution). */
  readonly #commits = new Map<number, number>();
  #head = 0;
  #waiters: { after: number; resolve: (seq: number) => void }[] = [];

  private constructor(client: InstanceType<typeof pg.Client>, plantId: string) {
    this.#client = client;
    this.#plantId = plantId;
  }

  static async start(databaseUrl: string, plantId: string): Promise<CommitClock> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const clock = new CommitClock(client, plantId);
    client.on('notification', (n) => {
      const at = performance.timeOrigin + performance.now();
      const [plant, seq] = (n.payload ?? '').split(':');
      if (plant !== plantId) return;
      clock.#heard(Number(seq), at);
    });
    await client.query('listen takt_board');
    const { rows } = await client.query<{ event_seq: string }>('select event_seq from plant where id = $1', [plantId]);
    clock.#head = Number(rows[0]!.event_seq);
    return clock;
  }

  #heard(seq: number, at: number) {
    this.#commits.set(seq, at);
    this.#head = Math.max(this.#head, seq);
    this.#waiters = this.#waiters.filter((w) => {
      if (seq <= w.after) return true;
      w.resolve(seq);
      return false;
    });
  }

  /** The plant's last committed sequence number heard so far. */
  get head(): number {
    return this.#head;
  }

  /** Resolves with the first commit's lastSeq above `after` (rejects after `timeoutMs`). */
  next(after: number, timeoutMs = 30_000): Promise<number> {
    if (this.#head > after) return Promise.resolve(this.#head);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no commit of plant ${this.#plantId} after seq ${after} within ${timeoutMs} ms`)), timeoutMs);
      this.#waiters.push({ after, resolve: (s) => (clearTimeout(timer), resolve(s)) });
    });
  }

  /** Commit time of event `seq`: that of the first commit whose lastSeq is ≥ seq. */
  commitOf(seq: number): number | undefined {
    for (let s = seq; s <= this.#head; s++) {
      const at = this.#commits.get(s);
      if (at !== undefined) return at;
    }
    return undefined;
  }

  async stop(): Promise<void> {
    await this.#client.end().catch(() => undefined);
  }
}
