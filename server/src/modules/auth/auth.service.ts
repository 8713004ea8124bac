import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../shared/errors.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { Actor } from './actor.ts';
import type { Role } from './roles.ts';
import type { Clock } from '../../shared/clock.ts';
import { LoginThrottle } from './login-throttle.ts';
import type { SecurityConfig } from '../../config.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  plantId: string;
  active: boolean;
  version: number;
}

/** Password length bounds for new passwords (the CLI uses the same minimum). */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1024;

/** A used session's end moves on when it would move by at least this much (one write a minute at most). */
const TOUCH_EVERY_MS = 60_000;

export const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

// A real hash to verify against when the email is unknown, so that a wrong email and a wrong
// password take the same time and cannot be told apart.
const dummyHash = hashPassword(randomBytes(16).toString('hex'));

/** Sign-in, sessions and identity lookup. Sessions live in the database; only token hashes are stored. */
export class AuthService {
  readonly #clock: Clock;
  readonly #ttlMs: number;
  readonly #idleMs: number;
  readonly #throttle: LoginThrottle;
  constructor(clock: Clock, session: { ttlHours: number; idleMinutes: number }, security: SecurityConfig) {
    this.#clock = clock;
    this.#ttlMs = session.ttlHours * 3_600_000;
    this.#idleMs = session.idleMinutes > 0 ? session.idleMinutes * 60_000 : this.#ttlMs;
    this.#throttle = new LoginThrottle(clock, security);
  }

  /**
   * When a session used at `now` ends: after the idle timeout, but never past its lifetime. The
   * session's `expires_at` holds this, moved on by use (`actorForSession`), so every check of a
   * session (requests, the WebSocket re-check) sees the idle timeout without knowing of it.
   */
  #endsAt(createdAt: Date, now: Date): Date {
    return new Date(Math.min(createdAt.getTime() + this.#ttlMs, now.getTime() + this.#idleMs));
  }

  /**
   * Checks the password and opens a session; UNAUTHENTICATED on any mismatch, RATE_LIMITED when
   * the account or the address is throttled (login-throttle.ts). `previousToken` (the cookie the
   * browser still had) is ended, so a login never leaves an older session of that browser behind.
   * `device` is the browser's device cookie; the one to set from now on is returned.
   */
  async login(
    em: EntityManager,
    email: string,
    password: string,
    opts: { ip?: string | null; previousToken?: string | null; device?: string | null } = {},
  ): Promise<{ user: UserRow; token: string; expiresAt: Date; device: string }> {
    const done = await this.#throttle.attempt(em, { email, ip: opts.ip ?? null, device: opts.device ?? null });
    const rows = await em.execute<(UserRow & { password_hash: string })[]>(
      `select id, email, name, role, plant_id as "plantId", password_hash, active, version from app_user where lower(email) = lower(?)`,
      [email.trim()],
    );
    const row = rows[0];
    const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash));
    await done(Boolean(row && ok));
    if (!row || !ok) throw new AppError('UNAUTHENTICATED', 'Wrong email or password.');
    if (!row.active) throw new AppError('UNAUTHENTICATED', 'This account has been deactivated; ask your administrator.');
    if (opts.previousToken) await this.logout(em, opts.previousToken);
    const now = this.#clock.now();
    await em.execute('delete from session where user_id = ? and expires_at <= ?', [row.id, now]);
    const token = randomBytes(32).toString('base64url');
    // the cookie lasts the session's lifetime; the idle timeout is the server's to enforce
    const expiresAt = new Date(now.getTime() + this.#ttlMs);
    await em.execute('insert into session (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)', [sha256(token), row.id, now, this.#endsAt(now, now)]);
    const device = await this.#throttle.trust(em, row.email, opts.device ?? null, () => randomBytes(32).toString('base64url'));
    const { password_hash: _, ...user } = row;
    return { user, token, expiresAt, device };
  }

  /** Ends every session of the user (every browser, every open WebSocket within seconds); how many. */
  async logoutEverywhere(em: EntityManager, userId: string): Promise<number> {
    const res = await em.execute<{ affectedRows: number }>('delete from session where user_id = ?', [userId], 'run');
    return res.affectedRows;
  }

  /**
   * Changes the password after checking the current one (throttled like a login, so a borrowed
   * session cannot guess it), and ends every other session of the user. BAD_USER_INPUT for a
   * wrong current password or a weak new one.
   */
  async changePassword(em: EntityManager, userId: string, keepToken: string | null, current: string, next: string, device: string | null = null): Promise<void> {
    if (next.length < MIN_PASSWORD_LENGTH) throw new AppError('BAD_USER_INPUT', `A password has at least ${MIN_PASSWORD_LENGTH} characters.`, { field: 'newPassword' });
    if (next.length > MAX_PASSWORD_LENGTH) throw new AppError('BAD_USER_INPUT', `A password has at most ${MAX_PASSWORD_LENGTH} characters.`, { field: 'newPassword' });
    if (next === current) throw new AppError('BAD_USER_INPUT', 'The new password must differ from the current one.', { field: 'newPassword' });
    const [row] = await em.execute<{ email: string; password_hash: string }[]>('select email, password_hash from app_user where id = ?', [userId]);
    if (!row) throw new AppError('UNAUTHENTICATED', 'Your account no longer exists; please sign in again.');
    const done = await this.#throttle.attempt(em, { email: row.email, ip: null, device });
    const ok = await verifyPassword(current, row.password_hash);
    await done(ok);
    if (!ok) throw new AppError('BAD_USER_INPUT', 'The current password is wrong.', { field: 'currentPassword' });
    await em.execute('update app_user set password_hash = ? where id = ?', [await hashPassword(next), userId]);
    await em.execute('delete from session where user_id = ? and token_hash <> ?', [userId, keepToken ? sha256(keepToken) : '']);
  }

  /** Ends the session of `token`; true when one was ended. */
  async logout(em: EntityManager, token: string): Promise<boolean> {
    const res = await em.execute<{ affectedRows: number }>('delete from session where token_hash = ?', [sha256(token)], 'run');
    return res.affectedRows > 0;
  }

  /**
   * The actor behind a session token, or null when it is unknown, expired or idle too long.
   * `used`: the request is the person's own doing (not a page's background refresh), so the idle
   * timeout starts over; the row is written at most once a minute per session.
   */
  async actorForSession(em: EntityManager, token: string, used = false): Promise<Actor | null> {
    const now = this.#clock.now();
    const rows = await em.execute<{ id: string; role: Role; plant_id: string; name: string; created_at: Date; expires_at: Date }[]>(
      `select u.id, u.role, u.plant_id, u.name, s.created_at, s.expires_at from session s join app_user u on u.id = s.user_id
        where s.token_hash = ? and s.expires_at > ? and u.active`,
      [sha256(token), now],
    );
    const u = rows[0];
    if (!u) return null;
    if (used) {
      const endsAt = this.#endsAt(new Date(u.created_at), now);
      if (endsAt.getTime() - new Date(u.expires_at).getTime() >= TOUCH_EVERY_MS)
        await em.execute('update session set expires_at = ? where token_hash = ? and expires_at < ?', [endsAt, sha256(token), endsAt]);
    }
    return { kind: 'user', userId: u.id, role: u.role, plantId: u.plant_id, name: u.name };
  }

  async user(em: EntityManager, id: string): Promise<UserRow> {
    const rows = await em.execute<UserRow[]>(
      `select id, email, name, role, plant_id as "plantId", active, version from app_user where id = ?`,
      [id],
    );
    if (!rows[0]) throw new AppError('UNAUTHENTICATED', 'Your account no longer exists; please sign in again.');
    return rows[0];
  }

  /**
   * Sets the password of the user a one-time set-password token was issued to (a new user's
   * first sign-in, or a reset by an admin); the token is spent and the user's sessions end.
   * BAD_USER_INPUT for an unknown, used or expired token.
   */
  async setPasswordWithToken(em: EntityManager, token: string, password: string): Promise<void> {
    if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('BAD_USER_INPUT', `A password has at least ${MIN_PASSWORD_LENGTH} characters.`, { field: 'newPassword' });
    if (password.length > MAX_PASSWORD_LENGTH) throw new AppError('BAD_USER_INPUT', `A password has at most ${MAX_PASSWORD_LENGTH} characters.`, { field: 'newPassword' });
    const [user] = await em.execute<{ id: string }[]>(
      `update app_user set password_hash = ?, set_password_hash = null, set_password_expires_at = null
        where set_password_hash = ? and set_password_expires_at > ? and active returning id`,
      [await hashPassword(password), sha256(token), this.#clock.now()]);
    if (user) await em.execute('delete from session where user_id = ?', [user.id]);
    if (!user) throw new AppError('BAD_USER_INPUT', 'This set-password link is unknown, used or expired; ask your administrator for a new one.', { field: 'token' });
  }

  /** Creates a user (CLI, demo seeding). */
  async createUser(em: EntityManager, input: { plantId: string; email: string; name: string; role: Role; password: string }): Promise<string> {
    const rows = await em.execute<{ id: string }[]>(
      `insert into app_user (plant_id, email, name, role, password_hash) values (?, ?, ?, ?, ?) returning id`,
      [input.plantId, input.email.toLowerCase(), input.name, input.role, await hashPassword(input.password)],
    );
    return rows[0]!.id;
  }
}
