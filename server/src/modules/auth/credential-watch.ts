import type { Orm } from '../../db/orm.ts';
import type { Logger } from '../../shared/logger.ts';
import type { Clock } from '../../shared/clock.ts';
import { pgArray } from '../../db/sql.ts';
import { hashSecret, type Credential } from './credentials.ts';

type Close = () => void;

/** Largest number of hashes sent in one query (bounded parameter lists). */
const BATCH = 5_000;

/**
 * Closes WebSockets whose session or token has ended (logout, logout everywhere, password change,
 * expiry, revoked token) within `intervalMs`. Every open socket registers its credential; once per
 * interval the process asks PostgreSQL which of those are still valid, in one query per kind
 * whatever the number of sockets, and closes the others (4401, docs/realtime.md). Because it reads
 * the database, a revocation made through any process of the cluster reaches every process.
 */
export class CredentialWatch {
  readonly #orm: Orm;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #intervalMs: number;
  readonly #watched = new Map<Close, { kind: Credential['kind']; hash: string }>();
  #timer: NodeJS.Timeout | null = null;
  #running = false;

  constructor(orm: Orm, clock: Clock, log: Logger, intervalMs: number) {
    this.#orm = orm;
    this.#clock = clock;
    this.#log = log;
    this.#intervalMs = intervalMs;
  }

  /** Watches `credential` until the returned function is called; `close` ends the socket. */
  watch(credential: Credential, close: Close): () => void {
    this.#watched.set(close, { kind: credential.kind, hash: hashSecret(credential.secret) });
    this.#ensureTimer();
    return () => {
      this.#watched.delete(close);
    };
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  #ensureTimer(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      if (this.#running || this.#watched.size === 0) return;
      this.#running = true;
      this.check()
        .catch((err) => this.#log.warn({ err }, 'credential re-check failed'))
        .finally(() => (this.#running = false));
    }, this.#intervalMs);
    this.#timer.unref();
  }

  /** One pass: closes every watched socket whose credential is no longer valid. */
  async check(): Promise<void> {
    const entries = [...this.#watched.entries()];
    const valid = new Set<string>();
    const em = this.#orm.em.fork();
    const now = this.#clock.now();
    for (const kind of ['session', 'token'] as const) {
      const hashes = [...new Set(entries.filter(([, w]) => w.kind === kind).map(([, w]) => w.hash))];
      for (let i = 0; i < hashes.length; i += BATCH) {
        const batch = hashes.slice(i, i + BATCH);
        const rows = await em.execute<{ token_hash: string }[]>(
          kind === 'session'
            ? 'select s.token_hash from session s join app_user u on u.id = s.user_id where s.token_hash = any(?::text[]) and s.expires_at > ? and u.active'
            : 'select token_hash from access_token where token_hash = any(?::text[]) and revoked_at is null',
          kind === 'session' ? [pgArray(batch), now] : [pgArray(batch)],
        );
        for (const r of rows) valid.add(r.token_hash.trim());
      }
    }
    for (const [close, w] of entries) {
      if (!valid.has(w.hash) && this.#watched.has(close)) {
        this.#watched.delete(close);
        close();
      }
    }
  }
}
