import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { as, code } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { openDatabase } from '../../server/src/db/orm.ts';
import { loadScheduleInput } from '../../server/src/modules/schedule/schedule.loader.ts';
import { buildSchedule, DEFAULT_POLICY, evaluateChange, fromDay, toDay } from '../../server/src/engine/index.ts';
import { suiteNow } from '../support/suite-clock.ts';
import { apiHours } from '../../server/src/shared/units.ts';

const PREVIEW = `query($input: ChangeOrderInput!) { previewChangeOrder(input: $input) {
  policyVersion today orderId kinds tier infeasibleReason
  terms { quantity dueDate unitPrice optionIds }
  jobs { id seq workCenterId hours start end allocations { date hours } }
  impact { hoursDelta overtimeHours priceDelta marginAfter marginAfterPct
    costDelta { material labour setup overtimePremium scrap total }
    buckets { workCenterId date capacityHours loadBeforeHours loadAfterHours utilizationAfter } }
  requiredApprovals { lane role rule measured threshold unit message }
  alternatives { tier dueDate jobs { id seq start end allocations { date hours } } }
  frozenJobs { jobId seq reason kept } } }`;

type Preview = {
  tier: string;
  today: string;
  kinds: string[];
  terms: { quantity: number; dueDate: string };
  jobs: { id: string; seq: number; hours: number; start: string; end: string }[];
  impact: { hoursDelta: number; buckets: { date: string; loadAfterHours: number }[]; costDelta: { total: string } } | null;
  requiredApprovals: { lane: string; role: string; rule: string; measured: number; threshold: number }[];
  alternatives: { tier: string; dueDate: string | null; jobs: { id: string; seq: number; start: string | null; end: string | null; allocations: { date: string; hours: number }[] }[] }[];
  frozenJobs: { jobId: string; seq: number; reason: string; kept: boolean }[];
};

let server: TestServer;
let order: { id: string; quantity: number; due_date: string; product_id: string };
beforeAll(async () => {
  server = await startServer();
  [order] = (await sql<typeof order>(
    server.databaseUrl,
    `select o.id, o.quantity, o.due_date::text as due_date, o.product_id from sales_order o
      where o.due_date > $1::date + 40 order by o.number limit 1`,
    [suiteNow().toISOString().slice(0, 10)], // the servers' today, not the database's current_date
  )) as [typeof order];
});
afterAll(async () => {
  await server?.stop();
});

describe('previewChangeOrder', () => {
  it('returns, for a rep on the demo plant, the same verdict as the engine called directly', async () => {
    const rep = await as(server.url, 'SALES_REP');
    const quantity = Math.ceil(order.quantity * 1.2);
    const { previewChangeOrder: api } = await rep.data<{ previewChangeOrder: Preview }>(PREVIEW, { input: { orderId: order.id, quantity } });

    const orm = await openDatabase(server.databaseUrl);
    const schedule = buildSchedule(await loadScheduleInput(orm.em.fork(), rep.plantId));
    await orm.close();
    const direct = evaluateChange(schedule, { ...DEFAULT_POLICY, shipBufferDays: 1 }, { orderId: order.id, quantity }, toDay(api.today));

    expect(api.tier).toBe(direct.tier);
    expect(api.kinds).toEqual(direct.kinds);
    expect(api.terms.quantity).toBe(quantity);
    expect(api.alternatives).toEqual(
      direct.alternatives.map((a) => ({
        tier: a.tier,
        dueDate: a.dueDate === null ? null : fromDay(a.dueDate),
        jobs: a.jobs!.map((j) => ({
          id: j.id,
          seq: j.seq,
          start: j.allocations.length ? fromDay(j.allocations[0]!.day) : null,
          end: j.allocations.length ? fromDay(j.allocations[j.allocations.length - 1]!.day) : null,
          allocations: j.allocations.map((x) => ({ date: fromDay(x.day), hours: apiHours(x.minutes) })),
        })),
      })),
    );
    expect(api.alternatives.every((a) => a.dueDate === null || a.jobs.length > 0)).toBe(true);
    expect(api.frozenJobs).toEqual(direct.frozenJobs);
    expect(api.requiredApprovals.map((r) => [r.lane, r.role, r.rule, r.measured, r.threshold])).toEqual(
      direct.requiredApprovals.map((r) => [r.lane, r.role, r.rule, r.measured, r.threshold]),
    );
    expect(api.jobs.map((j) => [j.id, j.seq, Math.round(j.hours * 60)])).toEqual(direct.jobs.map((j) => [j.id, j.seq, j.minutes]));
    expect(api.impact!.hoursDelta * 60).toBeCloseTo(direct.impact!.minutesDelta, 1);
    expect(api.impact!.costDelta.total).toBe((direct.impact!.costDelta.totalCents / 100).toFixed(2));
    expect(api.alternatives.map((a) => a.tier)).toEqual(['AUTO', 'MANAGER', 'OVERTIME']);
  });

  it('reports each touched bucket with its capacity and its capacity including overtime', async () => {
    const rep = await as(server.url, 'SALES_REP');
    const { previewChangeOrder: p } = await rep.data<{
      previewChangeOrder: { impact: { buckets: { workCenterId: string; capacityHours: number; overtimeCapacityHours: number }[] } };
    }>(`query($input: ChangeOrderInput!) { previewChangeOrder(input: $input) { impact { buckets { workCenterId capacityHours overtimeCapacityHours } } } }`, {
      input: { orderId: order.id, quantity: Math.ceil(order.quantity * 1.5) },
    });
    const overtime = new Map(
      (await sql<{ id: string; minutes: number }>(server.databaseUrl, 'select id, overtime_minutes_per_day as minutes from work_center')).map((w) => [w.id, w.minutes]),
    );
    const working = p.impact.buckets.filter((b) => b.capacityHours > 0);
    expect(working.length).toBeGreaterThan(0);
    expect(working.some((b) => overtime.get(b.workCenterId)! > 0)).toBe(true);
    for (const b of working) expect(b.overtimeCapacityHours).toBeCloseTo(b.capacityHours + overtime.get(b.workCenterId)! / 60, 2);
  });

  it('writes nothing', async () => {
    const rep = await as(server.url, 'SALES_REP');
    const before = await sql(server.databaseUrl, 'select (select count(*) from allocation) a, (select sum(minutes) from allocation) m, (select event_seq from plant limit 1) s');
    await rep.data(PREVIEW, { input: { orderId: order.id, quantity: order.quantity * 3 } });
    expect(await sql(server.databaseUrl, 'select (select count(*) from allocation) a, (select sum(minutes) from allocation) m, (select event_seq from plant limit 1) s')).toEqual(before);
  });

  it('answers an impossible date with INFEASIBLE and three capable-to-promise alternatives', async () => {
    const rep = await as(server.url, 'SALES_REP');
    const tomorrow = new Date(suiteNow().getTime() + 86_400_000).toISOString().slice(0, 10);
    const { previewChangeOrder: p } = await rep.data<{ previewChangeOrder: Preview }>(PREVIEW, {
      input: { orderId: order.id, quantity: order.quantity * 4, dueDate: tomorrow },
    });
    expect(p.tier).toBe('INFEASIBLE');
    expect(p.alternatives).toHaveLength(3);
    expect(p.alternatives.every((a) => a.dueDate !== null && a.dueDate > tomorrow)).toBe(true);
    expect(p.impact).toBeNull();
  });

  it('previews a new order for a customer', async () => {
    const rep = await as(server.url, 'SALES_REP');
    const [customer] = await sql<{ id: string }>(server.databaseUrl, 'select id from customer limit 1');
    const due = new Date(suiteNow().getTime() + 60 * 86_400_000).toISOString().slice(0, 10);
    const { previewChangeOrder: p } = await rep.data<{ previewChangeOrder: Preview }>(PREVIEW, {
      input: { newOrder: { customerId: customer!.id, productId: order.product_id, quantity: 10, dueDate: due } },
    });
    expect(p.kinds).toEqual(['NEW_ORDER']);
    expect(p.jobs.length).toBeGreaterThanOrEqual(2);
    expect(p.jobs.every((j) => j.end <= due)).toBe(true);
  });

  it('refuses invalid input with BAD_USER_INPUT and a message a rep understands', async () => {
    const rep = await as(server.url, 'SALES_REP');
    const [foreignOption] = await sql<{ id: string }>(server.databaseUrl, 'select id from product_option where product_id <> $1 limit 1', [order.product_id]);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ orderId: order.id, quantity: -5 }, /quantity/i],
      [{ orderId: order.id, quantity: 0 }, /quantity/i],
      [{ orderId: '00000000-0000-4000-8000-000000000000', quantity: 5 }, /does not exist/],
      [{ orderId: 'SO-10001', quantity: 5 }, /does not exist/],
      [{ orderId: order.id, dueDate: '2020-01-01' }, /past/i],
      [{ orderId: order.id, optionIds: [foreignOption!.id] }, /option|offer/i],
      [{ quantity: 5 }, /order/i],
    ];
    for (const [input, message] of cases) {
      const res = await rep.request(PREVIEW, { input });
      expect(code(res), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message, JSON.stringify(input)).toMatch(message);
    }
    const badDate = await rep.request(PREVIEW, { input: { orderId: order.id, dueDate: '2027-02-30' } });
    expect(code(badDate)).toBe('BAD_USER_INPUT');
  });

  it('lets only planners and managers preview a job move', async () => {
    const [job] = await sql<{ id: string }>(server.databaseUrl, 'select id from job where order_id = $1 order by seq limit 1', [order.id]);
    const start = new Date(suiteNow().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const input = { orderId: order.id, moveJob: { jobId: job!.id, startDate: start } };
    expect(code(await (await as(server.url, 'SALES_REP')).request(PREVIEW, { input }))).toBe('FORBIDDEN');
    const planner = await as(server.url, 'PLANNER');
    const res = await planner.request<{ previewChangeOrder: Preview }>(PREVIEW, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data!.previewChangeOrder.kinds).toContain('MOVE_JOB');
  });
});
