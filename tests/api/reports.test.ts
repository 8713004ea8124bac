import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { code, signIn } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { buildPlant, todayUtc, workingDay, type FactoryPlant } from '../support/factories.ts';
import { decide, escalate, ok, propose, reject } from '../support/change-orders.ts';
import { openDatabase } from '../../server/src/db/orm.ts';
import { capacityReport, type CapacityReportRow, type Granularity } from '../../server/src/modules/report/report.service.ts';

let server: TestServer;
let plant: FactoryPlant;
const today = todayUtc();
const horizon = workingDay(today, 40);

beforeAll(async () => {
  server = await startServer();
  // A seeded scenario: one change order down each path, so every figure has something to count.
  plant = await buildPlant(server.databaseUrl, {
    fillerMinutes: 380,
    fillerDays: 15,
    orders: { A: { quantity: 1, dueInWorkingDays: 25 }, B: { quantity: 1, dueInWorkingDays: 9 }, C: { quantity: 1, dueInWorkingDays: 9 } },
  });
  const rep = await signIn(server.url, plant.users.SALES_REP);
  const ops = await signIn(server.url, plant.users.OPS_MANAGER);
  const boss = await signIn(server.url, plant.users.PLANT_MANAGER);
  ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: 2 })); // AUTO → APPLIED
  const b = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder; // MANAGER
  ok(await decide(ops, 'approve', b));
  const c = ok(await propose(rep, { orderId: plant.orders.C!.id, quantity: 2, unitPrice: '70.00' })).proposeChangeOrder; // MANAGER + ACCOUNTING
  const rejected = ok(await reject(ops, c, 'No room')).rejectChangeOrder;
  const escalated = ok(await escalate(rep, rejected, 'Key account')).escalateChangeOrder;
  ok(await decide(boss, 'approve', escalated));
  ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: 40, dueDate: workingDay(today, 5) })); // INFEASIBLE
  const w = ok(await propose(rep, { orderId: plant.orders.C!.id, quantity: 3 })).proposeChangeOrder;
  ok(await decide(rep, 'withdraw', w));
});
afterAll(async () => {
  await server?.stop();
});

const CAPACITY = `query($p: ID!, $f: Date!, $t: Date!, $g: Granularity!) { capacityReport(plantId: $p, from: $f, to: $t, granularity: $g) {
  workCenterCode periodStart capacityHours overtimeHours loadHours overtimeUsedHours utilization } }`;
const CO_REPORT = `query($p: ID!, $f: Date!, $t: Date!) { changeOrderReport(plantId: $p, from: $f, to: $t) {
  total byStatus { key count } byTier { key count } byLane { key count } autoApprovalRate medianHoursToDecision p90HoursToDecision
  escalations slaEscalations costDelta revenueDelta ruleCounts { rule count } decisionsByApprover { approver { email } approved rejected } } }`;

describe('capacityReport', () => {
  it('matches capacity and load computed independently from the raw rows, per week', async () => {
    const ops = await signIn(server.url, plant.users.OPS_MANAGER);
    const { capacityReport } = ok(await ops.request<{ capacityReport: { periodStart: string; capacityHours: number; overtimeHours: number; loadHours: number; overtimeUsedHours: number; utilization: number }[] }>(
      CAPACITY, { p: plant.plantId, f: today, t: horizon, g: 'WEEK' }));
    const allocations = await sql<{ date: string; minutes: number }>(server.databaseUrl,
      'select date::text as date, sum(minutes)::int as minutes from allocation where plant_id = $1 and date between $2 and $3 group by 1', [plant.plantId, today, horizon]);
    const expected = new Map<string, { capacity: number; overtime: number; load: number; over: number }>();
    for (let d = new Date(`${today}T00:00:00Z`); d.toISOString().slice(0, 10) <= horizon; d.setUTCDate(d.getUTCDate() + 1)) {
      const date = d.toISOString().slice(0, 10);
      const monday = new Date(d);
      monday.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      const week = monday.toISOString().slice(0, 10) < today ? today : monday.toISOString().slice(0, 10);
      const working = d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
      const load = allocations.find((a) => a.date === date)?.minutes ?? 0;
      const row = expected.get(week) ?? { capacity: 0, overtime: 0, load: 0, over: 0 };
      row.capacity += working ? 480 : 0;
      row.overtime += working ? 120 : 0;
      row.load += load;
      row.over += Math.max(0, load - (working ? 480 : 0));
      expected.set(week, row);
    }
    expect(capacityReport.map((r) => r.periodStart)).toEqual([...expected.keys()]);
    for (const r of capacityReport) {
      const e = expected.get(r.periodStart)!;
      expect([r.capacityHours, r.overtimeHours, r.loadHours, r.overtimeUsedHours]).toEqual([e.capacity / 60, e.overtime / 60, e.load / 60, e.over / 60].map((h) => Math.round(h * 10_000) / 10_000));
      expect(r.utilization).toBeCloseTo(e.capacity ? e.load / e.capacity : 0, 4);
    }
    expect(capacityReport.some((r) => r.utilization > 0.75)).toBe(true);
  });

  it('rolls days up into months and days without losing load', async () => {
    const ops = await signIn(server.url, plant.users.OPS_MANAGER);
    const sum = async (g: string) => ok(await ops.request<{ capacityReport: { loadHours: number }[] }>(CAPACITY, { p: plant.plantId, f: today, t: horizon, g })).capacityReport.reduce((s, r) => s + r.loadHours, 0);
    const [day, week, month] = [await sum('DAY'), await sum('WEEK'), await sum('MONTH')];
    expect(day).toBeGreaterThan(0);
    // hours are rounded to 4 decimals per row, so sums agree to the hundredth
    expect(week).toBeCloseTo(day, 2);
    expect(month).toBeCloseTo(day, 2);
  });

  it('equals a day-by-day sum of the raw calendar, exceptions and allocations, by day, week and month, for all or some work centers', async () => {
    // the demo plant: seven work centers with their own week, a plant holiday, a maintenance day
    const [{ id: demo }] = (await sql<{ id: string }>(server.databaseUrl, `select plant_id as id from work_center group by 1 order by count(*) desc limit 1`)) as [{ id: string }];
    const centers = await sql<{ id: string; code: string; sort: number; weekly: number[]; overtime: number }>(server.databaseUrl,
      'select id, code, sort, weekly_minutes as weekly, overtime_minutes_per_day as overtime from work_center where plant_id = $1 order by sort, code', [demo]);
    const from = workingDay(today, 1);
    const to = workingDay(today, 80);
    // a Saturday shift on one work center: an exception that adds a working day (and its overtime)
    const saturday = new Date(`${from}T00:00:00Z`);
    saturday.setUTCDate(saturday.getUTCDate() + ((6 - saturday.getUTCDay() + 7) % 7) + 7);
    await sql(server.databaseUrl, `insert into work_center_exception (work_center_id, date, minutes, reason) values ($1, $2, 240, 'Saturday shift')`,
      [centers[1]!.id, saturday.toISOString().slice(0, 10)]);
    const exceptions = await sql<{ wc: string; date: string; minutes: number }>(server.databaseUrl,
      `select work_center_id as wc, date::text as date, minutes from work_center_exception where date between $1 and $2`, [from, to]);
    expect(exceptions.filter((e) => e.minutes === 0).length).toBeGreaterThan(0); // the holiday or the maintenance day is in range
    const load = await sql<{ wc: string; date: string; minutes: number }>(server.databaseUrl,
      `select work_center_id as wc, date::text as date, sum(minutes)::int as minutes from allocation where plant_id = $1 and date between $2 and $3 group by 1, 2`, [demo, from, to]);

    const periodOf = (date: string, g: Granularity) => {
      const d = new Date(`${date}T00:00:00Z`);
      if (g === 'WEEK') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      if (g === 'MONTH') d.setUTCDate(1);
      const start = d.toISOString().slice(0, 10);
      return start < from ? from : start;
    };
    const expected = (g: Granularity, ids: Set<string>) => {
      const rows = new Map<string, CapacityReportRow>();
      for (const wc of centers.filter((c) => ids.has(c.id)))
        for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
          const date = d.toISOString().slice(0, 10);
          const capacity = exceptions.find((e) => e.wc === wc.id && e.date === date)?.minutes ?? wc.weekly[d.getUTCDay()]!;
          const minutes = load.find((l) => l.wc === wc.id && l.date === date)?.minutes ?? 0;
          const key = `${wc.id} ${periodOf(date, g)}`;
          const row = rows.get(key) ?? { workCenterId: wc.id, workCenterCode: wc.code, periodStart: periodOf(date, g), capacityMinutes: 0, overtimeMinutes: 0, loadMinutes: 0, overtimeUsedMinutes: 0 };
          row.capacityMinutes += capacity;
          row.overtimeMinutes += capacity > 0 ? wc.overtime : 0;
          row.loadMinutes += minutes;
          row.overtimeUsedMinutes += Math.max(0, minutes - capacity);
          rows.set(key, row);
        }
      return [...rows.values()];
    };
    const orm = await openDatabase(server.databaseUrl);
    try {
      const some = [centers[1]!.id, centers[3]!.id];
      for (const g of ['DAY', 'WEEK', 'MONTH'] as const) {
        expect(await capacityReport(orm.em.fork(), demo, from, to, g, null)).toEqual(expected(g, new Set(centers.map((c) => c.id))));
        expect(await capacityReport(orm.em.fork(), demo, from, to, g, some)).toEqual(expected(g, new Set(some)));
      }
    } finally {
      await orm.close();
    }
  });

  it('refuses a range over two years with BAD_USER_INPUT', async () => {
    const ops = await signIn(server.url, plant.users.OPS_MANAGER);
    const res = await ops.request(CAPACITY, { p: plant.plantId, f: '2026-01-01', t: '2028-06-01', g: 'DAY' });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/at most 731/);
  });
});

describe('changeOrderReport', () => {
  it('matches the figures computed independently from the raw change orders, audit and billing rows', async () => {
    const ops = await signIn(server.url, plant.users.OPS_MANAGER);
    const { changeOrderReport: r } = ok(await ops.request<{ changeOrderReport: Record<string, unknown> & { byStatus: { key: string; count: number }[]; ruleCounts: { rule: string; count: number }[]; decisionsByApprover: { approver: { email: string }; approved: number; rejected: number }[] } }>(
      CO_REPORT, { p: plant.plantId, f: today, t: today }));
    const cos = await sql<{ id: string; status: string; tier: string; created_at: Date; evaluation: { requiredApprovals: { rule: string }[] } }>(
      server.databaseUrl, 'select id, status, tier, created_at, evaluation from change_order where plant_id = $1', [plant.plantId]);
    const audit = await sql<{ entity_id: string; action: string; to_status: string | null; created_at: Date; actor_id: string | null }>(
      server.databaseUrl, `select entity_id, action, to_status, created_at, actor_id from audit_event where plant_id = $1 and entity_type = 'ChangeOrder' order by id`, [plant.plantId]);
    const billing = await sql<{ price_delta_cents: string; cost_delta_cents: string }>(server.databaseUrl, 'select price_delta_cents, cost_delta_cents from billing_adjustment where plant_id = $1', [plant.plantId]);

    expect(r.total).toBe(cos.length);
    expect(r.total).toBe(5);
    const countBy = (key: (c: (typeof cos)[number]) => string) => [...cos.reduce((m, c) => m.set(key(c), (m.get(key(c)) ?? 0) + 1), new Map<string, number>())].map(([k, n]) => ({ key: k, count: n })).sort((a, b) => a.key.localeCompare(b.key));
    expect(r.byStatus).toEqual(countBy((c) => c.status));
    expect(r.byTier).toEqual(countBy((c) => c.tier));
    const auto = cos.filter((c) => c.status === 'APPLIED' && !audit.some((a) => a.entity_id === c.id && a.action === 'APPROVED')).length;
    expect(r.autoApprovalRate).toBeCloseTo(auto / cos.length, 4);
    expect(r.escalations).toBe(audit.filter((a) => a.action === 'ESCALATED').length);
    expect(r.escalations).toBe(1);
    expect(r.slaEscalations).toBe(0);
    expect(r.revenueDelta).toBe((billing.reduce((s, b) => s + Number(b.price_delta_cents), 0) / 100).toFixed(2));
    expect(r.costDelta).toBe((billing.reduce((s, b) => s + Number(b.cost_delta_cents), 0) / 100).toFixed(2));
    const rules = new Map<string, number>();
    for (const c of cos) for (const rule of new Set(c.evaluation.requiredApprovals.map((x) => x.rule))) rules.set(rule, (rules.get(rule) ?? 0) + 1);
    expect(Object.fromEntries(r.ruleCounts.map((x) => [x.rule, x.count]))).toEqual(Object.fromEntries(rules));
    const hours = cos.flatMap((c) => {
      const final = audit.find((a) => a.entity_id === c.id && ['APPLIED', 'REJECTED', 'CLOSED', 'WITHDRAWN', 'INFEASIBLE'].includes(a.to_status ?? '') && a.action !== 'COMMENTED');
      return final ? [(new Date(final.created_at).getTime() - new Date(c.created_at).getTime()) / 3_600_000] : [];
    }).sort((a, b) => a - b);
    const percentile = (p: number) => { const i = (hours.length - 1) * p; const lo = Math.floor(i); return hours[lo]! + (hours[Math.ceil(i)]! - hours[lo]!) * (i - lo); };
    expect(r.medianHoursToDecision).toBeCloseTo(Math.round(percentile(0.5) * 100) / 100, 2);
    expect(r.p90HoursToDecision).toBeCloseTo(Math.round(percentile(0.9) * 100) / 100, 2);
    const byEmail = Object.fromEntries(r.decisionsByApprover.map((d) => [d.approver.email, [d.approved, d.rejected]]));
    expect(byEmail[plant.users.OPS_MANAGER]).toEqual([1, 1]);
    expect(byEmail[plant.users.PLANT_MANAGER]).toEqual([1, 0]);
  });

  it('is not for sales reps', async () => {
    const rep = await signIn(server.url, plant.users.SALES_REP);
    expect(code(await rep.request(CO_REPORT, { p: plant.plantId, f: today, t: today }))).toBe('FORBIDDEN');
  });
});
