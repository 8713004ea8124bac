import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../db/sql.ts';
import type { TransitionSubscriber } from '../change-order/transitions.ts';
import { planNotifications, type PlannedNotification } from './notification.plan.ts';

/**
 * In-app notifications of change-order transitions (who hears of what: `planNotifications`),
 * written in the transaction of the transitions themselves.
 */
export const notifyOfTransitions: TransitionSubscriber = async (w, batch) => {
  const planned = batch.changeOrders.flatMap(({ co, transitions }) => planNotifications({
    co, transitions, approvals: batch.approvals.filter((a) => a.changeOrderId === co.id), users: batch.users,
    delegatesOf: batch.delegatesOf, actorId: batch.actorId,
    orderNumber: batch.orderNumbers.get(co.orderId) ?? null, billing: batch.billing.get(co.id) ?? null,
  }));
  await insertNotifications(w.em, w.plantId, planned);
};

async function insertNotifications(em: EntityManager, plantId: string, rows: readonly PlannedNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await em.execute(
    `insert into notification (plant_id, user_id, kind, change_order_id, actions, message) values ${rows.map(() => '(?, ?, ?, ?, ?::text[], ?)').join(', ')}`,
    rows.flatMap((n) => [plantId, n.userId, n.kind, n.changeOrderId, pgArray(n.actions), n.message]),
  );
}
