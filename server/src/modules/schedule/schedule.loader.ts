import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addOrder, buildSchedule, removeOrder, toDay, type Order, type Schedule, type ScheduleInput, type WorkCenter,
} from '../../engine/index.ts';
import { pgArray } from '../../db/sql.ts';
import { loadCatalog } from '../product/product.service.ts';
import { workCentersOf } from '../plant/plant.service.ts';

/**
 * Reads a plant's whole schedule into the engine's plain-data input: work centers with their
 * exceptions, the catalogue, and every order with its jobs and allocations (no per-order round
 * trips).
 */
export async function loadScheduleInput(em: EntityManager, plantId: string): Promise<ScheduleInput> {
  const centers = await workCentersOf(em, plantId);
  const exceptions = await em.execute<{ wc: string; date: string; minutes: number }[]>(
    `select e.work_center_id as wc, e.date::text as date, e.minutes from work_center_exception e
       join work_center w on w.id = e.work_center_id where w.plant_id = ?`,
    [plantId],
  );
  const workCenters: WorkCenter[] = centers.map((wc) => ({
    ...wc,
    exceptions: Object.fromEntries(exceptions.filter((e) => e.wc === wc.id).map((e) => [e.date, e.minutes])),
  }));
  const products = [...(await loadCatalog(em, plantId)).values()];
  return { workCenters, products, orders: await loadOrders(em, plantId, null) };
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
  const jobs = await em.execute<{ id: string; orderId: string; seq: number; workCenterId: string; minutes: number; status: 'PLANNED' | 'STARTED' | 'DONE' }[]>(
    `select j.id, j.order_id as "orderId", j.seq, j.work_center_id as "workCenterId", j.minutes, j.status
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

/** Beyond this many events behind, a full rebuild is cheaper than following them. */
const MAX_EVENTS_TO_FOLLOW = 500;

interface Entry {
  seq: number;
  schedule: Schedule;
}

/**
 * One built schedule per plant, kept at the plant's current event sequence. Every committed
 * schedule change writes a SCHEDULE_CHANGED board event naming its orders, so a cached schedule
 * follows the events it missed by reloading just those orders (idempotent: an order is replaced
 * by its rows as they are now); a BOARD_RESET, a pruned gap or a long lag means a full rebuild.
 * Updates are serialized per plant. Evaluations run synchronously on the schedule, so they never
 * see it half-updated.
 */
export class ScheduleCache {
  readonly #entries = new Map<string, Entry>();
  readonly #locks = new Map<string, Promise<unknown>>();

  /**
   * The schedule at the plant's current event sequence. `locked` when called inside the plant's
   * write transaction: the lock guarantees that nothing commits while it is read.
   */
  async get(em: EntityManager, plantId: string, locked = false): Promise<{ seq: number; schedule: Schedule }> {
    const seq = await eventSeq(em, plantId);
    const cached = this.#entries.get(plantId);
    if (cached && cached.seq === seq) return { seq, schedule: cached.schedule };
    return this.#serialized(plantId, async () => {
      const current = this.#entries.get(plantId);
      const now = await eventSeq(em, plantId);
      if (current && current.seq === now) return { seq: now, schedule: current.schedule };
      if (current && current.seq < now && now - current.seq <= MAX_EVENTS_TO_FOLLOW && (await this.#follow(em, plantId, current, now))) {
        return { seq: now, schedule: current.schedule };
      }
      const load = async (tx: EntityManager) => ({ seq: await eventSeq(tx, plantId), input: await loadScheduleInput(tx, plantId) });
      const loaded = locked ? await load(em) : await em.transactional(load, { isolationLevel: 'repeatable read', readOnly: true });
      const entry = { seq: loaded.seq, schedule: buildSchedule(loaded.input) };
      this.#entries.set(plantId, entry);
      return { seq: entry.seq, schedule: entry.schedule };
    });
  }

  /** Applies the events after `entry.seq` up to `to`; false when only a rebuild can catch up. */
  async #follow(em: EntityManager, plantId: string, entry: Entry, to: number): Promise<boolean> {
    const events = await em.execute<{ type: string; orderIds: string[] | null }[]>(
      `select type, array(select jsonb_array_elements_text(payload->'orderIds')) as "orderIds"
         from board_event where plant_id = ? and seq > ? and seq <= ? order by seq`,
      [plantId, entry.seq, to],
    );
    if (events.length !== to - entry.seq || events.some((e) => e.type === 'BOARD_RESET')) return false;
    const orderIds = [...new Set(events.flatMap((e) => (e.type === 'SCHEDULE_CHANGED' ? (e.orderIds ?? []) : [])))];
    if (orderIds.length) {
      const fresh = await loadOrders(em, plantId, orderIds);
      for (const id of orderIds) removeOrder(entry.schedule, id);
      for (const order of fresh) addOrder(entry.schedule, order);
    }
    entry.seq = to;
    return true;
  }

  #serialized<T>(plantId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#locks.get(plantId) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.#locks.set(plantId, next.catch(() => undefined));
    return next;
  }
}

async function eventSeq(em: EntityManager, plantId: string): Promise<number> {
  const [row] = await em.execute<{ event_seq: string }[]>('select event_seq from plant where id = ?', [plantId]);
  return Number(row?.event_seq ?? 0);
}
