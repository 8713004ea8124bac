import { isWorkCenterWorkingDay, type CompiledWorkCenter } from './calendar.ts';
import type { Day } from './dates.ts';
import type { LoadWriter } from './load.ts';
import type { Minutes } from './money.ts';
import { type Ceiling, ceilingMinutes } from './tiers.ts';
import type { Allocation } from './types.ts';

/** How far forward finite loading searches before answering "does not fit" (two years). */
export const SEARCH_HORIZON_DAYS = 730;

/**
 * Finite loading forward (docs/product.md §3.3): walks the work center's
 * days from `fromDay` and on each takes
 * `min(remaining, ceiling − load)` while that is positive, until `minutes` are placed. Adds the
 * placed minutes to `load` (so later steps of the same plan see them) and returns the allocations
 * in day order, or null when they do not fit by `untilDay`; on null `load` is left unchanged.
 */
export function loadForward(
  wc: CompiledWorkCenter,
  load: LoadWriter,
  minutes: Minutes,
  fromDay: Day,
  ceiling: Ceiling,
  untilDay: Day = fromDay + SEARCH_HORIZON_DAYS,
): Allocation[] | null {
  const allocations: Allocation[] = [];
  let remaining = minutes;
  for (let day = fromDay; remaining > 0 && day <= untilDay; day++) {
    const take = room(wc, load, day, ceiling, remaining);
    if (take > 0) {
      allocations.push({ day, minutes: take });
      remaining -= take;
    }
  }
  return commit(wc, load, allocations, remaining);
}

/**
 * Finite loading backward: the same walk from `toDay` towards `notBefore`, so the job ends as
 * late as possible. Returns allocations in day order, or null (load unchanged) if they do not fit.
 */
export function loadBackward(
  wc: CompiledWorkCenter,
  load: LoadWriter,
  minutes: Minutes,
  toDay: Day,
  ceiling: Ceiling,
  notBefore: Day,
): Allocation[] | null {
  const allocations: Allocation[] = [];
  let remaining = minutes;
  for (let day = toDay; remaining > 0 && day >= notBefore; day--) {
    const take = room(wc, load, day, ceiling, remaining);
    if (take > 0) {
      allocations.push({ day, minutes: take });
      remaining -= take;
    }
  }
  allocations.reverse();
  return commit(wc, load, allocations, remaining);
}

function room(wc: CompiledWorkCenter, load: LoadWriter, day: Day, ceiling: Ceiling, remaining: Minutes): Minutes {
  if (!isWorkCenterWorkingDay(wc, day)) return 0;
  return Math.min(remaining, ceilingMinutes(wc, day, ceiling) - load.loadOn(wc.id, day));
}

function commit(wc: CompiledWorkCenter, load: LoadWriter, allocations: Allocation[], remaining: Minutes) {
  if (remaining > 0) return null;
  for (const a of allocations) load.add(wc.id, a.day, a.minutes);
  return allocations;
}
