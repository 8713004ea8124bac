import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, startServer, type TestServer } from '../support/server.ts';
import { as, code, signIn, type ApiClient } from '../support/api.ts';
import { bearer, createToken } from '../support/security.ts';

// The session idle timeout (TAKT_SESSION_IDLE_MINUTES, default 30): processes on one database
// with their clocks moved on (TAKT_CLOCK_OFFSET_MS) stand for "later", so no test sleeps.
const MINUTE = 60_000;
let now: TestServer;
const later: Record<string, TestServer> = {};

beforeAll(async () => {
  now = await startServer();
  const at = (minutes: number) => spawnServer({ DATABASE_URL: now.databaseUrl, TAKT_DEMO: '0', TAKT_CLOCK_OFFSET_MS: String(minutes * MINUTE) });
  [later.m20, later.m31, later.m45, later.h13] = await Promise.all([at(20), at(31), at(45), at(13 * 60)]);
});
afterAll(async () => {
  await Promise.all([now, ...Object.values(later)].map((s) => s?.stop()));
});

/** `{ me }` from the same browser (its session cookie) on the process whose clock is at `server`'s time; the error code or OK. */
async function me(server: TestServer, browser: ApiClient, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: browser.cookie!, ...headers },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
  const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return body.errors?.[0]?.extensions?.code ?? 'OK';
}
const BACKGROUND = { 'x-takt-background': '1' };

describe('session idle timeout', () => {
  it('signs out a browser nobody used for 30 minutes', async () => {
    const rep = await as(now.url, 'SALES_REP');
    expect(await me(later.m20!, rep, BACKGROUND)).toBe('OK');
    expect(await me(later.m31!, rep)).toBe('UNAUTHENTICATED');
  });

  it('keeps a session that is used, up to its lifetime, and does not count the page\'s background requests as use', async () => {
    const used = await as(now.url, 'PLANNER');
    expect(await me(later.m20!, used)).toBe('OK'); // used 20 minutes in: ends at 50
    expect(await me(later.m45!, used, BACKGROUND)).toBe('OK');
    expect(await me(later.h13!, used)).toBe('UNAUTHENTICATED'); // past the 12 h lifetime

    const polled = await as(now.url, 'QUALITY');
    expect(await me(later.m20!, polled, BACKGROUND)).toBe('OK');
    expect(await me(later.m31!, polled, BACKGROUND)).toBe('UNAUTHENTICATED');
  });

  it('leaves wall display tokens alone', async () => {
    const admin = await signIn(now.url, 'admin@demo.test');
    const { secret } = await createToken(admin, 'DISPLAY', 'Hall 1 wall');
    for (const server of [later.m31!, later.h13!]) {
      const res = await bearer(server.url, secret, '{ plants { id } }');
      expect(res.errors, server.url).toBeUndefined();
      expect(code(res)).toBeUndefined();
    }
  });
});
