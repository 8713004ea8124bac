import type { Zoom } from './board.store';
import type { BoardRow, RowView } from './layout';

/**
 * Pixel geometry of the virtualized board. Rows and blocks are absolutely positioned from these
 * numbers, so the grid can render only what is in view (SPEC §9: smooth with 10,000 jobs).
 */
export const LABEL_W = 216;
export const CAP_H = 30;
export const LANE_H = 22;
export const ROW_PAD = 6;
export const HEAD_H = 58;

/** Narrowest day column per zoom: a day column must fit a date; a week's day may be a sliver. */
const MIN_DAY_W: Record<Zoom, number> = { day: 32, week: 6 };

/** Width of one day: the columns share the viewport, never narrower than the zoom's minimum. */
export function dayWidth(viewportWidth: number, days: number, zoom: Zoom): number {
  if (days <= 0) return MIN_DAY_W[zoom];
  const fit = (viewportWidth - LABEL_W) / days;
  return Math.max(MIN_DAY_W[zoom], fit);
}

export function rowHeight(row: BoardRow, view: RowView): number {
  return CAP_H + (row.ghostLanes + view.lanes) * LANE_H + ROW_PAD;
}

/** Index of the last offset ≤ y (offsets ascending, offsets[0] = 0). */
export function rowAt(offsets: readonly number[], y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The window of columns and rows to render, padded and snapped to steps so that scrolling
 * re-renders only when a step is crossed, not on every frame. The padding is small: the window
 * follows the scroll position within the frame that moved it (BoardGrid measures in a frame
 * callback, Vue renders before that frame is painted), so it only batches work, and every row or
 * column rendered beyond the viewport is style, layout and paint the first render pays for.
 */
export function visibleWindow(
  scroll: { top: number; left: number; width: number; height: number },
  dayW: number,
  days: number,
  offsets: readonly number[],
): { c0: number; c1: number; r0: number; r1: number } {
  const STEP_COLS = 7;
  const PAD_PX = 160;
  const firstPx = Math.max(0, scroll.left - PAD_PX);
  const lastPx = scroll.left + Math.max(0, scroll.width - LABEL_W) + PAD_PX;
  const c0 = Math.max(1, Math.floor(Math.floor(firstPx / dayW) / STEP_COLS) * STEP_COLS + 1);
  const c1 = Math.min(days, Math.ceil(Math.ceil(lastPx / dayW) / STEP_COLS) * STEP_COLS);
  const STEP_PX = 160;
  const top = Math.floor(Math.max(0, scroll.top - PAD_PX) / STEP_PX) * STEP_PX;
  const bottom = Math.ceil((scroll.top + scroll.height + PAD_PX) / STEP_PX) * STEP_PX;
  const rows = offsets.length - 1; // offsets has one more entry: the total height
  const r0 = Math.min(rows, rowAt(offsets, top));
  const r1 = Math.min(rows, rowAt(offsets, bottom) + 1);
  return { c0, c1, r0, r1 };
}
