import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, PERMISSIONS } from '../../server/src/modules/auth/permissions.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { code, signIn, type ApiClient } from '../support/api.ts';
import { buildPlant, todayUtc, workingDay, type FactoryPlant } from '../support/factories.ts';
import { decide, ok, propose } from '../support/change-orders.ts';
import { bearer, createToken } from '../support/security.ts';

/**
 * Issue 8: a BI client with an API token scoped `reports:read` runs the reports, the change-order
 * list and the audit trail of its own plant (docs/reports.md), and nothing else.
 */
let server: TestServer;
let plant: FactoryPlant;
let other: FactoryPlant;
let admin: ApiClient;
let ops: ApiClient;
let secret: string;
let tokenId: string;
const today = todayUtc();
const horizon = workingDay(today, 30);

const CAPACITY = `query($p: ID!, $f: Date!, $t: Date!) { capacityReport(plantId: $p, from: $f, to: $t, granularity: WEEK) {
  workCenterCode periodStart capacityHours loadHours utilization } }`;
const CO_REPORT = `query($p: ID!, $f: Date!, $t: Date!) { changeOrderReport(plantId: $p, from: $f, to: $t) {
  total byStatus { key count } autoApprovalRate costDelta revenueDelta ruleCounts { rule count } decisionsByApprover { approver { email } approved rejected } } }`;
const CHANGE_ORDERS = `query($after: String) { changeOrders(first: 2, after: $after) { nodes { id number status proposer { email } } endCursor hasNextPage } }`;
const AUDIT = `query($after: String) { auditEvents(first: 3, after: $after, filter: { entityType: "ChangeOrder" }) { nodes { id action entityId actor { email } at } endCursor hasNextPage } }`;

/** Every page of a connection, following `endCursor`. */
async function allPages<N>(read: (after: string | null) => Promise<{ nodes: N[]; endCursor: string | null; hasNextPage: boolean }>): Promise<N[]> {
  const nodes: N[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res = await read(after);
    nodes.push(...res.nodes);
    if (!res.hasNextPage) return nodes;
    after = res.endCursor;
  }
  throw new Error('more than 100 pages');
}

beforeAll(async () => {
  server = await startServer();
  [plant, other] = await Promise.all([
    buildPlant(server.databaseUrl, { fillerMinutes: 380, fillerDays: 15, orders: { A: { quantity: 1, dueInWorkingDays: 25 }, B: { quantity: 1, dueInWorkingDays: 9 }, C: { quantity: 1, dueInWorkingDays: 20 } } }),
    buildPlant(server.databaseUrl),
  ]);
  const rep = await signIn(server.url, plant.users.SALES_REP);
  ops = await signIn(server.url, plant.users.OPS_MANAGER);
  admin = await signIn(server.url, plant.users.ADMIN);
  ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: 2 }));
  const b = ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder;
  ok(await decide(ops, 'approve', b));
  ok(await propose(rep, { orderId: plant.orders.C!.id, quantity: 3 }));
  ({ id: tokenId, secret } = await createToken(admin, 'API', 'BI export', ['reports:read']));
});
afterAll(async () => {
  await server?.stop();
});

describe('an API token with reports:read', () => {
  it('runs capacityReport and changeOrderReport with the figures a signed-in ops manager sees', async () => {
    const vars = { p: plant.plantId, f: today, t: horizon };
    const capacity = await bearer<{ capacityReport: { loadHours: number }[] }>(server.url, secret, CAPACITY, vars);
    expect(capacity.errors).toBeUndefined();
    expect(capacity.data!.capacityReport.length).toBeGreaterThan(0);
    expect(capacity.data).toEqual(ok(await ops.request(CAPACITY, vars)));

    const report = await bearer<{ changeOrderReport: { total: number } }>(server.url, secret, CO_REPORT, { ...vars, t: today });
    expect(report.errors).toBeUndefined();
    expect(report.data!.changeOrderReport.total).toBe(3);
    expect(report.data).toEqual(ok(await ops.request(CO_REPORT, { ...vars, t: today })));
  });

  it('pages through changeOrders and auditEvents with cursors, each row once, the same rows a session sees', async () => {
    const viaToken = await allPages(async (after) => {
      const res = await bearer<{ changeOrders: { nodes: { id: string }[]; endCursor: string | null; hasNextPage: boolean } }>(server.url, secret, CHANGE_ORDERS, { after });
      expect(res.errors).toBeUndefined();
      return res.data!.changeOrders;
    });
    expect(viaToken).toHaveLength(3);
    expect(new Set(viaToken.map((c) => c.id)).size).toBe(3);
    const viaSession = ok(await ops.request<{ changeOrders: { nodes: unknown[] } }>('{ changeOrders(first: 100) { nodes { id number status proposer { email } } } }'));
    expect(viaToken).toEqual(viaSession.changeOrders.nodes);

    const audit = await allPages(async (after) => {
      const res = await bearer<{ auditEvents: { nodes: { id: string; action: string }[]; endCursor: string | null; hasNextPage: boolean } }>(server.url, secret, AUDIT, { after });
      expect(res.errors).toBeUndefined();
      return res.data!.auditEvents;
    });
    expect(audit.length).toBeGreaterThan(3);
    expect(new Set(audit.map((e) => e.id)).size).toBe(audit.length);
    // oldest first: ids increase
    expect(audit.map((e) => Number(e.id))).toEqual(audit.map((e) => Number(e.id)).sort((a, b) => a - b));
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['PROPOSED', 'APPROVED', 'APPLIED']));
  });

  it('finds its own plant with plants, and gets NOT_FOUND for another plant', async () => {
    const plants = await bearer<{ plants: { id: string }[] }>(server.url, secret, '{ plants { id } }');
    expect(plants.data!.plants.map((p) => p.id)).toEqual([plant.plantId]);
    expect(code(await bearer(server.url, secret, CAPACITY, { p: other.plantId, f: today, t: horizon }))).toBe('NOT_FOUND');
    expect(code(await bearer(server.url, secret, CO_REPORT, { p: other.plantId, f: today, t: today }))).toBe('NOT_FOUND');
  });

  it('is FORBIDDEN everything else: mutations, the board, previews, single change orders, me', async () => {
    const forbidden: [string, Record<string, unknown>][] = [
      ['mutation { ping }', {}],
      ['mutation { logout }', {}],
      ['mutation($o: ID!) { proposeChangeOrder(input: { orderId: $o, quantity: 5 }) { id } }', { o: plant.orders.A!.id }],
      ['mutation { createAccessToken(kind: API, name: "escalate", scopes: ["reports:read"]) { secret } }', {}],
      ['query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) { lastEventSeq } }', { p: plant.plantId, f: today, t: horizon }],
      ['query($o: ID!) { previewChangeOrder(input: { orderId: $o, quantity: 5 }) { tier } }', { o: plant.orders.A!.id }],
      ['query($o: ID!) { order(id: $o) { id } }', { o: plant.orders.A!.id }],
      ['{ me { id } }', {}],
      ['{ approvalInbox { id } }', {}],
      ['query($p: ID!) { policy(plantId: $p) { version } }', { p: plant.plantId }],
      ['{ accessTokens { id } }', {}],
    ];
    for (const [query, variables] of forbidden) {
      expect(code(await bearer(server.url, secret, query, variables)), query).toBe('FORBIDDEN');
    }
  });

  it('is allowed exactly the report operations in the permission table', () => {
    const actor = { kind: 'api' as const, userId: null, role: null, plantId: plant.plantId, name: 'BI export', scopes: ['reports:read'] };
    const allowed = Object.keys(PERMISSIONS).filter((operation) => {
      // Public operations (health, ping, login) need no identity; the mutations among them are refused above over HTTP.
      if ((PERMISSIONS as Record<string, { public?: boolean }>)[operation]!.public) return false;
      try {
        authorize(operation, actor);
        return true;
      } catch {
        return false;
      }
    });
    expect(allowed.sort()).toEqual(['Query.auditEvents', 'Query.capacityReport', 'Query.changeOrderReport', 'Query.changeOrders', 'Query.plants']);
  });
});

describe('a revoked API token', () => {
  it('is UNAUTHENTICATED for every report operation at once', async () => {
    const res = await admin.request('mutation($id: ID!) { revokeAccessToken(id: $id) { revokedAt } }', { id: tokenId });
    expect(res.errors).toBeUndefined();
    for (const [query, variables] of [
      [CAPACITY, { p: plant.plantId, f: today, t: horizon }],
      [CO_REPORT, { p: plant.plantId, f: today, t: today }],
      [CHANGE_ORDERS, {}],
      [AUDIT, {}],
      ['{ plants { id } }', {}],
    ] as const) {
      expect(code(await bearer(server.url, secret, query, variables)), query).toBe('UNAUTHENTICATED');
    }
  });

  it('and a made-up secret is UNAUTHENTICATED too', async () => {
    expect(code(await bearer(server.url, `takt_a_${'x'.repeat(43)}`, '{ plants { id } }'))).toBe('UNAUTHENTICATED');
  });
});
