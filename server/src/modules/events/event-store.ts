import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../db/sql.ts';
import { JOB_COLUMNS } from '../order/order.service.ts';
import type { BucketDto } from '../schedule/board.view.ts';
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

/**
 * What SCHEDULE_CHANGED carries after re-planning orders, read inside the write transaction in one
 * round trip (it runs under the plant lock): the orders' jobs as they are now with their
 * allocations, and the buckets at `keys` (see `bucketsForEvent`).
 */
export async function scheduleChangeOf(
  em: EntityManager,
  plantId: string,
  orderIds: readonly string[],
  keys: readonly { workCenterId: string; date: string }[],
): Promise<{ jobs: EventJob[]; buckets: BucketDto[] }> {
  const buckets = bucketsJson(plantId, keys);
  const [row] = await em.execute<{ jobs: EventJob[]; buckets: BucketDto[] }[]>(
    `select coalesce((select json_agg(x order by x."orderId", x.seq) from (
              select ${JOB_COLUMNS},
                     coalesce((select json_agg(json_build_object('jobId', a.job_id, 'date', a.date::text, 'minutes', a.minutes) order by a.date)
                                 from allocation a where a.job_id = j.id), '[]') as allocations
                from job j where j.order_id = any(?::uuid[])) x), '[]') as jobs,
            ${buckets.sql} as buckets`,
    [pgArray(orderIds), ...buckets.params],
  );
  return row!;
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
  const buckets = bucketsJson(plantId, keys);
  const [row] = await em.execute<{ buckets: BucketDto[] }[]>(`select ${buckets.sql} as buckets`, buckets.params);
  return row!.buckets;
}

/** The buckets at `keys` as one JSON array expression in board order (all integers and text, so JSON is exact). */
function bucketsJson(plantId: string, keys: readonly { workCenterId: string; date: string }[]): { sql: string; params: unknown[] } {
  const unique = [...new Map(keys.map((k) => [`${k.workCenterId}|${k.date}`, k])).values()];
  return {
    sql: `coalesce((
      with k as (select * from unnest(?::uuid[], ?::date[]) as k(work_center_id, date))
      select json_agg(json_build_object(
               'workCenterId', wc.id, 'date', k.date::text,
               'capacityMinutes', ${capacitySql('k.date')},
               'overtimeMinutes', ${overtimeSql('k.date')},
               'loadMinutes', coalesce((select sum(a.minutes)::int from allocation a
                                         where a.work_center_id = wc.id and a.date = k.date and a.plant_id = ?), 0))
             order by wc.sort, wc.code, k.date)
        from k join work_center wc on wc.id = k.work_center_id and wc.plant_id = ?
        left join work_center_exception ex on ex.work_center_id = wc.id and ex.date = k.date), '[]')`,
    params: [pgArray(unique.map((k) => k.workCenterId)), pgArray(unique.map((k) => k.date)), plantId, plantId],
  };
}
