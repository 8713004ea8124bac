import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError, describeError } from '../api/errors';
import { request, setBearerToken } from '../api/graphql';
import { addDays } from '../shared/dates';
import {
  WallBoardDocument,
  WallChangeOrdersDocument,
  WallFloorDocument,
  type WallFloorQuery,
  WallPlantDocument,
  WallTodayDocument,
  type WallBoardQuery,
  type WallChangeOrderFragment,
} from '../gql/graphql';
import { connectRealtime, type BoardEvent, type ConnectionState, type RealtimeConnection } from '../realtime/connection';
import { graphqlWsUrl } from '../realtime/realtime.store';

export type WallBucket = WallBoardQuery['board']['buckets'][number];
export type WallChangeOrder = WallChangeOrderFragment;

/** How far ahead the wall looks: two weeks, so a day's column is wide enough to read from 5 m. */
export const WALL_DAYS = 14;

/** A job with time on the plant's today. */
export interface RunningJob {
  orderNumber: string;
  customer: string;
  started: boolean;
}
/** Reconnect quickly: nobody is in front of a wall screen to press "retry". */
const BACKOFF = { minMs: 500, maxMs: 5_000 };
const RETRY_LOAD_MS = 5_000;
const DECIDED = new Set(['APPLIED', 'REJECTED', 'COUNTER_PROPOSED', 'WITHDRAWN', 'CLOSED', 'INFEASIBLE', 'APPROVED']);

/**
 * The wall screen's data (docs/product.md §9): the plant's buckets for the coming weeks, the change-order
 * queue and today's decisions, signed in with a display token over HTTP (Bearer) and WebSocket
 * (connection_init). It patches buckets from board events, refetches the queue on change-order
 * events, and never gives up: a failed load retries, a dropped socket reconnects and resumes.
 */
export const useWallStore = defineStore('wall', () => {
  const plant = shallowRef<{ id: string; name: string; today: string } | null>(null);
  const timeZone = ref<string | undefined>(undefined);
  const workCenters = shallowRef<WallBoardQuery['board']['workCenters']>([]);
  const buckets = shallowRef(new Map<string, WallBucket>());
  const thresholds = ref({ auto: 0.8, manager: 1 });
  const queue = shallowRef<WallChangeOrder[]>([]);
  const recent = shallowRef<WallChangeOrder[]>([]);
  /** Orders at risk with work in the weeks shown, soonest due first. */
  const atRisk = shallowRef<WallFloorQuery['ahead']['orders']>([]);
  /** Jobs under way now (started, not paused). */
  const runningNow = ref(0);
  /** Work center id → the jobs allocated on today, started ones first. */
  const runningToday = shallowRef(new Map<string, RunningJob[]>());
  const from = ref<string | null>(null);
  const state = ref<ConnectionState>('offline');
  /** Why the screen cannot show anything (bad token), or null. */
  const fatal = ref<string | null>(null);
  /** A load failed and is being retried. */
  const loadError = ref<string | null>(null);
  /** When the data shown was last known to be current (ms). */
  const freshAt = ref<number | null>(null);
  const lastEventAt = ref<number | null>(null);
  const pulse = ref<Record<string, number>>({});
  let connection: RealtimeConnection | null = null;
  let token = '';
  let retry: ReturnType<typeof setTimeout> | null = null;
  let coTimer: ReturnType<typeof setTimeout> | null = null;

  const key = (workCenterId: string, date: string) => `${workCenterId}|${date}`;
  const days = computed(() => (from.value ? Array.from({ length: WALL_DAYS }, (_, i) => addDays(from.value!, i)) : []));
  const stale = computed(() => state.value !== 'live');

  const todaysDecisions = computed(() => {
    const today = plant.value?.today;
    if (!today) return [];
    // "today" is the plant's calendar day, whatever zone the screen's browser is set to
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone.value, year: 'numeric', month: '2-digit', day: '2-digit' });
    return recent.value
      .filter((co) => DECIDED.has(co.status) && day.format(new Date(co.updatedAt)) === today)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  });

  function fail(e: unknown): boolean {
    if (e instanceof ApiError && (e.code === 'UNAUTHENTICATED' || e.code === 'FORBIDDEN')) {
      fatal.value = 'This display token is not valid any more (revoked or mistyped). Ask an administrator for a new wall URL.';
      stop();
      return true;
    }
    loadError.value = describeError(e);
    return false;
  }

  async function loadBoard(): Promise<number> {
    const { plants } = await request(WallPlantDocument);
    const p = plants[0];
    if (!p) throw new ApiError('NOT_FOUND', 'This token sees no plant.');
    timeZone.value = p.timeZone;
    const data = await request(WallBoardDocument, { plantId: p.id, from: p.today, to: addDays(p.today, WALL_DAYS - 1) });
    plant.value = data.board.plant;
    from.value = data.board.from;
    workCenters.value = data.board.workCenters;
    buckets.value = new Map(data.board.buckets.map((b) => [key(b.workCenterId, b.date), b]));
    thresholds.value = { auto: data.policy.autoApproveMaxUtilization, manager: data.policy.managerMaxUtilization };
    return data.board.lastEventSeq;
  }

  async function loadToday(): Promise<void> {
    const p = plant.value;
    if (!p) return;
    const { board } = await request(WallTodayDocument, { plantId: p.id, day: p.today });
    const { jobs, orders, customers } = board.packed;
    const byCenter = new Map<string, RunningJob[]>();
    jobs.order.forEach((row, i) => {
      const wc = board.workCenters[jobs.workCenter[i]!]!.id;
      const job = {
        orderNumber: orders.number[row]!,
        customer: customers[orders.customer[row]!]!.name,
        started: jobs.status[i] === 'STARTED',
      };
      byCenter.set(wc, [...(byCenter.get(wc) ?? []), job]);
    });
    for (const list of byCenter.values()) list.sort((a, b) => Number(b.started) - Number(a.started) || a.orderNumber.localeCompare(b.orderNumber));
    runningToday.value = byCenter;
  }

  async function loadChangeOrders(): Promise<void> {
    const data = await request(WallChangeOrdersDocument, { open: ['PENDING', 'COUNTER_PROPOSED'] });
    queue.value = [...data.queue.nodes].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    recent.value = data.recent.nodes;
    await loadToday();
  }

  async function loadFloor(): Promise<void> {
    const p = plant.value;
    if (!p) return;
    const data = await request(WallFloorDocument, { plantId: p.id, today: p.today, to: addDays(p.today, WALL_DAYS - 1) });
    atRisk.value = data.ahead.orders.filter((o) => o.atRisk).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    runningNow.value = data.ahead.jobs.filter((j) => j.status === 'STARTED' && !j.paused).length;
  }

  function refreshChangeOrdersSoon(): void {
    if (coTimer) return;
    coTimer = setTimeout(() => {
      coTimer = null;
      loadChangeOrders().catch((e) => fail(e));
      loadFloor().catch((e) => fail(e));
    }, 200);
  }

  function onEvent(event: BoardEvent): void {
    lastEventAt.value = Date.now();
    freshAt.value = Date.now();
    if (event.type === 'SCHEDULE_CHANGED' && event.buckets?.length) {
      const next = new Map(buckets.value);
      const flashed: Record<string, number> = { ...pulse.value };
      for (const b of event.buckets) {
        const k = key(b.workCenterId, b.date);
        if (next.has(k)) {
          next.set(k, b);
          flashed[k] = Date.now();
        }
      }
      buckets.value = next;
      pulse.value = flashed;
    }
    if (event.type === 'CHANGE_ORDER_UPDATED' || event.type === 'SCHEDULE_CHANGED') refreshChangeOrdersSoon();
    if (event.type === 'POLICY_UPDATED' || event.type === 'BOARD_RESET') void resync();
  }

  async function resync(): Promise<number> {
    const seq = await loadBoard();
    await Promise.all([loadChangeOrders(), loadFloor()]);
    freshAt.value = Date.now();
    connection?.setBaseline(seq);
    return seq;
  }

  async function start(secret: string): Promise<void> {
    stop();
    token = secret;
    fatal.value = null;
    setBearerToken(token);
    let since: number;
    try {
      since = await loadBoard();
      await Promise.all([loadChangeOrders(), loadFloor()]);
      loadError.value = null;
      freshAt.value = Date.now();
    } catch (e) {
      // the server may be down or restarting: keep trying until it answers
      if (!fail(e)) retry = setTimeout(() => void start(token), RETRY_LOAD_MS);
      return;
    }
    connection = connectRealtime({
      url: graphqlWsUrl,
      plantId: plant.value!.id,
      since,
      connectionParams: { token },
      backoff: BACKOFF,
      onEvent,
      onResync: async () => {
        const seq = await loadBoard();
        await Promise.all([loadChangeOrders(), loadFloor()]);
        freshAt.value = Date.now();
        return seq;
      },
      onState: (next, detail) => {
        const wasLive = state.value === 'live';
        state.value = next;
        if (next === 'live') {
          freshAt.value = Date.now();
          // whatever happened to change orders while away (their events replay too; this is cheap)
          if (!wasLive) refreshChangeOrdersSoon();
        }
        if (next === 'offline' && (detail.reason === 'unauthenticated' || detail.reason === 'forbidden')) {
          fatal.value = 'This display token is not valid any more (revoked or mistyped). Ask an administrator for a new wall URL.';
        }
      },
    });
    // the browser knows about the network before the socket does
    window.addEventListener('online', reconnectNow);
  }

  function reconnectNow(): void {
    connection?.reconnectNow();
  }

  function stop(): void {
    if (retry) clearTimeout(retry);
    retry = null;
    window.removeEventListener('online', reconnectNow);
    connection?.stop();
    connection = null;
    state.value = 'offline';
  }

  function bucket(workCenterId: string, date: string): WallBucket | undefined {
    return buckets.value.get(key(workCenterId, date));
  }

  return {
    plant, timeZone, workCenters, buckets, thresholds, queue, recent, runningToday, from, days, state, stale, fatal, loadError, freshAt,
    lastEventAt, pulse, todaysDecisions, atRisk, runningNow, start, stop, bucket, key,
  };
});
