import type { EntityManager } from '@mikro-orm/postgresql';
import type { Change } from '../../engine/index.ts';
import { AppError, badInput } from '../../shared/errors.ts';
import { formatMoney } from '../../shared/money.ts';

/** Whether a change writes an existing order's terms (a new order and a job move do not). */
export function changesTerms(change: Change): boolean {
  if (change.orderId === undefined) return false;
  return change.quantity !== undefined || change.dueDate !== undefined || change.optionIds !== undefined
    || change.unitPriceCents !== undefined || change.cancel === true;
}

/**
 * The order version a proposal was made from, checked under the plant lock against the order as
 * it is now (docs/change-orders.md, "Lost updates"): a proposal made from terms that changed since
 * would silently revert them, so it is refused with CONFLICT and the current terms. Returns the
 * version to record on the change order; null for changes that carry no terms.
 */
export async function checkOrderVersion(em: EntityManager, plantId: string, change: Change, expected: number | null | undefined): Promise<number | null> {
  if (!changesTerms(change)) return null;
  if (expected == null) {
    throw badInput('Name the order version your change was made from (expectedOrderVersion: the order’s version as you read it), so that a change made meanwhile is never overwritten.', 'expectedOrderVersion');
  }
  const [order] = await em.execute<{ number: string; version: number; quantity: number; dueDate: string; unitPriceCents: string; status: string }[]>(
    'select number, version, quantity, due_date::text as "dueDate", unit_price_cents as "unitPriceCents", status from sales_order where id = ? and plant_id = ?',
    [change.orderId, plantId],
  );
  // The evaluation already refused an order that does not exist; nothing to compare with.
  if (!order) return null;
  if (order.version !== expected) {
    const terms = order.status === 'CANCELLED' ? 'cancelled' : `quantity ${order.quantity}, due ${order.dueDate}, ${formatMoney(Number(order.unitPriceCents))} a unit`;
    throw new AppError(
      'CONFLICT',
      `Order ${order.number} changed since you read it (version ${expected}, now ${order.version}: ${terms}). Your change was not made: check it against the current terms and propose again.`,
      { currentVersion: order.version },
    );
  }
  return order.version;
}
