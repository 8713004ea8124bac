import { addDays, startOfWeek, weekday, type IsoDate } from '../shared/dates';

/** A month as `YYYY-MM`. */
export type Month = string;

/** The month `date` falls in. */
export const monthOf = (date: IsoDate): Month => date.slice(0, 7);

/** The month `by` months after `month` (before it when negative). */
export function shiftMonth(month: Month, by: number): Month {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The weeks, Monday first, that show `month`: the neighbouring months' days fill the first and last week. */
export function monthWeeks(month: Month): IsoDate[][] {
  const next = `${shiftMonth(month, 1)}-01`;
  const weeks: IsoDate[][] = [];
  for (let monday = startOfWeek(`${month}-01`); monday < next; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  }
  return weeks;
}

/** What the month view needs of a work center: its regular week, Sunday first. */
export interface MonthWorkCenter {
  id: string;
  code: string;
  weeklyHours: readonly number[];
}

/** What the month view needs of an exception. */
export interface MonthException {
  id: string;
  workCenterId?: string | null;
  dateFrom: IsoDate;
  dateTo: IsoDate;
  hours: number;
  reason: string;
}

/** One day of the month view for a scope (one work center, or the whole plant). */
export interface MonthDay {
  date: IsoDate;
  inMonth: boolean;
  /** Hours the scope has that day after its exceptions, as the server's calendar says. */
  hours: number;
  /** Hours its regular week gives that weekday. */
  regular: number;
  /** The exceptions that fall on the day for the scope, a work center's own first. */
  exceptions: MonthException[];
}

/**
 * The month's days for `scope` (a work center id, or '' for the whole plant, which adds up its work
 * centers). The hours come from the plant's calendar (`capacity`: hours by date and work center), so
 * which exception wins is the server's rule, not a copy of it; a date the calendar lacks shows its
 * regular week.
 */
export function monthDays(
  month: Month,
  scope: string,
  workCenters: readonly MonthWorkCenter[],
  capacity: ReadonlyMap<IsoDate, ReadonlyMap<string, number>>,
  exceptions: readonly MonthException[],
): MonthDay[][] {
  const centers = scope ? workCenters.filter((w) => w.id === scope) : workCenters;
  const sum = (values: number[]) => Math.round(values.reduce((s, v) => s + v, 0) * 100) / 100;
  return monthWeeks(month).map((week) =>
    week.map((date) => {
      const regular = sum(centers.map((w) => w.weeklyHours[weekday(date)] ?? 0));
      const day = capacity.get(date);
      const hours = day ? sum(centers.map((w) => day.get(w.id) ?? 0)) : regular;
      const onDay = exceptions
        .filter((e) => e.dateFrom <= date && date <= e.dateTo && (!scope || !e.workCenterId || e.workCenterId === scope))
        .sort((a, b) => Number(!a.workCenterId) - Number(!b.workCenterId));
      return { date, inMonth: monthOf(date) === month, hours, regular, exceptions: onDay };
    }),
  );
}
