import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addOrder, buildSchedule, removeOrder, toDay, type Order, type Schedule, type ScheduleInput, type WorkCenter,
} from '../../engine/index.ts';
import { pgArray } from '../../db/sql.ts';
import type { JobStatus } from '../../../../schema/generated/enums.ts';
import { loadCatalog } from '../product/product.service.ts';
import { workCentersOf, type WorkCenterDto } from '../plant/plant.service.ts';
import { PlantCache } from './plant-cache.ts';

/**
 * Reads a plant's whole schedule into the engine's plain-data input: work centers with their
 * exceptions, the catalogue, and every order with its jobs and allocations (no per-order round
 * trips).
 */
export async function loadScheduleInput(em: EntityManager, plantId: string): Promise<ScheduleInput> {
  const workCenters = await workCentersWithCalendars(em, plantId);
  const products = [...(await loadCatalog(em, plantId)).values()];
  return { workCenters, products, orders: await loadOrders(em, plantId, null) };
}

/** A plant's work centers with their dated exceptions (holidays, maintenance), in board order. */
export async function workCentersWithCalendars(em: EntityManager, plantId: string): Promise<(WorkCenterDto & WorkCenter)[]> {
  const centers = await workCentersOf(em, plantId);
  const exceptions = await em.execute<{ wc: string; date: string; minutes: number }[]>(
    `select e.work_center_id as wc, e.date::text as date, e.minutes from work_center_exception e
       join work_center w on w.id = e.work_center_id where w.plant_id = ?`,
    [plantId],
  );
  return centers.map((wc) => ({
    ...wc,
    exceptions: Object.fromEntries(exceptions.filter((e) => e.wc === wc.id).map((e) => [e.date, e.minutes])),
  }));
}

/** Orders with their jobs and allocations: all of a plant's, or only `ids`. */
async function loadOrders(em: EntityManager, plantId: string, ids: readonly string[] | null): Promise<Order[]> {
  const only = ids ? 'and o.id = any(?::uuid[])' : '';
  const params = ids ? [plantId, pgArray(ids)] : [plantId];
  const orders = await em.execute<{ id: string; productId: string; quantity: number; optionIds: string[]; dueDate: string; unitPriceCents: string; status: Order['status']; version: number }[]>(
    `select o.id, o.product_id as "productId", o.quantity, o.option_ids as "optionIds", o.due_date::text as "dueDate",
            o.unit_price_cents as "unitPriceCents", o.status, o.version from sales_order o where o.plant_id = ? ${only} order by o.number`,
    params,
  );
  const jobs = await em.execute<{ id: string; orderId: string; seq: number; workCenterId: string; minutes: number; status: JobStatus; completedQuantity: number; scrapQuantity: number }[]>(
    `select j.id, j.order_id as "orderId", j.seq, j.work_center_id as "workCenterId", j.minutes, j.status,
            j.completed_quantity as "completedQuantity", j.scrap_quantity as "scrapQuantity"
       from job j join sales_order o on o.id = j.order_id where o.plant_id = ? ${only} order by j.order_id, j.seq`,
    params,
  );
  const allocations = await em.execute<{ jobId: string; date: string; minutes: number }[]>(
    `select a.job_id as "jobId", a.date::text as date, a.minutes
       from allocation a join job j on j.id = a.job_id join sales_order o on o.id = j.order_id
      where o.plant_id = ? ${only} order by a.job_id, a.date`,
    params,
  );
  const allocationsByJob = new Map<string, { day: number; minutes: number }[]>();
  for (const a of allocations) {
    const list = allocationsByJob.get(a.jobId) ?? [];
    list.push({ day: toDay(a.date), minutes: a.minutes });
    allocationsByJob.set(a.jobId, list);
  }
  const jobsByOrder = new Map<string, Order['jobs'][number][]>();
  for (const j of jobs) {
    const list = jobsByOrder.get(j.orderId) ?? [];
    list.push({ ...j, allocations: allocationsByJob.get(j.id) ?? [] });
    jobsByOrder.set(j.orderId, list);
  }
  return orders.map((o) => ({
    ...o,
    dueDate: toDay(o.dueDate),
    unitPriceCents: Number(o.unitPriceCents),
    jobs: jobsByOrder.get(o.id) ?? [],
  }));
}

/**
 * One built schedule per plant at the plant's current event sequence (PlantCache), following
 * committed SCHEDULE_CHANGED events by reloading just the orders they name. Evaluations run
 * synchronously on the schedule, so they never see it half-updated.
 */
export class ScheduleCache {
  readonly #cache = new PlantCache<Schedule>({
    load: async (em, plantId) => buildSchedule(await loadScheduleInput(em, plantId)),
    refresh: async (em, plantId, schedule, orderIds) => {
      const fresh = await loadOrders(em, plantId, orderIds);
      for (const id of orderIds) removeOrder(schedule, id);
      for (const order of fresh) addOrder(schedule, order);
    },
  });

  /**
   * The schedule at the plant's current event sequence. `locked` when called inside the plant's
   * write transaction: the lock guarantees that nothing commits while it is read; `lockedSeq` is
   * the sequence the lock read (see `PlantCache.get`).
   */
  async get(em: EntityManager, plantId: string, locked = false, lockedSeq?: number): Promise<{ seq: number; schedule: Schedule }> {
    const { seq, value } = await this.#cache.get(em, plantId, locked, lockedSeq);
    return { seq, schedule: value };
  }
}
