import { addDays } from '../../shared/dates';
import type { Job } from '../model/board-data';
import { useMoveStore } from './move.store';

/** Pixels the pointer must travel before a press on a job becomes a drag (below it: a click). */
const DRAG_THRESHOLD_PX = 5;

/**
 * Drag a job block sideways to propose moving it (planners and managers). The pointer is captured
 * by the block; each whole day travelled names a new candidate start, previewed by the move store;
 * releasing asks for confirmation. Returns the handlers for a job block and a click guard.
 */
export function useJobDrag(dayWidth: () => number) {
  const move = useMoveStore();
  let press: { job: Job; x: number; id: number; dragging: boolean } | null = null;
  let suppressClick = false;

  function onPointerDown(job: Job, event: PointerEvent): void {
    if (!move.canMove || event.button !== 0 || job.status === 'DONE' || move.phase === 'confirm' || move.phase === 'submitting') return;
    press = { job, x: event.clientX, id: event.pointerId, dragging: false };
    ((event.target as HTMLElement).closest<HTMLElement>('[data-job-id]') ?? (event.currentTarget as HTMLElement)).setPointerCapture(event.pointerId);
  }

  function onPointerMove(event: PointerEvent): void {
    if (!press || event.pointerId !== press.id) return;
    const dx = event.clientX - press.x;
    if (!press.dragging) {
      if (Math.abs(dx) < DRAG_THRESHOLD_PX) return;
      press.dragging = true;
      move.begin(press.job);
    }
    move.pointer = { x: event.clientX, y: event.clientY };
    move.setCandidate(addDays(press.job.start, Math.round(dx / dayWidth())));
  }

  function onPointerUp(event: PointerEvent): void {
    if (!press || event.pointerId !== press.id) return;
    const wasDragging = press.dragging;
    press = null;
    if (wasDragging) {
      suppressClick = true;
      move.pointer = null;
      move.drop();
    }
  }

  function onPointerCancel(): void {
    if (press?.dragging) move.cancel();
    press = null;
  }

  /** True once after a drag ended, so the click that follows a drop does not select the order. */
  function consumeClick(): boolean {
    const was = suppressClick;
    suppressClick = false;
    return was;
  }

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, consumeClick };
}
