import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { code } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { changeOrderScenario, confirm, decide, getCo, ok, ORDER_B, propose } from '../support/change-orders.ts';
import { workingDay, todayUtc } from '../support/factories.ts';

/**
 * Issue 16 items 3 and 4: a change is decided on what its proposer and its approvers saw. A
 * proposal names the order version it was made from; a pending one whose order changed goes back
 * to its proposer; a grant covers the plan the approver decided on, not every plan their role could.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const orderRow = async (id: string) =>
  (await sql<{ quantity: number; due_date: string; version: number }>(server.databaseUrl, 'select quantity, due_date::text, version from sales_order where id = $1', [id]))[0]!;

interface Note { kind: string; message: string; changeOrder: { id: string } | null }

describe('lost updates on orders', () => {
  it('refuses a proposal made from an older version of the order with CONFLICT, never reverting the newer terms', async () => {
    // Order A in open capacity: its changes apply at once.
    const { plant, as } = await changeOrderScenario(server, { A: { quantity: 5, dueInWorkingDays: 40 } });
    const orderId = plant.orders.A!.id;
    const rep = await as('SALES_REP');
    const rep2 = await as('SALES_REP_2');
    // Both reps read the order: quantity 5, version 1.
    const read = ok(await rep.request<{ order: { quantity: number; version: number } }>('query($id: ID!) { order(id: $id) { quantity version } }', { id: orderId })).order;
    expect(read).toEqual({ quantity: 5, version: 1 });

    const first = ok(await propose(rep2, { orderId, quantity: 7, expectedOrderVersion: read.version })).proposeChangeOrder;
    expect(first.status).toBe('APPLIED');
    expect(await orderRow(orderId)).toMatchObject({ quantity: 7, version: 2 });

    // rep, still working from quantity 5, sets 6: it would silently undo rep2's change.
    const stale = await propose(rep, { orderId, quantity: 6, expectedOrderVersion: read.version });
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.extensions!.currentVersion).toBe(2);
    expect(stale.errors![0]!.message).toMatch(/changed since you read it \(version 1, now 2: quantity 7/);
    expect(await orderRow(orderId)).toMatchObject({ quantity: 7, version: 2 });
    const recorded = await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from change_order where order_id = $1', [orderId]);
    expect(recorded[0]!.n).toBe(1);

    // A proposal that names no version is refused too; one made from the current terms goes through.
    const unnamed = await rep.request('mutation($i: ChangeOrderInput!) { proposeChangeOrder(input: $i) { id } }', { i: { orderId, quantity: 6 } });
    expect(code(unnamed)).toBe('BAD_USER_INPUT');
    expect(unnamed.errors![0]!.extensions!.field).toBe('expectedOrderVersion');
    expect(ok(await propose(rep, { orderId, quantity: 6, expectedOrderVersion: 2 })).proposeChangeOrder.status).toBe('APPLIED');
    expect(await orderRow(orderId)).toMatchObject({ quantity: 6, version: 3 });
  });

  it('sends a pending change whose order changed back to its proposer, re-evaluated against the new terms; only a confirmation on them applies it', async () => {
    const { plant, as } = await changeOrderScenario(server, { B: ORDER_B }, { oneSessionPerRole: true });
    const orderId = plant.orders.B!.id;
    const rep = await as('SALES_REP');
    const pending = ok(await propose(rep, { orderId, quantity: 2, expectedOrderVersion: 1 })).proposeChangeOrder;
    expect(pending).toMatchObject({ status: 'PENDING', tier: 'MANAGER' });

    // Meanwhile rep2 moves the order's date out of the tight weeks (applied at once).
    const later = workingDay(todayUtc(), 40);
    const moved = ok(await propose(await as('SALES_REP_2'), { orderId, dueDate: later, expectedOrderVersion: 1 })).proposeChangeOrder;
    expect(moved.status).toBe('APPLIED');

    const back = ok(await getCo(rep, pending.id)).changeOrder;
    expect(back.status).toBe('RETURNED');
    expect(back.statusReason).toMatch(/changed before this was applied \(it was made from version 1, the order is now at version 2\); re-evaluated against the new terms, it would now need no approval, price \+\d+\.\d\d, cost \+\d+\.\d\d\. Nothing was applied: confirm it on the new terms or withdraw it\./);
    // The evaluation now reads the order as it is: rep's quantity on rep2's date.
    expect(back.evaluation.terms).toMatchObject({ quantity: 2, dueDate: later });
    expect(back.history.map((h) => [h.action, h.fromStatus, h.toStatus])).toContainEqual(['ORDER_CHANGED', 'PENDING', 'RETURNED']);
    expect(await orderRow(orderId)).toMatchObject({ quantity: 1, due_date: later, version: 2 });

    // Nobody can apply it any more; the ops manager is told it no longer waits for them.
    const ops = await as('OPS_MANAGER');
    expect(code(await decide(ops, 'approve', pending))).toBe('CONFLICT');
    expect(code(await decide(ops, 'approve', back))).toBe('CONFLICT');
    expect(await orderRow(orderId)).toMatchObject({ quantity: 1, version: 2 });
    const notes = async (role: 'SALES_REP' | 'OPS_MANAGER') =>
      ok(await (await as(role)).request<{ notifications: { nodes: Note[] } }>('{ notifications(first: 100) { nodes { kind message changeOrder { id } } } }'))
        .notifications.nodes.filter((n) => n.changeOrder?.id === pending.id);
    expect(await notes('SALES_REP')).toContainEqual(expect.objectContaining({ kind: 'CHANGE_ORDER_UPDATED', message: expect.stringMatching(/changed before it was applied, so it came back to you with nothing applied .* confirm it on the new terms or withdraw it/) }));
    expect((await notes('OPS_MANAGER')).map((n) => n.kind)).toContain('NO_LONGER_NEEDED');

    // Only the proposer confirms it, on the order version they now see; then it is routed afresh.
    expect(code(await confirm(await as('SALES_REP_2'), back, 2))).toBe('FORBIDDEN');
    const stale = await confirm(rep, back, 1);
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.extensions!.currentVersion).toBe(2);
    const confirmed = ok(await confirm(rep, back, 2, 'Still two, on the later date')).confirmChangeOrder;
    expect(confirmed.status).toBe('APPLIED');
    expect(confirmed.history.map((h) => h.action).slice(-2)).toEqual(['CONFIRMED', 'APPLIED']);
    expect(await orderRow(orderId)).toMatchObject({ quantity: 2, due_date: later, version: 3 });
  });


  it('leaves open changes alone when a job of the order moves (the version counts terms), and returns them when the order is cancelled', async () => {
    const { plant, as } = await changeOrderScenario(server, { A: { quantity: 2, dueInWorkingDays: 40 } }, { oneSessionPerRole: true });
    const orderId = plant.orders.A!.id;
    // One more unit at a price far below cost: open capacity, but it waits for accounting.
    const cheap = ok(await propose(await as('SALES_REP'), { orderId, quantity: 3, unitPrice: '10.00', expectedOrderVersion: 1 })).proposeChangeOrder;
    expect(cheap.status).toBe('PENDING');
    expect(cheap.approvals.map((a) => a.lane)).toEqual(['ACCOUNTING']);

    const start = workingDay(todayUtc(), 30);
    const move = ok(await (await as('PLANNER')).request<{ moveJob: { status: string } }>(
      'mutation($j: ID!, $d: Date!) { moveJob(jobId: $j, startDate: $d) { status } }', { j: plant.orders.A!.jobId, d: start })).moveJob;
    expect(move.status).toBe('APPLIED');
    expect((await orderRow(orderId)).version).toBe(1);
    expect(ok(await getCo(await as('ACCOUNTING'), cheap.id)).changeOrder.status).toBe('PENDING');

    const cancelled = ok(await propose(await as('SALES_REP_2'), { orderId, cancel: true, expectedOrderVersion: 1 })).proposeChangeOrder;
    expect(cancelled.status).toBe('APPLIED');
    const back = ok(await getCo(await as('ACCOUNTING'), cheap.id)).changeOrder;
    expect(back.status).toBe('RETURNED');
    expect(back.statusReason).toMatch(/changed before this was applied .*; it no longer applies: .*cancelled/);
    const rep = await as('SALES_REP');
    expect(code(await confirm(rep, back, 2))).toBe('BAD_USER_INPUT');
    expect(ok(await decide(rep, 'withdraw', back)).withdrawChangeOrder!.status).toBe('WITHDRAWN');
  });
});

describe('an approval covers what the approver saw', () => {
  it('sends a plant manager’s grant on a MANAGER-tier change that meets OVERTIME at apply back to PENDING, with the numbers', async () => {
    // Two orders in the tight weeks; each alone can grow by 6 units below 100%, both together cannot.
    const { plant, as } = await changeOrderScenario(server, { B: ORDER_B, C: ORDER_B }, { oneSessionPerRole: true });
    const rep = await as('SALES_REP');
    const b = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 7 })).proposeChangeOrder;
    const c = ok(await propose(rep, { orderId: plant.orders.C!.id, quantity: 7 })).proposeChangeOrder;
    for (const co of [b, c]) expect(co).toMatchObject({ status: 'PENDING', tier: 'MANAGER', approvals: [{ lane: 'CAPACITY', requiredRole: 'OPS_MANAGER' }] });

    expect(ok(await decide(await as('OPS_MANAGER'), 'approve', c)).approveChangeOrder!.status).toBe('APPLIED');
    // The plant manager decides on B as they see it: MANAGER tier, no overtime.
    const pm = await as('PLANT_MANAGER');
    const granted = ok(await decide(pm, 'approve', b)).approveChangeOrder!;
    expect(granted.status).toBe('PENDING');
    expect(granted.tier).toBe('OVERTIME');
    // Overtime eats the margin, too: accounting, who was never asked, decides now as well.
    expect(granted.approvals).toMatchObject([
      { lane: 'ACCOUNTING', requiredRole: 'ACCOUNTING', status: 'PENDING' },
      { lane: 'CAPACITY', requiredRole: 'PLANT_MANAGER', status: 'PENDING' },
    ]);
    const [seen, now] = [b.evaluation.impact!.costDelta, granted.evaluation.impact!.costDelta];
    expect(Number(now.overtimePremium)).toBeGreaterThan(Number(seen.overtimePremium));
    const signed = (v: string) => `${Number(v) >= 0 ? '+' : ''}${Number(v).toFixed(2)}`;
    expect(granted.statusReason).toContain('The schedule changed since evaluation');
    expect(granted.statusReason).toContain('ops manager approval → overtime, plant manager approval');
    expect(granted.statusReason).toContain(`cost ${signed(seen.total)} → ${signed(now.total)}, of which overtime premium ${signed(seen.overtimePremium)} → ${signed(now.overtimePremium)}`);
    expect(granted.statusReason).toContain('the accounting lane is needed now');
    expect(granted.statusReason).toMatch(/Needed now: .*capacity: PLANT_MANAGER \(.*OVERTIME.*\)/);
    expect(await orderRow(plant.orders.B!.id)).toMatchObject({ quantity: 1 });

    // Deciding again, on the overtime plan they now see, applies it.
    const again = ok(await decide(pm, 'approve', granted)).approveChangeOrder!;
    expect(again.status).toBe('PENDING');
    expect(ok(await decide(await as('ACCOUNTING'), 'approve', again)).approveChangeOrder!.status).toBe('APPLIED');
    expect(await orderRow(plant.orders.B!.id)).toMatchObject({ quantity: 7 });
  });
});
