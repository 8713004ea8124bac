import type { BoardQuery, JobStatus, OrderStatus } from '../../gql/graphql';
import { addDays, type IsoDate } from '../../shared/dates';
import type { BoardData, Bucket, Job, Order } from './board-data';

/**
 * Hours and utilization exactly as the API's object fields give them (server
 * `apiHours`: minutes / 60 to 4 decimals; utilization load / capacity to 4 decimals), so a packed
 * board and an event's buckets never disagree by a rounding.
 */
export const hoursOf = (minutes: number): number => Math.round((minutes / 60) * 10_000) / 10_000;
const utilizationOf = (load: number, capacity: number): number => (capacity > 0 ? Math.round((load / capacity) * 10_000) / 10_000 : 0);

/**
 * Unpacks the board query's columns (schema/board.graphql, `PackedBoard`) into the rows the
 * board works with. Rows refer to each other by position; dates are offsets from `from`.
 */
export function unpackBoard(board: BoardQuery['board']): BoardData {
  const { packed, ...rest } = board;
  const dates = new Map<number, IsoDate>();
  const dateAt = (offset: number): IsoDate => {
    let date = dates.get(offset);
    if (date === undefined) dates.set(offset, (date = addDays(board.from, offset)));
    return date;
  };

  const buckets: Bucket[] = [];
  board.workCenters.forEach((wc, w) => {
    for (let d = 0; d < packed.days; d++) {
      const i = w * packed.days + d;
      const capacity = packed.bucketCapacityMinutes[i]!;
      const load = packed.bucketLoadMinutes[i]!;
      buckets.push({
        workCenterId: wc.id,
        date: dateAt(d),
        capacityHours: hoursOf(capacity),
        overtimeHours: hoursOf(packed.bucketOvertimeMinutes[i]!),
        loadHours: hoursOf(load),
        utilization: utilizationOf(load, capacity),
      });
    }
  });

  const o = packed.orders;
  const orders: Order[] = o.id.map((id, i) => ({
    id,
    number: o.number[i]!,
    quantity: o.quantity[i]!,
    dueDate: o.dueDate[i]!,
    status: o.status[i] as OrderStatus,
    atRisk: o.atRisk[i] === 1,
    customer: packed.customers[o.customer[i]!]!,
    product: packed.products[o.product[i]!]!,
  }));

  const j = packed.jobs;
  const jobs: Job[] = j.id.map((id, i) => ({
    id,
    orderId: o.id[j.order[i]!]!,
    seq: j.seq[i]!,
    workCenterId: board.workCenters[j.workCenter[i]!]!.id,
    start: dateAt(j.startOffset[i]!),
    end: dateAt(j.endOffset[i]!),
    hours: hoursOf(j.minutes[i]!),
    status: j.status[i] as JobStatus,
    completedQuantity: j.completedQuantity[i]!,
  }));

  return { ...rest, buckets, jobs, orders };
}
