import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { as } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { eventually } from '../support/realtime.ts';
import { suiteToday } from '../support/suite-clock.ts';
import { checkInvariants } from '../support/invariants.ts';

/**
 * The demo lives (docs/product.md §12.7): the demo plant, seeded on the suite's day and started two
 * weeks later, shows a believable present — its past reported done with over- and under-runs,
 * nothing unfinished left in the past, the rest planned from today, a few orders at risk.
 */

const TWO_WEEKS_MS = 14 * 86_400_000;
let server: TestServer;
let plantId: string;
const later = new Date(Date.parse(`${suiteToday()}T00:00:00Z`) + TWO_WEEKS_MS).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startServer({ env: { TAKT_CLOCK_OFFSET_MS: String(TWO_WEEKS_MS) } });
  plantId = (await as(server.url, 'PLANNER')).plantId;
  await eventually(async () => (await sql<{ t: string | null }>(server.databaseUrl, 'select turned_through::text as t from plant where id = $1', [plantId]))[0]!.t === later,
    `the demo plant turned to ${later}`, 60_000).catch((e: unknown) => { console.log(server.output.join('').split('\n').filter((l) => /error|Exception/i.test(l)).map((l) => l.slice(0, 1500)).slice(0, 3).join('\n')); throw e; });
});
afterAll(async () => {
  await server?.stop();
});

describe('the demo plant two weeks after it was seeded', () => {
  it('reports its past done, with over- and under-runs, and keeps nothing unfinished before today', async () => {
    const [jobs] = await sql<{ done: number; over: number; under: number; pastOpen: number; running: number }>(server.databaseUrl, `
      select count(*) filter (where j.status = 'DONE')::int as done,
             count(*) filter (where j.status = 'DONE' and j.actual_minutes > j.minutes)::int as over,
             count(*) filter (where j.status = 'DONE' and j.actual_minutes < j.minutes)::int as under,
             count(*) filter (where j.status = 'STARTED')::int as running,
             (select count(*)::int from allocation a join job x on x.id = a.job_id where x.plant_id = $1 and x.status <> 'DONE' and a.date < $2::date) as "pastOpen"
        from job j where j.plant_id = $1`, [plantId, later]);
    expect(jobs!.pastOpen).toBe(0);
    expect(jobs!.done).toBeGreaterThan(20);
    expect(jobs!.over).toBeGreaterThan(0);
    expect(jobs!.under).toBeGreaterThan(0);
    expect(jobs!.running).toBeGreaterThan(0);
    const statuses = await sql<{ status: string }>(server.databaseUrl, `select distinct status from sales_order where plant_id = $1 order by status`, [plantId]);
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(['CONFIRMED', 'DONE', 'IN_PRODUCTION']));
  });

  it('has a few orders at risk, each with its cause, and stays consistent', async () => {
    const risky = await sql<{ riskCause: string }>(server.databaseUrl, `select risk_cause as "riskCause" from sales_order where plant_id = $1 and at_risk`, [plantId]);
    expect(risky.length).toBeGreaterThan(0);
    expect(risky.length).toBeLessThan(60);
    for (const r of risky) expect(r.riskCause).toMatch(/ on [A-Z0-9-]+, \d+(\.\d+)? h short on \d{4}-\d{2}-\d{2}/);
    expect(await checkInvariants(server.databaseUrl, plantId)).toEqual([]);
  });
});
