import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { ApiError, describeError } from '../api/errors';
import { request } from '../api/graphql';
import { BoardDocument } from '../gql/graphql';
import { useSessionStore } from '../auth/session.store';
import { addDays, daysBetween, type IsoDate } from './dates';
import { buildRows, dayColumns, totals as sumRows, weekGroups, type BoardData, type Job, type Order, type WorkCenter } from './layout';

/** Default span of the board: today and the next six weeks. */
export const DEFAULT_WEEKS = 6;
export const WEEK_OPTIONS = [2, 4, 6, 8, 13] as const;

/** The schedule shown on the board. Components read its state and call its actions. */
export const useBoardStore = defineStore('board', () => {
  const session = useSessionStore();

  // The board response is large and read-only: shallowRef keeps Vue from proxying every bucket.
  const data = shallowRef<BoardData | null>(null);
  const range = ref<{ from: IsoDate; to: IsoDate } | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const selectedOrderId = ref<string | null>(null);
  const expandedWorkCenters = ref(new Set<string>());
  let requestSeq = 0;

  const plant = computed(() => data.value?.plant ?? null);
  const today = computed(() => data.value?.plant.today ?? session.plant?.today ?? null);
  const workCenters = computed<WorkCenter[]>(() => data.value?.workCenters ?? []);
  const buckets = computed(() => data.value?.buckets ?? []);
  const jobs = computed<Job[]>(() => data.value?.jobs ?? []);
  const orders = computed<Order[]>(() => data.value?.orders ?? []);
  const weeks = computed(() => (range.value ? Math.round((daysBetween(range.value.from, range.value.to) + 1) / 7) : DEFAULT_WEEKS));

  // Derived lookups, rebuilt once per response rather than searched per cell.
  const orderById = computed(() => new Map(orders.value.map((o) => [o.id, o])));
  const workCenterById = computed(() => new Map(workCenters.value.map((w) => [w.id, w])));
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
  const rows = computed(() => (data.value ? buildRows(data.value) : []));
  const weeksShown = computed(() => weekGroups(columns.value));
  const totals = computed(() => sumRows(rows.value));
  const selectedOrder = computed(() => (selectedOrderId.value ? (orderById.value.get(selectedOrderId.value) ?? null) : null));

  /** Load the board for the signed-in user's plant between two dates (inclusive). */
  async function load(from: IsoDate, to: IsoDate): Promise<void> {
    const plantId = session.plant?.id;
    if (!plantId) {
      error.value = 'You have no plant assigned. Ask an administrator to add you to one.';
      return;
    }
    const seq = ++requestSeq;
    range.value = { from, to };
    loading.value = true;
    error.value = null;
    try {
      const result = await request(BoardDocument, { plantId, from, to });
      if (seq !== requestSeq) return; // a newer range was asked for meanwhile
      data.value = result.board;
      if (selectedOrderId.value && !orderById.value.has(selectedOrderId.value)) selectedOrderId.value = null;
    } catch (e) {
      if (seq !== requestSeq) return;
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') return; // the session store redirects
      error.value = describeError(e);
    } finally {
      if (seq === requestSeq) loading.value = false;
    }
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
    return spanFrom(range.value?.from ?? today.value ?? '', weekCount);
  }

  function reload(): Promise<void> {
    return range.value ? load(range.value.from, range.value.to) : showToday();
  }

  function selectOrder(orderId: string | null): void {
    selectedOrderId.value = selectedOrderId.value === orderId ? null : orderId;
  }

  function toggleExpanded(workCenterId: string): void {
    const next = new Set(expandedWorkCenters.value);
    if (!next.delete(workCenterId)) next.add(workCenterId);
    expandedWorkCenters.value = next;
  }

  function $reset(): void {
    requestSeq += 1;
    data.value = null;
    range.value = null;
    loading.value = false;
    error.value = null;
    selectedOrderId.value = null;
    expandedWorkCenters.value = new Set();
  }

  // Signing out (or a session ending) must not leave the last user's schedule in memory.
  watch(
    () => session.me,
    (user) => {
      if (!user) $reset();
    },
  );

  return {
    data, range, loading, error, selectedOrderId, expandedWorkCenters,
    plant, today, workCenters, buckets, jobs, orders, weeks,
    orderById, workCenterById, jobsByOrderId, columns, weeksShown, rows, totals, selectedOrder,
    load, showToday, shift, setWeeks, reload, selectOrder, toggleExpanded, $reset,
  };
});
