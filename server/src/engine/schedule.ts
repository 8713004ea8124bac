import { type CompiledWorkCenter, compileWorkCenter, PlantCalendar } from './calendar.ts';
import { EngineError } from './errors.ts';
import { addAllocations, LoadTable } from './load.ts';
import type { Job, Order, Product, ScheduleInput, WorkCenter } from './types.ts';

/**
 * A plant's schedule indexed for planning: work centers with compiled calendars, products, orders
 * and the load per (work center, day). Built once from plain data, then read by evaluations
 * (which never mutate it) and updated in place by {@link addOrder} / {@link applyPlan}.
 */
export interface Schedule {
  readonly workCenters: ReadonlyMap<string, CompiledWorkCenter>;
  /** Work-center ids in input order: the stable order of impact rows. */
  readonly workCenterIds: readonly string[];
  readonly products: ReadonlyMap<string, Product>;
  readonly orders: Map<string, Order>;
  readonly load: LoadTable;
  readonly calendar: PlantCalendar;
}

/**
 * Builds a schedule from plain data; every order's allocations become load (cancelled orders
 * hold none). O(total allocations).
 */
export function buildSchedule(input: ScheduleInput): Schedule {
  const compiled = input.workCenters.map((wc: WorkCenter) => compileWorkCenter(wc));
  const schedule: Schedule = {
    workCenters: new Map(compiled.map((wc) => [wc.id, wc])),
    workCenterIds: compiled.map((wc) => wc.id),
    products: new Map(input.products.map((p) => [p.id, p])),
    orders: new Map(),
    load: new LoadTable(),
    calendar: new PlantCalendar(compiled),
  };
  for (const product of input.products) {
    for (const step of product.routing) requireWorkCenter(schedule, step.workCenterId);
  }
  for (const order of input.orders) addOrder(schedule, order);
  return schedule;
}

/**
 * A schedule that can be changed (a day turn computed on it) without changing `schedule`: its own
 * orders map and load table; work centers, products and the orders themselves are shared, since
 * changes replace orders rather than mutate them. O(orders + buckets): a few milliseconds for a
 * 10,000-order plant, which lets the day turn work on a cached schedule outside the plant lock.
 */
export function copySchedule(schedule: Schedule): Schedule {
  return { ...schedule, orders: new Map(schedule.orders), load: schedule.load.copy() };
}

/** Registers an order and adds its jobs' load. MUTATES `schedule` (seeder and apply path). */
export function addOrder(schedule: Schedule, order: Order): void {
  if (schedule.orders.has(order.id)) {
    throw new EngineError('INVALID_PLANT_DATA', `Order ${order.id} is already in the schedule`);
  }
  schedule.orders.set(order.id, order);
  if (order.status !== 'CANCELLED') applyPlan(schedule, order.jobs);
}

/** Removes an order and its load. MUTATES `schedule`. Returns the removed order, if any. */
export function removeOrder(schedule: Schedule, orderId: string): Order | undefined {
  const order = schedule.orders.get(orderId);
  if (order === undefined) return undefined;
  schedule.orders.delete(orderId);
  if (order.status !== 'CANCELLED') {
    for (const job of order.jobs) addAllocations(schedule.load, job.workCenterId, job.allocations, -1);
  }
  return order;
}

/**
 * Adds planned jobs' allocations to the schedule's load. MUTATES `schedule`. This is the one way
 * load enters a schedule, so the seeder and the apply path book exactly what planning computed.
 */
export function applyPlan(schedule: Schedule, jobs: readonly Job[]): void {
  for (const job of jobs) {
    requireWorkCenter(schedule, job.workCenterId);
    addAllocations(schedule.load, job.workCenterId, job.allocations);
  }
}

/** The compiled work center, or INVALID_PLANT_DATA when a routing names an unknown one. */
export function requireWorkCenter(schedule: Schedule, workCenterId: string): CompiledWorkCenter {
  const wc = schedule.workCenters.get(workCenterId);
  if (wc === undefined) throw new EngineError('INVALID_PLANT_DATA', `Unknown work center ${workCenterId}`);
  return wc;
}
