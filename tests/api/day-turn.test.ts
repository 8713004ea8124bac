import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, startServer, type TestServer } from '../support/server.ts';
import { signIn } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { eventually } from '../support/realtime.ts';
import { buildPlant, todayUtc, type FactoryPlant } from '../support/factories.ts';
import { checkInvariants } from '../support/invariants.ts';

/**
 * The day turns (docs/product.md §12): two server processes started a week after the plant was
 * planned catch up at start. The unfinished work of past days is rolled forward from today, the
 * order that now misses its due date is at risk and its reps are told — once, though two
 * processes race for it.
 */

const WEEK_MS = 7 * 86_400_000;
const SWEEP_MS = 200;

let servers: TestServer[] = [];
let databaseUrl: string;
let plant: FactoryPlant;
const planned = todayUtc();
const weekLater = new Date(Date.parse(`${planned}T00:00:00Z`) + WEEK_MS).toISOString().slice(0, 10);

beforeAll(async () => {
  const first = await startServer();
  databaseUrl = first.databaseUrl;
  plant = await buildPlant(databaseUrl, {
    fillerMinutes: 240,
    fillerDays: 10,
    orders: { LATE: { quantity: 6, dueInWorkingDays: 3 }, SAFE: { quantity: 2, dueInWorkingDays: 25 } },
  });
  await first.stop();
  servers = await Promise.all([0, 1].map(() => spawnServer({
    DATABASE_URL: databaseUrl, TAKT_DEMO: '0', TAKT_CLOCK_OFFSET_MS: String(WEEK_MS), TAKT_DAY_TURN_SWEEP_MS: String(SWEEP_MS),
  })));
  await eventually(async () => (await sql<{ t: string | null }>(databaseUrl, 'select turned_through::text as t from plant where id = $1', [plant.plantId]))[0]!.t === weekLater,
    `the plant turned to ${weekLater}`, 60_000);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

describe('a server started a week later', () => {
  it('has rolled every unfinished job off the past days, keeping its minutes, within regular capacity', async () => {
    const past = await sql(databaseUrl, `select j.id, a.date::text from allocation a join job j on j.id = a.job_id
      where j.plant_id = $1 and j.status <> 'DONE' and a.date < $2::date`, [plant.plantId, weekLater]);
    expect(past).toEqual([]);
    const late = await sql<{ minutes: number; first: string }>(databaseUrl,
      `select sum(a.minutes)::int as minutes, min(a.date)::text as first from allocation a where a.job_id = $1`, [plant.orders.LATE!.jobId]);
    expect(late[0]).toEqual({ minutes: 360, first: expect.any(String) });
    expect(late[0]!.first >= weekLater).toBe(true);
    expect(await checkInvariants(databaseUrl, plant.plantId)).toEqual([]);
    const over = await sql(databaseUrl, `select a.date::text, sum(a.minutes)::int as load from allocation a
      where a.plant_id = $1 and a.date >= $2::date group by a.date having sum(a.minutes) > 480`, [plant.plantId, weekLater]);
    expect(over).toEqual([]);
  });

  it('flags as at risk exactly the order whose projected finish passes its due date, with the cause in words', async () => {
    const rep = await signIn(servers[0]!.url, plant.users.SALES_REP);
    const order = (id: string) => rep.data<{ order: { atRisk: boolean; riskCause: string | null; dueDate: string; projectedFinish: string } }>(
      'query($id: ID!) { order(id: $id) { atRisk riskCause dueDate projectedFinish } }', { id });
    const late = (await order(plant.orders.LATE!.id)).order;
    expect(late.atRisk).toBe(true);
    expect(late.projectedFinish > late.dueDate).toBe(true);
    expect(late.riskCause).toMatch(/^queued behind SO-\d+ on CELL, \d+(\.\d+)? h short on \d{4}-\d{2}-\d{2}/);
    expect((await order(plant.orders.SAFE!.id)).order).toMatchObject({ atRisk: false, riskCause: null });
  });

  it('told each rep of the at-risk order once, with the dates the plant can promise, though two processes turned the day', async () => {
    // two sweeps of both processes after the turn: none turns the day again
    const quiet = Date.now() + 4 * SWEEP_MS + 1_000;
    await eventually(() => Date.now() > quiet, 'a few sweeps of both processes');
    const turns = await sql<{ n: number }>(databaseUrl, `select count(*)::int as n from audit_event where plant_id = $1 and action = 'DAY_TURNED'`, [plant.plantId]);
    expect(turns[0]!.n).toBe(1);
    const told = await sql<{ userId: string; message: string }>(databaseUrl,
      `select user_id as "userId", message from notification where plant_id = $1 and kind = 'ORDER_AT_RISK' and order_id = $2 order by user_id`,
      [plant.plantId, plant.orders.LATE!.id]);
    expect(told.map((n) => n.userId).sort()).toEqual([plant.userIds.SALES_REP, plant.userIds.SALES_REP_2].sort());
    expect(told[0]!.message).toMatch(/SO-\d+ is at risk: .* the plant can promise \d{4}-\d{2}-\d{2} \(no approval\)/);
    const rep = await signIn(servers[1]!.url, plant.users.SALES_REP);
    const mine = await rep.data<{ notifications: { nodes: { kind: string; orderId: string | null }[] } }>('{ notifications { nodes { kind orderId } } }');
    expect(mine.notifications.nodes).toContainEqual({ kind: 'ORDER_AT_RISK', orderId: plant.orders.LATE!.id });
  });
});
