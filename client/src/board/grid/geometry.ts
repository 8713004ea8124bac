import type { Zoom } from '../model/board.store';
import type { BoardRow, RowView } from '../model/layout';

/**
 * Pixel geometry of the virtualized board. Rows and blocks are absolutely positioned from these
 * numbers, so the grid can render only what is in view (docs/product.md §9: smooth with 10,000 jobs).
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

/** Index of the last offset ≤ x (offsets ascending, offsets[0] = 0). */
export function indexAt(offsets: readonly number[], x: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Tiles (by their left edges) and rows (by their tops) rendered: [t0, t1) × [r0, r1). */
export interface RenderWindow {
  t0: number;
  t1: number;
  r0: number;
  r1: number;
}

/**
 * Rendered beyond each edge of the viewport: the window follows a scroll one frame late (BoardGrid
 * measures in the frame after the scroll event), so this must cover a frame's travel.
 */
export const OVERSCAN_X = 96;
export const OVERSCAN_Y = 96;
/**
 * The steps of the window: sideways two tiles, downwards bands of 512 px (three or four rows). A
 * step mounts that much at once, in one long frame; a smaller step is cheaper but comes more often,
 * and under load every frame that changes the DOM misses its deadline however little it changes
 * (the bench: a 26-week day-zoom board scrolled end to end is ~10 steps each way, not ~20 and ~27).
 */
export const TILES_PER_STEP = 2;
export const BAND_H = 512;

/** The items [first, end) of an axis (by their start offsets, the total last) that meet [start, end) px. */
function meeting(offsets: readonly number[], start: number, end: number): [number, number] {
  const items = offsets.length - 1;
  return [Math.min(items, indexAt(offsets, start)), Math.min(items, indexAt(offsets, end - 1) + 1)];
}

/**
 * The items of an axis to render for a viewport at `pos` of `size`. The window's start snaps to the
 * step that holds `pos` minus the overscan, and its end is a fixed length from that start, covering
 * any `pos` within the step: so both edges move together, once per step, and a scroll within a
 * step changes nothing.
 */
function stepWindow(offsets: readonly number[], pos: number, size: number, overscan: number, step: (px: number) => { start: number; length: number }): [number, number] {
  const { start, length } = step(Math.max(0, pos - overscan));
  return meeting(offsets, start, start + length + size + 2 * overscan);
}

type Scroll = { top: number; left: number; width: number; height: number };
const contentWidth = (scroll: Scroll) => Math.max(0, scroll.width - LABEL_W);
const contentHeight = (scroll: Scroll) => Math.max(0, scroll.height - HEAD_H);

/**
 * The window to render: horizontally by tiles (a step is TILES_PER_STEP tiles, `tileOffsets` their
 * left edges in px and the total width), vertically by bands of BAND_H (`rowOffsets` the rows'
 * tops and the total height). Scrolling changes it only when a step is crossed.
 */
export function renderWindow(scroll: Scroll, tileOffsets: readonly number[], rowOffsets: readonly number[]): RenderWindow {
  const [t0, t1] = stepWindow(tileOffsets, scroll.left, contentWidth(scroll), OVERSCAN_X, (px) => {
    const i = Math.max(0, Math.min(tileOffsets.length - 2, Math.floor(indexAt(tileOffsets, px) / TILES_PER_STEP) * TILES_PER_STEP));
    const start = tileOffsets[i] ?? 0;
    return { start, length: (tileOffsets[Math.min(tileOffsets.length - 1, i + TILES_PER_STEP)] ?? start) - start };
  });
  const [r0, r1] = stepWindow(rowOffsets, scroll.top, contentHeight(scroll), OVERSCAN_Y, (px) => ({ start: Math.floor(px / BAND_H) * BAND_H, length: BAND_H }));
  return { t0, t1, r0, r1 };
}

/** The tiles and rows on screen: what must be rendered in the frame that shows them. */
export function screenWindow(scroll: Scroll, tileOffsets: readonly number[], rowOffsets: readonly number[]): RenderWindow {
  const [t0, t1] = meeting(tileOffsets, scroll.left, scroll.left + contentWidth(scroll));
  const [r0, r1] = meeting(rowOffsets, scroll.top, scroll.top + contentHeight(scroll));
  return { t0, t1, r0, r1 };
}
