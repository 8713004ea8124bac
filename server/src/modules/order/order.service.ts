import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../../graphql/errors.ts';
import { pgArray } from '../../db/sql.ts';
import { loadCatalog } from '../product/product.service.ts';
import type { AllocationDto, JobDto, OrderDto, CustomerDto } from './order.dto.ts';

const ORDER_COLUMNS = `o.id, o.plant_id as "plantId", o.number, o.product_id as "productId", o.quantity,
  o.option_ids as "optionIds", o.due_date::text as "dueDate", o.unit_price_cents as "unitPriceCents", o.status, o.version,
  c.id as "customerId", c.code as "customerCode", c.name as "customerName", c.tier as "customerTier", c.contact as "customerContact",
  c.active as "customerActive", c.version as "customerVersion"`;

/** A job row as a `JobDto` (alias `j`). */
export const JOB_COLUMNS = `j.id, j.order_id as "orderId", j.seq, j.work_center_id as "workCenterId", j.start_date::text as start,
  j.end_date::text as "end", j.minutes, j.status, j.version`;

type OrderRow = Omit<OrderDto, 'customer' | 'product'> & {
  customerId: string;
  customerCode: string;
  customerName: string;
  customerActive: boolean;
  customerVersion: number;
  customerTier: CustomerDto['tier'];
  customerContact: string;
};

/** Reads orders with their customer and product; one catalogue query per call. */
export async function ordersByIds(em: EntityManager, plantId: string, ids: readonly string[]): Promise<OrderDto[]> {
  return ids.length === 0 ? [] : ordersOfPlant(em, plantId, ids);
}

/** A plant's orders, all of them or only `ids`, with their customer and product. */
export async function ordersOfPlant(em: EntityManager, plantId: string, ids: readonly string[] | null): Promise<OrderDto[]> {
  const rows = await em.execute<OrderRow[]>(
    `select ${ORDER_COLUMNS} from sales_order o join customer c on c.id = o.customer_id
      where o.plant_id = ? ${ids ? 'and o.id = any(?::uuid[])' : ''} order by o.number`,
    ids ? [plantId, pgArray(ids)] : [plantId],
  );
  const catalog = await loadCatalog(em, plantId);
  return rows.map(({ customerId, customerCode, customerName, customerTier, customerContact, customerActive, customerVersion, ...o }) => ({
    ...o,
    unitPriceCents: Number(o.unitPriceCents),
    customer: { id: customerId, code: customerCode, name: customerName, tier: customerTier, contact: customerContact, active: customerActive, version: customerVersion },
    product: catalog.get(o.productId)!,
  }));
}

/** One order of the actor's plant; NOT_FOUND otherwise (ids of other plants are not revealed). */
export async function orderById(em: EntityManager, plantId: string, id: string): Promise<OrderDto> {
  const [order] = isUuid(id) ? await ordersByIds(em, plantId, [id]) : [];
  if (!order) throw notFound('Order', id);
  return order;
}

/** Jobs of the given orders, in routing order. */
export async function jobsOfOrders(em: EntityManager, orderIds: readonly string[]): Promise<JobDto[]> {
  if (orderIds.length === 0) return [];
  return em.execute<JobDto[]>(
    `select ${JOB_COLUMNS} from job j where j.order_id = any(?::uuid[]) order by j.order_id, j.seq`,
    [pgArray(orderIds)],
  );
}

/** A plant's jobs, all of them or only those of `orderIds`, in routing order. */
export async function jobsOfPlant(em: EntityManager, plantId: string, orderIds: readonly string[] | null): Promise<JobDto[]> {
  return em.execute<JobDto[]>(
    `select ${JOB_COLUMNS} from job j where j.plant_id = ? ${orderIds ? 'and j.order_id = any(?::uuid[])' : ''} order by j.order_id, j.seq`,
    orderIds ? [plantId, pgArray(orderIds)] : [plantId],
  );
}

/** Allocations of a plant's jobs, all of them or only those of `orderIds`, by job and date. */
export async function allocationsOfPlant(em: EntityManager, plantId: string, orderIds: readonly string[] | null): Promise<AllocationDto[]> {
  return em.execute<AllocationDto[]>(
    `select a.job_id as "jobId", a.date::text as date, a.minutes from allocation a
      where a.plant_id = ? ${orderIds ? 'and a.job_id in (select id from job where order_id = any(?::uuid[]))' : ''}
      order by a.job_id, a.date`,
    orderIds ? [plantId, pgArray(orderIds)] : [plantId],
  );
}

/** Allocations of the given jobs, by date. */
export async function allocationsOfJobs(em: EntityManager, jobIds: readonly string[]): Promise<AllocationDto[]> {
  if (jobIds.length === 0) return [];
  return em.execute<AllocationDto[]>(
    `select job_id as "jobId", date::text as date, minutes from allocation where job_id = any(?::uuid[]) order by job_id, date`,
    [pgArray(jobIds)],
  );
}

export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
