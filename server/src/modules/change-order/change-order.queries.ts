import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeOrderFilter } from '../../../../schema/generated/server.ts';
import { notFound } from '../../shared/errors.ts';
import { decodeCursor, encodeCursor, notOurs, pageSize, type Page } from '../../shared/pagination.ts';
import { pgArray } from '../../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { ApproverRole, Lane } from '../../engine/index.ts';
import { isUuid } from '../../shared/ids.ts';
import { authorityFor } from './authority.ts';
import { authoritiesOf } from './authorities.ts';
import { approvalsOf, changeOrdersByIds, type ChangeOrderRow } from './change-order.repository.ts';

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

export type ChangeOrderPage = Page<ChangeOrderRow>;
