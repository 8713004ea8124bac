import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../shared/errors.ts';
import { pgArray } from '../../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { changeOrdersByIds, type ChangeOrderRow } from '../change-order/change-order.repository.ts';
import { decodeSeqCursor, encodeCursor, pageSize, type Page } from '../../shared/pagination.ts';
import { isUuid } from '../../shared/ids.ts';
import type { NotificationKind } from './notification.plan.ts';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  message: string;
  changeOrderId: string | null;
  /** The order an ORDER_AT_RISK notification is about. */
  orderId: string | null;
  /** The dates the plant could promise that order when it was told (ORDER_AT_RISK). */
  promiseDates: { tier: string; dueDate: string }[];
  /** Attached by the list query (one batch read), so the field costs no query per row. */
  changeOrder: ChangeOrderRow | null;
  actions: string[];
  createdAt: Date;
  readAt: Date | null;
}

export type NotificationPage = Page<NotificationRow>;

/** The actor's notifications, newest first; keyset pagination on the increasing `seq`. */
export async function listNotifications(
  em: EntityManager,
  actor: Actor,
  opts: { unreadOnly?: boolean | null; first?: number | null; after?: string | null },
): Promise<NotificationPage> {
  const limit = pageSize(opts.first, 100, 25);
  const where = ['user_id = ?'];
  const params: unknown[] = [actor.userId];
  if (opts.unreadOnly) where.push('read_at is null');
  if (opts.after) {
    where.push('seq < ?');
    params.push(decodeSeqCursor(opts.after));
  }
  const rows = await em.execute<(Omit<NotificationRow, 'changeOrder'> & { seq: string })[]>(
    `select id, seq, kind, message, change_order_id as "changeOrderId", order_id as "orderId", promise_dates as "promiseDates", actions, created_at as "createdAt", read_at as "readAt"
       from notification where ${where.join(' and ')} order by seq desc limit ?`,
    [...params, limit + 1],
  );
  const page = rows.slice(0, limit);
  const cos = await changeOrdersByIds(em, actor.plantId, [...new Set(page.flatMap((n) => n.changeOrderId ?? []))]);
  const byId = new Map(cos.map((c) => [c.id, c]));
  const last = page[page.length - 1];
  return {
    nodes: page.map(({ seq: _, ...n }) => ({ ...n, changeOrder: n.changeOrderId ? (byId.get(n.changeOrderId) ?? null) : null })),
    endCursor: last ? encodeCursor([last.seq]) : null,
    hasNextPage: rows.length > limit,
  };
}

export async function unreadCount(em: EntityManager, actor: Actor): Promise<number> {
  const [row] = await em.execute<{ n: number }[]>('select count(*)::int as n from notification where user_id = ? and read_at is null', [actor.userId]);
  return row!.n;
}

/** Marks the actor's own unread notifications read (the given ids, or all); returns how many changed. */
export async function markRead(em: EntityManager, actor: Actor, ids: readonly string[] | null | undefined, all: boolean | null | undefined): Promise<number> {
  if (all && ids?.length) throw badInput('Pass either "ids" or "all: true", not both.', 'ids');
  if (!all && !ids?.length) throw badInput('Pass the notification ids to mark read, or "all: true".', 'ids');
  if (ids && ids.length > 500) throw badInput('At most 500 ids at a time; use "all: true" for more.', 'ids');
  const where = ['user_id = ?', 'read_at is null'];
  const params: unknown[] = [actor.userId];
  if (!all) {
    where.push('id = any(?::uuid[])');
    params.push(pgArray(ids!.filter(isUuid)));
  }
  const rows = await em.execute<{ id: string }[]>(`update notification set read_at = now() where ${where.join(' and ')} returning id`, params);
  return rows.length;
}
