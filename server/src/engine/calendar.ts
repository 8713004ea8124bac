import { type Day, parseDate, weekdayOf } from './dates.ts';
import { EngineError } from './errors.ts';
import type { Minutes } from './money.ts';
import type { WorkCenter } from './types.ts';

/** How far any calendar walk may go before we call the plant data broken (ten years). */
const CALENDAR_WALK_LIMIT = 3660;

/** A work center with its exceptions indexed by Day, ready for O(1) capacity look-ups. */
export interface CompiledWorkCenter {
  readonly id: string;
  readonly code: string;
  readonly source: WorkCenter;
  readonly weeklyMinutes: readonly Minutes[];
  readonly exceptions: ReadonlyMap<Day, Minutes>;
  readonly overtimeMinutesPerDay: Minutes;
}

/**
 * Indexes a work center's calendar. Exception keys may be Day numbers or `YYYY-MM-DD` strings;
 * bad weekly arrays or negative minutes are plant-data errors, not user errors.
 */
export function compileWorkCenter(wc: WorkCenter): CompiledWorkCenter {
  if (wc.weeklyMinutes.length !== 7 || !wc.weeklyMinutes.every(isNonNegativeInteger)) {
    throw new EngineError('INVALID_PLANT_DATA', `Work center ${wc.code} needs 7 non-negative whole weekday minutes`);
  }
  if (!isNonNegativeInteger(wc.overtimeMinutesPerDay)) {
    throw new EngineError('INVALID_PLANT_DATA', `Work center ${wc.code} has invalid overtime minutes`);
  }
  const exceptions = new Map<Day, Minutes>();
  for (const [key, minutes] of Object.entries(wc.exceptions)) {
    const day = /^-?\d+$/.test(key) ? Number(key) : parseDate(key);
    if (!isNonNegativeInteger(minutes)) {
      throw new EngineError('INVALID_PLANT_DATA', `Work center ${wc.code} has invalid exception minutes on ${key}`);
    }
    exceptions.set(day, minutes);
  }
  return {
    id: wc.id,
    code: wc.code,
    source: wc,
    weeklyMinutes: wc.weeklyMinutes,
    exceptions,
    overtimeMinutesPerDay: wc.overtimeMinutesPerDay,
  };
}

function isNonNegativeInteger(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** Capacity of a work center on a day: the dated exception if any, else its weekday minutes. */
export function capacityOn(wc: CompiledWorkCenter, day: Day): Minutes {
  return wc.exceptions.get(day) ?? wc.weeklyMinutes[weekdayOf(day)] ?? 0;
}

/**
 * A work center's working days are those with capacity > 0 after exceptions
 * (docs/product.md §3.2).
 */
export function isWorkCenterWorkingDay(wc: CompiledWorkCenter, day: Day): boolean {
  return capacityOn(wc, day) > 0;
}

/** Overtime a work center can add on a day: only on its working days. */
export function overtimeOn(wc: CompiledWorkCenter, day: Day): Minutes {
  return isWorkCenterWorkingDay(wc, day) ? wc.overtimeMinutesPerDay : 0;
}

/**
 * The plant's working-day calendar, used for the freeze window, lead time, ship buffer and
 * "today + 1 working day".
 *
 * Decision: a plant working day is a day on which ANY work center has capacity > 0. It is derived
 * from the same data as the work-center calendars, so there is no second holiday list to keep in
 * step, and every day a job can be placed on is a plant working day (which makes "due date =
 * last step end + ship buffer" and "last step end ≤ due − ship buffer" exact inverses).
 * Results are memoised per day; the memo never changes an answer, so calls stay deterministic.
 */
export class PlantCalendar {
  readonly #workCenters: readonly CompiledWorkCenter[];
  readonly #memo = new Map<Day, boolean>();

  constructor(workCenters: readonly CompiledWorkCenter[]) {
    this.#workCenters = workCenters;
  }

  /** True when at least one work center has capacity that day. */
  isWorkingDay(day: Day): boolean {
    let working = this.#memo.get(day);
    if (working === undefined) {
      working = this.#workCenters.some((wc) => isWorkCenterWorkingDay(wc, day));
      this.#memo.set(day, working);
    }
    return working;
  }

  /** The n-th plant working day strictly after `day` (n = 0 returns `day` itself). */
  addWorkingDays(day: Day, n: number): Day {
    let d = day;
    for (let left = n, guard = 0; left > 0; guard++) {
      if (guard > CALENDAR_WALK_LIMIT + n) this.#noWorkingDays();
      d++;
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** The n-th plant working day strictly before `day` (n = 0 returns `day` itself). */
  subWorkingDays(day: Day, n: number): Day {
    let d = day;
    for (let left = n, guard = 0; left > 0; guard++) {
      if (guard > CALENDAR_WALK_LIMIT + n) this.#noWorkingDays();
      d--;
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Plant working days in the half-open range (from, to]; 0 when `to ≤ from`. */
  workingDaysBetween(from: Day, to: Day): number {
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (this.isWorkingDay(d)) count++;
    return count;
  }

  #noWorkingDays(): never {
    throw new EngineError('INVALID_PLANT_DATA', 'No work center has a working day within ten years');
  }
}
