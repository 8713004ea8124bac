import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toDay, type Change, type CustomerTier, type Schedule } from '../../engine/index.ts';
import type { ChangeOrderInput } from '../../../../schema/generated/server.ts';
import { AppError, badInput } from '../../shared/errors.ts';
import { isUuid } from '../../shared/ids.ts';

/** A change as the engine reads it, plus what the server keeps beside it. */
export interface ParsedChange {
  change: Change;
  /** The customer of a new order (the engine does not need it; the order row does). */
  customerId: string | null;
}

const MAX_OPTIONS = 50;

/** An id inside a change that names nothing is bad input to the change. */
function unknown(what: string, id: string): AppError {
  return badInput(`${what} ${id} does not exist in this plant.`, what.toLowerCase());
}

function knownId(id: string, what: string): string {
  if (!isUuid(id)) throw unknown(what, id);
  return id;
}

/**
 * Turns the GraphQL input into the engine's `Change`: checks shape and ids the engine cannot
 * (customers, id formats, combinations), converts dates to days. Dates are already valid
 * calendar dates (the Date scalar), money already integer cents (the Money scalar).
 */
export async function parseChangeInput(em: EntityManager, plantId: string, schedule: Schedule, input: ChangeOrderInput): Promise<ParsedChange> {
  const optionIds = (ids: readonly string[] | null | undefined) => {
    if (ids == null) return undefined;
    if (ids.length > MAX_OPTIONS) throw badInput(`At most ${MAX_OPTIONS} options can be chosen.`, 'optionIds');
    return ids.map((id) => knownId(id, 'Option'));
  };
  if (input.newOrder) {
    if (input.orderId != null || input.quantity != null || input.dueDate != null || input.optionIds != null || input.cancel || input.moveJob || input.unitPrice != null)
      throw badInput('A new order is proposed on its own: put quantity, date, options and price inside newOrder.', 'newOrder');
    const n = input.newOrder;
    const customerId = knownId(n.customerId, 'Customer');
    const [customer] = await em.execute<{ active: boolean; tier: CustomerTier }[]>('select active, tier from customer where id = ? and plant_id = ?', [customerId, plantId]);
    if (!customer) throw unknown('Customer', n.customerId);
    if (!customer.active) throw badInput('This customer is retired and takes no new orders; a plant manager can make it active again.', 'newOrder.customerId');
    const productId = knownId(n.productId, 'Product');
    const product = schedule.products.get(productId);
    if (!product) throw unknown('Product', n.productId);
    const [retired] = await em.execute<{ id: string }[]>('select id from product where id = ? and not active', [productId]);
    if (retired) throw badInput(`${product.sku} is retired and takes no new orders; a plant manager can make it active again.`, 'newOrder.productId');
    if (n.number != null) await checkNewNumber(em, plantId, n.number.trim());
    const chosen = optionIds(n.optionIds) ?? [];
    const optionCost = product.options.filter((o) => chosen.includes(o.id)).reduce((s, o) => s + o.addCostCents, 0);
    return {
      customerId,
      change: {
        newOrder: {
          id: randomUUID(),
          productId,
          quantity: n.quantity,
          optionIds: chosen,
          dueDate: toDay(n.dueDate),
          unitPriceCents: n.unitPrice ?? product.listPriceCents + optionCost,
        },
        customerTier: customer.tier,
      },
    };
  }
  if (input.orderId == null) throw badInput('Name the order to change (orderId), or describe a new order (newOrder).', 'orderId');
  const orderId = knownId(input.orderId, 'Order');
  // The customer's tier picks its customer-tier rules (docs/product.md §4.3); an unknown order has
  // none here and fails in the engine as before.
  const [owner] = await em.execute<{ tier: CustomerTier }[]>(
    'select c.tier from sales_order o join customer c on c.id = o.customer_id where o.id = ? and o.plant_id = ?', [orderId, plantId]);
  const change: Change = {
    orderId,
    ...(input.quantity != null ? { quantity: input.quantity } : {}),
    ...(input.dueDate != null ? { dueDate: toDay(input.dueDate) } : {}),
    ...(input.optionIds != null ? { optionIds: optionIds(input.optionIds) } : {}),
    ...(input.unitPrice != null ? { unitPriceCents: input.unitPrice } : {}),
    ...(input.cancel ? { cancel: true } : {}),
    ...(input.moveJob ? { moveJob: { jobId: knownId(input.moveJob.jobId, 'Job'), startDay: toDay(input.moveJob.startDate) } } : {}),
    ...(owner ? { customerTier: owner.tier } : {}),
  };
  return { change, customerId: null };
}

/**
 * A new order may bring its own number (an ERP's, docs/import.md "After go-live"): a plant's order
 * numbers are unique, so it must name no order and no open change order's new order.
 */
async function checkNewNumber(em: EntityManager, plantId: string, number: string): Promise<void> {
  if (number.length === 0 || number.length > 32) throw badInput('An order number has 1 to 32 characters.', 'newOrder.number');
  const [taken] = await em.execute<{ what: string }[]>(
    `select 'order' as what from sales_order where plant_id = ? and number = ?
     union all select co.number from change_order co where co.plant_id = ? and co.status in ('PENDING', 'APPROVED', 'REJECTED', 'COUNTER_PROPOSED', 'RETURNED')
       and co.request->'input'->'newOrder'->>'number' = ? limit 1`, [plantId, number, plantId, number]);
  if (taken) throw badInput(taken.what === 'order' ? `${number} is already an order of this plant; change that order instead.` : `${taken.what} already proposes a new order ${number}; decide or withdraw it first.`, 'newOrder.number');
}

/** Only planners (and the roles above them) may move jobs by hand (docs/product.md §1). */
export function assertMayMoveJobs(role: string | null, change: Change): void {
  if (change.moveJob && !['PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER'].includes(role ?? '')) {
    throw new AppError('FORBIDDEN', 'Only planners and managers move jobs on the board; propose a date change instead.');
  }
}
