import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { describeError } from '../../api/errors';
import { request } from '../../api/graphql';
import { useSessionStore } from '../../auth/session.store';
import { BoardMoveJobDocument, BoardPreviewChangeDocument, type BoardEvaluationFragment, type BoardChangeOrderFragment, type Role } from '../../gql/graphql';
import { addDays, type IsoDate } from '../../shared/dates';
import type { Job } from '../model/board-data';
import { useOpenChangeOrdersStore } from '../model/open-change-orders.store';

/** Roles that may move jobs on the board (docs/product.md §1: planners; managers hold all of a planner's rights). */
export const MOVERS: readonly Role[] = ['PLANNER', 'OPS_MANAGER', 'PLANT_MANAGER'];

/** How long the pointer must rest on a day before its move is previewed while dragging. */
const DRAG_PREVIEW_MS = 120;

/**
 * Moving a job (kind MOVE_JOB): while dragging, the candidate start day is previewed as the engine
 * would evaluate it; dropping opens a confirmation with the full preview and a comment; confirming
 * sends `moveJob`, which is routed like any change order.
 */
export const useMoveStore = defineStore('boardMove', () => {
  const session = useSessionStore();
  const openChangeOrders = useOpenChangeOrdersStore();

  const job = shallowRef<Job | null>(null);
  const startDate = ref<IsoDate | null>(null);
  const phase = ref<'idle' | 'dragging' | 'confirm' | 'submitting' | 'done'>('idle');
  const preview = shallowRef<BoardEvaluationFragment | null>(null);
  const previewing = ref(false);
  const error = ref<string | null>(null);
  const result = shallowRef<BoardChangeOrderFragment | null>(null);
  /** Where the pointer is while dragging (viewport px), for the floating preview card. */
  const pointer = ref<{ x: number; y: number } | null>(null);
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const canMove = computed(() => !!session.me && MOVERS.includes(session.me.role));
  const dayDelta = computed(() => {
    if (!job.value || !startDate.value) return 0;
    return Math.round((Date.parse(startDate.value) - Date.parse(job.value.start)) / 86_400_000);
  });

  function begin(j: Job, mode: 'dragging' | 'confirm' = 'dragging'): void {
    job.value = j;
    startDate.value = j.start;
    phase.value = mode;
    preview.value = null;
    error.value = null;
    result.value = null;
  }

  /** The pointer (or the date field) names another start day: preview it shortly after it settles. */
  function setCandidate(date: IsoDate): void {
    if (!job.value || date === startDate.value) return;
    startDate.value = date;
    if (timer) clearTimeout(timer);
    if (date === job.value.start) {
      preview.value = null;
      previewing.value = false;
      return;
    }
    timer = setTimeout(() => void runPreview(), phase.value === 'dragging' ? DRAG_PREVIEW_MS : 250);
  }

  function shiftCandidate(days: number): void {
    if (startDate.value) setCandidate(addDays(startDate.value, days));
  }

  async function runPreview(): Promise<void> {
    const j = job.value;
    const date = startDate.value;
    if (!j || !date) return;
    const mine = ++seq;
    previewing.value = true;
    try {
      const { previewChangeOrder } = await request(BoardPreviewChangeDocument, { input: { orderId: j.orderId, moveJob: { jobId: j.id, startDate: date } } });
      if (mine !== seq) return;
      preview.value = previewChangeOrder;
      error.value = null;
    } catch (e) {
      if (mine !== seq) return;
      preview.value = null;
      error.value = describeError(e);
    } finally {
      if (mine === seq) previewing.value = false;
    }
  }

  /** Dropped: ask for a confirmation unless the job did not move. */
  function drop(): void {
    if (!job.value || dayDelta.value === 0) return cancel();
    phase.value = 'confirm';
    if (!preview.value && !previewing.value) void runPreview();
  }

  async function confirm(comment: string): Promise<void> {
    const j = job.value;
    const date = startDate.value;
    if (!j || !date) return;
    phase.value = 'submitting';
    error.value = null;
    try {
      const { moveJob } = await request(BoardMoveJobDocument, { jobId: j.id, startDate: date, comment: comment.trim() || null });
      result.value = moveJob;
      openChangeOrders.proposed(moveJob);
      phase.value = 'done';
    } catch (e) {
      error.value = describeError(e);
      phase.value = 'confirm';
    }
  }

  function cancel(): void {
    seq++;
    if (timer) clearTimeout(timer);
    timer = null;
    job.value = null;
    startDate.value = null;
    preview.value = null;
    previewing.value = false;
    error.value = null;
    result.value = null;
    pointer.value = null;
    phase.value = 'idle';
  }

  return { job, startDate, phase, pointer, preview, previewing, error, result, canMove, dayDelta, begin, setCandidate, shiftCandidate, drop, confirm, cancel };
});
