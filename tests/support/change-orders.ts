import { signIn, type ApiClient } from './api.ts';
import { buildPlant, type FactoryPlant, type FactoryRole, type PlantSpec } from './factories.ts';
import type { TestServer } from './server.ts';

/** The change-order fields the workflow tests read. */
export const CO_FIELDS = `id number status version statusReason orderId kinds tier
  proposer { email }
  approvals { lane requiredRole status decidedBy { email } delegate { email } comment escalations }
  evaluation { tier alternatives { tier dueDate } requiredApprovals { lane role rule measured threshold }
    impact { priceDelta costDelta { total overtimePremium } } terms { quantity dueDate unitPrice } }
  counterProposal { by { email } comment evaluation { tier terms { dueDate quantity } } }
  comments { author { email } body }
  history { action fromStatus toStatus actor { email } delegate { email } comment }`;

export interface CO {
  id: string;
  number: string;
  status: string;
  version: number;
  statusReason: string | null;
  orderId: string;
  kinds: string[];
  tier: string;
  approvals: { lane: string; requiredRole: string; status: string; decidedBy: { email: string } | null; delegate: { email: string } | null; escalations: number }[];
  evaluation: { tier: string; alternatives: { tier: string; dueDate: string | null }[]; requiredApprovals: { lane: string; role: string; rule: string }[]; impact: { priceDelta: string; costDelta: { total: string; overtimePremium: string } } | null; terms: { quantity: number; dueDate: string; unitPrice: string } | null };
  counterProposal: { by: { email: string }; comment: string; evaluation: { tier: string; terms: { dueDate: string } } } | null;
  comments: { author: { email: string }; body: string }[];
  history: { action: string; fromStatus: string | null; toStatus: string | null; actor: { email: string } | null; delegate: { email: string } | null }[];
}

/**
 * Proposes a change. Like the board, a change to an existing order names the order version it was
 * made from: the order's current one, read just before, unless the input names one itself.
 */
export async function propose(c: ApiClient, input: Record<string, unknown>, comment?: string) {
  const named = typeof input.orderId === 'string' && !('expectedOrderVersion' in input)
    ? { ...input, expectedOrderVersion: await orderVersion(c, input.orderId) }
    : input;
  return c.request<{ proposeChangeOrder: CO }>(`mutation($input: ChangeOrderInput!, $comment: String) { proposeChangeOrder(input: $input, comment: $comment) { ${CO_FIELDS} } }`, { input: named, comment });
}

/** The order's version as its reader sees it; null when the reader cannot see the order. */
export async function orderVersion(c: ApiClient, orderId: string): Promise<number | null> {
  const res = await c.request<{ order: { version: number } }>('query($id: ID!) { order(id: $id) { version } }', { id: orderId });
  return res.data?.order.version ?? null;
}

export const decide = (c: ApiClient, verb: 'approve' | 'withdraw', co: { id: string; version: number }, comment?: string) =>
  c.request<Record<string, CO>>(`mutation($id: ID!, $v: Int!, $c: String) { ${verb}ChangeOrder(id: $id, expectedVersion: $v, comment: $c) { ${CO_FIELDS} } }`, { id: co.id, v: co.version, c: comment });

export const reject = (c: ApiClient, co: { id: string; version: number }, reason: string) =>
  c.request<{ rejectChangeOrder: CO }>(`mutation($id: ID!, $v: Int!, $r: String!) { rejectChangeOrder(id: $id, expectedVersion: $v, reason: $r) { ${CO_FIELDS} } }`, { id: co.id, v: co.version, r: reason });

export const escalate = (c: ApiClient, co: { id: string; version: number }, comment: string) =>
  c.request<{ escalateChangeOrder: CO }>(`mutation($id: ID!, $v: Int!, $c: String!) { escalateChangeOrder(id: $id, expectedVersion: $v, comment: $c) { ${CO_FIELDS} } }`, { id: co.id, v: co.version, c: comment });

export const counter = (c: ApiClient, co: { id: string; version: number }, input: Record<string, unknown>, comment: string) =>
  c.request<{ counterProposeChangeOrder: CO }>(`mutation($id: ID!, $v: Int!, $i: ChangeOrderInput!, $c: String!) { counterProposeChangeOrder(id: $id, expectedVersion: $v, input: $i, comment: $c) { ${CO_FIELDS} } }`, { id: co.id, v: co.version, i: input, c: comment });

export const respond = (c: ApiClient, co: { id: string; version: number }, accept: boolean, comment?: string) =>
  c.request<{ respondToCounterProposal: CO }>(`mutation($id: ID!, $v: Int!, $a: Boolean!, $c: String) { respondToCounterProposal(id: $id, expectedVersion: $v, accept: $a, comment: $c) { ${CO_FIELDS} } }`, { id: co.id, v: co.version, a: accept, c: comment });

export const confirm = (c: ApiClient, co: { id: string; version: number }, orderVersion: number, comment?: string) =>
  c.request<{ confirmChangeOrder: CO }>(`mutation($id: ID!, $v: Int!, $o: Int!, $c: String) { confirmChangeOrder(id: $id, expectedVersion: $v, expectedOrderVersion: $o, comment: $c) { ${CO_FIELDS} } }`, { id: co.id, v: co.version, o: orderVersion, c: comment });

export const getCo = (c: ApiClient, id: string) => c.request<{ changeOrder: CO }>(`query($id: ID!) { changeOrder(id: $id) { ${CO_FIELDS} } }`, { id });

/** Data of a response, failing loudly with the GraphQL errors otherwise. */
export function ok<T>(res: { data?: T | null; errors?: unknown[] }): T {
  if (res.errors?.length || !res.data) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/**
 * The workflow scenario's plant: its first 15 working days already run at 79% (room left before
 * the ops manager is needed: 4 min a day; before overtime: 100; before it cannot fit: 220), so an
 * order due inside them (B, due in 9 working days) needs approval for one more unit, while one due
 * later (A, due in 25) has open capacity. `as(role)` signs in as the plant's user of that role: a
 * new session on every call, or one per role with `oneSessionPerRole`.
 */
export async function changeOrderScenario(
  server: TestServer,
  orders: PlantSpec['orders'],
  opts: { oneSessionPerRole?: boolean } = {},
): Promise<{ plant: FactoryPlant; as: (role: FactoryRole) => Promise<ApiClient> }> {
  const plant = await buildPlant(server.databaseUrl, { fillerMinutes: 380, fillerDays: 15, orders });
  const clients = new Map<FactoryRole, ApiClient>();
  const as = async (role: FactoryRole): Promise<ApiClient> => {
    if (!opts.oneSessionPerRole) return signIn(server.url, plant.users[role]);
    if (!clients.has(role)) clients.set(role, await signIn(server.url, plant.users[role]));
    return clients.get(role)!;
  };
  return { plant, as };
}

/** Order A of the scenario: due in 25 working days, in open capacity. */
export const ORDER_A = { quantity: 1, dueInWorkingDays: 25 };
/** Order B of the scenario: due in 9 working days, in the tight weeks. */
export const ORDER_B = { quantity: 1, dueInWorkingDays: 9 };
