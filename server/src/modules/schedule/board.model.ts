import type { EntityManager } from '@mikro-orm/postgresql';
import { compileWorkCenter, toDay, type CompiledWorkCenter, type Day } from '../../engine/index.ts';
import { allocationsOfPlant, jobsOfPlant, ordersOfPlant } from '../order/order.service.ts';
import type { JobDto, OrderDto } from '../order/order.dto.ts';
import type { WorkCenterDto } from '../plant/plant.service.ts';
import { workCentersWithCalendars } from './schedule.loader.ts';

/** A job as the board keeps it: its row, its span and its allocations as day numbers. */
export interface BoardJob {
  readonly dto: JobDto;
  readonly startDay: Day;
  readonly endDay: Day;
  readonly allocationDays: readonly Day[];
  readonly allocationMinutes: readonly number[];
}

/**
 * Everything a board of any range is cut from: a plant's work centers with their calendars, its
 * orders and their jobs. Kept in memory per process and per plant (`BoardCache`), so a board
 * query reads no rows but the plant's; tens of thousands of jobs then cost a walk over arrays
 * instead of three large SQL reads (docs/performance.md, board).
 */
export interface BoardModel {
  readonly workCenters: readonly WorkCenterDto[];
  readonly calendars: readonly CompiledWorkCenter[];
  readonly orders: Map<string, OrderDto>;
  readonly jobsByOrder: Map<string, BoardJob[]>;
}

/** Reads a plant's whole board model (inside one snapshot). */
export async function loadBoardModel(em: EntityManager, plantId: string): Promise<BoardModel> {
  const workCenters = await workCentersWithCalendars(em, plantId);
  const calendars = workCenters.map(compileWorkCenter);
  const model: BoardModel = { workCenters, calendars, orders: new Map(), jobsByOrder: new Map() };
  (await readOrders(em, plantId, null))(model);
  return model;
}

/**
 * Replaces the named orders (and their jobs) by their rows as they are now; gone ones are dropped.
 * Rows are read first and swapped in without an await, so no reader sees the model half-updated.
 */
export async function refreshBoardModel(em: EntityManager, plantId: string, model: BoardModel, orderIds: string[]): Promise<void> {
  const fresh = await readOrders(em, plantId, orderIds);
  for (const id of orderIds) {
    model.orders.delete(id);
    model.jobsByOrder.delete(id);
  }
  fresh(model);
}

/** Reads orders with their jobs and allocations; the returned function puts them into a model. */
async function readOrders(em: EntityManager, plantId: string, ids: string[] | null): Promise<(model: BoardModel) => void> {
  const orders = await ordersOfPlant(em, plantId, ids);
  const jobs = await jobsOfPlant(em, plantId, ids);
  const allocations = await allocationsOfPlant(em, plantId, ids);
  // a plant's tens of thousands of rows carry a few hundred distinct dates: parse each once
  const days = new Map<string, Day>();
  const dayOf = (date: string): Day => {
    let day = days.get(date);
    if (day === undefined) days.set(date, (day = toDay(date)));
    return day;
  };
  const byJob = new Map<string, { days: Day[]; minutes: number[] }>();
  for (const a of allocations) {
    let list = byJob.get(a.jobId);
    if (!list) byJob.set(a.jobId, (list = { days: [], minutes: [] }));
    list.days.push(dayOf(a.date));
    list.minutes.push(a.minutes);
  }
  const boardJobs = jobs.map((dto): BoardJob => {
    const own = byJob.get(dto.id);
    return { dto, startDay: dayOf(dto.start), endDay: dayOf(dto.end), allocationDays: own?.days ?? [], allocationMinutes: own?.minutes ?? [] };
  });
  return (model) => {
    for (const o of orders) model.orders.set(o.id, o);
    for (const job of boardJobs) {
      const list = model.jobsByOrder.get(job.dto.orderId);
      if (list) list.push(job);
      else model.jobsByOrder.set(job.dto.orderId, [job]);
    }
  };
}
