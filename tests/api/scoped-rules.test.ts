import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { code, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { changeOrderScenario, ok, propose } from '../support/change-orders.ts';
import { todayUtc, workingDay, type FactoryPlant, type FactoryRole } from '../support/factories.ts';

// Scoped capacity rules (docs/product.md §4.3) over the API: a work-center rule beats the plant
// rule, a customer-tier rule beats both where they overlap, and every verdict names its rule.
//
// The factory plant's one work center CELL carries 380 of 480 minutes on its first 15 working
// days (79.2 %). A new one-unit order (60 min) due in 8 working days fits at 80 % only spread
// thin — too thin for the days it has — so it needs one day at 440 min (91.67 %).

const SCOPE = 'scope { workCenterId workCenterCode customerTier label }';
const PREVIEW = `query($input: ChangeOrderInput!) { previewChangeOrder(input: $input) {
  tier policyVersion customerTier tierScope { workCenterCode customerTier label }
  requiredApprovals { rule measured threshold message ${SCOPE} } } }`;
const POLICY = `query($p: ID!) { policy(plantId: $p) { version autoApproveMaxUtilization
  scopedRules { autoApproveMaxUtilization managerMaxUtilization overtimeAllowed ${SCOPE} } } }`;
const UPDATE = `mutation($p: ID!, $v: Int!, $c: PolicyChanges!, $r: String!) {
  updatePolicy(plantId: $p, expectedVersion: $v, changes: $c, reason: $r) { version scopedRules { ${SCOPE} } } }`;

interface Verdict {
  tier: string;
  policyVersion: number;
  customerTier: string | null;
  tierScope: { workCenterCode: string | null; customerTier: string | null; label: string };
  requiredApprovals: { rule: string; measured: number; threshold: number; message: string; scope: { label: string } }[];
}

let server: TestServer;
let plant: FactoryPlant;
let asRole: (role: FactoryRole) => Promise<ApiClient>;
let strategicId: string;

beforeAll(async () => {
  server = await startServer();
  ({ plant, as: asRole } = await changeOrderScenario(server, {}));
  const [row] = await sql<{ id: string }>(server.databaseUrl, `insert into customer (plant_id, code, name, tier) values ($1, 'KEY', 'Key account', 'STRATEGIC') returning id`, [plant.plantId]);
  strategicId = row!.id;
});
afterAll(async () => {
  await server?.stop();
});

const newOrder = (customerId: string) => ({ newOrder: { customerId, productId: plant.productId, quantity: 1, dueDate: workingDay(todayUtc(), 8) } });

async function preview(customerId: string): Promise<Verdict> {
  const rep = await asRole('SALES_REP');
  return ok(await rep.request<{ previewChangeOrder: Verdict }>(PREVIEW, { input: newOrder(customerId) })).previewChangeOrder;
}

async function setPolicy(changes: Record<string, unknown>, reason: string): Promise<void> {
  const ops = await asRole('OPS_MANAGER');
  const { policy } = ok(await ops.request<{ policy: { version: number } }>(POLICY, { p: plant.plantId }));
  ok(await ops.request(UPDATE, { p: plant.plantId, v: policy.version, c: changes, r: reason }));
}

const rule = (scope: { workCenterId?: string; customerTier?: string }, auto: number) => ({ ...scope, autoApproveMaxUtilization: auto, managerMaxUtilization: 1, overtimeAllowed: true });

describe('scoped capacity rules', () => {
  it('a work-center rule beats the plant rule, and the verdict names it', async () => {
    await setPolicy({ autoApproveMaxUtilization: 0.95 }, 'a loose plant');
    const plain = await preview(plant.customerId);
    expect(plain).toMatchObject({ tier: 'AUTO', customerTier: 'STANDARD', tierScope: { workCenterCode: null, customerTier: null, label: 'plant' } });

    await setPolicy({ scopedRules: [rule({ workCenterId: plant.workCenterId }, 0.8)] }, 'CELL is the bottleneck');
    const scoped = await preview(plant.customerId);
    expect(scoped.tier).toBe('MANAGER');
    expect(scoped.tierScope).toEqual({ workCenterCode: 'CELL', customerTier: null, label: 'CELL' });
    const manager = scoped.requiredApprovals.find((a) => a.rule === 'CAPACITY_MANAGER')!;
    expect(manager).toMatchObject({ measured: 91.67, threshold: 80, scope: { label: 'CELL' } });
    expect(manager.message).toMatch(/> 80% auto-approve limit \(CELL rule\)/);
  });

  it('a customer-tier rule beats both where they overlap, and only for that tier', async () => {
    await setPolicy(
      { scopedRules: [rule({ workCenterId: plant.workCenterId }, 0.8), rule({ customerTier: 'STRATEGIC' }, 0.95)] },
      'strategic customers may fill the bottleneck further',
    );
    const strategic = await preview(strategicId);
    expect(strategic).toMatchObject({ tier: 'AUTO', customerTier: 'STRATEGIC', tierScope: { workCenterCode: null, customerTier: 'STRATEGIC', label: 'strategic customers' } });
    expect(strategic.requiredApprovals.filter((a) => a.rule === 'CAPACITY_MANAGER')).toEqual([]);
    const standard = await preview(plant.customerId);
    expect(standard).toMatchObject({ tier: 'MANAGER', tierScope: { label: 'CELL' } });
  });

  it('a rule naming both the work center and the tier beats the tier rule', async () => {
    await setPolicy(
      { scopedRules: [rule({ customerTier: 'STRATEGIC' }, 0.95), rule({ workCenterId: plant.workCenterId, customerTier: 'STRATEGIC' }, 0.5)] },
      'CELL stays tight even for key accounts',
    );
    const strategic = await preview(strategicId);
    expect(strategic.tier).toBe('MANAGER');
    expect(strategic.tierScope).toEqual({ workCenterCode: 'CELL', customerTier: 'STRATEGIC', label: 'CELL for strategic customers' });
    expect(strategic.requiredApprovals.find((a) => a.rule === 'CAPACITY_MANAGER')).toMatchObject({ threshold: 50 });
  });

  it('a proposed change order keeps the rule instance in its evaluation', async () => {
    await setPolicy({ scopedRules: [rule({ workCenterId: plant.workCenterId }, 0.8)] }, 'back to the bottleneck rule');
    const rep = await asRole('SALES_REP');
    const co = ok(await propose(rep, newOrder(plant.customerId))).proposeChangeOrder;
    const res = ok(await rep.request<{ changeOrder: { evaluation: Verdict } }>(
      `query($id: ID!) { changeOrder(id: $id) { evaluation { tier policyVersion customerTier tierScope { workCenterCode customerTier label }
        requiredApprovals { rule measured threshold message ${SCOPE} } } } }`, { id: co.id }));
    expect(res.changeOrder.evaluation).toMatchObject({ tier: 'MANAGER', tierScope: { label: 'CELL' } });
    const [row] = await sql<{ scope: unknown }>(server.databaseUrl, `select evaluation->'tierScope' as scope from change_order where id = $1`, [co.id]);
    expect(row!.scope).toEqual({ workCenterId: plant.workCenterId, customerTier: null });
  });

  it('stores the rules with the version, lists them, and keeps the history', async () => {
    const ops = await asRole('OPS_MANAGER');
    const { policy } = ok(await ops.request<{ policy: { scopedRules: unknown[] } }>(POLICY, { p: plant.plantId }));
    expect(policy.scopedRules).toEqual([
      { autoApproveMaxUtilization: 0.8, managerMaxUtilization: 1, overtimeAllowed: true, scope: { workCenterId: plant.workCenterId, workCenterCode: 'CELL', customerTier: null, label: 'CELL' } },
    ]);
    const history = ok(await ops.request<{ policyHistory: { version: number; scopedRules: unknown[] }[] }>(
      'query($p: ID!) { policyHistory(plantId: $p) { version scopedRules { autoApproveMaxUtilization } } }', { p: plant.plantId })).policyHistory;
    expect(history.map((v) => v.scopedRules.length)).toEqual([1, 2, 2, 1, 0, 0]);
  });

  it('refuses a rule with no scope, an unknown work center, a repeated scope or contradictory limits, writing nothing', async () => {
    const ops = await asRole('OPS_MANAGER');
    const before = ok(await ops.request<{ policy: { version: number } }>(POLICY, { p: plant.plantId })).policy.version;
    for (const [rules, field, pattern] of [
      [[{ autoApproveMaxUtilization: 0.7, managerMaxUtilization: 1, overtimeAllowed: true }], 'scopedRules[0]', /names a work center, a customer tier or both/],
      [[rule({ workCenterId: '00000000-0000-4000-8000-000000000000' }, 0.7)], 'scopedRules[0].workCenterId', /does not exist/],
      [[rule({ customerTier: 'STRATEGIC' }, 0.7), rule({ customerTier: 'STRATEGIC' }, 0.9)], 'scopedRules[1]', /same work center and customer tier/],
      [[{ ...rule({ customerTier: 'STANDARD' }, 0.9), managerMaxUtilization: 0.85 }], 'scopedRules[0].autoApproveMaxUtilization', /cannot be above the manager limit/],
    ] as const) {
      const res = await ops.request(UPDATE, { p: plant.plantId, v: before, c: { scopedRules: rules }, r: 'x' });
      expect(code(res), field).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toMatch(pattern);
      expect(res.errors![0]!.extensions!.field).toBe(field);
    }
    expect(ok(await ops.request<{ policy: { version: number } }>(POLICY, { p: plant.plantId })).policy.version).toBe(before);
  });
});
