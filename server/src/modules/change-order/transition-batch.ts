import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../db/sql.ts';
import type { Role } from '../auth/user.entity.ts';
import type { PlantWrite } from '../events/write-path.ts';
import { APPROVAL_COLUMNS, type ApprovalRow, type ChangeOrderRow } from './change-order.repository.ts';
import type { Transition } from './transitions.ts';

/** A user of the plant, as transition subscribers address them. */
export interface PlantUser {
  id: string;
  email: string;
  role: Role;
}

/** A change order as the write leaves it, as transition subscribers read it. */
export type BatchChangeOrder = Pick<ChangeOrderRow, 'id' | 'number' | 'status' | 'proposerId' | 'orderId' | 'counter' | 'evaluation'>;

/** One write's change-order transitions and what its subscribers read about them at the end of the write. */
export interface TransitionBatch {
  /** The write's own time as its commands stamped the change orders. */
  now: Date;
  /** The user who made the write; null for the system (SLA escalation). */
  actorId: string | null;
  /** The change orders transitioned, in order of their first transition, each with its transitions in order. */
  changeOrders: { co: BatchChangeOrder; transitions: readonly Transition[] }[];
  /** The change orders' approvals as the write leaves them. */
  approvals: readonly ApprovalRow[];
  users: ReadonlyMap<string, PlantUser>;
  /** Active delegations today: user id → the delegates acting for them. */
  delegatesOf: ReadonlyMap<string, readonly string[]>;
  /** Numbers of the change orders' sales orders, by order id. */
  orderNumbers: ReadonlyMap<string, string>;
  /** The billing adjustment an APPLIED transition in this write recorded, by change order. */
  billing: ReadonlyMap<string, { priceDeltaCents: number; costDeltaCents: number }>;
  /** The plant's live webhooks: the events each subscribes to, null for all. */
  hooks: readonly { id: string; events: string[] | null }[];
}

export async function readTransitionBatch(w: PlantWrite, transitions: readonly Transition[]): Promise<TransitionBatch> {
  const ids = [...new Set(transitions.map((t) => t.changeOrderId))];
  const applied = [...new Set(transitions.filter((t) => t.action === 'APPLIED').map((t) => t.changeOrderId))];
  const row = await readAll(w.em, w.plantId, ids, applied);
  const byId = new Map(row.changeOrders.map((c) => [c.id, c]));
  const delegatesOf = new Map<string, string[]>();
  for (const d of row.delegations) delegatesOf.set(d.userId, [...(delegatesOf.get(d.userId) ?? []), d.delegateId]);
  return {
    now: new Date(row.now),
    actorId: w.actor?.kind === 'user' ? w.actor.userId : null,
    changeOrders: ids.flatMap((id) => {
      const co = byId.get(id);
      return co ? [{ co, transitions: transitions.filter((t) => t.changeOrderId === id) }] : [];
    }),
    approvals: row.approvals.map((a) => ({
      ...a, pendingSince: new Date(a.pendingSince), decidedAt: a.decidedAt === null ? null : new Date(a.decidedAt),
    })),
    users: new Map(row.users.map((u) => [u.id, u])),
    delegatesOf,
    orderNumbers: new Map(row.orders.map((o) => [o.id, o.number])),
    billing: new Map(row.billing.map((b) => [b.id, { priceDeltaCents: Number(b.price), costDeltaCents: Number(b.cost) }])),
    hooks: row.hooks,
  };
}

/** Everything a batch reads, as JSON carries it (text and numbers). */
interface BatchRow {
  now: string;
  changeOrders: BatchChangeOrder[];
  /** Approvals of the change orders, by change order and lane; times as JSON gives them. */
  approvals: (Omit<ApprovalRow, 'pendingSince' | 'decidedAt'> & { pendingSince: string; decidedAt: string | null })[];
  users: PlantUser[];
  /** Delegations active today in the plant's time zone. */
  delegations: { userId: string; delegateId: string }[];
  orders: { id: string; number: string }[];
  /** Billing adjustments of the change orders applied in this write, oldest first (the last one wins). */
  billing: { id: string; price: string | number; cost: string | number }[];
  hooks: { id: string; events: string[] | null }[];
}

/**
 * Everything the subscribers read, in one round trip (it runs under the plant lock, whose hold time
 * limits the plant's write throughput): the clock, the change orders and their approvals as the
 * write leaves them, users, today's delegations, order numbers, billing adjustments and webhooks.
 */
async function readAll(em: EntityManager, plantId: string, changeOrderIds: readonly string[], appliedIds: readonly string[]): Promise<BatchRow> {
  const [row] = await em.execute<BatchRow[]>(
    // "now" is the write's own time as its commands stamped the change orders (the server's
    // clock, which a demo or a test may shift), not the database's: delegations are by that day
    `with w as (select p.id, p.time_zone, coalesce((select max(c.updated_at) from change_order c where c.id = any(?::uuid[])), now()) as now
                  from plant p where p.id = ?),
          t as (select id, now, (now at time zone time_zone)::date as today from w)
     select t.now,
       coalesce((select json_agg(json_build_object('id', c.id, 'number', c.number, 'status', c.status, 'proposerId', c.proposer_id,
                                                   'orderId', c.order_id, 'counter', c.counter, 'evaluation', c.evaluation))
                   from change_order c where c.plant_id = t.id and c.id = any(?::uuid[])), '[]') as "changeOrders",
       coalesce((select json_agg(x order by x."changeOrderId", x.lane) from (
                   select ${APPROVAL_COLUMNS} from change_order_approval where change_order_id = any(?::uuid[])) x), '[]') as approvals,
       coalesce((select json_agg(json_build_object('id', u.id, 'email', u.email, 'role', u.role)) from app_user u where u.plant_id = t.id), '[]') as users,
       coalesce((select json_agg(json_build_object('userId', d.user_id, 'delegateId', d.delegate_id)) from delegation d join app_user u on u.id = d.user_id
                  where u.plant_id = t.id and d.revoked_at is null and d.starts_on <= t.today and d.ends_on >= t.today), '[]') as delegations,
       coalesce((select json_agg(json_build_object('id', o.id, 'number', o.number)) from sales_order o
                  where o.id in (select c.order_id from change_order c where c.id = any(?::uuid[]))), '[]') as orders,
       coalesce((select json_agg(json_build_object('id', b.change_order_id, 'price', b.price_delta_cents, 'cost', b.cost_delta_cents) order by b.created_at)
                  from billing_adjustment b where b.change_order_id = any(?::uuid[])), '[]') as billing,
       coalesce((select json_agg(json_build_object('id', h.id, 'events', h.events)) from webhook h where h.plant_id = t.id and h.deleted_at is null), '[]') as hooks
       from t`,
    [pgArray(changeOrderIds), plantId, pgArray(changeOrderIds), pgArray(changeOrderIds), pgArray(changeOrderIds), pgArray(appliedIds)],
  );
  return row!;
}
