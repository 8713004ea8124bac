import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Orm } from '../../server/src/db/orm.ts';
import { loadConfig } from '../../server/src/config.ts';
import { createServices, type Services } from '../../server/src/services.ts';
import { systemClock } from '../../server/src/shared/clock.ts';
import { turnPlant } from '../../server/src/modules/floor/day-turn.ts';
import { reportProgress } from '../../server/src/modules/floor/progress.service.ts';
import { ScheduleCache } from '../../server/src/modules/schedule/schedule.loader.ts';
import { startServer } from '../support/server.ts';
import { sql } from '../support/database.ts';
import { buildPlant, todayUtc, type FactoryPlant } from '../support/factories.ts';
import { checkInvariants } from '../support/invariants.ts';
import { clockOffsetMs } from '../support/suite-clock.ts';

/**
 * The day turn is computed before the plant lock and written after it (docs/floor.md, "The day
 * turn"): a write that commits in between makes the computation stale, and the turn computes
 * again instead of writing over it. Here a job of a late order is reported complete right after
 * the turn read the schedule, through the same services, in-process.
 */

const WEEK_MS = 7 * 86_400_000;
const planned = todayUtc();
const weekLater = new Date(Date.parse(`${planned}T00:00:00Z`) + WEEK_MS).toISOString().slice(0, 10);

/** A schedule cache that lets one write commit right after the first schedule read outside the lock. */
class InterruptedCache extends ScheduleCache {
  unlockedReads = 0;
  interrupt: (() => Promise<unknown>) | null = null;

  override async get(...args: Parameters<ScheduleCache['get']>): ReturnType<ScheduleCache['get']> {
    const read = await super.get(...args);
    if (args[2]) return read;
    this.unlockedReads++;
    const interrupt = this.interrupt;
    this.interrupt = null;
    if (interrupt) await interrupt();
    return read;
  }
}

let orm: Orm;
let databaseUrl: string;
let plant: FactoryPlant;
let services: Services;
let cache: InterruptedCache;

beforeAll(async () => {
  const server = await startServer();
  databaseUrl = server.databaseUrl;
  // more late orders than one write of the turn takes, their work on the next working days (a
  // factory order due in one working day sits on today, which on a Sunday has no capacity)
  const orders = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`O${i}`, { quantity: 1, dueInWorkingDays: 2 + (i % 4) }]));
  plant = await buildPlant(databaseUrl, { fillerMinutes: 240, fillerDays: 10, orders });
  await server.stop();
  orm = await openDatabase(databaseUrl);
  cache = new InterruptedCache();
  // the suite's clock (its date may be set), a week on
  services = { ...createServices(orm, loadConfig(), systemClock(clockOffsetMs() + WEEK_MS)), schedules: cache };
}, 120_000);
afterAll(async () => {
  await orm?.close();
});

describe('a day turn overtaken by a write', () => {
  it('computes again and writes what is true after that write, once', async () => {
    const completed = plant.orders.O0!.jobId;
    cache.interrupt = () => reportProgress(services, { kind: 'user', userId: plant.userIds.OPERATOR, role: 'OPERATOR', plantId: plant.plantId, name: 'Operator' }, {
      jobId: completed, action: 'COMPLETE', idempotencyKey: 'race-complete',
    });
    const turn = await turnPlant(services, plant.plantId);
    expect(turn.turned).toBe(true);
    expect(cache.unlockedReads).toBeGreaterThanOrEqual(2);

    // the completed job kept its days; the stale computation would have rolled it forward
    const done = await sql<{ status: string; ahead: number }>(databaseUrl,
      `select j.status, (select count(*)::int from allocation a where a.job_id = j.id and a.date >= $2::date) as ahead from job j where j.id = $1`, [completed, weekLater]);
    expect(done).toEqual([{ status: 'DONE', ahead: 0 }]);
    const past = await sql(databaseUrl, `select j.id from allocation a join job j on j.id = a.job_id
      where j.plant_id = $1 and j.status <> 'DONE' and a.date < $2::date`, [plant.plantId, weekLater]);
    expect(past).toEqual([]);
    expect(await checkInvariants(databaseUrl, plant.plantId)).toEqual([]);

    // written in several writes, audited once, each rep told once per order
    const events = await sql<{ n: number }>(databaseUrl,
      `select count(*)::int as n from board_event where plant_id = $1 and type = 'SCHEDULE_CHANGED' and payload->>'changeOrderId' is null`, [plant.plantId]);
    expect(events[0]!.n).toBeGreaterThanOrEqual(3);
    const again = await turnPlant(services, plant.plantId);
    expect(again.turned).toBe(false);
    const turns = await sql<{ n: number }>(databaseUrl, `select count(*)::int as n from audit_event where plant_id = $1 and action = 'DAY_TURNED'`, [plant.plantId]);
    expect(turns[0]!.n).toBe(1);
    const twice = await sql(databaseUrl, `select order_id, user_id from notification where plant_id = $1 and kind = 'ORDER_AT_RISK'
      group by order_id, user_id having count(*) > 1`, [plant.plantId]);
    expect(twice).toEqual([]);
    const told = await sql<{ n: number }>(databaseUrl, `select count(distinct order_id)::int as n from notification where plant_id = $1 and kind = 'ORDER_AT_RISK'`, [plant.plantId]);
    expect(told[0]!.n).toBe(turn.newlyAtRisk.length);
  });
});
