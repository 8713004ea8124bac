import type { BatchChangeOrder, PlantUser, Transition, TransitionSubscriber } from '../change-order/transitions.ts';
import type { ChangeOrderRow } from '../change-order/change-order.repository.ts';
import { formatMoney } from '../../shared/money.ts';
import { enqueueDeliveries, eventName, type OutgoingEvent } from './webhook.outbox.ts';

/**
 * The webhook outbox of change-order transitions: one `change_order.<action>` event per transition,
 * queued for every webhook that subscribes to it, in the transaction of the transition itself.
 */
export const queueWebhooksOfTransitions: TransitionSubscriber = async (w, batch) => {
  const occurredAt = batch.now.toISOString();
  const events: OutgoingEvent[] = batch.changeOrders.flatMap(({ co, transitions }) => transitions.map((t) => ({
    event: eventName(t.action), occurredAt, changeOrder: payload(co, t, batch.users, batch.actorId, batch.orderNumbers.get(co.orderId) ?? null),
  })));
  await enqueueDeliveries(w.em, w.plantId, batch.hooks, events);
};

/** The `changeOrder` of a webhook body: the change order as of this transition. */
function payload(co: BatchChangeOrder, t: Transition, users: ReadonlyMap<string, PlantUser>, actorId: string | null, orderNumber: string | null) {
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
