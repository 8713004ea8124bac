import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { code, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { buildPlant, todayUtc } from '../support/factories.ts';
import { changeOrderScenario, decide, getCo, ok, ORDER_B, propose, reject } from '../support/change-orders.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

/** The change-order scenario: order B is due in the tight weeks, so +1 unit needs the ops manager. */
const scenario = () => changeOrderScenario(server, { B: ORDER_B });

const day = (offset: number) => {
  const d = new Date(`${todayUtc()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

const DELEGATION = 'id from to active revokedAt user { email } delegate { email }';
interface Delegation { id: string; from: string; to: string; active: boolean; revokedAt: string | null; user: { email: string }; delegate: { email: string } }

const setDelegate = (c: ApiClient, delegateId: string, from: string, to: string) =>
  c.request<{ setDelegate: Delegation }>(`mutation($d: ID!, $f: Date!, $t: Date!) { setDelegate(delegateId: $d, from: $f, to: $t) { ${DELEGATION} } }`, { d: delegateId, f: from, t: to });
const revoke = (c: ApiClient, id: string) =>
  c.request<{ revokeDelegation: Delegation }>(`mutation($id: ID!) { revokeDelegation(id: $id) { ${DELEGATION} } }`, { id });
const mine = async (c: ApiClient) => ok(await c.request<{ myDelegations: Delegation[] }>(`{ myDelegations { ${DELEGATION} } }`)).myDelegations;
const inbox = async (c: ApiClient) => ok(await c.request<{ approvalInbox: { id: string }[] }>('{ approvalInbox { id } }')).approvalInbox.map((co) => co.id);

describe('delegation (out of office)', () => {
  it("lets the named delegate see and approve what waits for the ops manager, recorded as delegate on behalf of user", async () => {
    const { plant, as } = await scenario();
    const ops = await as('OPS_MANAGER');
    const planner = await as('PLANNER');
    const named = ok(await setDelegate(ops, plant.userIds.PLANNER, day(-1), day(5))).setDelegate;
    expect(named).toMatchObject({ from: day(-1), to: day(5), active: true, revokedAt: null, user: { email: plant.users.OPS_MANAGER }, delegate: { email: plant.users.PLANNER } });
    expect((await mine(ops)).map((d) => d.id)).toEqual([named.id]);
    expect((await mine(planner)).map((d) => d.id)).toEqual([named.id]);

    const co = ok(await propose(await as('SALES_REP'), { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    expect(co.approvals).toMatchObject([{ lane: 'CAPACITY', requiredRole: 'OPS_MANAGER', status: 'PENDING' }]);
    expect(await inbox(planner)).toEqual([co.id]);

    const applied = ok(await decide(planner, 'approve', co, 'Approved while ops is away')).approveChangeOrder!;
    expect(applied.status).toBe('APPLIED');
    expect(applied.approvals).toMatchObject([{ status: 'GRANTED', decidedBy: { email: plant.users.OPS_MANAGER }, delegate: { email: plant.users.PLANNER } }]);
    const approved = applied.history.find((h) => h.action === 'APPROVED')!;
    expect(approved).toMatchObject({ actor: { email: plant.users.OPS_MANAGER }, delegate: { email: plant.users.PLANNER } });
    const [row] = await sql<{ actor_id: string; delegate_id: string }>(server.databaseUrl,
      `select actor_id, delegate_id from audit_event where entity_id = $1 and action = 'APPROVED'`, [co.id]);
    expect(row).toEqual({ actor_id: plant.userIds.OPS_MANAGER, delegate_id: plant.userIds.PLANNER });
    const [set] = await sql<{ actor_id: string; comment: string }>(server.databaseUrl,
      `select actor_id, comment from audit_event where entity_type = 'Delegation' and entity_id = $1 and action = 'DELEGATION_SET'`, [named.id]);
    expect(set!.actor_id).toBe(plant.userIds.OPS_MANAGER);
    expect(set!.comment).toContain(`from ${day(-1)} to ${day(5)}`);
  });

  it('lets a delegate reject as well, and records both names', async () => {
    const { plant, as } = await scenario();
    ok(await setDelegate(await as('OPS_MANAGER'), plant.userIds.QUALITY, day(0), day(0)));
    const co = ok(await propose(await as('SALES_REP'), { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    const rejected = ok(await reject(await as('QUALITY'), co, 'Line is full; ops agrees')).rejectChangeOrder;
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.history.at(-1)).toMatchObject({ action: 'REJECTED', actor: { email: plant.users.OPS_MANAGER }, delegate: { email: plant.users.QUALITY } });
  });

  it('gives no authority outside its dates or once revoked', async () => {
    const { plant, as } = await scenario();
    const ops = await as('OPS_MANAGER');
    const planner = await as('PLANNER');
    const later = ok(await setDelegate(ops, plant.userIds.PLANNER, day(2), day(9))).setDelegate;
    expect(later.active).toBe(false);
    const co = ok(await propose(await as('SALES_REP'), { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    expect(await inbox(planner)).toEqual([]);
    const early = await decide(planner, 'approve', co);
    expect(code(early)).toBe('FORBIDDEN');
    expect(early.errors![0]!.message).toMatch(/waits for the ops manager \(capacity\); you \(planner\) cannot decide it/);

    const now = ok(await setDelegate(ops, plant.userIds.PLANNER, day(0), day(1))).setDelegate;
    expect(await inbox(planner)).toEqual([co.id]);
    const revoked = ok(await revoke(ops, now.id)).revokeDelegation;
    expect(revoked.active).toBe(false);
    expect(revoked.revokedAt).toBeTruthy();
    expect(await inbox(planner)).toEqual([]);
    expect(code(await decide(planner, 'approve', co))).toBe('FORBIDDEN');
    expect((await getCo(ops, co.id)).data!.changeOrder.status).toBe('PENDING');
    const twice = await revoke(ops, now.id);
    expect(code(twice)).toBe('CONFLICT');
    expect(twice.errors![0]!.message).toMatch(/already revoked/);
    const [audit] = await sql<{ n: string }>(server.databaseUrl, `select count(*) as n from audit_event where entity_id = $1 and action = 'DELEGATION_REVOKED'`, [now.id]);
    expect(Number(audit!.n)).toBe(1);
  });

  it('never lets the proposer approve their own proposal, not even as a delegate', async () => {
    const { plant, as } = await scenario();
    const ops = await as('OPS_MANAGER');
    const planner = await as('PLANNER');
    ok(await setDelegate(ops, plant.userIds.PLANNER, day(0), day(3)));
    // The delegate proposes, then tries to approve with the ops manager's authority.
    const own = ok(await propose(planner, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
    expect(await inbox(planner)).not.toContain(own.id);
    const res = await decide(planner, 'approve', own);
    expect(code(res)).toBe('FORBIDDEN');
    expect(res.errors![0]!.message).toMatch(/You proposed/);
    // The ops manager proposes; their delegate may not approve it with the proposer's own authority.
    const byOps = ok(await propose(ops, { orderId: plant.orders.B!.id, quantity: 3 })).proposeChangeOrder;
    expect(byOps.status).toBe('PENDING');
    const viaDelegation = await decide(planner, 'approve', byOps);
    expect(code(viaDelegation)).toBe('FORBIDDEN');
    expect(await inbox(planner)).not.toContain(byOps.id);
  });

  it('validates the delegate and the dates', async () => {
    const { plant, as } = await scenario();
    const other = await buildPlant(server.databaseUrl);
    const ops = await as('OPS_MANAGER');
    const fails = async (res: Promise<{ errors?: { message: string; extensions?: { code?: string } }[] }>, expected: string, message: RegExp) => {
      const r = await res;
      expect(r.errors?.[0]?.extensions?.code).toBe(expected);
      expect(r.errors![0]!.message).toMatch(message);
    };
    await fails(setDelegate(ops, plant.userIds.OPS_MANAGER, day(0), day(1)), 'BAD_USER_INPUT', /yourself/);
    await fails(setDelegate(ops, plant.userIds.PLANNER, day(3), day(1)), 'BAD_USER_INPUT', /end on or after/);
    await fails(setDelegate(ops, plant.userIds.PLANNER, day(-9), day(-2)), 'BAD_USER_INPUT', /in the past/);
    await fails(setDelegate(ops, plant.userIds.PLANNER, day(0), day(400)), 'BAD_USER_INPUT', /at most 366 days/);
    await fails(setDelegate(ops, other.userIds.PLANNER, day(0), day(1)), 'BAD_USER_INPUT', /not a user of your plant/);
    await fails(setDelegate(ops, 'not-an-id', day(0), day(1)), 'BAD_USER_INPUT', /not a user of your plant/);
    await fails(setDelegate(ops, plant.userIds.ADMIN, day(0), day(1)), 'BAD_USER_INPUT', /administrator/);
    await fails(setDelegate(ops, plant.userIds.PLANNER, 'tomorrow', day(1)), 'BAD_USER_INPUT', /not a date/);
    await fails(setDelegate(await as('SALES_REP'), plant.userIds.PLANNER, day(0), day(1)), 'FORBIDDEN', /may not perform setDelegate/);

    const first = ok(await setDelegate(ops, plant.userIds.PLANNER, day(0), day(5))).setDelegate;
    await fails(setDelegate(ops, plant.userIds.PLANNER, day(5), day(8)), 'CONFLICT', /already acts for you/);
    ok(await setDelegate(ops, plant.userIds.PLANNER, day(6), day(8))); // adjacent, not overlapping
    ok(await setDelegate(ops, plant.userIds.QUALITY, day(0), day(5))); // a second colleague may cover too
    await fails(revoke(await as('PLANT_MANAGER'), first.id), 'FORBIDDEN', /Only the user who named/);
    await fails(revoke(await as('PLANT_MANAGER'), '00000000-0000-0000-0000-000000000000'), 'NOT_FOUND', /not found/);
    expect(await mine(await as('PLANNER'))).toHaveLength(2);
    expect(await mine(ops)).toHaveLength(3);
    expect(await mine(await as('ADMIN'))).toEqual([]);
  });
});
