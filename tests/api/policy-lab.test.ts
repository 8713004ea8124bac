import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { code, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { changeOrderScenario, type CO, decide, ok, ORDER_A, ORDER_B, propose } from '../support/change-orders.ts';
import type { FactoryPlant } from '../support/factories.ts';

// The policy lab (docs/product.md §4.4) over HTTP: a draft replayed on the plant's change orders,
// tried on the live schedule, and recorded with the version it is published as.

const SIDE = 'auto manager overtime infeasible decisions { role count } escalations overtimeHours overtimePremium marginGivenAway grantedNoLongerNeeded';
const VERDICT = 'tier rules lanes { lane role }';
const REPLAY_FIELDS = `from to basePolicyVersion replayed freezeWindowAsStored current { ${SIDE} } draft { ${SIDE} }
  weeks { weekStart role current draft } changed { changeOrderId number current { ${VERDICT} } draft { ${VERDICT} } grantedNoLongerNeeded }`;
const REPLAY = `query($p: ID!, $d: PolicyChanges!, $f: Date, $t: Date) { policyReplay(plantId: $p, draft: $d, from: $f, to: $t) { ${REPLAY_FIELDS} } }`;
const PRESENT = `query($p: ID!, $d: PolicyChanges!) { policyPresent(plantId: $p, draft: $d) {
  pending { changeOrderId number currentTier draftTier currentLanes { lane role } draftLanes { lane role } }
  buckets { workCenterCode date loadHours capacityHours utilizationPct currentTier draftTier } } }`;

interface Side { auto: number; manager: number; overtime: number; infeasible: number; decisions: { role: string; count: number }[]; grantedNoLongerNeeded: number; escalations: number }
interface Replay {
  from: string; to: string; basePolicyVersion: number; replayed: number; freezeWindowAsStored: number; current: Side; draft: Side;
  weeks: { weekStart: string; role: string; current: number; draft: number }[];
  changed: { changeOrderId: string; number: string; current: { tier: string; rules: string[] }; draft: { tier: string; rules: string[] }; grantedNoLongerNeeded: string[] }[];
}

let server: TestServer;
let plant: FactoryPlant;
let ops: ApiClient;
/** The history: B +1 at the manager tier (approved), A +1 automatically, B to 10 waiting for the plant manager. */
const cos = {} as Record<'managerApproved' | 'auto' | 'pending', CO>;

beforeAll(async () => {
  server = await startServer();
  const scenario = await changeOrderScenario(server, { A: ORDER_A, B: ORDER_B });
  plant = scenario.plant;
  ops = await scenario.as('OPS_MANAGER');
  const rep = await scenario.as('SALES_REP');
  cos.managerApproved = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
  expect(cos.managerApproved.tier).toBe('MANAGER');
  ok(await decide(ops, 'approve', cos.managerApproved));
  cos.auto = ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: 2 })).proposeChangeOrder;
  expect(cos.auto.tier).toBe('AUTO');
  cos.pending = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 10 })).proposeChangeOrder;
});
afterAll(async () => {
  await server?.stop();
});

const replay = async (draft: Record<string, unknown>, period: { f?: string; t?: string } = {}) =>
  (await ops.data<{ policyReplay: Replay }>(REPLAY, { p: plant.plantId, d: draft, ...period })).policyReplay;

describe('policyReplay', () => {
  it('with no change reproduces the stored verdicts: counts recomputed from the raw rows, nothing changes', async () => {
    const result = await replay({});
    const rows = await sql<{ tier: string; n: string }>(server.databaseUrl, 'select tier, count(*) as n from change_order where plant_id = $1 group by tier', [plant.plantId]);
    const stored = Object.fromEntries(rows.map((r) => [r.tier, Number(r.n)]));
    for (const side of [result.current, result.draft]) {
      expect({ AUTO: side.auto, MANAGER: side.manager, OVERTIME: side.overtime, INFEASIBLE: side.infeasible }).toEqual({ AUTO: 0, MANAGER: 0, OVERTIME: 0, INFEASIBLE: 0, ...stored });
    }
    expect(result.replayed).toBe(rows.reduce((s, r) => s + Number(r.n), 0));
    expect(result.changed).toEqual([]);
    expect(result.freezeWindowAsStored).toBe(0);
    expect(result.basePolicyVersion).toBe(1);
    expect(result.weeks.every((w) => w.current === w.draft)).toBe(true);
  });

  it('shows what an auto ceiling at 100 % would have done: the manager-tier change needs no one, its granted approval no longer needed', async () => {
    const result = await replay({ autoApproveMaxUtilization: 1 });
    const changed = result.changed.find((c) => c.changeOrderId === cos.managerApproved.id);
    expect(changed).toMatchObject({ number: cos.managerApproved.number, current: { tier: 'MANAGER', rules: ['CAPACITY_MANAGER'] }, draft: { tier: 'AUTO', rules: [] }, grantedNoLongerNeeded: ['CAPACITY'] });
    expect(result.draft.manager).toBe(result.current.manager - 1);
    expect(result.draft.auto).toBe(result.current.auto + 1);
    expect(result.current.grantedNoLongerNeeded).toBe(0);
    expect(result.draft.grantedNoLongerNeeded).toBe(1);
    const opsDecisions = (s: Side) => s.decisions.find((d) => d.role === 'OPS_MANAGER')!.count;
    expect(opsDecisions(result.draft)).toBeLessThan(opsDecisions(result.current));
    expect(result.weeks.some((w) => w.role === 'OPS_MANAGER' && w.draft < w.current)).toBe(true);
  });

  it('takes a period, and replays verdicts stored before the freeze window’s reach was recorded with their freeze rule as it fired', async () => {
    const today = (await ops.data<{ plants: { today: string }[] }>('{ plants { today } }')).plants[0]!.today;
    const empty = await replay({}, { f: '2020-01-01', t: '2020-01-31' });
    expect(empty).toMatchObject({ from: '2020-01-01', to: '2020-01-31', replayed: 0, changed: [] });
    await sql(server.databaseUrl, `update change_order set evaluation = evaluation - 'freezeExposure' where id = $1`, [cos.auto.id]);
    const result = await replay({ freezeWindowWorkingDays: 60 }, { t: today });
    expect(result.freezeWindowAsStored).toBe(1);
    expect(result.changed.map((c) => c.changeOrderId)).not.toContain(cos.auto.id);
  });

  it('refuses a contradictory draft and a bad period with BAD_USER_INPUT, and anyone but the managers with FORBIDDEN', async () => {
    for (const [d, f, t, pattern] of [
      [{ autoApproveMaxUtilization: 0.95, managerMaxUtilization: 0.9 }, undefined, undefined, /cannot be above the manager limit/],
      [{}, '2026-03-02', '2026-03-01', /starts .* after it ends/],
      [{}, '2024-01-01', '2026-01-01', /at most 366 days/],
    ] as const) {
      const res = await ops.request(REPLAY, { p: plant.plantId, d, f, t });
      expect(code(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toMatch(pattern);
    }
  });
});

describe('policyPresent', () => {
  it('lists the buckets that cross a tier line and the pending change orders whose verdict changes', async () => {
    const { policyPresent } = await ops.data<{ policyPresent: { pending: { changeOrderId: string; currentTier: string; draftTier: string }[]; buckets: { utilizationPct: number; currentTier: string; draftTier: string }[] } }>(
      PRESENT, { p: plant.plantId, d: { autoApproveMaxUtilization: 0.5, overtimeAllowed: false } });
    // The scenario's tight weeks run at 79%: under a 50% auto ceiling they are manager-tier buckets.
    expect(policyPresent.buckets.length).toBeGreaterThan(0);
    for (const b of policyPresent.buckets) {
      expect(b).toMatchObject({ currentTier: 'AUTO', draftTier: 'MANAGER' });
      expect(b.utilizationPct).toBeGreaterThan(50);
      expect(b.utilizationPct).toBeLessThanOrEqual(80);
    }
    // Without overtime the pending plant-manager change cannot be placed as it is.
    const pending = policyPresent.pending.find((p) => p.changeOrderId === cos.pending.id);
    expect(pending?.currentTier).toBe(cos.pending.tier);
    expect(pending?.draftTier).not.toBe('OVERTIME');
    const same = await ops.data<{ policyPresent: { pending: unknown[]; buckets: unknown[] } }>(PRESENT, { p: plant.plantId, d: {} });
    expect(same.policyPresent).toEqual({ pending: [], buckets: [] });
  });
});

describe('publishing a draft', () => {
  it('records the history comparison with the new version; the version history shows it', async () => {
    const before = await replay({ autoApproveMaxUtilization: 1 });
    const UPDATE = `mutation($p: ID!, $c: PolicyChanges!) { updatePolicy(plantId: $p, expectedVersion: 1, changes: $c, reason: "Fewer manager decisions") { version replay { ${REPLAY_FIELDS} } } }`;
    const { updatePolicy } = await ops.data<{ updatePolicy: { version: number; replay: Replay } }>(UPDATE, { p: plant.plantId, c: { autoApproveMaxUtilization: 1 } });
    expect(updatePolicy.version).toBe(2);
    expect(updatePolicy.replay).toEqual(before);
    const { policyHistory } = await ops.data<{ policyHistory: { version: number; replay: Replay | null }[] }>(
      `query($p: ID!) { policyHistory(plantId: $p) { version replay { ${REPLAY_FIELDS} } } }`, { p: plant.plantId });
    expect(policyHistory.map((v) => [v.version, v.replay === null])).toEqual([[2, false], [1, true]]);
    expect(policyHistory[0]!.replay).toEqual(before);
    // A comparison with the new version as the current rules: nothing left to change.
    expect((await replay({ autoApproveMaxUtilization: 1 })).changed).toEqual([]);
  });
});
