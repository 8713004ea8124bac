import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { code, type GraphQLResponse } from '../support/api.ts';
import { changeOrderScenario, counter, decide, escalate, ok, ORDER_B, propose, reject, respond } from '../support/change-orders.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const scenario = () => changeOrderScenario(server, { B: ORDER_B }, { oneSessionPerRole: true });

/** A denial: the code, and a message a person can act on (never empty, never internals). */
function denied(res: GraphQLResponse<unknown>, expected: 'FORBIDDEN' | 'CONFLICT', message: RegExp) {
  expect(res.data ?? null, 'nothing is returned').toBeNull();
  expect(code(res)).toBe(expected);
  expect(res.errors![0]!.message).toMatch(message);
}

describe('every denied change-order action fails with FORBIDDEN or CONFLICT and a reason', () => {
  it('refuses the proposer every decision on their own proposal', async () => {
    const { plant, as } = await scenario();
    const ops = await as('OPS_MANAGER');
    const co = ok(await propose(ops, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    denied(await decide(ops, 'approve', co), 'FORBIDDEN', /You proposed .*someone else must approve it/);
    denied(await reject(ops, co, 'no'), 'FORBIDDEN', /You proposed .*someone else must reject it/);
    denied(await counter(ops, co, { orderId: plant.orders.B!.id, quantity: 2 }, 'alt'), 'FORBIDDEN', /You proposed .*someone else must counter-propose it/);
  });

  it('refuses a role without authority, and the wrong lane', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2, optionIds: [plant.reviewOptionId] })).proposeChangeOrder;
    expect(co.approvals.map((a) => a.lane).sort()).toEqual(['CAPACITY', 'QUALITY']);
    denied(await decide(await as('ADMIN'), 'approve', co), 'FORBIDDEN', /ADMIN role may not perform approveChangeOrder/);
    denied(await decide(await as('ACCOUNTING'), 'approve', co), 'FORBIDDEN', /waits for .*; you \(accounting\) cannot decide it/);
    denied(await reject(await as('PLANNER'), co, 'no'), 'FORBIDDEN', /you \(planner\) cannot decide it/);
    const afterQuality = ok(await decide(await as('QUALITY'), 'approve', co)).approveChangeOrder!;
    expect(afterQuality.status).toBe('PENDING');
    // Quality's lane is decided: nothing left for quality, the capacity lane is not theirs.
    denied(await decide(await as('QUALITY'), 'approve', afterQuality), 'FORBIDDEN', /waits for the ops manager \(capacity\); you \(quality\) cannot decide it/);
    denied(await escalate(await as('QUALITY'), afterQuality, 'please'), 'FORBIDDEN', /QUALITY role may not perform escalateChangeOrder/);
  });

  it('refuses every command on a stale version, naming the current one', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const ops = await as('OPS_MANAGER');
    const co = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const stale = { id: co.id, version: co.version - 1 };
    const later = co.evaluation.alternatives.find((a) => a.tier === 'AUTO')!.dueDate!;
    for (const res of [
      await decide(ops, 'approve', stale), await reject(ops, stale, 'no'), await decide(rep, 'withdraw', stale),
      await counter(ops, stale, { orderId: plant.orders.B!.id, quantity: 2, dueDate: later }, 'later'),
    ]) {
      denied(res, 'CONFLICT', /was changed by someone else \(now version \d+\); reload and try again/);
      expect(res.errors![0]!.extensions!.currentVersion).toBe(co.version);
    }
    const countered = ok(await counter(ops, co, { orderId: plant.orders.B!.id, quantity: 2, dueDate: later }, 'later')).counterProposeChangeOrder;
    denied(await respond(rep, co, true), 'CONFLICT', /changed by someone else/); // answered with the version before the counter
    const rejected = ok(await reject(ops, ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 3 })).proposeChangeOrder, 'no')).rejectChangeOrder;
    denied(await escalate(rep, { id: rejected.id, version: rejected.version - 1 }, 'please'), 'CONFLICT', /changed by someone else/);
    expect(countered.status).toBe('COUNTER_PROPOSED');
  });

  it('refuses what was already decided', async () => {
    const { plant, as } = await scenario();
    const rep = await as('SALES_REP');
    const ops = await as('OPS_MANAGER');
    const applied = ok(await decide(ops, 'approve', ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder)).approveChangeOrder!;
    expect(applied.status).toBe('APPLIED');
    denied(await reject(ops, applied, 'too late'), 'CONFLICT', /is applied; you can no longer reject it/);
    denied(await decide(rep, 'withdraw', applied), 'CONFLICT', /is applied; you can no longer withdraw it/);
    denied(await escalate(rep, applied, 'please'), 'CONFLICT', /is applied; you can no longer escalate it/);
    denied(await respond(rep, applied, true), 'CONFLICT', /is applied; you can no longer answer a counter-proposal on it/);
    const pending = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 3 })).proposeChangeOrder;
    denied(await escalate(rep, pending, 'not rejected yet'), 'CONFLICT', /is pending; you can no longer escalate it/);
    const rejected = ok(await reject(ops, pending, 'No room')).rejectChangeOrder;
    denied(await reject(await as('PLANT_MANAGER'), rejected, 'again'), 'CONFLICT', /is rejected; you can no longer reject it/);
    denied(await decide(ops, 'approve', rejected), 'CONFLICT', /is rejected; you can no longer approve it/);
  });
});
