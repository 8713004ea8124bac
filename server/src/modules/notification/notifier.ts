import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../db/sql.ts';
import type { PlantWrite } from '../events/write-path.ts';
import { approvalsOf, changeOrdersByIds, type ChangeOrderRow } from '../change-order/change-order.repository.ts';
import type { Transition } from '../change-order/transitions.ts';
import { formatMoney } from '../shared/money.ts';
import { enqueueDeliveries, eventName, type OutgoingEvent } from '../webhook/webhook.outbox.ts';
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
  const cos = await changeOrdersByIds(em, plantId, ids);
  const [clock] = await em.execute<{ now: Date; today: string }[]>(
    `select now() as now, (now() at time zone time_zone)::date::text as today from plant where id = ?`,
    [plantId],
  );
  const approvals = await approvalsOf(em, ids);
  const users = new Map((await em.execute<PlantUser[]>('select id, email, role from app_user where plant_id = ?', [plantId])).map((u) => [u.id, u]));
  const delegatesOf = await activeDelegations(em, plantId, clock!.today);
  const orderNumbers = await numbersOf(em, cos.map((c) => c.orderId));
  const billing = await billingOf(em, cos.filter((c) => transitions.some((t) => t.changeOrderId === c.id && t.action === 'APPLIED')).map((c) => c.id));
  const actorId = w.actor?.kind === 'user' ? w.actor.userId : null;

  const planned: PlannedNotification[] = [];
  const events: OutgoingEvent[] = [];
  const occurredAt = new Date(clock!.now).toISOString();
  for (const co of cos) {
    const own = transitions.filter((t) => t.changeOrderId === co.id);
    planned.push(...planNotifications({
      co, transitions: own, approvals: approvals.filter((a) => a.changeOrderId === co.id), users, delegatesOf, actorId,
      orderNumber: orderNumbers.get(co.orderId) ?? null, billing: billing.get(co.id) ?? null,
    }));
    for (const t of own) events.push({ event: eventName(t.action), occurredAt, changeOrder: payload(co, t, users, actorId, orderNumbers.get(co.orderId) ?? null) });
  }
  await insertNotifications(em, plantId, planned);
  await enqueueDeliveries(em, plantId, events);
}

/** The `changeOrder` of a webhook body: the change order as of this transition. */
function payload(co: ChangeOrderRow, t: Transition, users: ReadonlyMap<string, PlantUser>, actorId: string | null, orderNumber: string | null) {
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

async function activeDelegations(em: EntityManager, plantId: string, today: string): Promise<Map<string, string[]>> {
  const rows = await em.execute<{ userId: string; delegateId: string }[]>(
    `select d.user_id as "userId", d.delegate_id as "delegateId" from delegation d join app_user u on u.id = d.user_id
      where u.plant_id = ? and d.revoked_at is null and d.starts_on <= ?::date and d.ends_on >= ?::date`,
    [plantId, today, today],
  );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.userId, [...(map.get(r.userId) ?? []), r.delegateId]);
  return map;
}

async function numbersOf(em: EntityManager, orderIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await em.execute<{ id: string; number: string }[]>('select id, number from sales_order where id = any(?::uuid[])', [pgArray(orderIds)]);
  return new Map(rows.map((r) => [r.id, r.number]));
}

async function billingOf(em: EntityManager, changeOrderIds: readonly string[]) {
  const map = new Map<string, { priceDeltaCents: number; costDeltaCents: number }>();
  if (changeOrderIds.length === 0) return map;
  const rows = await em.execute<{ id: string; price: string; cost: string }[]>(
    `select change_order_id as id, price_delta_cents as price, cost_delta_cents as cost from billing_adjustment
      where change_order_id = any(?::uuid[]) order by created_at`,
    [pgArray(changeOrderIds)],
  );
  for (const r of rows) map.set(r.id, { priceDeltaCents: Number(r.price), costDeltaCents: Number(r.cost) });
  return map;
}

async function insertNotifications(em: EntityManager, plantId: string, rows: readonly PlannedNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await em.execute(
    `insert into notification (plant_id, user_id, kind, change_order_id, actions, message) values ${rows.map(() => '(?, ?, ?, ?, ?::text[], ?)').join(', ')}`,
    rows.flatMap((n) => [plantId, n.userId, n.kind, n.changeOrderId, pgArray(n.actions), n.message]),
  );
}
