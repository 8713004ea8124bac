import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api.ts';
import { code } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { changeOrderScenario, decide, escalate, ok, ORDER_A, ORDER_B, propose, reject, type CO } from '../support/change-orders.ts';

// Disputes with the data attached (docs/product.md §5.5): the plant manager's view of an escalated
// change order, checked against numbers this test computes itself from the raw rows, and the
// decision's record of what the approver saw.

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const DISPUTE = `dispute {
  buckets { workCenterId date loadBeforeHours loadAfterHours }
  competingOrders { orderNumber customerName customerTier dueDate projectedFinish atRisk hours workCenterCodes }
  customer { name tier orders ordersAtRisk changeOrdersProposed changeOrdersApplied changeOrdersRejected }
  margin { before after beforePct afterPct }
  similarDecisions { number status tier kinds orderNumber customerName sameCustomer sharedWorkCenterCodes atRisk late }
}`;

interface Dispute {
  buckets: { workCenterId: string; date: string; loadBeforeHours: number; loadAfterHours: number }[];
  competingOrders: { orderNumber: string; customerName: string; dueDate: string; projectedFinish: string | null; atRisk: boolean; hours: number; workCenterCodes: string[] }[];
  customer: { name: string; tier: string; orders: number; ordersAtRisk: number; changeOrdersProposed: number; changeOrdersApplied: number; changeOrdersRejected: number } | null;
  margin: { before: string; after: string; beforePct: number | null; afterPct: number | null } | null;
  similarDecisions: { number: string; status: string; tier: string; kinds: string[]; sameCustomer: boolean; sharedWorkCenterCodes: string[]; atRisk: boolean; late: boolean }[];
}

const disputeOf = async (c: ApiClient, id: string) =>
  ok(await c.request<{ changeOrder: { dispute: Dispute | null; evaluation: { impact: { marginBefore: string; marginAfter: string } } } }>(
    `query($id: ID!) { changeOrder(id: $id) { evaluation { impact { marginBefore marginAfter } } ${DISPUTE} } }`, { id },
  )).changeOrder;

const approveSeeing = (c: ApiClient, co: { id: string; version: number }, seen: string[]) =>
  c.request<{ approveChangeOrder: { status: string; history: { action: string; disputeSeen: string[] }[] } }>(
    `mutation($id: ID!, $v: Int!, $seen: [DisputeFact!]) { approveChangeOrder(id: $id, expectedVersion: $v, seen: $seen) { status history { action disputeSeen } } }`,
    { id: co.id, v: co.version, seen },
  );

/** Rounds minutes to hours as the API does (4 decimals). */
const hours = (minutes: number) => Math.round((minutes / 60) * 10_000) / 10_000;

describe('disputes with the data attached', () => {
  it('shows the plant manager the competing orders, the customer history, margin and similar decisions of an escalated change, and records what was seen', async () => {
    const { plant, as } = await changeOrderScenario(server, { A: ORDER_A, B: ORDER_B });
    const rep = await as('SALES_REP');
    const ops = await as('OPS_MANAGER');
    const pm = await as('PLANT_MANAGER');

    // History: one change applied at once, one rejected and withdrawn (a similar decision), then the dispute.
    expect(ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: 2 })).proposeChangeOrder.status).toBe('APPLIED');
    const earlier = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const earlierRejected = ok(await reject(ops, earlier, 'Not this week')).rejectChangeOrder;
    expect(ok(await decide(rep, 'withdraw', earlierRejected)).withdrawChangeOrder!.status).toBe('WITHDRAWN');

    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    expect(co.tier).toBe('MANAGER');
    const rejected = ok(await reject(ops, co, 'Line is full that week')).rejectChangeOrder;
    // A rejection alone is no dispute yet: the ops manager's word stands until someone escalates.
    expect((await disputeOf(pm, co.id)).dispute).toBeNull();
    const escalated: CO = ok(await escalate(rep, rejected, 'Penalty clause: we must ship')).escalateChangeOrder;
    expect(escalated.approvals).toMatchObject([{ requiredRole: 'PLANT_MANAGER', status: 'PENDING' }]);

    const view = await disputeOf(pm, co.id);
    const dispute = view.dispute!;
    expect(dispute).not.toBeNull();

    // The raw rows, read straight from the tables.
    const [stored] = await sql<{ evaluation: { impact: { buckets: { workCenterId: string; day: number; loadBeforeMinutes: number; loadAfterMinutes: number }[] } } }>(
      server.databaseUrl, 'select evaluation from change_order where id = $1', [co.id]);
    const raised = stored!.evaluation.impact.buckets.filter((b) => b.loadAfterMinutes > b.loadBeforeMinutes);
    expect(raised.length).toBeGreaterThan(0);
    expect(dispute.buckets).toHaveLength(raised.length);
    const contested = new Set(dispute.buckets.map((b) => `${b.workCenterId}|${b.date}`));
    const allocations = await sql<{ work_center_id: string; date: string; minutes: number; order_id: string; number: string; due_date: string; at_risk: boolean; code: string; customer: string }>(
      server.databaseUrl,
      `select a.work_center_id, a.date::text, a.minutes, o.id as order_id, o.number, o.due_date::text, o.at_risk, wc.code, cu.name as customer
         from allocation a join job j on j.id = a.job_id join sales_order o on o.id = j.order_id
         join work_center wc on wc.id = a.work_center_id join customer cu on cu.id = o.customer_id where a.plant_id = $1`,
      [plant.plantId]);
    const expected = new Map<string, { orderNumber: string; customerName: string; dueDate: string; atRisk: boolean; minutes: number }>();
    for (const a of allocations) {
      if (a.order_id === plant.orders.B!.id || !contested.has(`${a.work_center_id}|${a.date}`)) continue;
      const e = expected.get(a.number) ?? { orderNumber: a.number, customerName: a.customer, dueDate: a.due_date, atRisk: a.at_risk, minutes: 0 };
      e.minutes += a.minutes;
      expected.set(a.number, e);
    }
    expect(expected.size).toBeGreaterThan(0);
    expect(dispute.competingOrders.map((o) => ({ orderNumber: o.orderNumber, customerName: o.customerName, dueDate: o.dueDate, atRisk: o.atRisk, hours: o.hours })).sort((x, y) => x.orderNumber.localeCompare(y.orderNumber)))
      .toEqual([...expected.values()].map(({ minutes, ...e }) => ({ ...e, hours: hours(minutes) })).sort((x, y) => x.orderNumber.localeCompare(y.orderNumber)));

    // The customer's history: its orders, and its other change orders of the last 90 days by status.
    const orders = await sql<{ at_risk: boolean }>(server.databaseUrl, 'select at_risk from sales_order where customer_id = $1', [plant.customerId]);
    const others = (await sql<{ id: string; status: string }>(server.databaseUrl,
      `select id, status from change_order where customer_id = $1 and created_at >= now() - interval '90 days'`, [plant.customerId])).filter((c) => c.id !== co.id);
    expect(dispute.customer).toEqual({
      name: 'Acme', tier: 'STANDARD', orders: orders.length, ordersAtRisk: orders.filter((o) => o.at_risk).length,
      changeOrdersProposed: others.length, changeOrdersApplied: others.filter((c) => c.status === 'APPLIED').length,
      changeOrdersRejected: others.filter((c) => c.status === 'REJECTED').length,
    });
    expect(dispute.customer!.changeOrdersProposed).toBe(2);

    // Margin: the evaluation's.
    expect(dispute.margin).toMatchObject({ before: view.evaluation.impact.marginBefore, after: view.evaluation.impact.marginAfter });

    // Similar decisions: the earlier withdrawn change of the same tier and kind, not the AUTO one.
    expect(dispute.similarDecisions).toEqual([
      expect.objectContaining({ number: earlier.number, status: 'WITHDRAWN', tier: 'MANAGER', kinds: ['QUANTITY'], sameCustomer: true, sharedWorkCenterCodes: ['CELL'] }),
    ]);

    // Anyone who may read the change order may read what it is about.
    expect((await disputeOf(rep, co.id)).dispute).not.toBeNull();

    // The decision records the parts the approver saw, with their numbers as at the decision.
    const approved = ok(await approveSeeing(pm, escalated, ['COMPETING_ORDERS', 'CUSTOMER_HISTORY', 'COMPETING_ORDERS'])).approveChangeOrder;
    expect(approved.status).toBe('APPLIED');
    expect(approved.history.find((h) => h.action === 'APPROVED' && h.disputeSeen.length)?.disputeSeen).toEqual(['COMPETING_ORDERS', 'CUSTOMER_HISTORY']);
    expect(approved.history.filter((h) => h.action !== 'APPROVED').every((h) => h.disputeSeen.length === 0)).toBe(true);
    const [audit] = await sql<{ data: { disputeSeen: { facts: string[]; data: Record<string, unknown> } } }>(server.databaseUrl,
      `select data from audit_event where entity_id = $1 and action = 'APPROVED' and data ? 'disputeSeen'`, [co.id]);
    expect(Object.keys(audit!.data.disputeSeen.data).sort()).toEqual(['competingOrders', 'customer']);
    expect((audit!.data.disputeSeen.data.competingOrders as { orderNumber: string }[]).map((o) => o.orderNumber).sort()).toEqual([...expected.keys()].sort());
  });

  it('refuses a record of a dispute seen on a change order that is in none', async () => {
    const { plant, as } = await changeOrderScenario(server, { B: ORDER_B });
    const co = ok(await propose(await as('SALES_REP'), { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const ops = await as('OPS_MANAGER');
    expect((await disputeOf(ops, co.id)).dispute).toBeNull();
    const res = await approveSeeing(ops, co, ['MARGIN']);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/not in dispute/);
    expect(ok(await approveSeeing(ops, co, [])).approveChangeOrder.status).toBe('APPLIED');
  });
});
