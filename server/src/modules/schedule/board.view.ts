import { capacityOn, fromDay, overtimeOn, type Day } from '../../engine/index.ts';
import type { CustomerDto, JobDto, OrderDto } from '../order/order.dto.ts';
import type { ProductDto } from '../product/product.dto.ts';
import type { BoardJob, BoardModel } from './board.model.ts';

/** Capacity and load of one work center on one day, in minutes. Derived, never stored. */
export interface BucketDto {
  workCenterId: string;
  date: string;
  capacityMinutes: number;
  overtimeMinutes: number;
  loadMinutes: number;
}

/** A board's range cut from a plant's model: the jobs in it, their orders and the load per bucket. */
export interface BoardView {
  readonly model: BoardModel;
  readonly from: Day;
  readonly days: number;
  /** Jobs whose span overlaps the range. */
  readonly jobs: readonly BoardJob[];
  /** Their orders, each once. */
  readonly orders: readonly OrderDto[];
  /** Allocated minutes per bucket, work-center-major: `w × days + d`. */
  readonly load: Int32Array;
}

/**
 * Cuts the range `from`..`to` (inclusive days) out of a model: one pass over the plant's jobs.
 * A job belongs to the range when its span overlaps it; its allocations inside the range make
 * the buckets' load, so load can never disagree with the jobs it comes from.
 */
export function sliceBoard(model: BoardModel, from: Day, to: Day): BoardView {
  const days = to - from + 1;
  const centerIndex = new Map(model.workCenters.map((w, i) => [w.id, i]));
  const load = new Int32Array(model.workCenters.length * days);
  const jobs: BoardJob[] = [];
  const orders: OrderDto[] = [];
  for (const [orderId, orderJobs] of model.jobsByOrder) {
    let inRange = false;
    for (const job of orderJobs) {
      if (job.startDay > to || job.endDay < from) continue;
      inRange = true;
      jobs.push(job);
      const row = centerIndex.get(job.dto.workCenterId);
      if (row === undefined) continue; // a work center of another plant cannot occur; skip rather than misplace
      const base = row * days - from;
      for (let i = 0; i < job.allocationDays.length; i++) {
        const day = job.allocationDays[i]!;
        if (day >= from && day <= to) load[base + day]! += job.allocationMinutes[i]!;
      }
    }
    const order = inRange ? model.orders.get(orderId) : undefined;
    if (order) orders.push(order);
  }
  return { model, from, days, jobs, orders, load };
}

/** One bucket per work center per day, in board order (work center, then date). */
export function bucketsOf(view: BoardView): BucketDto[] {
  const buckets: BucketDto[] = [];
  view.model.calendars.forEach((calendar, w) => {
    for (let d = 0; d < view.days; d++) {
      const day = view.from + d;
      buckets.push({
        workCenterId: calendar.id,
        date: fromDay(day),
        capacityMinutes: capacityOn(calendar, day),
        overtimeMinutes: overtimeOn(calendar, day),
        loadMinutes: view.load[w * view.days + d]!,
      });
    }
  });
  return buckets;
}

/** The jobs as the API lists them: by work center, start date, id. */
export function jobsOf(view: BoardView): JobDto[] {
  return view.jobs
    .map((j) => j.dto)
    .sort((a, b) => compare(a.workCenterId, b.workCenterId) || compare(a.start, b.start) || compare(a.id, b.id));
}

/** The orders as the API lists them: by number. */
export function ordersOf(view: BoardView): OrderDto[] {
  return [...view.orders].sort((a, b) => compare(a.number, b.number));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `PackedBoard` of the SDL: the same view as columns (schema/board.graphql). */
export interface PackedBoardDto {
  days: number;
  bucketCapacityMinutes: number[];
  bucketOvertimeMinutes: number[];
  bucketLoadMinutes: number[];
  jobs: {
    id: string[];
    order: number[];
    seq: number[];
    workCenter: number[];
    startOffset: number[];
    endOffset: number[];
    minutes: number[];
    status: string[];
    completedQuantity: number[];
  };
  orders: {
    id: string[];
    number: string[];
    quantity: number[];
    dueDate: string[];
    status: string[];
    atRisk: number[];
    customer: number[];
    product: number[];
  };
  customers: CustomerDto[];
  products: ProductDto[];
}

/** Packs a view into columns; rows refer to each other by position. */
export function packBoard(view: BoardView): PackedBoardDto {
  const { model, from, days } = view;
  const capacity: number[] = [];
  const overtime: number[] = [];
  for (const calendar of model.calendars) {
    for (let d = 0; d < days; d++) {
      capacity.push(capacityOn(calendar, from + d));
      overtime.push(overtimeOn(calendar, from + d));
    }
  }
  const customers = new Rows<CustomerDto>();
  const products = new Rows<ProductDto>();
  const orderRow = new Map<string, number>();
  const orders: PackedBoardDto['orders'] = { id: [], number: [], quantity: [], dueDate: [], status: [], atRisk: [], customer: [], product: [] };
  for (const o of view.orders) {
    orderRow.set(o.id, orderRow.size);
    orders.id.push(o.id);
    orders.number.push(o.number);
    orders.quantity.push(o.quantity);
    orders.dueDate.push(o.dueDate);
    orders.status.push(o.status);
    orders.atRisk.push(o.atRisk ? 1 : 0);
    orders.customer.push(customers.rowOf(o.customer.id, o.customer));
    orders.product.push(products.rowOf(o.product.id, o.product));
  }
  const centerIndex = new Map(model.workCenters.map((w, i) => [w.id, i]));
  const jobs: PackedBoardDto['jobs'] = { id: [], order: [], seq: [], workCenter: [], startOffset: [], endOffset: [], minutes: [], status: [], completedQuantity: [] };
  for (const { dto, startDay, endDay } of view.jobs) {
    jobs.id.push(dto.id);
    jobs.order.push(orderRow.get(dto.orderId) ?? -1);
    jobs.seq.push(dto.seq);
    jobs.workCenter.push(centerIndex.get(dto.workCenterId) ?? -1);
    jobs.startOffset.push(startDay - from);
    jobs.endOffset.push(endDay - from);
    jobs.minutes.push(dto.minutes);
    jobs.status.push(dto.status);
    jobs.completedQuantity.push(dto.completedQuantity);
  }
  return {
    days,
    bucketCapacityMinutes: capacity,
    bucketOvertimeMinutes: overtime,
    bucketLoadMinutes: Array.from(view.load),
    jobs,
    orders,
    customers: customers.list,
    products: products.list,
  };
}

/** Distinct rows by id, numbered in first-seen order. */
class Rows<T> {
  readonly list: T[] = [];
  readonly #index = new Map<string, number>();

  rowOf(id: string, row: T): number {
    let i = this.#index.get(id);
    if (i === undefined) {
      i = this.list.push(row) - 1;
      this.#index.set(id, i);
    }
    return i;
  }
}
