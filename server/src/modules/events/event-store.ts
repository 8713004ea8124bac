import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../db/sql.ts';
import { allocationsOfJobs, jobsOfOrders } from '../order/order.service.ts';
import type { JobDto } from '../order/order.dto.ts';
import type { BucketDto } from '../schedule/board.service.ts';
import { capacitySql, overtimeSql } from '../schedule/buckets.ts';
import type { BoardEventPayload, BoardEventType, EventJob } from './board-events.ts';
import { READ_PAGE, StreamOnlyEventType } from './realtime-protocol.ts';

/**
 * One board event as the stream delivers it: the stored payload flattened into the GraphQL
 * `BoardEvent` shape, every field present (null where it does not apply). A process builds each
 * one once and hands the same frozen object to all its subscribers of the plant.
 */
export interface BoardEventMessage {
  seq: number;
  type: BoardEventType | typeof StreamOnlyEventType.RESYNC;
  at: string;
  plantId: string;
  changeOrderId: string | null;
  orderId: string | null;
  orderIds: string[] | null;
  jobs: EventJob[] | null;
  removedJobIds: string[] | null;
  buckets: BucketDto[] | null;
  status: string | null;
  version: number | null;
  policyVersion: number | null;
  reason: string | null;
}

interface EventRow {
  seq: string;
  payload: BoardEventPayload;
  at: Date;
}

const EMPTY = {
  changeOrderId: null, orderId: null, orderIds: null, jobs: null, removedJobIds: null, buckets: null,
  status: null, version: null, policyVersion: null, reason: null,
} as const;

/** Stored payload → stream message (exhaustive over the payload union). */
export function toMessage(plantId: string, seq: number, at: Date | string, p: BoardEventPayload): BoardEventMessage {
  const base = { ...EMPTY, seq, type: p.type, at: new Date(at).toISOString(), plantId };
  switch (p.type) {
    case 'BOARD_RESET':
      return Object.freeze({ ...base, reason: p.reason });
    case 'SCHEDULE_CHANGED':
      return Object.freeze({
        ...base, changeOrderId: p.changeOrderId, orderIds: p.orderIds, jobs: p.jobs, removedJobIds: p.removedJobIds, buckets: p.buckets,
      });
    case 'CHANGE_ORDER_UPDATED':
      return Object.freeze({ ...base, changeOrderId: p.changeOrderId, orderId: p.orderId, status: p.status, version: p.version });
    case 'POLICY_UPDATED':
      return Object.freeze({ ...base, policyVersion: p.version });
    default: {
      const unknown: never = p;
      throw new Error(`unknown board event payload ${JSON.stringify(unknown)}`);
    }
  }
}

/** The stream-only instruction to refetch the board; the stream continues after `headSeq`. */
export function resyncMessage(plantId: string, headSeq: number, reason: string): BoardEventMessage {
  return Object.freeze({ ...EMPTY, seq: headSeq, type: StreamOnlyEventType.RESYNC, at: new Date().toISOString(), plantId, reason });
}

/** Events of a plant with `seq > after`, in order, at most `limit` (one page). */
export async function readEvents(em: EntityManager, plantId: string, after: number, limit = READ_PAGE): Promise<BoardEventMessage[]> {
  const rows = await em.execute<EventRow[]>(
    'select seq, payload, created_at as at from board_event where plant_id = ? and seq > ? order by seq limit ?',
    [plantId, after, limit],
  );
  return rows.map((r) => toMessage(plantId, Number(r.seq), r.at, r.payload));
}

/**
 * The plant's head (`plant.event_seq`, the last committed sequence number) and the oldest event
 * still retained (null when none is). NOT_FOUND is the caller's business: null when no plant.
 */
export async function streamBounds(em: EntityManager, plantId: string): Promise<{ head: number; oldest: number | null } | null> {
  const rows = await em.execute<{ head: string; oldest: string | null }[]>(
    `select p.event_seq as head, (select min(seq) from board_event e where e.plant_id = p.id) as oldest
       from plant p where p.id = ?`,
    [plantId],
  );
  const row = rows[0];
  return row ? { head: Number(row.head), oldest: row.oldest === null ? null : Number(row.oldest) } : null;
}

/** Heads of several plants in one query (the hub's catch-up after a reconnect and its safety poll). */
export async function plantHeads(em: EntityManager, plantIds: readonly string[]): Promise<Map<string, number>> {
  if (plantIds.length === 0) return new Map();
  const rows = await em.execute<{ id: string; head: string }[]>(
    'select id, event_seq as head from plant where id = any(?::uuid[])',
    [pgArray(plantIds)],
  );
  return new Map(rows.map((r) => [r.id, Number(r.head)]));
}

/**
 * Retention (docs/realtime.md): deletes board events written before `before`, but always keeps
 * each plant's newest event so the stream's bounds stay readable. Returns how many were deleted.
 */
export async function pruneBoardEvents(em: EntityManager, before: Date): Promise<number> {
  const res = await em.execute<{ affectedRows: number }>(
    `delete from board_event e using plant p
      where e.plant_id = p.id and e.created_at < ? and e.seq < p.event_seq`,
    [before],
    'run',
  );
  return res.affectedRows;
}

/** Jobs with their allocations, as SCHEDULE_CHANGED carries them. Read inside the write transaction. */
export async function jobsForEvent(em: EntityManager, jobs: readonly JobDto[]): Promise<EventJob[]> {
  const allocations = await allocationsOfJobs(em, jobs.map((j) => j.id));
  return jobs.map((j) => ({ ...j, allocations: allocations.filter((a) => a.jobId === j.id) }));
}

/** The jobs of some orders with their allocations (for SCHEDULE_CHANGED after re-planning orders). */
export async function orderJobsForEvent(em: EntityManager, orderIds: readonly string[]): Promise<EventJob[]> {
  return jobsForEvent(em, await jobsOfOrders(em, orderIds));
}

/**
 * Buckets (work center, date) as they are now, for SCHEDULE_CHANGED: same derivation as the board
 * query (capacity from the exception or the weekday, load = sum of allocations).
 */
export async function bucketsForEvent(
  em: EntityManager,
  plantId: string,
  keys: readonly { workCenterId: string; date: string }[],
): Promise<BucketDto[]> {
  const unique = [...new Map(keys.map((k) => [`${k.workCenterId}|${k.date}`, k])).values()];
  if (unique.length === 0) return [];
  return em.execute<BucketDto[]>(
    `with k as (select * from unnest(?::uuid[], ?::date[]) as k(work_center_id, date))
     select wc.id as "workCenterId", k.date::text as date,
            ${capacitySql('k.date')} as "capacityMinutes",
            ${overtimeSql('k.date')} as "overtimeMinutes",
            coalesce((select sum(a.minutes)::int from allocation a
                       where a.work_center_id = wc.id and a.date = k.date and a.plant_id = ?), 0) as "loadMinutes"
       from k join work_center wc on wc.id = k.work_center_id and wc.plant_id = ?
       left join work_center_exception ex on ex.work_center_id = wc.id and ex.date = k.date
      order by wc.sort, wc.code, k.date`,
    [pgArray(unique.map((k) => k.workCenterId)), pgArray(unique.map((k) => k.date)), plantId, plantId],
  );
}
