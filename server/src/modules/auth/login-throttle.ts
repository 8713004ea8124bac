import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../graphql/errors.ts';
import type { Clock } from '../shared/clock.ts';
import type { SecurityConfig } from './security.config.ts';

/** Per-address counters start over after this long without a failure (per-account ones too). */
const ACCOUNT_FORGET_MS = 24 * 3_600_000;

interface Row {
  failures: number;
  window_start: Date;
  blocked_until: Date | null;
}

/**
 * Login throttling (SPEC §7), in PostgreSQL so that every process of the cluster shares it and a
 * restart forgets nothing:
 *
 * - **per account**: the first `accountFreeFailures` failures cost nothing; after that each one
 *   blocks the account for 1 s, 2 s, 4 s, … up to `accountMaxDelaySeconds`. An attempt while
 *   blocked is refused *without checking the password* (no oracle) and is not counted, so an
 *   attacker cannot keep the real user out for longer than the cap; a success resets the count.
 * - **per address**: at most `ipFailures` failures per `ipWindowSeconds`; beyond that the address
 *   is refused until the window ends, whichever accounts it tries.
 *
 * An attempt is counted *before* the password is checked (and given back on success), under a
 * row lock, so a burst of parallel guesses cannot all slip through before the first is counted.
 */
export class LoginThrottle {
  readonly #clock: Clock;
  readonly #config: SecurityConfig;
  constructor(clock: Clock, config: SecurityConfig) {
    this.#clock = clock;
    this.#config = config;
  }

  /**
   * Counts an attempt for `email` from `ip`; RATE_LIMITED (with `retryAfterSeconds`) when either
   * is blocked. Returns what to call with the attempt's outcome.
   */
  async attempt(em: EntityManager, email: string, ip: string | null): Promise<(succeeded: boolean) => Promise<void>> {
    const account = `account:${email.trim().toLowerCase()}`;
    const address = ip ? `ip:${ip}` : null;
    const now = this.#clock.now();
    await em.transactional(async (tx) => {
      // the address first (a blocked address must not touch the account's counter), fixed order
      if (address) {
        const row = await this.#lock(tx, address);
        const windowOver = now.getTime() - row.window_start.getTime() >= this.#config.ipWindowSeconds * 1000;
        const failures = windowOver ? 0 : row.failures;
        const windowStart = windowOver ? now : row.window_start;
        if (failures >= this.#config.ipFailures) {
          throw rateLimited(new Date(windowStart.getTime() + this.#config.ipWindowSeconds * 1000), now, 'Too many failed sign-ins from your network');
        }
        await tx.execute('update login_throttle set failures = ?, window_start = ? where key = ?', [failures + 1, windowStart, address]);
      }
      const row = await this.#lock(tx, account);
      if (row.blocked_until && row.blocked_until > now) {
        throw rateLimited(row.blocked_until, now, 'Too many failed sign-ins for this account');
      }
      const forget = now.getTime() - row.window_start.getTime() >= ACCOUNT_FORGET_MS;
      const failures = (forget ? 0 : row.failures) + 1;
      const over = failures - this.#config.accountFreeFailures;
      const blockedUntil = over > 0 ? new Date(now.getTime() + Math.min(2 ** (over - 1), this.#config.accountMaxDelaySeconds) * 1000) : null;
      await tx.execute('update login_throttle set failures = ?, window_start = ?, blocked_until = ? where key = ?', [failures, now, blockedUntil, account]);
    });
    return async (succeeded) => {
      if (!succeeded) return;
      await em.execute('update login_throttle set failures = 0, blocked_until = null where key = ?', [account]);
      if (address) await em.execute('update login_throttle set failures = greatest(failures - 1, 0) where key = ?', [address]);
    };
  }

  async #lock(tx: EntityManager, key: string): Promise<Row> {
    await tx.execute('insert into login_throttle (key) values (?) on conflict (key) do nothing', [key]);
    const [row] = await tx.execute<Row[]>('select failures, window_start, blocked_until from login_throttle where key = ? for update', [key]);
    return { failures: row!.failures, window_start: new Date(row!.window_start), blocked_until: row!.blocked_until ? new Date(row!.blocked_until) : null };
  }
}

function rateLimited(until: Date, now: Date, what: string): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('RATE_LIMITED', `${what}; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}
