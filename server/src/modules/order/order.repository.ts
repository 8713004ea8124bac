import type { EntityManager } from '@mikro-orm/postgresql';
import { fromDay, type Job } from '../../engine/index.ts';
import { pgArray } from '../../db/sql.ts';

export interface NewOrderRow {
  id: string;
  number: string;
  customerId: string;
  productId: string;
  quantity: number;
  optionIds: readonly string[];
  dueDate: string;
  unitPriceCents: number;
  status?: string;
}

const BATCH = 1000;

async function insertRows(em: EntityManager, table: string, columns: string[], casts: string[], rows: unknown[][]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const tuple = `(${casts.map((c) => (c ? `?::${c}` : '?')).join(', ')})`;
    await em.execute(
      `insert into ${table} (${columns.join(', ')}) values ${batch.map(() => tuple).join(', ')}`,
      batch.flat(),
    );
  }
}

/**
 * Writes orders with their planned jobs and allocations in multi-row inserts (the seeder writes
 * thousands at once). Job ids come from the engine's plan and must be UUIDs.
 */
export async function insertOrdersWithJobs(
  em: EntityManager,
  plantId: string,
  orders: readonly { order: NewOrderRow; jobs: readonly Job[] }[],
): Promise<void> {
  await insertRows(
    em,
    'sales_order',
    ['id', 'plant_id', 'number', 'customer_id', 'product_id', 'quantity', 'option_ids', 'due_date', 'unit_price_cents', 'status'],
    ['uuid', 'uuid', '', 'uuid', 'uuid', '', 'uuid[]', 'date', '', ''],
    orders.map(({ order: o }) => [o.id, plantId, o.number, o.customerId, o.productId, o.quantity, pgArray(o.optionIds), o.dueDate, o.unitPriceCents, o.status ?? 'CONFIRMED']),
  );
  const jobs = orders.flatMap(({ jobs }) => jobs.filter((j) => j.allocations.length > 0));
  await insertRows(
    em,
    'job',
    ['id', 'order_id', 'plant_id', 'seq', 'work_center_id', 'minutes', 'status', 'start_date', 'end_date'],
    ['uuid', 'uuid', 'uuid', '', 'uuid', '', '', 'date', 'date'],
    jobs.map((j) => [j.id, j.orderId, plantId, j.seq, j.workCenterId, j.minutes, j.status,
      fromDay(j.allocations[0]!.day), fromDay(j.allocations[j.allocations.length - 1]!.day)]),
  );
  await insertRows(
    em,
    'allocation',
    ['job_id', 'date', 'work_center_id', 'plant_id', 'minutes'],
    ['uuid', 'date', 'uuid', 'uuid', ''],
    jobs.flatMap((j) => j.allocations.map((a) => [j.id, fromDay(a.day), j.workCenterId, plantId, a.minutes])),
  );
  await markBaseline(em, orders.map(({ order }) => order.id));
}

/**
 * The orders' baseline finish (docs/product.md §12): the last day of their work as planned when
 * their terms were agreed, kept beside the due date and the projected finish. An agreed plan fits
 * its due date, so the order is no longer at risk.
 */
export async function markBaseline(em: EntityManager, orderIds: readonly string[]): Promise<void> {
  for (let i = 0; i < orderIds.length; i += BATCH) {
    await em.execute(
      `update sales_order o set baseline_finish = (select max(j.end_date) from job j where j.order_id = o.id), at_risk = false, risk_cause = null
        where o.id = any(?::uuid[])`,
      [pgArray(orderIds.slice(i, i + BATCH))],
    );
  }
}
