import type { WeekGroup } from '../model/layout';

/**
 * The board is drawn in tiles: runs of whole weeks, one component each (BoardHeadTile, TileCells,
 * TileJobs). A tile's props are the same objects however the board scrolls, so a scroll step that
 * moves the render window mounts the tile coming into it and Vue skips every other one; and each
 * tile is its own box, so the browser lays out and paints only the new one.
 */
export interface Tile {
  index: number;
  /** First day column (1-based) and how many day columns the tile covers. */
  column: number;
  span: number;
  /** From the first day column, in px. */
  left: number;
  width: number;
  weeks: WeekGroup[];
}

/**
 * A tile narrower than this holds several weeks: week zoom's weeks are ~50 px, and a component per
 * week would cost more to create than the tile saves (and nothing scrolls sideways there).
 */
export const TILE_MIN_W = 200;

/** The weeks shown, grouped into tiles of as many whole weeks as make TILE_MIN_W. */
export function boardTiles(weeks: readonly WeekGroup[], dayW: number): Tile[] {
  const perTile = Math.max(1, Math.ceil(TILE_MIN_W / (7 * dayW)));
  const tiles: Tile[] = [];
  for (let i = 0; i < weeks.length; i += perTile) {
    const group = weeks.slice(i, i + perTile);
    const column = group[0]!.column;
    const span = group.reduce((days, w) => days + w.span, 0);
    tiles.push({ index: tiles.length, column, span, left: (column - 1) * dayW, width: span * dayW, weeks: group });
  }
  return tiles;
}

/** Index of the first item whose first column is ≥ `column`. */
function firstFrom<T>(items: readonly T[], first: (item: T) => number, column: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (first(items[mid]!) < column) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The items a tile owns: those that start in it. An item crossing into the next week is drawn
 * once, by the tile of its first day, overflowing its right edge. `items` must be sorted by their
 * first column, as buildRows, rowView and weekCells give them.
 */
export function ownedBy<T>(items: readonly T[], first: (item: T) => number, tile: Pick<Tile, 'column' | 'span'>): T[] {
  return items.slice(firstFrom(items, first, tile.column), firstFrom(items, first, tile.column + tile.span));
}

/**
 * The items that start before the tile and reach into it. The render window's first tile draws
 * them too, as the tiles that own them are not rendered (a four-week job scrolled half out of view).
 */
export function reachingInto<T>(items: readonly T[], first: (item: T) => number, last: (item: T) => number, tile: Pick<Tile, 'column'>): T[] {
  return items.slice(0, firstFrom(items, first, tile.column)).filter((item) => last(item) >= tile.column);
}
