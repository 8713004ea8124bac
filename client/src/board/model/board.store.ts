import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { ApiError, describeError } from '../../api/errors';
import { request } from '../../api/graphql';
import { BoardDocument, BoardOrderSummaryDocument, BoardPolicyDocument, type BoardPolicyQuery } from '../../gql/graphql';
import { useSessionStore } from '../../auth/session.store';
import { useRealtimeStore, type BoardEvent } from '../../realtime/realtime.store';
import { addDays, daysBetween, type IsoDate } from '../../shared/dates';
import { ghostIndex, type OpenChangeOrder } from './ghosts';
import { buildRows, dayColumns, totals as sumRows, weekGroups } from './layout';
import type { BoardData, Job, Order, WorkCenter } from './board-data';
import { applyScheduleEvents, withOrders } from './live';
import { unpackBoard } from './pack';
import { useOpenChangeOrdersStore } from './open-change-orders.store';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../shared/utilization';

/** Default span of the board: today and the next six weeks. */
export const DEFAULT_WEEKS = 6;
/** Spans offered (docs/product.md §9: 2–26 weeks; the API serves at most 26). */
export const WEEK_OPTIONS = [2, 4, 6, 8, 13, 26] as const;

/** Columns are days (capacity per day) or the same days narrower with capacity summed per week. */
export type Zoom = 'day' | 'week';

export type Policy = BoardPolicyQuery['policy'];

/** The latest schedule change seen live: previews re-run when it moves. */
export interface ScheduleChange {
  seq: number;
  changeOrderId: string | null;
}

/**
 * The schedule shown on the board, kept live from the plant's event stream. Components read its
 * state and call its actions.
 */
export const useBoardStore = defineStore('board', () => {
  const session = useSessionStore();
  const realtime = useRealtimeStore();
  const openChangeOrders = useOpenChangeOrdersStore();

  // The board response is large and read-only: shallowRef keeps Vue from proxying every bucket.
  const data = shallowRef<BoardData | null>(null);
  const range = ref<{ from: IsoDate; to: IsoDate } | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const selectedOrderId = ref<string | null>(null);
  const expandedWorkCenters = ref(new Set<string>());
  const policy = shallowRef<Policy | null>(null);
  const zoom = ref<Zoom>('day');
  /** One work center shown alone (the toolbar's filter), or null for all of them. */
  const workCenterShown = ref<string | null>(null);
  const lastScheduleChange = shallowRef<ScheduleChange | null>(null);
  /** The change being previewed in the order panel, drawn on the board like a pending one. */
  const previewGhost = shallowRef<OpenChangeOrder | null>(null);
  let requestSeq = 0;
  let live = false;

  const plant = computed(() => data.value?.plant ?? null);
  const today = computed(() => data.value?.plant.today ?? session.plant?.today ?? null);
  const workCenters = computed<WorkCenter[]>(() => data.value?.workCenters ?? []);
  const buckets = computed(() => data.value?.buckets ?? []);
  const jobs = computed<Job[]>(() => data.value?.jobs ?? []);
  const orders = computed<Order[]>(() => data.value?.orders ?? []);
  const weeks = computed(() => (range.value ? Math.round((daysBetween(range.value.from, range.value.to) + 1) / 7) : DEFAULT_WEEKS));
  const thresholds = computed<Thresholds>(() =>
    policy.value ? { auto: policy.value.autoApproveMaxUtilization, manager: policy.value.managerMaxUtilization } : DEFAULT_THRESHOLDS,
  );

  // Derived lookups, rebuilt once per response rather than searched per cell.
  const orderById = computed(() => new Map(orders.value.map((o) => [o.id, o])));
  const workCenterById = computed(() => new Map(workCenters.value.map((w) => [w.id, w])));
  const jobById = computed(() => new Map(jobs.value.map((j) => [j.id, j])));
  const jobsByOrderId = computed(() => {
    const map = new Map<string, Job[]>();
    for (const job of jobs.value) {
      const list = map.get(job.orderId);
      if (list) list.push(job);
      else map.set(job.orderId, [job]);
    }
    for (const list of map.values()) list.sort((a, b) => a.seq - b.seq);
    return map;
  });
  const columns = computed(() => (data.value ? dayColumns(data.value.from, data.value.to) : []));
  const ghosts = computed(() =>
    data.value ? ghostIndex(previewGhost.value ? [...openChangeOrders.list, previewGhost.value] : openChangeOrders.list, data.value) : null,
  );
  const allRows = computed(() => (data.value ? buildRows(data.value, thresholds.value, ghosts.value ?? undefined) : []));
  const rows = computed(() => (workCenterShown.value ? allRows.value.filter((r) => r.workCenter.id === workCenterShown.value) : allRows.value));
  const weeksShown = computed(() => weekGroups(columns.value));
  const totals = computed(() => sumRows(rows.value));
  const selectedOrder = computed(() => (selectedOrderId.value ? (orderById.value.get(selectedOrderId.value) ?? null) : null));

  /** Fetches the board for a range and makes it current; returns its `lastEventSeq` (null when superseded or failed). */
  async function fetchBoard(from: IsoDate, to: IsoDate, alongside?: Promise<unknown>): Promise<number | null> {
    const plantId = session.plant?.id;
    if (!plantId) {
      error.value = 'You have no plant assigned. Ask an administrator to add you to one.';
      return null;
    }
    const seq = ++requestSeq;
    range.value = { from, to };
    loading.value = true;
    error.value = null;
    try {
      // what else colours the board (policy, ghost load) lands in the same render, not a second one
      const [result] = await Promise.all([request(BoardDocument, { plantId, from, to }), alongside]);
      if (seq !== requestSeq) return null; // a newer range was asked for meanwhile
      performance.mark('takt:board-data'); // the render time (bench/suites/client.ts) starts here, before unpacking
      data.value = unpackBoard(result.board);
      if (selectedOrderId.value && !orderById.value.has(selectedOrderId.value)) selectedOrderId.value = null;
      return result.board.lastEventSeq;
    } catch (e) {
      if (seq !== requestSeq) return null;
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') return null; // the session store redirects
      error.value = describeError(e);
      return null;
    } finally {
      if (seq === requestSeq) loading.value = false;
    }
  }

  /** Load the board for the signed-in user's plant between two dates (inclusive), then stay live. */
  async function load(from: IsoDate, to: IsoDate): Promise<void> {
    const first = !live;
    const seq = await fetchBoard(from, to, first ? Promise.all([loadPolicy(), openChangeOrders.load()]) : undefined);
    if (seq === null) return;
    if (first) {
      startLive(seq);
    } else {
      // events after `seq` may have been applied to the previous range: the stream replays them
      realtime.setBaseline(seq);
    }
  }

  async function loadPolicy(): Promise<void> {
    const plantId = session.plant?.id;
    if (!plantId) return;
    try {
      policy.value = (await request(BoardPolicyDocument, { plantId })).policy;
    } catch {
      // the board keeps the thresholds it has; colours are a hint, the evaluation decides
    }
  }

  // Events arrive one by one; a burst (a replay after reconnecting) is applied in one pass.
  let queue: BoardEvent[] = [];
  function enqueue(event: BoardEvent): void {
    if (queue.push(event) === 1) queueMicrotask(flush);
  }

  function flush(): void {
    const events = queue;
    queue = [];
    for (const e of events) {
      if (e.type === 'BOARD_RESET') {
        void reload();
        return;
      }
    }
    const board = data.value;
    if (board) {
      const { board: next, staleOrderIds } = applyScheduleEvents(board, events);
      if (next !== board) {
        data.value = next;
        const last = [...events].reverse().find((e) => e.type === 'SCHEDULE_CHANGED')!;
        lastScheduleChange.value = { seq: last.seq, changeOrderId: last.changeOrderId ?? null };
      }
      if (staleOrderIds.size > 0) void refreshOrders([...staleOrderIds]);
    }
    for (const e of events) {
      if (e.type === 'CHANGE_ORDER_UPDATED') void openChangeOrders.onEvent(e);
      else if (e.type === 'POLICY_UPDATED') void loadPolicy();
    }
  }

  /** Refetches order summaries named by events (new orders, changed terms or status). */
  async function refreshOrders(ids: string[]): Promise<void> {
    const results = await Promise.allSettled(ids.map((id) => request(BoardOrderSummaryDocument, { id })));
    const fresh = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.order] : []));
    if (data.value) data.value = withOrders(data.value, fresh, new Set(selectedOrderId.value ? [selectedOrderId.value] : []));
  }

  function startLive(since: number): void {
    const plantId = session.plant?.id;
    if (!plantId) return;
    live = true;
    realtime.start({
      plantId,
      since,
      onEvent: enqueue,
      onResync: async () => {
        // what was missed cannot be replayed: take the board (and what waits) as they are now
        const r = range.value;
        const seq = r ? await fetchBoard(r.from, r.to) : null;
        void openChangeOrders.load();
        if (seq === null) throw new Error('The board could not be refetched.');
        return seq;
      },
    });
    realtime.setViewing(selectedOrderId.value ? { kind: 'ORDER', id: selectedOrderId.value } : { kind: 'BOARD' });
  }

  /** Closes the live connection (the board page was left); the next load reopens it. */
  function stopLive(): void {
    live = false;
    queue = [];
    realtime.stop();
  }

  function spanFrom(from: IsoDate, weekCount: number): Promise<void> {
    return load(from, addDays(from, weekCount * 7 - 1));
  }

  /** Today and the following weeks (the default view). */
  function showToday(weekCount: number = weeks.value): Promise<void> {
    const start = today.value;
    if (!start) {
      error.value = 'The plant calendar is not available yet.';
      return Promise.resolve();
    }
    return spanFrom(start, weekCount);
  }

  /** Move the window by whole weeks (negative goes back). */
  function shift(weekDelta: number): Promise<void> {
    if (!range.value) return showToday();
    return spanFrom(addDays(range.value.from, weekDelta * 7), weeks.value);
  }

  function setWeeks(weekCount: number): Promise<void> {
    // a long span reads better as weeks; a short one as days
    if (weekCount >= 13) zoom.value = 'week';
    else if (weekCount <= 4) zoom.value = 'day';
    return spanFrom(range.value?.from ?? today.value ?? '', weekCount);
  }

  function setZoom(next: Zoom): void {
    zoom.value = next;
  }

  function reload(): Promise<void> {
    return range.value ? load(range.value.from, range.value.to) : showToday();
  }

  function selectOrder(orderId: string | null): void {
    selectedOrderId.value = selectedOrderId.value === orderId ? null : orderId;
  }

  /** Select an order (search, links) without toggling it off when it is already selected. */
  function focusOrder(orderId: string): void {
    selectedOrderId.value = orderId;
  }

  function toggleExpanded(workCenterId: string): void {
    const next = new Set(expandedWorkCenters.value);
    if (!next.delete(workCenterId)) next.add(workCenterId);
    expandedWorkCenters.value = next;
  }

  // Presence: others see which order this user has open.
  watch(selectedOrderId, (id) => {
    if (live) realtime.setViewing(id ? { kind: 'ORDER', id } : { kind: 'BOARD' });
  });

  function $reset(): void {
    requestSeq += 1;
    stopLive();
    data.value = null;
    range.value = null;
    loading.value = false;
    error.value = null;
    selectedOrderId.value = null;
    expandedWorkCenters.value = new Set();
    workCenterShown.value = null;
    policy.value = null;
    lastScheduleChange.value = null;
    previewGhost.value = null;
    openChangeOrders.$reset();
  }

  // Signing out (or a session ending) must not leave the last user's schedule in memory.
  watch(
    () => session.me,
    (user) => {
      if (!user) $reset();
    },
  );

  return {
    data, range, loading, error, selectedOrderId, expandedWorkCenters, policy, zoom, workCenterShown, lastScheduleChange, previewGhost,
    plant, today, workCenters, buckets, jobs, orders, weeks, thresholds,
    orderById, workCenterById, jobById, jobsByOrderId, columns, weeksShown, rows, totals, selectedOrder,
    load, showToday, shift, setWeeks, setZoom, reload, selectOrder, focusOrder, toggleExpanded, stopLive, $reset,
  };
});
