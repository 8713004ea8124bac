/**
 * Display formats of the Reports page. Report dates are plant-local calendar days (`YYYY-MM-DD`),
 * so all date arithmetic runs in UTC where no zone can shift a day.
 */
import { addDays, daysBetween, startOfWeek } from '../shared/dates';

export { addDays, daysBetween, startOfWeek };

function utcMs(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(utcMs(value)).toISOString().slice(0, 10) === value;
}

/**
 * The range widened to whole periods of the granularity: weeks run Monday to Sunday (as the
 * server's weekly buckets do), months from the 1st to their last day; days are left as they are.
 * A column then always stands for a whole week or month, never a few days of one
 * (docs/product.md §9.7).
 */
export function wholePeriods(from: string, to: string, granularity: Granularity): { from: string; to: string } {
  if (granularity === 'WEEK') return { from: startOfWeek(from), to: addDays(startOfWeek(to), 6) };
  if (granularity === 'MONTH') {
    const next = new Date(utcMs(to.slice(0, 8) + '01'));
    next.setUTCMonth(next.getUTCMonth() + 1);
    return { from: from.slice(0, 8) + '01', to: addDays(next.toISOString().slice(0, 10), -1) };
  }
  return { from, to };
}


const fmt = {
  day: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }),
  week: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }),
  month: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' }),
  full: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }),
};

export type Granularity = 'DAY' | 'WEEK' | 'MONTH';

/** A period's column label: "Mon 3 Nov", "3 Nov" (the week's first day), "Nov 2026". */
export function periodLabel(periodStart: string, granularity: Granularity): string {
  const ms = utcMs(periodStart);
  return granularity === 'DAY' ? fmt.day.format(ms) : granularity === 'WEEK' ? fmt.week.format(ms) : fmt.month.format(ms);
}

export function formatDate(date: string): string {
  return fmt.full.format(utcMs(date));
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 0, maximumFractionDigits: 1 });

export const formatInt = (n: number) => integer.format(n);
export const formatHours = (h: number) => oneDecimal.format(h);
export const formatPercent = (ratio: number) => `${oneDecimal.format(ratio * 100)} %`;
