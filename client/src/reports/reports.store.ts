import { defineStore } from 'pinia';
import { computed, reactive } from 'vue';
import { describeError } from '../api/errors';
import { request } from '../api/graphql';
import { useSessionStore } from '../auth/session.store';
import {
  CapacityReportDocument,
  ChangeOrderReportDocument,
  type CapacityReportQuery,
  type ChangeOrderReportQuery,
  type Role,
} from '../gql/graphql';
import { addDays, daysBetween, isIsoDate, startOfWeek, wholePeriods, type Granularity } from './format';

/** The server refuses longer ranges (schema/report.graphql); checked here first to say so at once. */
export const MAX_REPORT_DAYS = 731;

/** Roles that may read change-order analytics (server/src/modules/auth/permissions.ts); others see capacity only. */
export const CHANGE_ORDER_REPORT_ROLES: readonly Role[] = ['OPS_MANAGER', 'PLANT_MANAGER', 'ACCOUNTING', 'QUALITY', 'ADMIN'];

type Status = 'idle' | 'loading' | 'ready' | 'error';

/** Why a range cannot be asked for, or null when it can. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return 'Choose a start and an end date.';
  const days = daysBetween(from, to) + 1;
  if (days < 1) return 'The end date is before the start date.';
  if (days > MAX_REPORT_DAYS) return `A report covers at most ${MAX_REPORT_DAYS} days; this range has ${days}.`;
  return null;
}

/**
 * The Reports page's state: two independent sections, each with its own range (capacity looks
 * ahead at the schedule, change orders look back at proposals), loaded on demand. A newer request
 * supersedes an older one still in flight, so a slow answer never overwrites a newer range.
 */
export const useReportsStore = defineStore('reports', () => {
  const session = useSessionStore();
  const today = computed(() => session.plant?.today ?? new Date().toISOString().slice(0, 10));
  const canSeeChangeOrders = computed(() => !!session.me && CHANGE_ORDER_REPORT_ROLES.includes(session.me.role));

  const capacity = reactive({
    from: '',
    to: '',
    granularity: 'WEEK' as Granularity,
    status: 'idle' as Status,
    error: null as string | null,
    data: null as CapacityReportQuery | null,
    /** The range and granularity `data` was computed for. */
    loaded: null as { from: string; to: string; granularity: Granularity } | null,
  });
  const changeOrders = reactive({
    from: '',
    to: '',
    status: 'idle' as Status,
    error: null as string | null,
    data: null as ChangeOrderReportQuery['changeOrderReport'] | null,
  });
  let capacitySeq = 0;
  let changeOrderSeq = 0;

  /**
   * Defaults: the schedule by week for 13 whole weeks, this one (Monday to Sunday) and the next
   * twelve, so the heat map has 13 columns whatever the weekday; proposals of the last 90 days.
   */
  function reset(): void {
    capacity.from = startOfWeek(today.value);
    capacity.to = addDays(capacity.from, 13 * 7 - 1);
    capacity.granularity = 'WEEK';
    changeOrders.from = addDays(today.value, -89);
    changeOrders.to = today.value;
  }

  async function loadCapacity(): Promise<void> {
    const plantId = session.plant?.id;
    if (!plantId) return;
    const seq = ++capacitySeq;
    let problem = rangeProblem(capacity.from, capacity.to);
    if (!problem) {
      Object.assign(capacity, wholePeriods(capacity.from, capacity.to, capacity.granularity));
      problem = rangeProblem(capacity.from, capacity.to);
    }
    if (problem) {
      capacity.status = 'error';
      capacity.error = problem;
      return;
    }
    const vars = { plantId, from: capacity.from, to: capacity.to, granularity: capacity.granularity };
    capacity.status = 'loading';
    capacity.error = null;
    try {
      const data = await request(CapacityReportDocument, vars);
      if (seq !== capacitySeq) return;
      capacity.data = data;
      capacity.loaded = { from: vars.from, to: vars.to, granularity: vars.granularity };
      capacity.status = 'ready';
    } catch (error) {
      if (seq !== capacitySeq) return;
      capacity.status = 'error';
      capacity.error = describeError(error);
    }
  }

  async function loadChangeOrders(): Promise<void> {
    const plantId = session.plant?.id;
    if (!plantId || !canSeeChangeOrders.value) return;
    const seq = ++changeOrderSeq;
    const problem = rangeProblem(changeOrders.from, changeOrders.to);
    if (problem) {
      changeOrders.status = 'error';
      changeOrders.error = problem;
      return;
    }
    changeOrders.status = 'loading';
    changeOrders.error = null;
    try {
      const data = await request(ChangeOrderReportDocument, { plantId, from: changeOrders.from, to: changeOrders.to });
      if (seq !== changeOrderSeq) return;
      changeOrders.data = data.changeOrderReport;
      changeOrders.status = 'ready';
    } catch (error) {
      if (seq !== changeOrderSeq) return;
      changeOrders.status = 'error';
      changeOrders.error = describeError(error);
    }
  }

  return { today, canSeeChangeOrders, capacity, changeOrders, reset, loadCapacity, loadChangeOrders };
});
