import type { EntityManager } from '@mikro-orm/postgresql';
import type { Change, Evaluation, Lane } from '../../engine/index.ts';
import type { ChangeOrderInput } from '../../../../schema/generated/server.ts';
import { pgArray } from '../../db/sql.ts';
import type { Role } from '../auth/roles.ts';

export type ChangeOrderStatus =
  | 'AUTO_APPROVED' | 'PENDING' | 'APPROVED' | 'APPLIED' | 'REJECTED' | 'COUNTER_PROPOSED' | 'WITHDRAWN' | 'CLOSED' | 'INFEASIBLE' | 'RETURNED';

/** What was asked: the engine's change (days, cents) and the original input for display. */
export interface StoredRequest {
  change: Change;
  input: ChangeOrderInput;
  customerId: string | null;
}

/** An approver's alternative, with its own evaluation. */
export interface StoredCounter {
  byUserId: string;
  byRole: Role;
  delegateId: string | null;
  request: StoredRequest;
  evaluation: Evaluation;
  comment: string;
  createdAt: string;
}

export interface ChangeOrderRow {
  id: string;
  plantId: string;
  number: string;
  status: ChangeOrderStatus;
  version: number;
  proposerId: string;
  orderId: string;
  /** The order version a change to its terms was made from; null for a new order or a job move. */
  orderVersion: number | null;
  customerId: string | null;
  kinds: string[];
  request: StoredRequest;
  evaluation: Evaluation;
  tier: string;
  policyVersion: number;
  statusReason: string | null;
  counter: StoredCounter | null;
  createdAt: Date;
  updatedAt: Date;
  appliedAt: Date | null;
  /** Where it came from when not from the board (docs/import.md, "After go-live"); null: the board. */
  origin: ChangeOrderOriginRow | null;
}

/** The stored origin of a change order made from an order row (import/go-live.ts writes it). */
export interface ChangeOrderOriginRow {
  source: 'IMPORT' | 'INTEGRATION';
  tokenName: string | null;
  batch: string | null;
  file: string;
  row: number;
  orderNumber: string;
  /** The row's terms, to know a re-pushed row that asks for the same again. */
  terms: string;
}

/** A comment on a change order (read per change order by the request's loaders). */
export interface CommentRow {
  id: string;
  authorId: string;
  body: string;
  createdAt: Date;
}

export interface ApprovalRow {
  changeOrderId: string;
  lane: Lane;
  requiredRole: Role;
  status: 'PENDING' | 'GRANTED' | 'REJECTED';
  grantedRole: Role | null;
  decidedBy: string | null;
  delegateId: string | null;
  decidedAt: Date | null;
  comment: string | null;
  pendingSince: Date;
  escalations: number;
  escalatedRoles: Role[];
}

const CO_COLUMNS = `id, plant_id as "plantId", number, status, version, proposer_id as "proposerId", order_id as "orderId",
  order_version as "orderVersion", customer_id as "customerId", kinds, request, evaluation, tier, policy_version as "policyVersion", status_reason as "statusReason",
  counter, created_at as "createdAt", updated_at as "updatedAt", applied_at as "appliedAt", origin`;

/** An approval row as an `ApprovalRow`. */
export const APPROVAL_COLUMNS = `change_order_id as "changeOrderId", lane, required_role as "requiredRole", status, granted_role as "grantedRole",
  decided_by as "decidedBy", delegate_id as "delegateId", decided_at as "decidedAt", comment, pending_since as "pendingSince",
  escalations, escalated_roles as "escalatedRoles"`;

/** Change orders of a plant by id, in the order asked. `lock` takes row locks (inside the write path). */
export async function changeOrdersByIds(em: EntityManager, plantId: string, ids: readonly string[], lock = false): Promise<ChangeOrderRow[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<ChangeOrderRow[]>(
    `select ${CO_COLUMNS} from change_order where plant_id = ? and id = any(?::uuid[])${lock ? ' for update' : ''}`,
    [plantId, pgArray(ids)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function approvalsOf(em: EntityManager, changeOrderIds: readonly string[]): Promise<ApprovalRow[]> {
  if (changeOrderIds.length === 0) return [];
  return em.execute<ApprovalRow[]>(
    `select ${APPROVAL_COLUMNS} from change_order_approval where change_order_id = any(?::uuid[]) order by change_order_id, lane`,
    [pgArray(changeOrderIds)],
  );
}

/**
 * Records a new change order in one round trip (it runs under the plant lock): the next number of
 * the plant (under the lock, so numbers never repeat), the order's customer unless given, the row
 * itself, read back with RETURNING.
 */
export async function insertChangeOrder(
  em: EntityManager,
  row: Pick<ChangeOrderRow, 'plantId' | 'status' | 'proposerId' | 'orderId' | 'orderVersion' | 'customerId' | 'kinds' | 'request' | 'evaluation' | 'tier' | 'policyVersion' | 'statusReason'>,
  now: Date,
): Promise<ChangeOrderRow> {
  const [inserted] = await em.execute<ChangeOrderRow[]>(
    `with n as (update plant set change_order_seq = change_order_seq + 1 where id = ? returning change_order_seq)
     insert into change_order (plant_id, number, status, proposer_id, order_id, order_version, customer_id, kinds, request, evaluation, tier,
       policy_version, status_reason, created_at, updated_at)
     select ?::uuid, 'CO-' || n.change_order_seq, ?::text, ?::uuid, ?::uuid, ?::int,
            coalesce(?::uuid, (select customer_id from sales_order where id = ?::uuid)), ?::text[], ?::jsonb, ?::jsonb, ?::text,
            ?::int, ?::text, ?::timestamptz, ?::timestamptz
       from n
     returning ${CO_COLUMNS}`,
    [row.plantId, row.plantId, row.status, row.proposerId, row.orderId, row.orderVersion, row.customerId, row.orderId, pgArray(row.kinds),
      JSON.stringify(row.request), JSON.stringify(row.evaluation), row.tier, row.policyVersion, row.statusReason, now, now],
  );
  return inserted!;
}

/** Writes a transition: status, reason and any of evaluation/request/counter; bumps the version. */
export async function updateChangeOrder(
  em: EntityManager,
  id: string,
  patch: { status: ChangeOrderStatus; statusReason?: string | null; evaluation?: Evaluation; request?: StoredRequest; counter?: StoredCounter | null; applied?: boolean; orderVersion?: number | null },
  now: Date,
): Promise<void> {
  const sets = ['status = ?', 'version = version + 1', 'updated_at = ?'];
  const params: unknown[] = [patch.status, now];
  if (patch.statusReason !== undefined) { sets.push('status_reason = ?'); params.push(patch.statusReason); }
  if (patch.evaluation) {
    sets.push('evaluation = ?::jsonb', 'tier = ?', 'policy_version = ?', 'kinds = ?::text[]');
    params.push(JSON.stringify(patch.evaluation), patch.evaluation.tier, patch.evaluation.policyVersion, pgArray(patch.evaluation.kinds));
  }
  if (patch.request) { sets.push('request = ?::jsonb'); params.push(JSON.stringify(patch.request)); }
  if (patch.counter !== undefined) { sets.push('counter = ?::jsonb'); params.push(patch.counter === null ? null : JSON.stringify(patch.counter)); }
  if (patch.applied) { sets.push('applied_at = ?'); params.push(now); }
  if (patch.orderVersion !== undefined) { sets.push('order_version = ?'); params.push(patch.orderVersion); }
  await em.execute(`update change_order set ${sets.join(', ')} where id = ?`, [...params, id]);
}

/** Replaces a change order's approval rows with one PENDING row per lane the evaluation requires. */
export async function resetApprovals(em: EntityManager, changeOrderId: string, laneRoles: Partial<Record<Lane, Role>>, now: Date): Promise<void> {
  await em.execute('delete from change_order_approval where change_order_id = ?', [changeOrderId]);
  for (const [lane, role] of Object.entries(laneRoles)) {
    await em.execute(
      'insert into change_order_approval (change_order_id, lane, required_role, status, pending_since) values (?, ?, ?, ?, ?)',
      [changeOrderId, lane, role, 'PENDING', now],
    );
  }
}

export async function decideApproval(
  em: EntityManager,
  changeOrderId: string,
  lane: Lane,
  decision: { status: 'GRANTED' | 'REJECTED'; grantedRole: Role | null; decidedBy: string; delegateId: string | null; comment: string | null },
  now: Date,
): Promise<void> {
  await em.execute(
    `update change_order_approval set status = ?, granted_role = ?, decided_by = ?, delegate_id = ?, decided_at = ?, comment = ?
      where change_order_id = ? and lane = ?`,
    [decision.status, decision.grantedRole, decision.decidedBy, decision.delegateId, now, decision.comment, changeOrderId, lane],
  );
}

/** A rejected lane goes back to PENDING at the next tier; the tier it left is remembered (once per tier). */
export async function escalateApproval(em: EntityManager, changeOrderId: string, lane: Lane, from: Role, to: Role, now: Date): Promise<void> {
  await em.execute(
    `update change_order_approval set status = 'PENDING', required_role = ?, granted_role = null, decided_by = null, delegate_id = null,
       decided_at = null, comment = null, pending_since = ?, escalations = escalations + 1, escalated_roles = array_append(escalated_roles, ?)
      where change_order_id = ? and lane = ?`,
    [to, now, from, changeOrderId, lane],
  );
}

export async function insertComment(em: EntityManager, changeOrderId: string, authorId: string, body: string, now: Date): Promise<void> {
  await em.execute('insert into change_order_comment (change_order_id, author_id, body, created_at) values (?, ?, ?, ?)', [changeOrderId, authorId, body, now]);
}
