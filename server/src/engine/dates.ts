import { EngineError } from './errors.ts';

/** A plant-local calendar date as whole days since 1970-01-01 (the database and API use the same). */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Weekday numbers as used by `WorkCenter.weeklyMinutes` (index 0 is Sunday). */
export const Weekday = { SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6 } as const;
export type Weekday = (typeof Weekday)[keyof typeof Weekday];

/**
 * Parses `YYYY-MM-DD` into a {@link Day}, rejecting malformed strings and impossible dates
 * (2026-02-30) with `EngineError(INVALID_DATE)`. Date.UTC is used only as a pure calendar
 * calculator; no clock or time zone is involved because the string is already plant-local.
 */
export function parseDate(text: string): Day {
  const match = ISO_DATE.exec(text);
  if (match === null) {
    throw new EngineError('INVALID_DATE', `"${text}" is not a date; use YYYY-MM-DD, e.g. 2026-11-23`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC silently rolls 2026-02-30 over to March 2; a round trip catches it.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new EngineError('INVALID_DATE', `${text} does not exist in the calendar`);
  }
  return ms / MS_PER_DAY;
}

/** Same as {@link parseDate}; the short name reads well in fixtures: `toDay('2026-11-23')`. */
export function toDay(text: string): Day {
  return parseDate(text);
}

/** Formats a {@link Day} as `YYYY-MM-DD`. */
export function fromDay(day: Day): string {
  assertDay(day);
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Weekday of a day, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: Day): Weekday {
  return (((day % 7) + 7 + 4) % 7) as Weekday;
}

/** Throws INVALID_DATE unless `day` is an integer inside the range JavaScript dates can format. */
export function assertDay(day: Day): void {
  if (!Number.isSafeInteger(day) || Math.abs(day) > 100_000_000) {
    throw new EngineError('INVALID_DATE', `${String(day)} is not a valid day number`);
  }
}
