import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import type { ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { changeOrderScenario, decide, escalate, ok, propose, reject } from '../support/change-orders.ts';
import { todayUtc, workingDay, type FactoryPlant, type FactoryRole } from '../support/factories.ts';

// The outcome analytics of changeOrderReport (docs/reports.md "Outcomes"), recomputed here from
// the raw rows — change orders, their verdicts, approvals, audit entries, orders and jobs — with
// this file's own reading of the definitions, and compared with what the API says.

const OUTCOMES = `query($p: ID!, $f: Date!, $t: Date!) { changeOrderReport(plantId: $p, from: $f, to: $t) { outcomes {
  bands { scopeLabel fromPct toPct autoApproved autoLaterLateOrAtRisk managerTier managerApplied rejected }
  overturnedRejections { scopeLabel rejected escalated overturned }
  timeToDecisionByLane { lane decisions medianHours p90Hours }
  suggestions } } }`;

interface Outcomes {
  bands: { scopeLabel: string; fromPct: number; toPct: number; autoApproved: number; autoLaterLateOrAtRisk: number; managerTier: number; managerApplied: number; rejected: number }[];
  overturnedRejections: { scopeLabel: string; rejected: number; escalated: number; overturned: number }[];
  timeToDecisionByLane: { lane: string; decisions: number; medianHours: number | null; p90Hours: number | null }[];
  suggestions: string[];
}

let server: TestServer;
let plant: FactoryPlant;
let asRole: (role: FactoryRole) => Promise<ApiClient>;

beforeAll(async () => {
  server = await startServer();
  ({ plant, as: asRole } = await changeOrderScenario(server, {}));
});
afterAll(async () => {
  await server?.stop();
});

const newOrder = (dueInWorkingDays: number, quantity = 1) => ({
  newOrder: { customerId: plant.customerId, productId: plant.productId, quantity, dueDate: workingDay(todayUtc(), dueInWorkingDays) },
});

/** Percentile as PostgreSQL's percentile_cont computes it (linear between the neighbours). */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const at = p * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

describe('changeOrderReport outcomes', () => {
  it('match the analytics recomputed from the raw rows', async () => {
    const rep = await asRole('SALES_REP');
    const ops = await asRole('OPS_MANAGER');
    const boss = await asRole('PLANT_MANAGER');
    // Into open capacity (after the filled weeks): auto-approved and applied.
    const autos = [];
    for (let i = 0; i < 3; i++) autos.push(ok(await propose(rep, newOrder(30 + i))).proposeChangeOrder);
    // Into the filled weeks: the ops manager's tier. One approved, one rejected and overturned above, one rejected for good.
    const approved = ok(await propose(rep, newOrder(8))).proposeChangeOrder;
    ok(await decide(ops, 'approve', approved));
    const disputed = ok(await propose(rep, newOrder(9))).proposeChangeOrder;
    const rejected = ok(await reject(ops, disputed, 'the cell is full')).rejectChangeOrder;
    const escalated = ok(await escalate(rep, rejected, 'key account, please look again')).escalateChangeOrder;
    ok(await decide(boss, 'approve', escalated));
    const refused = ok(await propose(rep, newOrder(10))).proposeChangeOrder;
    ok(await reject(ops, refused, 'no'));
    // The floor later puts the first auto-approved order at risk.
    await sql(server.databaseUrl, `update sales_order set at_risk = true where id = (select order_id from change_order where id = $1)`, [autos[0]!.id]);

    const today = todayUtc();
    const { outcomes } = ok(await ops.request<{ changeOrderReport: { outcomes: Outcomes } }>(OUTCOMES, { p: plant.plantId, f: today, t: today })).changeOrderReport;

    // The raw rows.
    const cos = await sql<{ id: string; status: string; tier: string; evaluation: { orderId: string; impact: { buckets: { loadBeforeMinutes: number; loadAfterMinutes: number; utilizationAfterPct: number }[] } | null }; order_id: string | null; created_at: Date }>(
      server.databaseUrl, `select id, status, tier, evaluation, order_id, created_at from change_order where plant_id = $1`, [plant.plantId]);
    const approvals = await sql<{ change_order_id: string; lane: string; decided_at: Date | null }>(
      server.databaseUrl, `select a.change_order_id, a.lane, a.decided_at from change_order_approval a join change_order co on co.id = a.change_order_id where co.plant_id = $1`, [plant.plantId]);
    const audit = await sql<{ entity_id: string; action: string; to_status: string | null; id: string }>(
      server.databaseUrl, `select entity_id, action, to_status, id from audit_event where plant_id = $1 and entity_type = 'ChangeOrder' order by id`, [plant.plantId]);
    const orders = await sql<{ id: string; at_risk: boolean; due_date: string; last_end: string | null }>(
      server.databaseUrl, `select o.id, o.at_risk, o.due_date::text, (select max(end_date)::text from job j where j.order_id = o.id) as last_end from sales_order o where o.plant_id = $1`, [plant.plantId]);
    expect(cos).toHaveLength(6);

    const expectedBands = new Map<number, Outcomes['bands'][number]>();
    const overturned = { scopeLabel: 'plant', rejected: 0, escalated: 0, overturned: 0 };
    for (const co of cos) {
      const events = audit.filter((e) => e.entity_id === co.id);
      const firstRejection = events.findIndex((e) => e.to_status === 'REJECTED');
      const wasRejected = firstRejection >= 0;
      const escalatedAfter = wasRejected && events.slice(firstRejection + 1).some((e) => e.action === 'ESCALATED' || e.action === 'SLA_ESCALATED');
      if (wasRejected) {
        overturned.rejected++;
        if (escalatedAfter) overturned.escalated++;
        if (escalatedAfter && co.status === 'APPLIED') overturned.overturned++;
      }
      const raised = (co.evaluation.impact?.buckets ?? []).filter((b) => b.loadAfterMinutes > b.loadBeforeMinutes);
      if (raised.length === 0) continue;
      const top = Math.max(...raised.map((b) => b.utilizationAfterPct));
      const from = Math.max(0, Math.ceil(top / 5) - 1) * 5;
      const band = expectedBands.get(from) ?? { scopeLabel: 'plant', fromPct: from, toPct: from + 5, autoApproved: 0, autoLaterLateOrAtRisk: 0, managerTier: 0, managerApplied: 0, rejected: 0 };
      const order = orders.find((o) => o.id === (co.order_id ?? co.evaluation.orderId));
      const auto = co.status === 'APPLIED' && !approvals.some((a) => a.change_order_id === co.id);
      if (auto) {
        band.autoApproved++;
        if (order && (order.at_risk || (order.last_end !== null && order.last_end > order.due_date))) band.autoLaterLateOrAtRisk++;
      }
      if (co.tier === 'MANAGER') {
        band.managerTier++;
        if (co.status === 'APPLIED') band.managerApplied++;
      }
      if (wasRejected) band.rejected++;
      expectedBands.set(from, band);
    }
    expect(outcomes.bands).toEqual([...expectedBands.values()].sort((a, b) => a.fromPct - b.fromPct));
    expect(outcomes.overturnedRejections).toEqual([overturned]);
    expect(overturned).toEqual({ scopeLabel: 'plant', rejected: 2, escalated: 1, overturned: 1 });
    expect(outcomes.bands.reduce((s, b) => s + b.autoApproved, 0)).toBe(3);
    expect(outcomes.bands.reduce((s, b) => s + b.autoLaterLateOrAtRisk, 0)).toBe(1);

    const byLane = new Map<string, number[]>();
    for (const a of approvals) {
      if (a.decided_at === null) continue;
      const co = cos.find((c) => c.id === a.change_order_id)!;
      byLane.set(a.lane, [...(byLane.get(a.lane) ?? []), (a.decided_at.getTime() - co.created_at.getTime()) / 3_600_000]);
    }
    const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    expect(outcomes.timeToDecisionByLane).toEqual(
      [...byLane].sort(([a], [b]) => a.localeCompare(b)).map(([lane, hours]) => {
        const sorted = [...hours].sort((x, y) => x - y);
        return { lane, decisions: hours.length, medianHours: round2(percentile(sorted, 0.5)), p90Hours: round2(percentile(sorted, 0.9)) };
      }),
    );
    // Three examples support no suggestion (at least five are needed).
    expect(outcomes.suggestions).toEqual([]);
  });
});
