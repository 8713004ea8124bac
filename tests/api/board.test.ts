import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { ApiClient, as, code } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { suiteToday } from '../support/suite-clock.ts';
import { DEMO_USERS } from '../../server/src/modules/demo/demo.catalog.ts';

const BOARD = `query Board($plantId: ID!, $from: Date!, $to: Date!) {
  board(plantId: $plantId, from: $from, to: $to) {
    from to lastEventSeq
    plant { id name today }
    workCenters { id code name weeklyHours }
    buckets { workCenterId date capacityHours overtimeHours loadHours utilization }
    jobs { id orderId workCenterId start end hours status }
    orders { id number quantity dueDate unitPrice customer { name } product { sku } }
  }
}`;

type Board = {
  plant: { id: string; today: string };
  lastEventSeq: number;
  workCenters: { id: string; code: string; weeklyHours: number[] }[];
  buckets: { workCenterId: string; date: string; capacityHours: number; overtimeHours: number; loadHours: number; utilization: number }[];
  jobs: { id: string; orderId: string; workCenterId: string; start: string; end: string; hours: number }[];
  orders: { id: string; number: string; unitPrice: string }[];
};

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('the board', () => {
  it('shows an ops manager at least 6 work centers, 50 jobs and loaded buckets for the next 6 weeks', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const today = (await ops.data<{ plants: { today: string }[] }>('{ plants { today } }')).plants[0]!.today;
    const { board } = await ops.data<{ board: Board }>(BOARD, { plantId: ops.plantId, from: today, to: addDays(today, 41) });
    expect(board.workCenters.length).toBeGreaterThanOrEqual(6);
    expect(board.jobs.length).toBeGreaterThanOrEqual(50);
    expect(board.buckets).toHaveLength(board.workCenters.length * 42);
    expect(board.buckets.filter((b) => b.loadHours > 0).length).toBeGreaterThan(50);
    expect(Math.max(...board.buckets.map((b) => b.utilization))).toBeGreaterThan(0.95);
    expect(board.buckets.some((b) => b.capacityHours > 0 && b.loadHours === 0)).toBe(true);
    // every job's order is delivered with it
    const orderIds = new Set(board.orders.map((o) => o.id));
    expect(board.jobs.every((j) => orderIds.has(j.orderId))).toBe(true);
  });

  it('derives each bucket from the allocations and the calendar in the database', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const from = addDays(suiteToday(), -1);
    const to = addDays(from, 70);
    const { board } = await ops.data<{ board: Board }>(BOARD, { plantId: ops.plantId, from, to });
    // Independent computation from the raw rows.
    const loads = await sql<{ wc: string; date: string; minutes: string }>(
      server.databaseUrl,
      `select work_center_id as wc, date::text as date, sum(minutes) as minutes from allocation
        where plant_id = $1 and date between $2 and $3 group by 1, 2`,
      [ops.plantId, from, to],
    );
    const expected = new Map(loads.map((r) => [`${r.wc}|${r.date}`, Number(r.minutes) / 60]));
    const exceptions = await sql<{ wc: string; date: string; minutes: number }>(
      server.databaseUrl,
      'select work_center_id as wc, date::text as date, minutes from work_center_exception',
    );
    const exception = new Map(exceptions.map((e) => [`${e.wc}|${e.date}`, e.minutes / 60]));
    const weekly = new Map(board.workCenters.map((w) => [w.id, w.weeklyHours]));
    for (const b of board.buckets) {
      const key = `${b.workCenterId}|${b.date}`;
      expect(b.loadHours).toBeCloseTo(expected.get(key) ?? 0, 3);
      const capacity = exception.get(key) ?? weekly.get(b.workCenterId)![new Date(`${b.date}T00:00:00Z`).getUTCDay()]!;
      expect(b.capacityHours).toBeCloseTo(capacity, 3);
      expect(b.utilization).toBeCloseTo(capacity > 0 ? b.loadHours / capacity : 0, 3);
    }
    expect(exceptions.some((e) => e.minutes === 0)).toBe(true);
    // weekends carry no capacity and no load
    const sundays = board.buckets.filter((b) => new Date(`${b.date}T00:00:00Z`).getUTCDay() === 0);
    expect(sundays.every((b) => b.capacityHours === 0 && b.loadHours === 0)).toBe(true);
  });

  it('returns jobs whose hours equal the sum of their allocations', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const { board } = await ops.data<{ board: Board }>(BOARD, {
      plantId: ops.plantId,
      from: suiteToday(),
      to: addDays(suiteToday(), 20),
    });
    const job = board.jobs[0]!;
    const { order } = await ops.data<{ order: { jobs: { id: string; hours: number; allocations: { date: string; hours: number }[] }[] } }>(
      'query($id: ID!) { order(id: $id) { number jobs { id hours allocations { date hours } } } }',
      { id: job.orderId },
    );
    for (const j of order.jobs) {
      expect(j.allocations.reduce((s, a) => s + a.hours, 0)).toBeCloseTo(j.hours, 3);
    }
    expect(order.jobs.map((j) => j.id)).toContain(job.id);
  });

  it('rejects a malformed date, a reversed range and a range over 26 weeks with BAD_USER_INPUT', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const bad = [
      { from: '2026-13-01', to: '2027-01-01' },
      { from: '2026-02-30', to: '2026-03-01' },
      { from: 'tomorrow', to: '2027-01-01' },
      { from: '2027-01-10', to: '2027-01-01' },
      { from: '2027-01-01', to: '2027-12-31' },
    ];
    for (const range of bad) {
      const res = await ops.request(BOARD, { plantId: ops.plantId, ...range });
      expect(code(res), JSON.stringify(range)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toMatch(/date|range|before|26 weeks/i);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('answers NOT_FOUND for another plant and for an unknown order', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const other = await ops.request(BOARD, { plantId: '00000000-0000-4000-8000-000000000000', from: '2027-01-01', to: '2027-01-07' });
    expect(code(other)).toBe('NOT_FOUND');
    expect(code(await ops.request('{ order(id: "nope") { id } }'))).toBe('NOT_FOUND');
  });
});

describe('identity', () => {
  it('refuses a wrong password with UNAUTHENTICATED and sets no cookie', async () => {
    const client = new ApiClient(server.url);
    const res = await client.login('ops@demo.test', 'wrong');
    expect(code(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toBe('Wrong email or password.');
    expect(client.cookie).toBeNull();
    expect(code(await client.login('nobody@demo.test', 'demo'))).toBe('UNAUTHENTICATED');
  });

  it('refuses every query without a session with UNAUTHENTICATED', async () => {
    const anon = new ApiClient(server.url);
    for (const q of ['{ me { id } }', '{ plants { id } }', '{ order(id: "x") { id } }', `{ board(plantId: "x", from: "2027-01-01", to: "2027-01-02") { from } }`]) {
      expect(code(await anon.request(q)), q).toBe('UNAUTHENTICATED');
    }
  });

  it('sets an httpOnly SameSite session cookie and ends the session on logout', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(email: "rep@demo.test", password: "demo") { email role } }' }),
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/takt_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const rep = new ApiClient(server.url);
    rep.cookie = cookie.split(';')[0]!;
    expect((await rep.data<{ me: { email: string; role: string } }>('{ me { email role } }')).me).toEqual({ email: 'rep@demo.test', role: 'SALES_REP' });
    expect((await rep.data<{ logout: boolean }>('mutation { logout }')).logout).toBe(true);
    rep.cookie = cookie.split(';')[0]!;
    expect(code(await rep.request('{ me { id } }'))).toBe('UNAUTHENTICATED');
    const sessions = await sql(server.databaseUrl, `select 1 from session s join app_user u on u.id = s.user_id where u.email = 'rep@demo.test'`);
    expect(sessions).toHaveLength(0);
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const rows = await sql<{ password_hash: string }>(server.databaseUrl, 'select password_hash from app_user');
    expect(rows.length).toBe(DEMO_USERS.length);
    expect(rows.every((r) => r.password_hash.startsWith('scrypt$') && !r.password_hash.includes('demo'))).toBe(true);
  });
});

describe('the HTTP surface', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready', warnings: [] });
  });

  it('serves the client with SPA fallback for client routes such as /wall', async () => {
    const res = await fetch(`${server.url}/wall`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<div id="app">/);
    const missing = await fetch(`${server.url}/no-such-api`, { headers: { accept: 'application/json' } });
    expect(missing.status).toBe(404);
  });

  it('survives malformed JSON, an oversized body and a query that does not parse, with a code each', async () => {
    const post = (body: string) => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await post('{"query": ')).status).toBe(400);
    expect((await post(JSON.stringify({ query: `{ health }`, pad: 'x'.repeat(300 * 1024) }))).status).toBe(413);
    const parse = await post(JSON.stringify({ query: '{ health ' }));
    expect(((await parse.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
  });

  it('refuses a simple cross-site GET of a query (CSRF prevention)', async () => {
    const res = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ health }')}`);
    expect(res.status).toBe(400);
  });
});
