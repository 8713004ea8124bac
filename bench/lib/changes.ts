import { randomUUID } from 'node:crypto';
import { fromDay, type Change, type Day, type Order, type Schedule } from '../../server/src/engine/index.ts';
import type { Rng } from './random.ts';

/**
 * The mixed workload of change requests a plant sees: quantities up and down, earlier and later
 * due dates, a different option, a new order, and a planner moving a job. The same seed over the
 * same plant gives the same workload, for the engine in-process and for previews over HTTP.
 */

export const KINDS = ['QUANTITY_UP', 'QUANTITY_DOWN', 'DUE_EARLIER', 'DUE_LATER', 'SPEC', 'NEW_ORDER', 'MOVE_JOB'] as const;
export type WorkloadKind = (typeof KINDS)[number];

export interface BenchChange {
  kind: WorkloadKind;
  change: Change;
}

/** Working days ahead within which orders are left alone (freeze window and a margin). */
const NEAR = 6;

export function workload(schedule: Schedule, today: Day, count: number, random: Rng): BenchChange[] {
  const cal = schedule.calendar;
  const near = cal.addWorkingDays(today, NEAR);
  const open = [...schedule.orders.values()].filter(
    (o) => o.status === 'CONFIRMED' && o.dueDate > cal.addWorkingDays(near, 4) && o.jobs.every((j) => j.status === 'PLANNED'),
  );
  const movable = open.flatMap((o) => o.jobs.filter((j) => (j.allocations[0]?.day ?? 0) > near).map((j) => ({ order: o, job: j })));
  const products = [...schedule.products.values()];
  if (open.length === 0) throw new Error('the plant has no open orders to change');
  const out: BenchChange[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const order: Order = random.pick(open);
    switch (kind) {
      case 'QUANTITY_UP':
        out.push({ kind, change: { orderId: order.id, quantity: Math.ceil(order.quantity * (1.1 + random.next() * 0.5)) } });
        break;
      case 'QUANTITY_DOWN':
        out.push({ kind, change: { orderId: order.id, quantity: Math.max(1, Math.floor(order.quantity * (0.5 + random.next() * 0.4))) } });
        break;
      case 'DUE_EARLIER':
        out.push({ kind, change: { orderId: order.id, dueDate: Math.max(cal.subWorkingDays(order.dueDate, random.int(2, 15)), cal.addWorkingDays(today, 2)) } });
        break;
      case 'DUE_LATER':
        out.push({ kind, change: { orderId: order.id, dueDate: cal.addWorkingDays(order.dueDate, random.int(2, 15)) } });
        break;
      case 'SPEC': {
        const product = schedule.products.get(order.productId)!;
        const attributes = [...new Set(product.options.map((o) => o.attribute))];
        const attribute = random.pick(attributes);
        const current = order.optionIds.find((id) => product.options.find((o) => o.id === id)?.attribute === attribute);
        const others = product.options.filter((o) => o.attribute === attribute && o.id !== current);
        const replacement = random.pick(others);
        out.push({ kind, change: { orderId: order.id, optionIds: [...order.optionIds.filter((id) => id !== current), replacement.id] } });
        break;
      }
      case 'NEW_ORDER': {
        const product = random.pick(products);
        const byAttribute = new Map(product.options.map((o) => [o.attribute, o.id]));
        const perUnit = product.routing.reduce((s, r) => s + r.minutesPerUnit, 0);
        out.push({
          kind,
          change: {
            newOrder: {
              id: randomUUID(), productId: product.id, quantity: random.int(1, Math.max(2, Math.round(600 / perUnit))), optionIds: [...byAttribute.values()],
              dueDate: cal.addWorkingDays(today, product.minLeadTimeDays + random.int(2, 60)), unitPriceCents: product.listPriceCents,
            },
          },
        });
        break;
      }
      case 'MOVE_JOB': {
        if (movable.length === 0) {
          out.push({ kind: 'DUE_LATER', change: { orderId: order.id, dueDate: cal.addWorkingDays(order.dueDate, 5) } });
          break;
        }
        const { order: o, job } = random.pick(movable);
        const first = job.allocations[0]!.day;
        const shift = random.pick([-3, -2, -1, 1, 2, 3, 5]);
        const startDay = shift < 0 ? Math.max(cal.subWorkingDays(first, -shift), near) : cal.addWorkingDays(first, shift);
        out.push({ kind, change: { orderId: o.id, moveJob: { jobId: job.id, startDay } } });
        break;
      }
    }
  }
  return out;
}

/** The same change as `previewChangeOrder`'s input (ISO dates; the server assigns a new order's id). */
export function toGraphQLInput(c: Change, customerId: string): Record<string, unknown> {
  if (c.newOrder) {
    const n = c.newOrder;
    return { newOrder: { customerId, productId: n.productId, quantity: n.quantity, optionIds: n.optionIds, dueDate: fromDay(n.dueDate) } };
  }
  return {
    orderId: c.orderId,
    ...(c.quantity !== undefined ? { quantity: c.quantity } : {}),
    ...(c.dueDate !== undefined ? { dueDate: fromDay(c.dueDate) } : {}),
    ...(c.optionIds !== undefined ? { optionIds: c.optionIds } : {}),
    ...(c.moveJob ? { moveJob: { jobId: c.moveJob.jobId, startDate: fromDay(c.moveJob.startDay) } } : {}),
  };
}
