import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, startServer, type TestServer } from '../support/server.ts';
import { code, signIn, ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { todayUtc, type FactoryRole } from '../support/factories.ts';
import { changeOrderScenario, counter, decide, escalate, ok, ORDER_A, ORDER_B, propose, reject, respond } from '../support/change-orders.ts';
import { signatureOf, WebhookReceiver, type Received } from '../support/webhook-receiver.ts';
import { verify } from '../../server/src/modules/webhook/webhook.signature.ts';

let server: TestServer;
const receiver = new WebhookReceiver();
beforeAll(async () => {
  await receiver.start();
  server = await startServer({ env: { TAKT_WEBHOOK_POLL_MS: '50', TAKT_WEBHOOK_BACKOFF_MS: '50' } });
});
afterAll(async () => {
  await server?.stop();
  await receiver.stop();
});

interface Note {
  id: string;
  kind: string;
  message: string;
  actions: string[];
  readAt: string | null;
  changeOrder: { id: string; number: string } | null;
}

/**
 * The workflow scenario of change-orders.test.ts (15 working days at 79%, A in open capacity, B in
 * the tight weeks), with the plant's ADMIN subscribing a webhook on the local receiver.
 */
async function scenario() {
  const { plant, as } = await changeOrderScenario(server, { A: ORDER_A, B: ORDER_B }, { oneSessionPerRole: true });
  const admin = await as('ADMIN');
  const { createWebhook } = ok(await admin.request<{ createWebhook: { secret: string; webhook: { id: string } } }>(
    'mutation($url: String!) { createWebhook(url: $url) { secret webhook { id } } }', { url: `${receiver.url}/plant/${plant.plantId}` }));
  /** Notifications of a role about one change order, oldest first. */
  const notes = async (role: FactoryRole, coId: string, client?: ApiClient) =>
    ok(await (client ?? (await as(role))).request<{ notifications: { nodes: Note[] } }>(
      '{ notifications(first: 100) { nodes { id kind message actions readAt changeOrder { id number } } } }')).notifications.nodes
      .filter((n) => n.changeOrder?.id === coId).reverse();
  /** Waits until the receiver has exactly `events` for the change order, and checks each signature. */
  const webhooks = async (coId: string, events: string[]): Promise<Received[]> => {
    const mine = (all: Received[]) => all.filter((r) => r.body.plantId === plant.plantId && r.body.changeOrder.id === coId);
    await receiver.waitFor((all) => mine(all).length >= events.length);
    await new Promise((r) => setTimeout(r, 150)); // nothing more arrives
    const got = mine(receiver.received);
    // Deliveries run concurrently and retry independently, so arrival order is not promised
    // (receivers order by `occurredAt`); each expected event must arrive exactly once.
    expect(got.map((r) => r.body.event).sort()).toEqual([...events].sort());
    for (const r of got) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['x-takt-delivery']).toBe(r.body.id);
      expect(verify(createWebhook.secret, r.raw, signatureOf(r))).toBe(true);
      expect(verify(`${createWebhook.secret}x`, r.raw, signatureOf(r))).toBe(false);
    }
    return got;
  };
  return { plant, as, notes, webhooks, secret: createWebhook.secret };
}

const kinds = (notes: Note[]) => notes.map((n) => n.kind);

describe('notifications and webhooks on every path of the change-order lifecycle', () => {
  it('auto-approved and applied: accounting hears of the billing adjustment; the webhook gets proposed and applied', async () => {
    const { plant, notes, webhooks } = await scenario();
    const co = ok(await propose(await signIn(server.url, plant.users.SALES_REP), { orderId: plant.orders.A!.id, quantity: 2 })).proposeChangeOrder;
    expect(co.status).toBe('APPLIED');
    expect(await notes('SALES_REP', co.id)).toEqual([]); // their own action
    expect(await notes('OPS_MANAGER', co.id)).toEqual([]); // nothing to decide
    const [billing] = await notes('ACCOUNTING', co.id);
    expect(billing).toMatchObject({ kind: 'BILLING_ADJUSTMENT', actions: ['PROPOSED', 'APPLIED'], readAt: null });
    expect(billing!.message).toMatch(new RegExp(`^${co.number} was applied to SO-\\d+: price \\+100\\.00, cost \\+\\d+\\.\\d\\d.*billing adjustment was recorded\\.$`));
    const got = await webhooks(co.id, ['change_order.proposed', 'change_order.applied']);
    const applied = got.find((r) => r.body.event === 'change_order.applied')!;
    expect(applied.body).toMatchObject({
      plantId: plant.plantId,
      changeOrder: { id: co.id, number: co.number, action: 'APPLIED', fromStatus: 'AUTO_APPROVED', status: 'APPLIED', priceDelta: '100.00', proposer: { email: plant.users.SALES_REP } },
    });
    expect(Date.parse(applied.body.occurredAt)).not.toBeNaN();
  });

  it('pending → approved → applied: both capacity deciders are asked, the proposer hears the outcome', async () => {
    const { plant, as, notes, webhooks } = await scenario();
    const co = ok(await propose(await as('SALES_REP'), { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const [ask] = await notes('OPS_MANAGER', co.id);
    expect(ask!.kind).toBe('DECISION_NEEDED');
    expect(ask!.message).toContain(`${co.number} needs your decision in the capacity lane: ${plant.names.SALES_REP} proposed quantity on SO-`);
    expect(ask!.message).toMatch(/quantity 2, due \d{4}-\d\d-\d\d; ops manager approval, price \+100\.00, cost \+\d+\.\d\d\. CELL on .* > 80% auto-approve limit/);
    expect(kinds(await notes('PLANT_MANAGER', co.id))).toEqual(['DECISION_NEEDED']); // a higher role satisfies the tier
    expect(await notes('QUALITY', co.id)).toEqual([]);
    expect(await notes('SALES_REP', co.id)).toEqual([]);

    ok(await decide(await as('OPS_MANAGER'), 'approve', co, 'Fine'));
    const [outcome] = await notes('SALES_REP', co.id);
    expect(outcome).toMatchObject({ kind: 'CHANGE_ORDER_UPDATED', actions: ['APPROVED', 'ALL_APPROVED', 'APPLIED'] });
    expect(outcome!.message).toMatch(new RegExp(`^${co.number}: ${plant.names.OPS_MANAGER} approved the capacity lane; applied to the schedule \\(SO-\\d+\\)\\.$`));
    expect(kinds(await notes('OPS_MANAGER', co.id))).toEqual(['DECISION_NEEDED']); // not told of their own approval
    await webhooks(co.id, ['change_order.proposed', 'change_order.approved', 'change_order.all_approved', 'change_order.applied']);
  });

  it('rejected → escalated → approved: the proposer hears the reason, only the plant manager is asked again', async () => {
    const { plant, as, notes, webhooks } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const rejected = ok(await reject(await as('OPS_MANAGER'), co, 'Line is full that week')).rejectChangeOrder;
    expect((await notes('SALES_REP', co.id)).map((n) => n.message)).toEqual([
      `${co.number}: ${plant.names.OPS_MANAGER} rejected it in the capacity lane: “Line is full that week”.`,
    ]);
    const escalated = ok(await escalate(rep, rejected, 'Strategic customer')).escalateChangeOrder;
    const pm = await notes('PLANT_MANAGER', co.id);
    expect(kinds(pm)).toEqual(['DECISION_NEEDED', 'DECISION_NEEDED']);
    expect(pm[1]!.message).toContain(`${co.number} needs your decision in the capacity lane: ${plant.names.SALES_REP} escalated it after a rejection “Strategic customer”`);
    expect(kinds(await notes('OPS_MANAGER', co.id))).toEqual(['DECISION_NEEDED']); // the escalated tier is above them
    ok(await decide(await as('PLANT_MANAGER'), 'approve', escalated));
    expect((await notes('SALES_REP', co.id)).map((n) => n.message)[1]).toMatch(new RegExp(`^${co.number}: ${plant.names.PLANT_MANAGER} approved the capacity lane; applied`));
    await webhooks(co.id, ['change_order.proposed', 'change_order.rejected', 'change_order.escalated', 'change_order.approved', 'change_order.all_approved', 'change_order.applied']);
  });

  it('counter-proposal accepted: the proposer sees the alternative, the counter-proposer hears the answer', async () => {
    const { plant, as, notes, webhooks } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const date = co.evaluation.alternatives.find((a) => a.tier === 'AUTO')!.dueDate!;
    const countered = ok(await counter(await as('OPS_MANAGER'), co, { orderId: plant.orders.B!.id, quantity: 2, dueDate: date }, `Take ${date}`)).counterProposeChangeOrder;
    expect((await notes('SALES_REP', co.id))[0]!.message).toBe(
      `${co.number}: ${plant.names.OPS_MANAGER} offers an alternative (quantity 2, due ${date}): “Take ${date}” — accept or decline it.`,
    );
    // The plant manager could have decided it; it no longer waits for them.
    expect(kinds(await notes('PLANT_MANAGER', co.id))).toEqual(['DECISION_NEEDED', 'NO_LONGER_NEEDED']);
    ok(await respond(rep, countered, true, 'Customer agrees'));
    const answer = (await notes('OPS_MANAGER', co.id)).at(-1)!;
    expect(answer.kind).toBe('COUNTER_PROPOSAL_ANSWERED');
    expect(answer.message).toMatch(new RegExp(`^${co.number}: ${plant.names.SALES_REP} accepted the counter-proposal; applied to the schedule`));
    await webhooks(co.id, ['change_order.proposed', 'change_order.counter_proposed', 'change_order.counter_accepted', 'change_order.applied']);
  });

  it('counter-proposal declined: the counter-proposer hears it is closed', async () => {
    const { plant, as, notes, webhooks } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const date = co.evaluation.alternatives.find((a) => a.tier === 'AUTO')!.dueDate!;
    const countered = ok(await counter(await as('OPS_MANAGER'), co, { orderId: plant.orders.B!.id, quantity: 2, dueDate: date }, 'Later')).counterProposeChangeOrder;
    ok(await respond(rep, countered, false, 'Customer cannot wait'));
    expect((await notes('OPS_MANAGER', co.id)).at(-1)).toMatchObject({
      kind: 'COUNTER_PROPOSAL_ANSWERED',
      message: `${co.number}: ${plant.names.SALES_REP} declined the counter-proposal: “Customer cannot wait”; it is closed.`,
    });
    const got = await webhooks(co.id, ['change_order.proposed', 'change_order.counter_proposed', 'change_order.counter_declined']);
    const declined = got.find((r) => r.body.event === 'change_order.counter_declined')!;
    expect(declined.body.changeOrder).toMatchObject({ status: 'CLOSED', fromStatus: 'COUNTER_PROPOSED', comment: 'Customer cannot wait' });
  });

  it('withdrawn: whoever it waited for hears that it no longer does', async () => {
    const { plant, as, notes, webhooks } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    ok(await decide(rep, 'withdraw', co, 'Customer changed mind'));
    for (const role of ['OPS_MANAGER', 'PLANT_MANAGER'] as const) {
      expect((await notes(role, co.id)).at(-1)).toMatchObject({
        kind: 'NO_LONGER_NEEDED',
        message: `${co.number} no longer waits for your decision: ${plant.names.SALES_REP} withdrew it: “Customer changed mind”.`,
      });
    }
    expect(await notes('SALES_REP', co.id)).toEqual([]);
    await webhooks(co.id, ['change_order.proposed', 'change_order.withdrawn']);
  });

  it('multi-lane: every lane is asked (a delegate too), the proposer sees what is still waiting after each approval', async () => {
    const { plant, as, notes, webhooks } = await scenario();
    // Quality is out of office: rep2 decides for them today.
    await sql(server.databaseUrl, 'insert into delegation (user_id, delegate_id, starts_on, ends_on) values ($1, $2, $3::date, $3::date + 3)', [
      plant.userIds.QUALITY, plant.userIds.SALES_REP_2, todayUtc(),
    ]);
    const co = ok(await propose(await as('SALES_REP'), { orderId: plant.orders.B!.id, quantity: 2, unitPrice: '75.00', optionIds: [plant.reviewOptionId] })).proposeChangeOrder;
    expect((await notes('ACCOUNTING', co.id))[0]!.message).toMatch(new RegExp(`^${co.number} needs your decision in the accounting lane: .*Margin after the change is`));
    expect((await notes('QUALITY', co.id))[0]!.message).toMatch(/needs your decision in the quality lane: .*requires a quality review/);
    expect((await notes('SALES_REP_2', co.id))[0]!.message).toContain(`in the quality lane (as delegate of ${plant.names.QUALITY}):`);
    expect((await notes('PLANT_MANAGER', co.id))[0]!.message).toContain('in the capacity lane:'); // not accounting or quality

    let current = ok(await decide(await as('OPS_MANAGER'), 'approve', co)).approveChangeOrder!;
    current = ok(await decide(await as('ACCOUNTING'), 'approve', current)).approveChangeOrder!;
    current = ok(await decide(await as('SALES_REP_2'), 'approve', current)).approveChangeOrder!;
    expect(current.status).toBe('APPLIED');
    expect((await notes('SALES_REP', co.id)).map((n) => n.message)).toEqual([
      `${co.number}: ${plant.names.OPS_MANAGER} approved the capacity lane; waiting for accounting and quality.`,
      `${co.number}: ${plant.names.ACCOUNTING} approved the accounting lane; waiting for quality.`,
      expect.stringMatching(new RegExp(`^${co.number}: ${plant.names.SALES_REP_2} approved the quality lane; applied to the schedule`)),
    ]);
    expect(kinds(await notes('ACCOUNTING', co.id))).toEqual(['DECISION_NEEDED', 'BILLING_ADJUSTMENT']);
    await webhooks(co.id, ['change_order.proposed', 'change_order.approved', 'change_order.approved', 'change_order.approved', 'change_order.all_approved', 'change_order.applied']);
  });

  it('SLA escalation: nine hours later the plant manager is asked and the proposer told, with no actor', { timeout: 90_000 }, async () => {
    const { plant, as, notes, webhooks } = await scenario();
    const co = ok(await propose(await as('SALES_REP'), { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    // A second process on the same database whose clock runs nine hours ahead (policy SLA: 8 h).
    const later = await spawnServer({ DATABASE_URL: server.databaseUrl, TAKT_DEMO: '0', TAKT_CLOCK_OFFSET_MS: String(9 * 3_600_000), TAKT_SLA_SWEEP_MS: '100', TAKT_WEBHOOK_POLL_MS: '50' });
    try {
      const got = await webhooks(co.id, ['change_order.proposed', 'change_order.sla_escalated']);
      expect(got.find((r) => r.body.event === 'change_order.sla_escalated')!.body.changeOrder).toMatchObject({ action: 'SLA_ESCALATED', fromStatus: 'PENDING', status: 'PENDING', actor: null });
    } finally {
      await later.stop();
    }
    // Nine hours on, the sessions opened before had ended by the later clock (idle timeout), and
    // its retention sweep removed them: read as people who signed in again.
    const again = (role: FactoryRole) => signIn(server.url, plant.users[role]);
    expect((await notes('SALES_REP', co.id, await again('SALES_REP'))).map((n) => n.message)).toEqual([
      `${co.number}: it waited longer than the approval SLA and went up to the plant manager; waiting for the plant manager (capacity).`,
    ]);
    const pm = await notes('PLANT_MANAGER', co.id, await again('PLANT_MANAGER'));
    expect(kinds(pm)).toEqual(['DECISION_NEEDED', 'DECISION_NEEDED']);
    expect(pm[1]!.message).toMatch(new RegExp(`^${co.number} needs your decision in the capacity lane: it waited longer than the approval SLA\\.`));
    expect(kinds(await notes('OPS_MANAGER', co.id, await again('OPS_MANAGER')))).toEqual(['DECISION_NEEDED']);
  });
});

describe('reading notifications', () => {
  it('pages newest first, counts unread and marks read only my own', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const quality = await as('QUALITY');
    for (const body of ['one', 'two', 'three']) ok(await quality.request('mutation($id: ID!, $b: String!) { commentOnChangeOrder(id: $id, body: $b) { id } }', { id: co.id, b: body }));
    const count = async (c: ApiClient) => ok(await c.request<{ unreadNotificationCount: number }>('{ unreadNotificationCount }')).unreadNotificationCount;
    expect(await count(rep)).toBe(3);
    const page = async (after: string | null, unreadOnly = false) => ok(await rep.request<{ notifications: { nodes: Note[]; endCursor: string; hasNextPage: boolean } }>(
      'query($a: String, $u: Boolean) { notifications(first: 2, after: $a, unreadOnly: $u) { nodes { id kind message actions readAt changeOrder { id number } } endCursor hasNextPage } }', { a: after, u: unreadOnly })).notifications;
    const first = await page(null);
    expect(first.nodes.map((n) => n.message)).toEqual([`${co.number}: ${plant.names.QUALITY} commented: “three”.`, `${co.number}: ${plant.names.QUALITY} commented: “two”.`]);
    expect(first.hasNextPage).toBe(true);
    const second = await page(first.endCursor);
    expect(second.nodes.map((n) => n.message)).toEqual([`${co.number}: ${plant.names.QUALITY} commented: “one”.`]);
    expect(second.hasNextPage).toBe(false);

    // Someone else's ids are ignored; mine flip once.
    const opsNote = ok(await (await as('OPS_MANAGER')).request<{ notifications: { nodes: { id: string }[] } }>('{ notifications { nodes { id } } }')).notifications.nodes[0]!.id;
    const mark = (c: ApiClient, vars: Record<string, unknown>) => c.request<{ markNotificationsRead: number }>('mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }', vars);
    expect(ok(await mark(rep, { ids: [first.nodes[0]!.id, opsNote] })).markNotificationsRead).toBe(1);
    expect(ok(await mark(rep, { ids: [first.nodes[0]!.id] })).markNotificationsRead).toBe(0);
    expect(await count(rep)).toBe(2);
    expect((await page(null, true)).nodes.map((n) => n.message.split('“')[1])).toEqual(['two”.', 'one”.']);
    expect(ok(await mark(rep, { all: true })).markNotificationsRead).toBe(2);
    expect(await count(rep)).toBe(0);
    expect(await count(await as('OPS_MANAGER'))).toBe(1);
    expect(code(await mark(rep, {}))).toBe('BAD_USER_INPUT');
    expect(code(await rep.request('{ notifications(first: 1000) { hasNextPage } }'))).toBe('BAD_USER_INPUT');
    expect(code(await rep.request('{ notifications(after: "garbage") { hasNextPage } }'))).toBe('BAD_USER_INPUT');
  });

  it('needs a signed-in user; every human role may read its own', async () => {
    expect(code(await new ApiClient(server.url).request('{ unreadNotificationCount }'))).toBe('UNAUTHENTICATED');
    const { as } = await scenario();
    expect(ok(await (await as('ADMIN')).request<{ unreadNotificationCount: number }>('{ unreadNotificationCount }')).unreadNotificationCount).toBe(0);
  });

  it('writes nothing when the transition rolls back', async () => {
    const { plant, as } = await scenario();
    const co = ok(await propose(await as('SALES_REP'), { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    expect(code(await decide(await as('OPS_MANAGER'), 'approve', { id: co.id, version: co.version + 5 }))).toBe('CONFLICT');
    const [row] = await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from notification where change_order_id = $1', [co.id]);
    expect(row!.n).toBe(2); // the two capacity deciders, from the proposal only
    const [out] = await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from webhook_delivery where body::jsonb #>> \'{changeOrder,id}\' = $1', [co.id]);
    expect(out!.n).toBe(1);
  });
});
