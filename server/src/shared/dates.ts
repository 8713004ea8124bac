import { EngineError, fromDay, parseDate } from '../engine/index.ts';

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2026-02-30). */
export function isIsoDate(text: string): boolean {
  try {
    parseDate(text);
    return true;
  } catch (err) {
    if (err instanceof EngineError) return false;
    throw err;
  }
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return parseDate(b) - parseDate(a);
}

/** The ISO date `n` days after `date`. */
export function addDays(date: string, n: number): string {
  return fromDay(parseDate(date) + n);
}

/** Today's calendar date in an IANA time zone, from an injectable clock. */
export function todayIn(timeZone: string, now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
