import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeOrderFilter, AuditEventFilter, PolicyRule } from '../../../../schema/generated/server.ts';
import { notFound } from '../../shared/errors.ts';
import { decodeCursor, encodeCursor, notOurs, pageSize, type Page } from '../../shared/pagination.ts';
import { pgArray } from '../../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { ApproverRole, Lane } from '../../engine/index.ts';
import { isUuid } from '../../shared/ids.ts';
import { authorityFor } from './authority.ts';
import { authoritiesOf } from './authorities.ts';
import { approvalsOf, changeOrdersByIds, type ChangeOrderRow } from './change-order.repository.ts';

/** The audit columns as the API reads them (one definition for lists and per-change-order history). */
/**
 * An audit row with the names people use for what it is about (docs/product.md §9): the change
 * order's number, its order and customer, the rules its snapshot fired. Read with `AUDIT_FROM`.
 */
export const AUDIT_COLUMNS = `audit_event.id::text as id, audit_event.action, audit_event.actor_id as "actorId",
  audit_event.delegate_id as "delegateId", audit_event.entity_type as "entityType", audit_event.entity_id as "entityId",
  audit_event.from_status as "fromStatus", audit_event.to_status as "toStatus", audit_event.comment,
  audit_event.policy_version as "policyVersion", audit_event.created_at as at,
  coalesce(case audit_event.entity_type
      when 'ChangeOrder' then aco.number
      when 'Policy' then 'Policy v' || audit_event.policy_version
      when 'User' then (select u.name from app_user u where u.id::text = audit_event.entity_id)
    end, audit_event.entity_type || ' ' || left(audit_event.entity_id, 8)) as "entityLabel",
  ao.id::text as "orderId", ao.number as "orderNumber", acu.name as "customerName",
  coalesce((select array_agg(distinct r->>'rule') from jsonb_array_elements(
    case when jsonb_typeof(audit_event.data->'evaluation'->'requiredApprovals') = 'array'
      then audit_event.data->'evaluation'->'requiredApprovals' else '[]'::jsonb end) r), '{}') as rules`;

/** `audit_event` joined to the change order, order and customer an entry is about. */
export const AUDIT_FROM = `audit_event
  left join change_order aco on audit_event.entity_type = 'ChangeOrder' and aco.id::text = audit_event.entity_id
  left join sales_order ao on ao.id = aco.order_id
  left join customer acu on acu.id = coalesce(ao.customer_id, aco.customer_id)`;

export interface AuditEventRow {
  id: string;
  action: string;
  actorId: string | null;
  delegateId: string | null;
  entityType: string;
  entityId: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  policyVersion: number | null;
  at: Date;
  entityLabel: string;
  orderId: string | null;
  orderNumber: string | null;
  customerName: string | null;
  rules: PolicyRule[];
}

export async function changeOrderById(em: EntityManager, plantId: string, id: string): Promise<ChangeOrderRow> {
  const [co] = await changeOrdersByIds(em, plantId, isUuid(id) ? [id] : []);
  if (!co) throw notFound('Change order', id);
  return co;
}

/** Newest first; keyset pagination on (created_at, id) so pages never skip or repeat under inserts. */
export async function listChangeOrders(
  em: EntityManager,
  plantId: string,
  filter: ChangeOrderFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Page<ChangeOrderRow>> {
  const limit = pageSize(first, 100, 25);
  const where = ['co.plant_id = ?'];
  const params: unknown[] = [plantId];
  if (filter?.status?.length) { where.push('co.status = any(?::text[])'); params.push(pgArray(filter.status)); }
  if (filter?.tier?.length) { where.push('co.tier = any(?::text[])'); params.push(pgArray(filter.tier)); }
  if (filter?.lane) { where.push('exists (select 1 from change_order_approval a where a.change_order_id = co.id and a.lane = ?)'); params.push(filter.lane); }
  if (filter?.proposerId) { where.push('co.proposer_id::text = ?'); params.push(filter.proposerId); }
  if (filter?.customerId) { where.push('co.customer_id::text = ?'); params.push(filter.customerId); }
  // compared as uuid so that the order_id index serves it; a malformed id matches nothing
  if (filter?.orderId) { where.push('co.order_id = ?::uuid'); params.push(isUuid(filter.orderId) ? filter.orderId : null); }
  if (filter?.from) { where.push('co.created_at >= ?::date'); params.push(filter.from); }
  if (filter?.to) { where.push("co.created_at < ?::date + interval '1 day'"); params.push(filter.to); }
  if (after) {
    const [at, id] = decodeCursor(after, 2);
    if (!isUuid(id!) || Number.isNaN(Date.parse(at!))) throw notOurs();
    where.push('(co.created_at, co.id) < (?::timestamptz, ?::uuid)');
    params.push(at, id);
  }
  const rows = await em.execute<{ id: string; createdAt: Date }[]>(
    `select co.id, co.created_at as "createdAt" from change_order co where ${where.join(' and ')}
      order by co.created_at desc, co.id desc limit ?`,
    [...params, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    nodes: await changeOrdersByIds(em, plantId, page.map((r) => r.id)),
    endCursor: last ? encodeCursor([new Date(last.createdAt).toISOString(), last.id]) : null,
    hasNextPage: rows.length > limit,
  };
}

/**
 * What waits for this actor's decision (own role or as a delegate), oldest first, at most 500.
 * The lanes the actor may decide are chosen in SQL before the limit: a plant with hundreds of
 * change orders waiting for someone else (the plant manager, accounting) must not push the ones
 * waiting for this actor out of the page (the 30-minute soak found an ops manager's inbox empty
 * with five waiting for them behind 1,000 others).
 */
export async function approvalInbox(em: EntityManager, actor: Actor, today: string): Promise<ChangeOrderRow[]> {
  const authorities = await authoritiesOf(em, actor, today);
  const decidable = Object.values(Lane).flatMap((lane) =>
    Object.values(ApproverRole).filter((role) => authorityFor(authorities, lane, role) !== null).map((role) => [lane, role] as const),
  );
  if (decidable.length === 0) return [];
  const pending = await em.execute<{ id: string }[]>(
    `select co.id from change_order co
      where co.plant_id = ? and co.status = 'PENDING' and co.proposer_id <> ?
        and exists (select 1 from change_order_approval a
                     where a.change_order_id = co.id and a.status = 'PENDING'
                       and (a.lane, a.required_role) in (select * from unnest(?::text[], ?::text[])))
      order by co.created_at, co.id limit 500`,
    [actor.plantId, actor.userId, pgArray(decidable.map(([lane]) => lane)), pgArray(decidable.map(([, role]) => role))],
  );
  const rows = await changeOrdersByIds(em, actor.plantId, pending.map((r) => r.id));
  const approvals = await approvalsOf(em, rows.map((r) => r.id));
  // Never one's own proposal, not even as someone's delegate (docs/product.md §1).
  return rows.filter((co) => approvals.some((a) => a.changeOrderId === co.id && a.status === 'PENDING' &&
    authorityFor(authorities.filter((x) => x.userId !== co.proposerId), a.lane, a.requiredRole) !== null),
  );
}

/** `%`, `_` and `\\` taken literally in an ILIKE pattern. */
const likeLiteral = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The audit trail of a plant, oldest first or newest first; keyset pagination on the increasing id.
 * Filters by order, customer and search words go through the change order an entry is about.
 */
export async function listAuditEvents(
  em: EntityManager,
  plantId: string,
  filter: AuditEventFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Page<AuditEventRow>> {
  const limit = pageSize(first, 500, 100);
  const where = ['audit_event.plant_id = ?'];
  const params: unknown[] = [plantId];
  const add = (sql: string, ...values: unknown[]) => { where.push(sql); params.push(...values); };
  if (filter?.entityType) add('audit_event.entity_type = ?', filter.entityType);
  if (filter?.entityId) add('audit_event.entity_id = ?', filter.entityId);
  if (filter?.actorId) add('(audit_event.actor_id::text = ? or audit_event.delegate_id::text = ?)', filter.actorId, filter.actorId);
  if (filter?.from) add('audit_event.created_at >= ?', filter.from);
  if (filter?.to) add('audit_event.created_at < ?', filter.to);
  if (filter?.id) add('audit_event.id::text = ?', filter.id);
  if (filter?.orderId) add('aco.order_id::text = ?', filter.orderId);
  if (filter?.customerId) add('acu.id::text = ?', filter.customerId);
  if (filter?.rule) add(`audit_event.data->'evaluation'->'requiredApprovals' @> ?::jsonb`, JSON.stringify([{ rule: filter.rule }]));
  const words = filter?.search?.trim();
  if (words) {
    const like = likeLiteral(words);
    add(`(audit_event.comment ilike ? or audit_event.action ilike ? or aco.number ilike ? or ao.number ilike ? or acu.name ilike ?
      or exists (select 1 from app_user u where u.id in (audit_event.actor_id, audit_event.delegate_id) and u.name ilike ?))`,
    like, like, like, like, like, like);
  }
  const newestFirst = filter?.newestFirst === true;
  if (after) {
    const [id] = decodeCursor(after, 1);
    if (!/^\d+$/.test(id!)) throw notOurs();
    add(newestFirst ? 'audit_event.id < ?' : 'audit_event.id > ?', id);
  }
  const rows = await em.execute<AuditEventRow[]>(
    `select ${AUDIT_COLUMNS} from ${AUDIT_FROM} where ${where.join(' and ')}
      order by audit_event.id ${newestFirst ? 'desc' : ''} limit ?`,
    [...params, limit + 1],
  );
  const page = rows.slice(0, limit);
  return { nodes: page, endCursor: page.length ? encodeCursor([page[page.length - 1]!.id]) : null, hasNextPage: rows.length > limit };
}

export type ChangeOrderPage = Page<ChangeOrderRow>;
export type AuditEventPage = Page<AuditEventRow>;
