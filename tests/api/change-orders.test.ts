import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { code } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { todayUtc, type FactoryRole } from '../support/factories.ts';
import { changeOrderScenario, counter, decide, escalate, getCo, ok, ORDER_A, ORDER_B, propose, reject, respond } from '../support/change-orders.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/** The workflow scenario: order A in open capacity, B in the tight weeks (see changeOrderScenario). */
const scenario = () => changeOrderScenario(server, { A: ORDER_A, B: ORDER_B });

const orderRow = (id: string) => sql<{ quantity: number; due_date: string; unit_price_cents: string; version: number }>(server.databaseUrl, 'select quantity, due_date::text, unit_price_cents, version from sales_order where id = $1', [id]);
const jobMinutes = async (orderId: string) => Number((await sql<{ m: string }>(server.databaseUrl, 'select coalesce(sum(a.minutes), 0) as m from allocation a join job j on j.id = a.job_id where j.order_id = $1', [orderId]))[0]!.m);

describe('the change-order lifecycle', () => {
  it('applies a change into open capacity at once: AUTO_APPROVED then APPLIED, with audit and board events', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: 2 }, 'Customer needs one more')).proposeChangeOrder;
    expect(co.status).toBe('APPLIED');
    expect(co.tier).toBe('AUTO');
    expect(co.approvals).toEqual([]);
    expect(co.history.map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([
      ['PROPOSED', null, 'AUTO_APPROVED'],
      ['APPLIED', 'AUTO_APPROVED', 'APPLIED'],
    ]);
    expect(co.comments).toEqual([{ author: { email: plant.users.SALES_REP }, body: 'Customer needs one more' }]);
    expect((await orderRow(plant.orders.A!.id))[0]!.quantity).toBe(2);
    expect(await jobMinutes(plant.orders.A!.id)).toBe(120);
    const events = await sql<{ type: string }>(server.databaseUrl, 'select type from board_event where plant_id = $1 order by seq', [plant.plantId]);
    expect(events.map((e) => e.type)).toEqual(['CHANGE_ORDER_UPDATED', 'SCHEDULE_CHANGED', 'CHANGE_ORDER_UPDATED']);
  });

  it('routes a change above 80% utilization to the ops manager, who approves it: PENDING → APPLIED', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    expect(co.status).toBe('PENDING');
    expect(co.tier).toBe('MANAGER');
    expect(co.approvals).toMatchObject([{ lane: 'CAPACITY', requiredRole: 'OPS_MANAGER', status: 'PENDING' }]);
    expect(co.evaluation.requiredApprovals).toMatchObject([{ lane: 'CAPACITY', role: 'OPS_MANAGER', rule: 'CAPACITY_MANAGER' }]);
    expect(await jobMinutes(plant.orders.B!.id)).toBe(60);

    const own = await decide(rep, 'approve', co);
    expect(code(own)).toBe('FORBIDDEN');
    expect(own.errors![0]!.message).toMatch(/You proposed/);
    const rep2 = await decide(await as('SALES_REP_2'), 'approve', co);
    expect(code(rep2)).toBe('FORBIDDEN');
    const quality = await decide(await as('QUALITY'), 'approve', co);
    expect(code(quality)).toBe('FORBIDDEN');
    expect(quality.errors![0]!.message).toMatch(/waits for the ops manager \(capacity\); you \(quality\) cannot decide it/);

    const ops = await as('OPS_MANAGER');
    const stale = await decide(ops, 'approve', { id: co.id, version: co.version - 1 });
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.extensions!.currentVersion).toBe(co.version);
    const approved = ok(await decide(ops, 'approve', co, 'Fine, we have room')).approveChangeOrder!;
    expect(approved.status).toBe('APPLIED');
    expect(approved.approvals).toMatchObject([{ status: 'GRANTED', decidedBy: { email: plant.users.OPS_MANAGER } }]);
    expect(await jobMinutes(plant.orders.B!.id)).toBe(120);
    const again = await decide(ops, 'approve', approved);
    expect(code(again)).toBe('CONFLICT');
    expect(again.errors![0]!.message).toMatch(/applied/);
  });

  it('sends a rejection up the chain once: REJECTED → escalated → approved by the plant manager', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const ops = await as('OPS_MANAGER');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    expect(code(await reject(ops, co, '   '))).toBe('BAD_USER_INPUT');
    const rejected = ok(await reject(ops, co, 'Line is full that week')).rejectChangeOrder;
    expect(rejected).toMatchObject({ status: 'REJECTED', statusReason: 'Line is full that week' });
    expect(code(await escalate(await as('SALES_REP_2'), rejected, 'please'))).toBe('FORBIDDEN');
    const escalated = ok(await escalate(rep, rejected, 'Strategic customer, penalty clause')).escalateChangeOrder;
    expect(escalated.status).toBe('PENDING');
    expect(escalated.approvals).toMatchObject([{ lane: 'CAPACITY', requiredRole: 'PLANT_MANAGER', status: 'PENDING', escalations: 1 }]);
    expect(code(await decide(ops, 'approve', escalated))).toBe('FORBIDDEN');
    const plantManager = await as('PLANT_MANAGER');
    const applied = ok(await decide(plantManager, 'approve', escalated)).approveChangeOrder!;
    expect(applied.status).toBe('APPLIED');
    expect(applied.history.map((h) => h.action)).toEqual(['PROPOSED', 'REJECTED', 'ESCALATED', 'APPROVED', 'ALL_APPROVED', 'APPLIED']);
  });

  it("refuses to escalate past the plant manager: the top of the chain's rejection is final", async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const rejected = ok(await reject(await as('OPS_MANAGER'), co, 'No')).rejectChangeOrder;
    const escalated = ok(await escalate(rep, rejected, 'Please reconsider')).escalateChangeOrder;
    const final = ok(await reject(await as('PLANT_MANAGER'), escalated, 'Still no')).rejectChangeOrder;
    const res = await escalate(rep, final, 'Once more');
    expect(code(res)).toBe('FORBIDDEN');
    expect(res.errors![0]!.message).toMatch(/top of the chain/);
  });

  it('applies an accepted counter-proposal that needs no more authority than its author holds', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const autoDate = co.evaluation.alternatives.find((a) => a.tier === 'AUTO')!.dueDate!;
    const ops = await as('OPS_MANAGER');
    const countered = ok(await counter(ops, co, { orderId: plant.orders.B!.id, quantity: 2, dueDate: autoDate }, `Take ${autoDate}: no approval needed`)).counterProposeChangeOrder;
    expect(countered.status).toBe('COUNTER_PROPOSED');
    expect(countered.counterProposal).toMatchObject({ by: { email: plant.users.OPS_MANAGER }, evaluation: { tier: 'AUTO', terms: { dueDate: autoDate } } });
    expect(code(await respond(await as('SALES_REP_2'), countered, true))).toBe('FORBIDDEN');
    const accepted = ok(await respond(rep, countered, true, 'Customer agrees')).respondToCounterProposal;
    expect(accepted.status).toBe('APPLIED');
    const [order] = await orderRow(plant.orders.B!.id);
    expect(order).toMatchObject({ quantity: 2, due_date: autoDate });
  });

  it('closes a declined counter-proposal and applies nothing', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const later = co.evaluation.alternatives.find((a) => a.tier === 'AUTO')!.dueDate!;
    const countered = ok(await counter(await as('OPS_MANAGER'), co, { orderId: plant.orders.B!.id, quantity: 2, dueDate: later }, 'Later')).counterProposeChangeOrder;
    const closed = ok(await respond(rep, countered, false, 'Customer cannot wait')).respondToCounterProposal;
    expect(closed).toMatchObject({ status: 'CLOSED', statusReason: 'Customer cannot wait' });
    expect((await orderRow(plant.orders.B!.id))[0]!.quantity).toBe(1);
  });

  it('lets only the proposer withdraw, and nobody decide it afterwards', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    expect(code(await decide(await as('SALES_REP_2'), 'withdraw', co))).toBe('FORBIDDEN');
    const withdrawn = ok(await decide(rep, 'withdraw', co, 'Customer changed mind')).withdrawChangeOrder!;
    expect(withdrawn.status).toBe('WITHDRAWN');
    const late = await decide(await as('OPS_MANAGER'), 'approve', withdrawn);
    expect(code(late)).toBe('CONFLICT');
    expect(late.errors![0]!.message).toMatch(/withdrawn/);
  });

  it('needs every lane: capacity, accounting (margin) and quality (reviewed option), then writes a billing adjustment', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2, unitPrice: '75.00', optionIds: [plant.reviewOptionId] })).proposeChangeOrder;
    expect(co.status).toBe('PENDING');
    expect(co.approvals.map((a) => [a.lane, a.requiredRole]).sort()).toEqual([['ACCOUNTING', 'ACCOUNTING'], ['CAPACITY', 'OPS_MANAGER'], ['QUALITY', 'QUALITY']]);
    expect(co.evaluation.requiredApprovals.map((r) => r.rule).sort()).toEqual(['CAPACITY_MANAGER', 'MIN_MARGIN', 'REVIEW_REQUIRED']);
    let current = ok(await decide(await as('OPS_MANAGER'), 'approve', co)).approveChangeOrder!;
    expect(current.status).toBe('PENDING');
    current = ok(await decide(await as('ACCOUNTING'), 'approve', current)).approveChangeOrder!;
    expect(current.status).toBe('PENDING');
    current = ok(await decide(await as('QUALITY'), 'approve', current)).approveChangeOrder!;
    expect(current.status).toBe('APPLIED');
    const [billing] = await sql<{ price_delta_cents: string; cost_delta_cents: string }>(server.databaseUrl, 'select price_delta_cents, cost_delta_cents from billing_adjustment where change_order_id = $1', [co.id]);
    expect(Number(billing!.price_delta_cents)).toBe(2 * 7500 - 10_000);
    expect(Number(billing!.cost_delta_cents)).toBeGreaterThan(0);
  });

  it('records an impossible date as INFEASIBLE with three alternatives and applies nothing', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 30 })).proposeChangeOrder;
    expect(co.status).toBe('INFEASIBLE');
    expect(co.evaluation.alternatives.map((a) => a.tier)).toEqual(['AUTO', 'MANAGER', 'OVERTIME']);
    expect(co.evaluation.alternatives.every((a) => a.dueDate !== null)).toBe(true);
    expect(co.statusReason).toBeTruthy();
    expect((await orderRow(plant.orders.B!.id))[0]!.quantity).toBe(1);
    expect(code(await decide(await as('OPS_MANAGER'), 'approve', co))).toBe('CONFLICT');
  });

  it('needs the plant manager for overtime and adds the premium to cost', async () => {
    const { plant, as } = await scenario();
    const co = ok(await propose(await as('SALES_REP'), { orderId: plant.orders.B!.id, quantity: 10 })).proposeChangeOrder;
    expect(co.tier).toBe('OVERTIME');
    expect(co.approvals).toMatchObject([{ lane: 'CAPACITY', requiredRole: 'PLANT_MANAGER' }]);
    expect(Number(co.evaluation.impact!.costDelta.overtimePremium)).toBeGreaterThan(0);
    expect(co.evaluation.requiredApprovals.map((r) => r.rule)).toContain('OVERTIME');
    expect(code(await decide(await as('OPS_MANAGER'), 'approve', co))).toBe('FORBIDDEN');
    expect(ok(await decide(await as('PLANT_MANAGER'), 'approve', co)).approveChangeOrder!.status).toBe('APPLIED');
  });

  it('lets a planner move a job, evaluated like a change order', async () => {
    const { plant, as } = await scenario();
    const planner = await as('PLANNER');
    // 40 days from the plant's today (the servers' clock, not the database's current_date)
    const monday = new Date(Date.parse(`${todayUtc()}T00:00:00Z`) + 40 * 86_400_000);
    while (monday.getUTCDay() !== 1) monday.setUTCDate(monday.getUTCDate() + 1);
    const res = await planner.request<{ moveJob: { status: string; kinds: string[] } }>(
      'mutation($j: ID!, $d: Date!) { moveJob(jobId: $j, startDate: $d, comment: "balance the line") { status kinds } }',
      { j: plant.orders.A!.jobId, d: monday.toISOString().slice(0, 10) },
    );
    expect(ok(res).moveJob.kinds).toContain('MOVE_JOB');
    const rep = await as('SALES_REP');
    expect(code(await rep.request('mutation($j: ID!) { moveJob(jobId: $j, startDate: "2030-01-07") { id } }', { j: plant.orders.A!.jobId }))).toBe('FORBIDDEN');
  });

  it('shows each approver exactly what waits for them in the inbox', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 10 })).proposeChangeOrder;
    const inbox = async (role: FactoryRole) => ok(await (await as(role)).request<{ approvalInbox: { id: string }[] }>('{ approvalInbox { id } }')).approvalInbox.map((c) => c.id);
    expect(await inbox('PLANT_MANAGER')).toContain(co.id);
    expect(await inbox('OPS_MANAGER')).not.toContain(co.id);
    expect(await inbox('ACCOUNTING')).not.toContain(co.id);
  });

  it("keeps in an approver's inbox what waits for them behind 600 older change orders waiting for someone else", async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const forPlantManager = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 10 })).proposeChangeOrder;
    // 600 older copies waiting for the plant manager (more than one inbox page of 500)
    await sql(server.databaseUrl,
      `insert into change_order (plant_id, number, status, proposer_id, order_id, customer_id, kinds, request, evaluation, tier, policy_version, created_at)
       select plant_id, 'OLD-' || n, status, proposer_id, order_id, customer_id, kinds, request, evaluation, tier, policy_version, created_at - n * interval '1 second'
         from change_order, generate_series(1, 600) n where id = $1`, [forPlantManager.id]);
    await sql(server.databaseUrl,
      `insert into change_order_approval (change_order_id, lane, required_role, status)
       select co.id, 'CAPACITY', 'PLANT_MANAGER', 'PENDING' from change_order co where co.plant_id = $1 and co.number like 'OLD-%'`, [plant.plantId]);
    const forOps = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    expect(forOps.approvals).toMatchObject([{ lane: 'CAPACITY', requiredRole: 'OPS_MANAGER', status: 'PENDING' }]);
    const inbox = ok(await (await as('OPS_MANAGER')).request<{ approvalInbox: { id: string }[] }>('{ approvalInbox { id } }')).approvalInbox;
    expect(inbox.map((c) => c.id)).toEqual([forOps.id]);
  });

  it('pages through change orders with filters and a cursor', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    for (let q = 2; q <= 4; q++) ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: q }));
    const page = async (after: string | null) =>
      ok(await rep.request<{ changeOrders: { nodes: { number: string; status: string }[]; endCursor: string; hasNextPage: boolean } }>(
        'query($a: String) { changeOrders(first: 2, after: $a, filter: { status: [APPLIED] }) { nodes { number status } endCursor hasNextPage } }', { a: after })).changeOrders;
    const first = await page(null);
    expect(first.nodes).toHaveLength(2);
    expect(first.hasNextPage).toBe(true);
    const second = await page(first.endCursor);
    expect(second.nodes).toHaveLength(1);
    expect(second.hasNextPage).toBe(false);
    expect(new Set([...first.nodes, ...second.nodes].map((n) => n.number)).size).toBe(3);
    expect(code(await rep.request('{ changeOrders(first: 1000) { hasNextPage } }'))).toBe('BAD_USER_INPUT');
    expect(code(await rep.request('{ changeOrders(after: "garbage") { hasNextPage } }'))).toBe('BAD_USER_INPUT');
  });

  it('keeps comments and history on the change order, readable by anyone in the plant', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const quality = await as('QUALITY');
    ok(await quality.request('mutation($id: ID!) { commentOnChangeOrder(id: $id, body: "No spec impact") { id } }', { id: co.id }));
    const read = ok(await getCo(await as('ACCOUNTING'), co.id)).changeOrder;
    expect(read.comments).toEqual([{ author: { email: plant.users.QUALITY }, body: 'No spec impact' }]);
    expect(read.history.map((h) => h.action)).toEqual(['PROPOSED', 'COMMENTED']);
    expect(read.version).toBe(co.version);
  });
});
