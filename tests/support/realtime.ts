import WebSocket from 'ws';
import type { Orm } from '../../server/src/db/orm.ts';
import { withPlantWrite } from '../../server/src/modules/events/write-path.ts';
import { bucketsForEvent } from '../../server/src/modules/events/event-store.ts';
import type { JobDto } from '../../server/src/modules/order/order.dto.ts';
import { connectRealtime, type BoardEvent, type ConnectionState, type PresenceSnapshot, type RealtimeConnection } from '../../client/src/realtime/connection.ts';

/** A `ws` WebSocket that sends the session cookie, as a browser does on a same-origin socket. */
export function cookieSocket(cookie: string | null) {
  return class extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  };
}

export const wsUrl = (httpUrl: string) => `${httpUrl.replace('http', 'ws')}/graphql`;

/**
 * A board client built on the SPA's own connection code (client/src/realtime/connection.ts):
 * it records every event applied, in order, and every state change.
 */
export interface BoardClient {
  name: string;
  events: BoardEvent[];
  /** `Date.now()` when each event (same index) was applied. */
  receivedAt: number[];
  states: ConnectionState[];
  resyncs: number;
  presence: PresenceSnapshot[];
  urls: string[];
  connection: RealtimeConnection;
  /** Resolves when the client has applied `seq` (rejects after `timeoutMs`). */
  reach(seq: number, timeoutMs?: number): Promise<void>;
  stop(): void;
}

export function boardClient(opts: {
  name?: string;
  url: () => string;
  cookie: string | null;
  plantId: string;
  since: number;
  presence?: boolean;
  onResync?: () => Promise<number>;
}): BoardClient {
  const client: Omit<BoardClient, 'connection'> & { connection?: RealtimeConnection } = {
    name: opts.name ?? 'client',
    events: [],
    receivedAt: [],
    states: [],
    resyncs: 0,
    presence: [],
    urls: [],
    reach: async (seq, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (client.connection!.lastSeq < seq) {
        if (Date.now() > deadline)
          throw new Error(`${client.name} reached ${client.connection!.lastSeq}, not ${seq} (states ${client.states.join(',')})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop: () => client.connection!.stop(),
  };
  client.connection = connectRealtime({
    url: () => {
      const url = opts.url();
      client.urls.push(url);
      return url;
    },
    webSocketImpl: cookieSocket(opts.cookie),
    plantId: opts.plantId,
    since: opts.since,
    presence: opts.presence ?? false,
    backoff: { minMs: 50, maxMs: 500 },
    onEvent: (e) => {
      client.events.push(e);
      client.receivedAt.push(Date.now());
    },
    onResync: async (e) => {
      client.resyncs++;
      if (e) client.events.push(e);
      return opts.onResync ? opts.onResync() : (e?.seq ?? 0);
    },
    onPresence: (s) => client.presence.push(s),
    onState: (s) => client.states.push(s),
  });
  return client as BoardClient;
}

/** Waits until `predicate` holds (polling), or fails with `what`. */
export async function eventually(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * A real schedule change through the one write path: moves a job's allocations by `days` and
 * emits SCHEDULE_CHANGED with the job and every bucket whose load changed, as a change-order
 * apply does. Returns the sequence number written.
 */
export async function shiftJob(orm: Orm, plantId: string, jobId: string, days: number): Promise<number> {
  const { seqs } = await withPlantWrite(orm, plantId, null, async (w) => {
    const before = await w.em.execute<{ date: string; minutes: number; work_center_id: string }[]>(
      'select date::text as date, minutes, work_center_id from allocation where job_id = ? order by date',
      [jobId],
    );
    await w.em.execute('delete from allocation where job_id = ?', [jobId]);
    if (before.length > 0)
      await w.em.execute(
        `insert into allocation (job_id, date, work_center_id, plant_id, minutes) values ${before.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        before.flatMap((a) => [jobId, addDays(a.date, days), a.work_center_id, plantId, a.minutes]),
      );
    const [job] = await w.em.execute<JobDto[]>(
      `update job j set start_date = start_date + ?::int, end_date = end_date + ?::int, version = version + 1 where j.id = ?
       returning j.id, j.order_id as "orderId", j.seq, j.work_center_id as "workCenterId", j.start_date::text as start,
                 j.end_date::text as "end", j.minutes, j.status, j.version`,
      [days, days, jobId],
    );
    const keys = before.flatMap((a) => [
      { workCenterId: a.work_center_id, date: a.date },
      { workCenterId: a.work_center_id, date: addDays(a.date, days) },
    ]);
    w.emit({
      type: 'SCHEDULE_CHANGED',
      changeOrderId: null,
      orderIds: [job!.orderId],
      jobs: [{ ...job!, allocations: before.map((a) => ({ jobId, date: addDays(a.date, days), minutes: a.minutes })) }],
      removedJobIds: [],
      buckets: await bucketsForEvent(w.em, plantId, keys),
    });
  });
  return seqs[0]!;
}


/** A board as the client holds it: jobs and bucket loads by key, patched from events. */
export interface MiniBoard {
  from: string;
  to: string;
  jobs: Map<string, { workCenterId: string; start: string; end: string; hours: number }>;
  loads: Map<string, number>;
}

export const BOARD_QUERY = `query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) {
  lastEventSeq jobs { id workCenterId start end hours } buckets { workCenterId date loadHours } } }`;

export interface BoardResponse {
  board: {
    lastEventSeq: number;
    jobs: { id: string; workCenterId: string; start: string; end: string; hours: number }[];
    buckets: { workCenterId: string; date: string; loadHours: number }[];
  };
}

export function miniBoard(res: BoardResponse, from: string, to: string): MiniBoard {
  return {
    from,
    to,
    jobs: new Map(res.board.jobs.map(({ id, ...j }) => [id, j])),
    loads: new Map(res.board.buckets.map((b) => [`${b.workCenterId}|${b.date}`, b.loadHours])),
  };
}

/** What the board store does with an event: replace jobs and buckets in range, drop removed jobs. */
export function patch(board: MiniBoard, e: BoardEvent): void {
  for (const id of e.removedJobIds ?? []) board.jobs.delete(id);
  for (const j of e.jobs ?? []) {
    if (j.start <= board.to && j.end >= board.from) board.jobs.set(j.id, { workCenterId: j.workCenterId, start: j.start, end: j.end, hours: j.hours });
    else board.jobs.delete(j.id);
  }
  for (const b of e.buckets ?? []) if (b.date >= board.from && b.date <= board.to) board.loads.set(`${b.workCenterId}|${b.date}`, b.loadHours);
}

export const sortedEntries = <V>(m: Map<string, V>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
