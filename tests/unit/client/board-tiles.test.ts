import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAND_H, LABEL_W, HEAD_H, OVERSCAN_X, OVERSCAN_Y, renderWindow, TILES_PER_STEP, type RenderWindow } from '../../../client/src/board/grid/geometry.ts';
import { dayColumns, weekGroups } from '../../../client/src/board/model/layout.ts';
import { boardTiles, ownedBy, reachingInto, type Tile } from '../../../client/src/board/grid/tiles.ts';
import { addDays, isoWeek } from '../../../client/src/shared/dates.ts';
import { ANY_DAY } from '../../support/any-day.ts';

// 26 weeks from a Wednesday to a Tuesday: a first tile of five days, whole weeks, a last one of two.
const weeks = weekGroups(dayColumns('2026-11-25', '2027-05-25'));
const dayTiles = boardTiles(weeks, 32);
const offsetsOf = (tiles: Tile[], dayW: number) => [...tiles.map((t) => t.left), (tiles.at(-1)!.column + tiles.at(-1)!.span - 1) * dayW];
const rowOffsets = [0];
for (let i = 0; i < 42; i++) rowOffsets.push(rowOffsets[i]! + (i % 7 === 3 ? 410 : 146));
const viewport = { width: 1600, height: 1000 };

describe('board tiles', () => {
  it('makes one tile per week in day zoom and groups weeks into tiles of at least 200 px in week zoom', () => {
    expect(dayTiles.map((t) => t.span)).toEqual([5, ...Array<number>(25).fill(7), 2]);
    expect(dayTiles[1]).toMatchObject({ index: 1, column: 6, left: 5 * 32, width: 7 * 32 });

    const weekTiles = boardTiles(weeks, 7.6);
    expect(weekTiles.every((t) => t.weeks.length === 4 || t === weekTiles.at(-1))).toBe(true);
    // the first and the last tile may hold a partial week
    expect(weekTiles.slice(1, -1).every((t) => t.width >= 200)).toBe(true);
    // contiguous: every day column belongs to exactly one tile
    expect(weekTiles.reduce((days, t) => days + t.span, 0)).toBe(182);
    weekTiles.slice(1).forEach((t, i) => expect(t.column).toBe(weekTiles[i]!.column + weekTiles[i]!.span));
  });

  it('draws every job once: by the tile of its first day, or by the first tile of the window when that tile is not rendered', () => {
    const job = fc.record({ firstColumn: fc.integer({ min: 1, max: 182 }), length: fc.integer({ min: 0, max: 40 }) }).map(({ firstColumn, length }) => ({ firstColumn, lastColumn: Math.min(182, firstColumn + length) }));
    fc.assert(
      fc.property(fc.array(job, { maxLength: 60 }), fc.integer({ min: 0, max: dayTiles.length - 1 }), (jobs, t0) => {
        jobs.sort((a, b) => a.firstColumn - b.firstColumn);
        const window = dayTiles.slice(t0);
        const drawn = window.flatMap((t, i) => [...(i === 0 ? reachingInto(jobs, (j) => j.firstColumn, (j) => j.lastColumn, t) : []), ...ownedBy(jobs, (j) => j.firstColumn, t)]);
        const expected = jobs.filter((j) => j.lastColumn >= window[0]!.column);
        expect(drawn).toHaveLength(expected.length);
        expect(new Set(drawn)).toEqual(new Set(expected));
      }),
    );
  });

  it('a job crossing a week boundary belongs to the tile of its first week only', () => {
    const crossing = { firstColumn: 9, lastColumn: 14 }; // Thursday to Tuesday
    const owners = dayTiles.filter((t) => ownedBy([crossing], (j) => j.firstColumn, t).length > 0);
    expect(owners.map((t) => t.index)).toEqual([1]);
  });
});

describe.each(ANY_DAY)('board tiles from $date ($what)', ({ date }) => {
  it.each([2, 6, 26])('cut %i weeks into calendar weeks (Monday to Sunday) that cover every day once, in both zooms', (weekCount) => {
    const columns = dayColumns(date, addDays(date, weekCount * 7 - 1));
    expect(columns).toHaveLength(weekCount * 7);
    // consecutive calendar days, whatever the year's end, a leap day or a clock change
    columns.forEach((c, i) => expect(c.date).toBe(addDays(date, i)));
    const groups = weekGroups(columns);
    expect(groups[0]!.first).toBe(date);
    for (const g of groups.slice(1)) expect(new Date(`${g.first}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(groups.every((g) => g.span >= 1 && g.span <= 7)).toBe(true);
    expect(groups.length).toBe(new Date(`${date}T00:00:00Z`).getUTCDay() === 1 ? weekCount : weekCount + 1);
    for (const dayW of [32, 7.6]) {
      const tiles = boardTiles(groups, dayW);
      expect(tiles.reduce((days, t) => days + t.span, 0)).toBe(weekCount * 7);
      tiles.slice(1).forEach((t, i) => expect(t.column).toBe(tiles[i]!.column + tiles[i]!.span));
    }
  });
});

describe('week numbers in the header', () => {
  it('follow ISO 8601 across the turn of a year and a leap day (2026 has 53 weeks)', () => {
    const weeks = Object.fromEntries(['2026-12-28', '2026-12-31', '2027-01-01', '2027-01-03', '2027-01-04', '2027-12-31', '2028-01-02', '2028-01-03', '2028-02-29'].map((d) => [d, isoWeek(d)]));
    expect(weeks).toEqual({
      '2026-12-28': 53, '2026-12-31': 53, '2027-01-01': 53, '2027-01-03': 53, '2027-01-04': 1,
      '2027-12-31': 52, '2028-01-02': 52, '2028-01-03': 1, '2028-02-29': 9,
    });
  });
});

describe('the render window', () => {
  const tileOffsets = offsetsOf(dayTiles, 32);
  const at = (left: number, top: number) => renderWindow({ ...viewport, left, top }, tileOffsets, rowOffsets);
  const maxLeft = tileOffsets.at(-1)! - (viewport.width - LABEL_W);
  const maxTop = rowOffsets.at(-1)! - (viewport.height - HEAD_H);

  it('covers the viewport and the overscan around it at any scroll position', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: maxLeft }), fc.integer({ min: 0, max: maxTop }), (left, top) => {
        const { t0, t1, r0, r1 } = at(left, top);
        expect(tileOffsets[t0]).toBeLessThanOrEqual(Math.max(0, left - OVERSCAN_X));
        expect(tileOffsets[t1]).toBeGreaterThanOrEqual(Math.min(tileOffsets.at(-1)!, left + viewport.width - LABEL_W + OVERSCAN_X));
        expect(rowOffsets[r0]).toBeLessThanOrEqual(Math.max(0, top - OVERSCAN_Y));
        expect(rowOffsets[r1]).toBeGreaterThanOrEqual(Math.min(rowOffsets.at(-1)!, top + viewport.height - HEAD_H + OVERSCAN_Y));
      }),
    );
  });

  it('changes once per step scrolled sideways, moving both edges by the step\'s tiles', () => {
    const windows: RenderWindow[] = [];
    for (let left = 0; left <= maxLeft; left += 8) windows.push(at(left, 0));
    const steps = windows.slice(1).map((w, i) => [w.t0 - windows[i]!.t0, w.t1 - windows[i]!.t1]).filter(([a, b]) => a !== 0 || b !== 0);
    // the far edge stops at the last tile; until then both edges move together, a step at a time
    expect(steps.every(([a, b]) => a === TILES_PER_STEP && b! >= 0 && b! <= TILES_PER_STEP)).toBe(true);
    expect(steps.length).toBeGreaterThan(5);
    expect(steps.length).toBeLessThan(dayTiles.length / TILES_PER_STEP);
  });

  it('changes once per band scrolled down, and not at all within a band', () => {
    const bands = new Map<number, Set<string>>();
    for (let top = 0; top <= maxTop; top += 4) {
      const band = Math.floor(Math.max(0, top - OVERSCAN_Y) / BAND_H);
      const { r0, r1 } = at(0, top);
      bands.set(band, (bands.get(band) ?? new Set()).add(`${r0}-${r1}`));
    }
    expect([...bands.values()].every((windows) => windows.size === 1)).toBe(true);
  });
});
