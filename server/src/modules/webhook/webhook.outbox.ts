import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/** The change-order actions a webhook can receive, as `change_order.<action>` (schema/webhook.graphql). */
export const CHANGE_ORDER_ACTIONS = [
  'PROPOSED', 'APPROVED', 'ALL_APPROVED', 'REJECTED', 'ESCALATED', 'SLA_ESCALATED', 'COUNTER_PROPOSED',
  'COUNTER_ACCEPTED', 'COUNTER_DECLINED', 'WITHDRAWN', 'APPLIED', 'REEVALUATED', 'ORDER_CHANGED', 'CONFIRMED', 'COMMENTED',
] as const;

/** Order events (docs/product.md §12): an order's projected finish passed its due date. */
export const ORDER_AT_RISK = 'order.at_risk';

export const WEBHOOK_EVENTS: readonly string[] = [...CHANGE_ORDER_ACTIONS.map(eventName), ORDER_AT_RISK];

export function eventName(action: string): string {
  return `change_order.${action.toLowerCase()}`;
}

/** One event to send to every webhook of the plant that subscribes to it. */
export interface OutgoingEvent {
  event: string;
  occurredAt: string;
  /** The change order a `change_order.*` event is about. */
  changeOrder?: Record<string, unknown>;
  /** The order an `order.*` event is about. */
  order?: Record<string, unknown>;
}

/** A live webhook of the plant: the events it subscribes to, null for all. */
export interface Webhook {
  id: string;
  events: string[] | null;
}

/**
 * The outbox (issue 4 item 8): one PENDING delivery row per (webhook, event), written in the
 * transaction of the transition itself, so a delivery exists exactly when its change committed.
 * The body is serialized once here; every attempt sends and signs these same bytes. `hooks` are the
 * plant's live webhooks, read in the same transaction.
 */
export async function enqueueDeliveries(em: EntityManager, plantId: string, hooks: readonly Webhook[], events: readonly OutgoingEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows: unknown[][] = [];
  for (const e of events) {
    for (const hook of hooks) {
      if (hook.events && !hook.events.includes(e.event)) continue;
      const id = randomUUID();
      const body = JSON.stringify({ id, event: e.event, plantId, changeOrder: e.changeOrder, order: e.order, occurredAt: e.occurredAt });
      rows.push([id, hook.id, plantId, e.event, body]);
    }
  }
  if (rows.length === 0) return 0;
  await em.execute(
    `insert into webhook_delivery (id, webhook_id, plant_id, event, body) values ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
    rows.flat(),
  );
  return rows.length;
}
