import type { EntityManager } from '@mikro-orm/postgresql';
import { buildSchedule, toDay, type Order, type Schedule, type ScheduleInput, type WorkCenter } from '../../engine/index.ts';
import { loadCatalog } from '../product/product.service.ts';
import { workCentersOf } from '../plant/plant.service.ts';

/**
 * Reads a plant's whole schedule into the engine's plain-data input: work centers with their
 * exceptions, the catalogue, and every order with its jobs and allocations (five queries; no
 * per-order round trips).
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
  const orders = await em.execute<{ id: string; productId: string; quantity: number; optionIds: string[]; dueDate: string; unitPriceCents: string; status: Order['status']; version: number }[]>(
    `select id, product_id as "productId", quantity, option_ids as "optionIds", due_date::text as "dueDate",
            unit_price_cents as "unitPriceCents", status, version from sales_order where plant_id = ? order by number`,
    [plantId],
  );
  const jobs = await em.execute<{ id: string; orderId: string; seq: number; workCenterId: string; minutes: number; status: 'PLANNED' | 'STARTED' | 'DONE' }[]>(
    `select id, order_id as "orderId", seq, work_center_id as "workCenterId", minutes, status from job where plant_id = ? order by order_id, seq`,
    [plantId],
  );
  const allocations = await em.execute<{ jobId: string; date: string; minutes: number }[]>(
    `select job_id as "jobId", date::text as date, minutes from allocation where plant_id = ? order by job_id, date`,
    [plantId],
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
  return {
    workCenters,
    products,
    orders: orders.map((o) => ({
      ...o,
      dueDate: toDay(o.dueDate),
      unitPriceCents: Number(o.unitPriceCents),
      jobs: jobsByOrder.get(o.id) ?? [],
    })),
  };
}

/**
 * One built schedule per plant, reused while the plant's event sequence is unchanged. Every
 * committed schedule change bumps that sequence (it writes a board event), so a cached schedule
 * is exactly the committed state at that sequence. Evaluations never mutate it.
 */
export class ScheduleCache {
  readonly #entries = new Map<string, { seq: number; schedule: Promise<Schedule> }>();

  /**
   * The schedule at the plant's current event sequence. Outside a transaction the sequence and
   * the rows are read in one REPEATABLE READ snapshot; inside the plant's write transaction
   * (`locked`), the lock already makes them consistent.
   */
  async get(em: EntityManager, plantId: string, locked = false): Promise<{ seq: number; schedule: Schedule }> {
    const seq = await eventSeq(em, plantId);
    const cached = this.#entries.get(plantId);
    if (cached && cached.seq === seq) return { seq, schedule: await cached.schedule };
    const load = async (tx: EntityManager) => ({ seq: await eventSeq(tx, plantId), input: await loadScheduleInput(tx, plantId) });
    const loaded = locked ? load(em) : em.transactional(load, { isolationLevel: 'repeatable read', readOnly: true });
    const entry = { seq, schedule: loaded.then(({ input }) => buildSchedule(input)) };
    this.#entries.set(plantId, entry);
    try {
      const { seq: loadedSeq } = await loaded;
      entry.seq = loadedSeq;
      return { seq: loadedSeq, schedule: await entry.schedule };
    } catch (err) {
      if (this.#entries.get(plantId) === entry) this.#entries.delete(plantId);
      throw err;
    }
  }
}

async function eventSeq(em: EntityManager, plantId: string): Promise<number> {
  const [row] = await em.execute<{ event_seq: string }[]>('select event_seq from plant where id = ?', [plantId]);
  return Number(row?.event_seq ?? 0);
}
