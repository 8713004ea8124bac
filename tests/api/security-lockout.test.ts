import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { code, type GraphQLResponse } from '../support/api.ts';
import { buildPlant, type FactoryPlant } from '../support/factories.ts';
import { sql } from '../support/database.ts';

// Login throttling an attacker cannot turn against the real user (docs/security.md, "Sign-in"):
// OWASP's device cookies, and a per-address limit that counts accounts, not attempts.
let server: TestServer;
let plant: FactoryPlant;

beforeAll(async () => {
  // behind a (pretend) proxy, so each client speaks from its own address
  server = await startServer({ env: { TAKT_TRUST_PROXY: '1' } });
  plant = await buildPlant(server.databaseUrl);
});
afterAll(async () => {
  await server?.stop();
});

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }';

/** One sign-in from `ip`, with the cookies given; the response and the cookies it set. */
async function login(email: string, password: string, ip: string, cookie?: string | null): Promise<GraphQLResponse & { cookies: Record<string, string> }> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
  });
  const cookies = Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
  return { status: res.status, cookies, ...((await res.json()) as object) };
}

describe('device cookies', () => {
  it("lets the real user's browser in at once while an attacker hammers the account, and still stops the attacker", async () => {
    const victim = plant.users.SALES_REP;
    // the real user signed in from this browser before: it holds a device cookie
    const first = await login(victim, 'demo', '10.1.0.1');
    expect(first.errors).toBeUndefined();
    const device = `takt_device=${first.cookies.takt_device}`;
    expect(first.cookies.takt_device).toMatch(/^[\w-]{40,}$/);

    // the lockout script: a wrong password every 250 ms from elsewhere, for ~4 s
    const attacker: unknown[] = [];
    const untrusted: unknown[] = [];
    const userTries: { code: unknown; ms: number }[] = [];
    const hammer = (async () => {
      for (let i = 0; i < 16; i++) {
        const guess = code(await login(victim, `guess-${i}`, '203.0.113.9'));
        attacker.push(guess);
        // right after a counted guess beyond the free ones, the account is blocked for untrusted
        // clients: the right password from a browser without the cookie is refused too
        if (guess === 'UNAUTHENTICATED' && i >= 5) untrusted.push(code(await login(victim, 'demo', '198.51.100.7')));
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    // meanwhile the real user signs in from the trusted browser, again and again: always at once
    while (attacker.length < 16) {
      const t0 = Date.now();
      const res = await login(victim, 'demo', '10.1.0.1', device);
      userTries.push({ code: code(res) ?? 'OK', ms: Date.now() - t0 });
      await new Promise((r) => setTimeout(r, 300));
    }
    await hammer;
    expect(attacker).toContain('RATE_LIMITED');
    expect(userTries.length).toBeGreaterThan(5);
    expect(userTries.map((t) => t.code)).toEqual(userTries.map(() => 'OK'));
    // the attacker's guesses still cost them: most were refused without a password check
    expect(attacker.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(10);
    // a client without the cookie (the attacker, or the user on a new browser) waits like before
    expect(untrusted).toContain('RATE_LIMITED');
  });

  it('throttles a trusted browser by its own failures, and never trusts a cookie issued for another account', async () => {
    const user = plant.users.PLANNER;
    const first = await login(user, 'demo', '10.1.1.1');
    const device = `takt_device=${first.cookies.takt_device}`;
    const codes: unknown[] = [];
    for (let i = 0; i < 7; i++) codes.push(code(await login(user, `typo-${i}`, '10.1.1.1', device)));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes).toContain('RATE_LIMITED');
    // the account itself is not blocked for anyone else: the failures were that browser's
    expect((await login(user, 'demo', '10.1.1.2')).errors).toBeUndefined();

    // a cookie trusted for one account does not make a browser trusted for another
    const other = plant.users.QUALITY;
    for (let i = 0; i < 7; i++) await login(other, `guess-${i}`, '203.0.113.10');
    expect(code(await login(other, 'demo', '10.1.1.1', device))).toBe('RATE_LIMITED');
  });
});

describe('the per-address limit', () => {
  // 100 password checks (scrypt, 32 MiB each) take a while on a busy machine
  it('counts accounts, not attempts: 100 failures on their own account from one address lock no one else out', { timeout: 240_000 }, async () => {
    const own = plant.users.ACCOUNTING;
    let failures = 0;
    let waits = 0;
    while (failures < 100) {
      const c = code(await login(own, `mistyped-${failures}`, '10.2.0.1'));
      if (c === 'UNAUTHENTICATED') failures++;
      else {
        // the account's own delay (it doubles): end it, as waiting would, to reach 100 real failures
        expect(c).toBe('RATE_LIMITED');
        waits++;
        await sql(server.databaseUrl, 'update login_throttle set blocked_until = null where key = $1', [`account:${own}`]);
      }
    }
    console.info(`[lockout] 100 failed sign-ins on one account from one address (${waits} account delays ended)`);
    // everyone else behind the address still signs in
    for (const other of [plant.users.OPS_MANAGER, plant.users.PLANT_MANAGER, plant.users.ADMIN]) {
      expect((await login(other, 'demo', '10.2.0.1')).errors, other).toBeUndefined();
    }
  });
});

describe('the clocks it judges by', () => {
  it("counts an address's failures in the server's time even when the database's clock is hours ahead", async () => {
    // the server 14 hours behind its database (a clock off by a time zone, or a run crossing midnight
    // under faketime): new rows' windows must start at the server's now, else they lie in its future
    const behind = await startServer({ env: { TAKT_TRUST_PROXY: '1', TAKT_LOGIN_IP_FAILURES: '3', TAKT_CLOCK_OFFSET_MS: String(-14 * 3600_000) } });
    try {
      const skewed = await buildPlant(behind.databaseUrl);
      const at = (email: string, password: string) => fetch(`${behind.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.3.0.1' },
        body: JSON.stringify({ query: LOGIN, variables: { e: email, p: password } }),
      }).then((r) => r.json() as Promise<GraphQLResponse>);
      // one account failing again and again is one account of the address's three
      for (let i = 0; i < 6; i++) {
        const c = code(await at(skewed.users.ACCOUNTING, `mistyped-${i}`));
        expect(['UNAUTHENTICATED', 'RATE_LIMITED']).toContain(c);
        await sql(behind.databaseUrl, 'update login_throttle set blocked_until = null where key = $1', [`account:${skewed.users.ACCOUNTING}`]);
      }
      expect((await at(skewed.users.OPS_MANAGER, 'demo')).errors).toBeUndefined();
    } finally {
      await behind.stop();
    }
  });
});
