import type { Day } from './dates.ts';
import type { Minutes } from './money.ts';
import type { Allocation } from './types.ts';

/** Read access to load per (work center, day), in minutes. */
export interface LoadReader {
  loadOn(workCenterId: string, day: Day): Minutes;
}

/** A load that placements can add to (negative minutes remove). */
export interface LoadWriter extends LoadReader {
  add(workCenterId: string, day: Day, minutes: Minutes): void;
}

/**
 * The schedule's load: Map<workCenterId, Map<day, minutes>>. Sparse maps rather than typed arrays
 * because plants span years of history but only a few months carry load, and a look-up is O(1).
 */
export class LoadTable implements LoadWriter {
  readonly #byWorkCenter = new Map<string, Map<Day, Minutes>>();

  loadOn(workCenterId: string, day: Day): Minutes {
    return this.#byWorkCenter.get(workCenterId)?.get(day) ?? 0;
  }

  add(workCenterId: string, day: Day, minutes: Minutes): void {
    if (minutes === 0) return;
    let days = this.#byWorkCenter.get(workCenterId);
    if (days === undefined) {
      days = new Map();
      this.#byWorkCenter.set(workCenterId, days);
    }
    const next = (days.get(day) ?? 0) + minutes;
    if (next === 0) days.delete(day);
    else days.set(day, next);
  }

  /** A table of the same load that can change without changing this one. O(buckets). */
  copy(): LoadTable {
    const copy = new LoadTable();
    for (const [workCenterId, days] of this.#byWorkCenter) copy.#byWorkCenter.set(workCenterId, new Map(days));
    return copy;
  }

  /** Every non-zero bucket of one work center, unordered. */
  bucketsOf(workCenterId: string): ReadonlyMap<Day, Minutes> {
    return this.#byWorkCenter.get(workCenterId) ?? new Map();
  }
}

/**
 * A copy-on-write view over another load: writes go to a small delta map, the base is never
 * touched. Evaluation stacks these (schedule → minus the changed order → a tier attempt) so it
 * stays pure without copying a 10,000-order schedule.
 */
export class LoadOverlay implements LoadWriter {
  readonly #base: LoadReader;
  readonly #delta = new Map<string, Map<Day, Minutes>>();

  constructor(base: LoadReader) {
    this.#base = base;
  }

  loadOn(workCenterId: string, day: Day): Minutes {
    return this.#base.loadOn(workCenterId, day) + (this.#delta.get(workCenterId)?.get(day) ?? 0);
  }

  add(workCenterId: string, day: Day, minutes: Minutes): void {
    if (minutes === 0) return;
    let days = this.#delta.get(workCenterId);
    if (days === undefined) {
      days = new Map();
      this.#delta.set(workCenterId, days);
    }
    days.set(day, (days.get(day) ?? 0) + minutes);
  }
}

/** Adds (sign = 1) or removes (sign = −1) a job's allocations. */
export function addAllocations(
  load: LoadWriter,
  workCenterId: string,
  allocations: readonly Allocation[],
  sign: 1 | -1 = 1,
): void {
  for (const a of allocations) load.add(workCenterId, a.day, sign * a.minutes);
}
