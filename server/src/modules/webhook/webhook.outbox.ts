import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/** The change-order actions a webhook can receive, as `change_order.<action>` (schema/webhook.graphql). */
export const CHANGE_ORDER_ACTIONS = [
  'PROPOSED', 'APPROVED', 'ALL_APPROVED', 'REJECTED', 'ESCALATED', 'SLA_ESCALATED', 'COUNTER_PROPOSED',
  'COUNTER_ACCEPTED', 'COUNTER_DECLINED', 'WITHDRAWN', 'APPLIED', 'REEVALUATED', 'COMMENTED',
] as const;

export const WEBHOOK_EVENTS: readonly string[] = CHANGE_ORDER_ACTIONS.map(eventName);

export function eventName(action: string): string {
  return `change_order.${action.toLowerCase()}`;
}

/** One event to send to every webhook of the plant that subscribes to it. */
export interface OutgoingEvent {
  event: string;
  occurredAt: string;
  changeOrder: Record<string, unknown>;
}

/**
 * The outbox (issue 4 item 8): one PENDING delivery row per (webhook, event), written in the
 * transaction of the transition itself, so a delivery exists exactly when its change committed.
 * The body is serialized once here; every attempt sends and signs these same bytes.
 */
export async function enqueueDeliveries(em: EntityManager, plantId: string, events: readonly OutgoingEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const hooks = await em.execute<{ id: string; events: string[] | null }[]>(
    'select id, events from webhook where plant_id = ? and deleted_at is null',
    [plantId],
  );
  const rows: unknown[][] = [];
  for (const e of events) {
    for (const hook of hooks) {
      if (hook.events && !hook.events.includes(e.event)) continue;
      const id = randomUUID();
      const body = JSON.stringify({ id, event: e.event, plantId, changeOrder: e.changeOrder, occurredAt: e.occurredAt });
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
