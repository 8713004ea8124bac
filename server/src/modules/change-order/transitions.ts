import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../db/sql.ts';
import type { Role } from '../auth/roles.ts';
import type { PlantWrite, WriteTopic } from '../events/write-path.ts';
import { APPROVAL_COLUMNS, type ApprovalRow, type ChangeOrderRow, type ChangeOrderStatus } from './change-order.repository.ts';

/** One step of a change order's lifecycle, as the audit trail and the board see it. */
export interface Transition {
  changeOrderId: string;
  orderId: string;
  /** PROPOSED, APPROVED, REJECTED, ESCALATED, SLA_ESCALATED, COUNTER_PROPOSED, COUNTER_ACCEPTED, COUNTER_DECLINED, WITHDRAWN, APPLIED, REEVALUATED, ORDER_CHANGED, CONFIRMED, COMMENTED */
  action: string;
  from: ChangeOrderStatus | null;
  to: ChangeOrderStatus;
  /** The version after the transition. */
  version: number;
  comment?: string | null;
  policyVersion: number;
  /** The evaluation snapshot the transition was decided on. */
  evaluation?: unknown;
  /** The lane a decision was made in. */
  lane?: string | null;
  /** Set when a delegate decided with someone else's authority: the audit records both names. */
  onBehalfOf?: { userId: string; delegateId: string } | null;
  /** The parts of the dispute the approver had on screen, with their numbers at the decision (docs/product.md §5.5). */
  disputeSeen?: { facts: readonly string[]; data: unknown } | null;
}

/**
 * Hears of a write's change-order transitions, inside its transaction, after the command: what it
 * writes commits exactly when the transitions do (no notification for a change that rolled back).
 */
export type TransitionSubscriber = (w: PlantWrite, batch: TransitionBatch) => Promise<void>;

/**
 * The change-order lifecycle's record on the write path. Every transition writes an audit event
 * (actor and delegate from the write, the evaluation snapshot) and a CHANGE_ORDER_UPDATED board
 * event, in the same transaction (docs/product.md §5, §6). At the end of the write its subscribers,
 * registered at assembly (services.ts), receive all of the write's transitions together — after
 * the command, so they see the approvals and status the write ends with (a proposal's approval
 * rows are created after its PROPOSED transition).
 */
export class Transitions implements WriteTopic<Transition> {
  readonly #subscribers: readonly TransitionSubscriber[];
  constructor(subscribers: readonly TransitionSubscriber[]) {
    this.#subscribers = subscribers;
  }

  record(w: PlantWrite, t: Transition): void {
    w.audit({
      action: t.action,
      entityType: 'ChangeOrder',
      entityId: t.changeOrderId,
      fromStatus: t.from,
      toStatus: t.to,
      comment: t.comment ?? null,
      policyVersion: t.policyVersion,
      onBehalfOf: t.onBehalfOf ?? null,
      data: { ...(t.lane ? { lane: t.lane } : {}), ...(t.evaluation ? { evaluation: t.evaluation } : {}), ...(t.disputeSeen ? { disputeSeen: t.disputeSeen } : {}) },
    });
    w.emit({ type: 'CHANGE_ORDER_UPDATED', changeOrderId: t.changeOrderId, orderId: t.orderId, status: t.to, version: t.version });
    w.publish(this, t);
  }

  /** Reads once what the subscribers need (one round trip under the plant lock), then runs them in order. */
  async deliver(w: PlantWrite, transitions: readonly Transition[]): Promise<void> {
    if (this.#subscribers.length === 0) return;
    const batch = await readTransitionBatch(w, transitions);
    for (const subscriber of this.#subscribers) await subscriber(w, batch);
  }
}

/** A user of the plant, as transition subscribers address them. */
export interface PlantUser {
  id: string;
  email: string;
  /** What people read (notifications name people, never their email). */
  name: string;
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

async function readTransitionBatch(w: PlantWrite, transitions: readonly Transition[]): Promise<TransitionBatch> {
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
       coalesce((select json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'role', u.role)) from app_user u where u.plant_id = t.id), '[]') as users,
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
