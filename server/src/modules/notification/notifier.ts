import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../db/sql.ts';
import type { PlantWrite } from '../events/write-path.ts';
import { APPROVAL_COLUMNS, type ApprovalRow, type ChangeOrderRow } from '../change-order/change-order.repository.ts';
import type { Transition } from '../change-order/transitions.ts';
import { formatMoney } from '../../shared/money.ts';
import { enqueueDeliveries, eventName, type OutgoingEvent, type Webhook } from '../webhook/webhook.outbox.ts';
import { planNotifications, type PlannedNotification, type PlantUser } from './notification.plan.ts';

const queued = new WeakMap<PlantWrite, Transition[]>();

/**
 * Called by `recordTransition` for every change-order transition. It only queues: at the end of
 * the write, still inside its transaction, the notifications and webhook deliveries of all the
 * write's transitions are written together — after the command, so they see the approvals and
 * status the write ends with (a proposal's approval rows are created after its PROPOSED
 * transition), and atomically with it (no notification for a change that rolled back).
 */
export function noteTransition(w: PlantWrite, t: Transition): void {
  let list = queued.get(w);
  if (!list) {
    const transitions: Transition[] = [];
    list = transitions;
    queued.set(w, transitions);
    w.beforeCommit(() => fanOut(w, transitions));
  }
  list.push(t);
}

async function fanOut(w: PlantWrite, transitions: readonly Transition[]): Promise<void> {
  const { em, plantId } = w;
  const ids = [...new Set(transitions.map((t) => t.changeOrderId))];
  const applied = [...new Set(transitions.filter((t) => t.action === 'APPLIED').map((t) => t.changeOrderId))];
  const ctx = await contextOf(em, plantId, ids, applied);
  const byId = new Map(ctx.changeOrders.map((c) => [c.id, c]));
  const cos = ids.flatMap((id) => byId.get(id) ?? []);
  const approvals: ApprovalRow[] = ctx.approvals.map((a) => ({
    ...a, pendingSince: new Date(a.pendingSince), decidedAt: a.decidedAt === null ? null : new Date(a.decidedAt),
  }));
  const users = new Map(ctx.users.map((u) => [u.id, u]));
  const delegatesOf = new Map<string, string[]>();
  for (const d of ctx.delegations) delegatesOf.set(d.userId, [...(delegatesOf.get(d.userId) ?? []), d.delegateId]);
  const orderNumbers = new Map(ctx.orders.map((o) => [o.id, o.number]));
  const billing = new Map(ctx.billing.map((b) => [b.id, { priceDeltaCents: Number(b.price), costDeltaCents: Number(b.cost) }]));
  const actorId = w.actor?.kind === 'user' ? w.actor.userId : null;

  const planned: PlannedNotification[] = [];
  const events: OutgoingEvent[] = [];
  const occurredAt = new Date(ctx.now).toISOString();
  for (const co of cos) {
    const own = transitions.filter((t) => t.changeOrderId === co.id);
    planned.push(...planNotifications({
      co, transitions: own, approvals: approvals.filter((a) => a.changeOrderId === co.id), users, delegatesOf, actorId,
      orderNumber: orderNumbers.get(co.orderId) ?? null, billing: billing.get(co.id) ?? null,
    }));
    for (const t of own) events.push({ event: eventName(t.action), occurredAt, changeOrder: payload(co, t, users, actorId, orderNumbers.get(co.orderId) ?? null) });
  }
  await insertNotifications(em, plantId, planned);
  await enqueueDeliveries(em, plantId, ctx.hooks, events);
}

/** A change order as the fan-out reads it. */
type FanOutChangeOrder = Pick<ChangeOrderRow, 'id' | 'number' | 'status' | 'proposerId' | 'orderId' | 'counter' | 'evaluation'>;

/** Everything the fan-out reads at the end of the write. */
interface FanOutContext {
  now: Date;
  changeOrders: FanOutChangeOrder[];
  /** Approvals of the change orders, by change order and lane; times as JSON gives them. */
  approvals: (Omit<ApprovalRow, 'pendingSince' | 'decidedAt'> & { pendingSince: string; decidedAt: string | null })[];
  users: PlantUser[];
  /** Delegations active today in the plant's time zone. */
  delegations: { userId: string; delegateId: string }[];
  /** Numbers of the change orders' sales orders. */
  orders: { id: string; number: string }[];
  /** Billing adjustments of the change orders applied in this write, oldest first (the last one wins). */
  billing: { id: string; price: string | number; cost: string | number }[];
  hooks: Webhook[];
}

/**
 * Everything the fan-out reads, in one round trip (it runs under the plant lock, whose hold time
 * limits the plant's write throughput): the clock, the change orders and their approvals as the
 * write leaves them, users, today's delegations, order numbers, billing adjustments and webhooks.
 * JSON carries it as is (text and numbers) except the approvals' times, which the caller parses.
 */
async function contextOf(em: EntityManager, plantId: string, changeOrderIds: readonly string[], appliedIds: readonly string[]): Promise<FanOutContext> {
  const [row] = await em.execute<FanOutContext[]>(
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

/** The `changeOrder` of a webhook body: the change order as of this transition. */
function payload(co: FanOutChangeOrder, t: Transition, users: ReadonlyMap<string, PlantUser>, actorId: string | null, orderNumber: string | null) {
  const person = (id: string | null) => (id && users.has(id) ? { id, email: users.get(id)!.email } : null);
  const evaluation = (t.evaluation as ChangeOrderRow['evaluation'] | undefined) ?? co.evaluation;
  return {
    id: co.id,
    number: co.number,
    orderId: co.orderId,
    orderNumber,
    action: t.action,
    fromStatus: t.from,
    status: t.to,
    version: t.version,
    lane: t.lane ?? null,
    comment: t.comment?.trim() || null,
    kinds: evaluation.kinds,
    tier: evaluation.tier,
    priceDelta: evaluation.impact ? formatMoney(evaluation.impact.priceDeltaCents) : null,
    costDelta: evaluation.impact ? formatMoney(evaluation.impact.costDelta.totalCents) : null,
    proposer: person(co.proposerId),
    actor: person(actorId),
  };
}

async function insertNotifications(em: EntityManager, plantId: string, rows: readonly PlannedNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await em.execute(
    `insert into notification (plant_id, user_id, kind, change_order_id, actions, message) values ${rows.map(() => '(?, ?, ?, ?, ?::text[], ?)').join(', ')}`,
    rows.flatMap((n) => [plantId, n.userId, n.kind, n.changeOrderId, pgArray(n.actions), n.message]),
  );
}
