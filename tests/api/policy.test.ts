import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { as, code } from '../support/api.ts';
import { sql } from '../support/database.ts';

const POLICY = `query($p: ID!) { policy(plantId: $p) { version autoApproveMaxUtilization managerMaxUtilization overtimeAllowed
  freezeWindowWorkingDays costIncreaseLimit minMarginPct approvalSlaHours reason author { email } } }`;
const UPDATE = `mutation($p: ID!, $v: Int!, $c: PolicyChanges!, $r: String!) {
  updatePolicy(plantId: $p, expectedVersion: $v, changes: $c, reason: $r) { version autoApproveMaxUtilization minMarginPct reason author { email } } }`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('the policy', () => {
  it('starts from the defaults of docs/product.md §4', async () => {
    const rep = await as(server.url, 'SALES_REP');
    const { policy } = await rep.data<{ policy: Record<string, unknown> }>(POLICY, { p: rep.plantId });
    expect(policy).toEqual({
      version: 1, autoApproveMaxUtilization: 0.8, managerMaxUtilization: 1, overtimeAllowed: true, freezeWindowWorkingDays: 3,
      costIncreaseLimit: '5000.00', minMarginPct: 15, approvalSlaHours: 8, reason: 'Default rules', author: null,
    });
  });

  it('makes a new version with author and reason, a board event and an audit entry', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const { updatePolicy } = await ops.data<{ updatePolicy: Record<string, unknown> }>(UPDATE, {
      p: ops.plantId, v: 1, c: { autoApproveMaxUtilization: 0.75, minMarginPct: 12.5 }, r: 'Q1 peak: tighter auto-approve',
    });
    expect(updatePolicy).toEqual({ version: 2, autoApproveMaxUtilization: 0.75, minMarginPct: 12.5, reason: 'Q1 peak: tighter auto-approve', author: { email: 'ops@demo.test' } });
    const history = await ops.data<{ policyHistory: { version: number }[] }>('query($p: ID!) { policyHistory(plantId: $p) { version } }', { p: ops.plantId });
    expect(history.policyHistory.map((v) => v.version)).toEqual([2, 1]);
    const [event] = await sql<{ type: string; payload: { version: number } }>(server.databaseUrl, `select type, payload from board_event where plant_id = $1 order by seq desc limit 1`, [ops.plantId]);
    expect(event).toMatchObject({ type: 'POLICY_UPDATED', payload: { version: 2 } });
    const [audit] = await sql<{ action: string; comment: string; data: { before: { autoApproveMaxUtilizationBp: number }; after: { autoApproveMaxUtilizationBp: number } } }>(
      server.databaseUrl, `select action, comment, data from audit_event where action = 'POLICY_UPDATED' and plant_id = $1`, [ops.plantId]);
    expect(audit!.data.before.autoApproveMaxUtilizationBp).toBe(8000);
    expect(audit!.data.after.autoApproveMaxUtilizationBp).toBe(7500);
  });

  it('refuses a stale expectedVersion with CONFLICT and the current version', async () => {
    const plant = await as(server.url, 'PLANT_MANAGER');
    const current = (await plant.data<{ policy: { version: number } }>(POLICY, { p: plant.plantId })).policy.version;
    const res = await plant.request(UPDATE, { p: plant.plantId, v: current - 1, c: { approvalSlaHours: 4 }, r: 'faster decisions' });
    expect(code(res)).toBe('CONFLICT');
    expect(res.errors![0]!.extensions!.currentVersion).toBe(current);
  });

  it('refuses contradictory rules and an empty reason with BAD_USER_INPUT, writing nothing', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const v = (await ops.data<{ policy: { version: number } }>(POLICY, { p: ops.plantId })).policy.version;
    for (const [c, r, pattern] of [
      [{ autoApproveMaxUtilization: 0.95, managerMaxUtilization: 0.9 }, 'x', /cannot be above the manager limit/],
      [{ managerMaxUtilization: 1.2 }, 'x', /above 100%/],
      [{ autoApproveMaxUtilization: 0 }, 'x', /above 0%/],
      [{ freezeWindowWorkingDays: -1 }, 'x', /freeze window/],
      [{ costIncreaseLimit: '-5.00' }, 'x', /negative/],
      [{ approvalSlaHours: 0 }, 'x', /SLA/],
      [{ minMarginPct: 20 }, '   ', /reason/],
    ] as const) {
      const res = await ops.request(UPDATE, { p: ops.plantId, v, c, r });
      expect(code(res), JSON.stringify(c)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toMatch(pattern);
    }
    expect((await ops.data<{ policy: { version: number } }>(POLICY, { p: ops.plantId })).policy.version).toBe(v);
  });

  it('lets only the ops manager and the plant manager edit it', async () => {
    for (const who of ['SALES_REP', 'PLANNER', 'ACCOUNTING', 'QUALITY', 'ADMIN'] as const) {
      const client = await as(server.url, who);
      const res = await client.request(UPDATE, { p: client.plantId, v: 1, c: { approvalSlaHours: 4 }, r: 'r' });
      expect(code(res), who).toBe('FORBIDDEN');
    }
  });

  it('cannot be rewritten in the database', async () => {
    await expect(sql(server.databaseUrl, 'update policy set reason = $1', ['rewritten'])).rejects.toThrow(/append-only/);
  });
});
