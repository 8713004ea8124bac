import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../shared/errors.ts';
import type { Clock } from '../../shared/clock.ts';
import { hashSecret } from './credentials.ts';
import { loginRefusals } from '../../metrics/metrics.ts';
import type { SecurityConfig } from '../../config.ts';

/** Per-address counters start over after this long without a failure (per-account ones too). */
const ACCOUNT_FORGET_MS = 24 * 3_600_000;

/** The longest device cookie accepted (they are 43 characters; anything longer is not ours). */
const MAX_DEVICE_SECRET = 128;

interface Row {
  failures: number;
  window_start: Date;
  blocked_until: Date | null;
}

/** What an attempt comes with: the account, the client's address, the browser's device cookie. */
export interface LoginAttempt {
  email: string;
  ip: string | null;
  device: string | null;
}

/**
 * Login throttling (docs/product.md §7) with OWASP's device cookies ("Slow Down Online Guessing Attacks
 * with Device Cookies"), in PostgreSQL so that every process of the cluster shares it and a
 * restart forgets nothing:
 *
 * - **a trusted browser** (its device cookie was issued by a successful sign-in to this account)
 *   is throttled only by its own failures: the first `accountFreeFailures` cost nothing, then
 *   each blocks that browser for 1 s, 2 s, 4 s, … up to `accountMaxDelaySeconds`. Failures from
 *   elsewhere never keep it out, so an attacker cannot lock the real user out.
 * - **any other client** is throttled per account the same way, shared by all untrusted clients
 *   of the account: an attacker's guesses still cost them (a few per minute at most). An attempt
 *   while blocked is refused *without checking the password* (no oracle) and is not counted.
 * - **per address** (untrusted clients only): at most `ipFailures` distinct accounts failed per
 *   `ipWindowSeconds`; beyond that the address is refused until the window ends. A person who
 *   mistypes their own password again and again counts once, not against everyone behind the
 *   address, and a success takes their account off the count.
 *
 * An attempt is counted *before* the password is checked (and given back on success), under a
 * row lock, so a burst of parallel guesses cannot all slip through before the first is counted.
 * A device's trust is a row `device:<hash of the cookie>:<account>` of the same table: the
 * cookie is a random secret the server looks up (unforgeable like OWASP's signed cookie, with no
 * signing key to manage, and ended with the account's other sign-in state).
 */
export class LoginThrottle {
  readonly #clock: Clock;
  readonly #config: SecurityConfig;
  constructor(clock: Clock, config: SecurityConfig) {
    this.#clock = clock;
    this.#config = config;
  }

  /**
   * Counts an attempt; RATE_LIMITED (with `retryAfterSeconds`) when it is blocked. Returns what to
   * call with the attempt's outcome.
   */
  async attempt(em: EntityManager, attempt: LoginAttempt): Promise<(succeeded: boolean) => Promise<void>> {
    const who = attempt.email.trim().toLowerCase();
    const now = this.#clock.now();
    const device = deviceKey(attempt.device, who);
    return em.transactional(async (tx) => {
      const trusted = device ? await this.#existing(tx, device) : null;
      if (device && trusted) {
        await this.#countDelayed(tx, device, trusted, now, 'Too many failed sign-ins from this browser', 'device');
        return async (succeeded) => {
          if (succeeded) await em.execute('update login_throttle set failures = 0, blocked_until = null where key = ?', [device]);
        };
      }
      // an untrusted client: the address first (a blocked address must not touch the account), fixed order
      const pair = attempt.ip ? await this.#countAddress(tx, attempt.ip, who, now) : null;
      const account = `account:${who}`;
      await this.#countDelayed(tx, account, await this.#lock(tx, account, now), now, 'Too many failed sign-ins for this account', 'account');
      return async (succeeded) => {
        if (!succeeded) return;
        await em.execute('update login_throttle set failures = 0, blocked_until = null where key = ?', [account]);
        if (pair) await this.#forgetPair(em, pair);
      };
    });
  }

  /**
   * Trusts the browser for the account after a successful sign-in; returns the device cookie to
   * set: the one it has when that is already trusted for the account, else a new one (a cookie
   * the server did not issue for this account is never adopted, so one planted by someone else
   * cannot become trusted).
   */
  async trust(em: EntityManager, email: string, device: string | null, newSecret: () => string): Promise<string> {
    const who = email.trim().toLowerCase();
    const known = deviceKey(device, who);
    if (known && (await em.execute<unknown[]>('select 1 from login_throttle where key = ?', [known])).length > 0) return device!;
    const secret = newSecret();
    await em.execute('insert into login_throttle (key, window_start) values (?, ?) on conflict (key) do nothing', [deviceKey(secret, who), this.#clock.now()]);
    return secret;
  }

  /** Counts `who` among the accounts failed from `ip` in the address's window; RATE_LIMITED when the address is blocked. */
  async #countAddress(tx: EntityManager, ip: string, who: string, now: Date): Promise<{ address: string; pair: string }> {
    const address = `ip:${ip}`;
    const row = await this.#lock(tx, address, now);
    const windowOver = now.getTime() - row.window_start.getTime() >= this.#config.ipWindowSeconds * 1000;
    const failures = windowOver ? 0 : row.failures;
    const windowStart = windowOver ? now : row.window_start;
    if (failures >= this.#config.ipFailures) {
      throw rateLimited(new Date(windowStart.getTime() + this.#config.ipWindowSeconds * 1000), now, 'Too many failed sign-ins from your network', 'address');
    }
    const pair = `ip-account:${ip}|${who}`;
    const seen = await this.#lock(tx, pair, now);
    const counted = seen.failures > 0 && seen.window_start >= windowStart;
    await tx.execute('update login_throttle set failures = ?, window_start = ? where key = ?', [counted ? failures : failures + 1, windowStart, address]);
    if (!counted) await tx.execute('update login_throttle set failures = 1, window_start = ? where key = ?', [now, pair]);
    return { address, pair };
  }

  /** A success takes the account off its address's count of failed accounts. */
  async #forgetPair(em: EntityManager, keys: { address: string; pair: string }): Promise<void> {
    await em.transactional(async (tx) => {
      // the address's row first, as every attempt locks them: the other order deadlocked two
      // sign-ins of one account from one address (one forgetting, the other counting)
      await tx.execute('select 1 from login_throttle where key = ? for update', [keys.address]);
      const [row] = await tx.execute<{ failures: number }[]>('select failures from login_throttle where key = ? for update', [keys.pair]);
      if (!row || row.failures === 0) return;
      await tx.execute('update login_throttle set failures = 0 where key = ?', [keys.pair]);
      await tx.execute('update login_throttle set failures = greatest(failures - 1, 0) where key = ?', [keys.address]);
    });
  }

  /** Counts a failure-to-be on `key`: refused while blocked, then free failures, then doubling delays. */
  async #countDelayed(tx: EntityManager, key: string, row: Row, now: Date, what: string, scope: RefusalScope): Promise<void> {
    if (row.blocked_until && row.blocked_until > now) throw rateLimited(row.blocked_until, now, what, scope);
    const forget = now.getTime() - row.window_start.getTime() >= ACCOUNT_FORGET_MS;
    const failures = (forget ? 0 : row.failures) + 1;
    const over = failures - this.#config.accountFreeFailures;
    const blockedUntil = over > 0 ? new Date(now.getTime() + Math.min(2 ** (over - 1), this.#config.accountMaxDelaySeconds) * 1000) : null;
    await tx.execute('update login_throttle set failures = ?, window_start = ?, blocked_until = ? where key = ?', [failures, now, blockedUntil, key]);
  }

  /** The row of `key`, locked; a new one's window starts at the server's now, never the database's (their clocks may differ). */
  async #lock(tx: EntityManager, key: string, now: Date): Promise<Row> {
    await tx.execute('insert into login_throttle (key, window_start) values (?, ?) on conflict (key) do nothing', [key, now]);
    return (await this.#existing(tx, key))!;
  }

  async #existing(tx: EntityManager, key: string): Promise<Row | null> {
    const [row] = await tx.execute<Row[]>('select failures, window_start, blocked_until from login_throttle where key = ? for update', [key]);
    if (!row) return null;
    return { failures: row.failures, window_start: new Date(row.window_start), blocked_until: row.blocked_until ? new Date(row.blocked_until) : null };
  }
}

/** The trust row of a device cookie for an account, or null for no (or an implausible) cookie. */
const deviceKey = (device: string | null, who: string) =>
  device && device.length <= MAX_DEVICE_SECRET ? `device:${hashSecret(device)}:${who}` : null;

/** What a refusal blocked (the label of takt_login_refusals_total). */
type RefusalScope = 'address' | 'account' | 'device';

function rateLimited(until: Date, now: Date, what: string, scope: RefusalScope): AppError {
  loginRefusals.inc({ scope });
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('RATE_LIMITED', `${what}; try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}
