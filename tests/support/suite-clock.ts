/**
 * The test run's clock. Every server a test starts, the template database's demo seed and the
 * factories share one clock: the real one shifted so that the run starts at 10:00 UTC of the
 * suite's date — `TAKT_TEST_DATE` (YYYY-MM-DD) when set, else the real UTC date at setup. A run
 * that crosses midnight UTC (or a plant's local midnight, 22:00/23:00 UTC in Europe/Berlin) in the
 * real world therefore never sees "today" change under it, and `TAKT_TEST_DATE=2028-02-29 npm test`
 * runs the whole suite as of a leap day. Tests read "today" from here (or from the server), never
 * from their own process's clock.
 */
import { inject } from 'vitest';

/** The hour (UTC) at which the suite's clock starts: far from midnight in UTC and in Europe. */
const START_HOUR_UTC = 10;

/** The offset for a run that starts now, computed once by the global setup. */
export function suiteClockOffsetMs(env: NodeJS.ProcessEnv = process.env, realNow = Date.now()): number {
  const date = env.TAKT_TEST_DATE ?? new Date(realNow).toISOString().slice(0, 10);
  const start = Date.parse(`${date}T${String(START_HOUR_UTC).padStart(2, '0')}:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== date) {
    throw new Error(`TAKT_TEST_DATE must be a calendar date YYYY-MM-DD, got "${date}"`);
  }
  return start - realNow;
}

/** The offset provided to this test file (0 outside the API and browser projects). */
export const clockOffsetMs = (): number => inject('clockOffsetMs') ?? 0;

/** The suite's "now" (servers started by the tests have the same clock). */
export const suiteNow = (): Date => new Date(Date.now() + clockOffsetMs());

/** The suite's UTC calendar date: the "today" of UTC plants such as the factories'. */
export const suiteToday = (): string => suiteNow().toISOString().slice(0, 10);
