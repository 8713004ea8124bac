import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { changeOrderScenario, decide, ok, ORDER_A, ORDER_B, propose } from '../support/change-orders.ts';
import type { ApiClient } from '../support/api.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Entry {
  id: string;
  action: string;
  entityLabel: string;
  orderId: string | null;
  orderNumber: string | null;
  customerName: string | null;
  rules: string[];
}

const AUDIT = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    nodes { id action entityLabel orderId orderNumber customerName rules }
    endCursor hasNextPage
  }
}`;

async function audit(c: ApiClient, filter: Record<string, unknown>, first = 100, after: string | null = null) {
  const res = await c.request<{ auditEvents: { nodes: Entry[]; endCursor: string | null; hasNextPage: boolean } }>(AUDIT, { filter, first, after });
  expect(res.errors).toBeUndefined();
  return res.data!.auditEvents;
}

describe('the audit trail as people read it', () => {
  it('names change orders by number with their order and customer, filters by order, customer, rule and words, newest first on request', async () => {
    const { plant, as } = await changeOrderScenario(server, { A: ORDER_A, B: ORDER_B });
    const rep = await as('SALES_REP');
    const applied = ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: 2 }, 'Kestrel wants one more')).proposeChangeOrder;
    const pending = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const ops = await as('OPS_MANAGER');
    ok(await decide(ops, 'approve', pending));

    const all = await audit(ops, { entityType: 'ChangeOrder' });
    expect(all.nodes.map((e) => e.entityLabel)).toEqual(expect.arrayContaining([applied.number, pending.number]));
    expect(all.nodes.every((e) => /^CO-\d+$/.test(e.entityLabel))).toBe(true);
    const proposedB = all.nodes.find((e) => e.entityLabel === pending.number && e.action === 'PROPOSED')!;
    expect(proposedB.orderId).toBe(plant.orders.B!.id);
    expect(proposedB.orderNumber).toMatch(/\S/);
    expect(proposedB.customerName).toMatch(/\S/);
    expect(proposedB.rules).toEqual(['CAPACITY_MANAGER']);

    const byOrder = await audit(ops, { orderId: plant.orders.A!.id });
    expect(new Set(byOrder.nodes.map((e) => e.entityLabel))).toEqual(new Set([applied.number]));
    expect((await audit(ops, { customerId: plant.customerId })).nodes.length).toBe(all.nodes.length);
    expect((await audit(ops, { customerId: '00000000-0000-4000-8000-000000000000' })).nodes).toEqual([]);

    const byRule = await audit(ops, { rule: 'CAPACITY_MANAGER' });
    expect(byRule.nodes.length).toBeGreaterThan(0);
    expect(byRule.nodes.every((e) => e.entityLabel === pending.number && e.rules.includes('CAPACITY_MANAGER'))).toBe(true);

    const words = await audit(ops, { search: 'kestrel WANTS' });
    expect(words.nodes.map((e) => [e.entityLabel, e.action])).toEqual([[applied.number, 'PROPOSED']]);
    expect((await audit(ops, { search: pending.number })).nodes.every((e) => e.entityLabel === pending.number)).toBe(true);
    expect((await audit(ops, { search: '100%_' })).nodes).toEqual([]);

    // Newest first, paged with the same cursor contract, is the reverse of oldest first.
    const newest: Entry[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await audit(ops, { entityType: 'ChangeOrder', newestFirst: true }, 2, after);
      newest.push(...page.nodes);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(newest.map((e) => e.id)).toEqual(all.nodes.map((e) => e.id).reverse());

    // The evaluation each decision was made on, for one entry.
    const one = await ops.request<{ auditEvents: { nodes: { id: string; evaluation: { tier: string; requiredApprovals: { rule: string }[] } | null }[] } }>(
      `query($filter: AuditEventFilter) { auditEvents(filter: $filter) { nodes { id evaluation { tier requiredApprovals { rule } } } } }`,
      { filter: { id: proposedB.id } },
    );
    expect(one.errors).toBeUndefined();
    expect(one.data!.auditEvents.nodes).toEqual([{ id: proposedB.id, evaluation: { tier: 'MANAGER', requiredApprovals: [{ rule: 'CAPACITY_MANAGER' }] } }]);
  });
});
