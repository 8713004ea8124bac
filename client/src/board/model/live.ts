import type { BoardEvent } from '../../realtime/connection';
import type { BoardData, Bucket, Job, Order } from './board-data';

/**
 * Patching the board from its event stream (docs/realtime.md, "Board events"). Pure functions over
 * the `board` query's shape, so one burst of events costs one pass over the board.
 */

const bucketKey = (b: { workCenterId: string; date: string }) => `${b.workCenterId}|${b.date}`;

/** The result of applying events: the new board and the orders whose summaries must be fetched. */
export interface Patched {
  board: BoardData;
  /** Orders named by events (terms or status changed) or referenced by a job we have no summary of. */
  staleOrderIds: Set<string>;
}

/**
 * Applies SCHEDULE_CHANGED events in order: jobs replaced by id (dropped when they left the
 * range), `removedJobIds` dropped, buckets replaced by (work center, date) inside the range.
 * Other event types leave the schedule alone and are handled by their own stores.
 */
export function applyScheduleEvents(board: BoardData, events: readonly BoardEvent[]): Patched {
  const staleOrderIds = new Set<string>();
  const changes = events.filter((e) => e.type === 'SCHEDULE_CHANGED');
  if (changes.length === 0) return { board, staleOrderIds };

  const jobs = new Map(board.jobs.map((j) => [j.id, j]));
  const buckets = new Map(board.buckets.map((b) => [bucketKey(b), b]));
  const { from, to } = board;

  for (const event of changes) {
    for (const id of event.removedJobIds ?? []) jobs.delete(id);
    for (const j of event.jobs ?? []) {
      // the board holds jobs with at least one allocation in range
      const inRange = j.allocations.length > 0 ? j.allocations.some((a) => a.date >= from && a.date <= to) : j.start <= to && j.end >= from;
      if (!inRange) {
        jobs.delete(j.id);
        continue;
      }
      const job: Job = { id: j.id, orderId: j.orderId, seq: j.seq, workCenterId: j.workCenterId, start: j.start, end: j.end, hours: j.hours, status: j.status, completedQuantity: j.completedQuantity };
      jobs.set(j.id, job);
    }
    for (const b of event.buckets ?? []) {
      if (b.date < from || b.date > to) continue;
      const bucket: Bucket = { workCenterId: b.workCenterId, date: b.date, capacityHours: b.capacityHours, overtimeHours: b.overtimeHours, loadHours: b.loadHours, utilization: b.utilization };
      buckets.set(bucketKey(b), bucket);
    }
    for (const id of event.orderIds ?? []) staleOrderIds.add(id);
  }

  const orderIds = new Set(board.orders.map((o) => o.id));
  for (const j of jobs.values()) if (!orderIds.has(j.orderId)) staleOrderIds.add(j.orderId);

  return {
    board: { ...board, jobs: [...jobs.values()], buckets: [...buckets.values()], lastEventSeq: Math.max(board.lastEventSeq, ...changes.map((e) => e.seq)) },
    staleOrderIds,
  };
}

/** Replaces or adds order summaries, and drops orders that no longer have a job on the board. */
export function withOrders(board: BoardData, fresh: readonly Order[], keep: ReadonlySet<string> = new Set()): BoardData {
  const byId = new Map(board.orders.map((o) => [o.id, o]));
  for (const o of fresh) byId.set(o.id, o);
  const used = new Set(board.jobs.map((j) => j.orderId));
  const orders = [...byId.values()].filter((o) => used.has(o.id) || keep.has(o.id));
  return { ...board, orders };
}
