/**
 * Plant-local calendar dates (`YYYY-MM-DD`, docs/product.md §2). They are calendar days, not instants, so all
 * arithmetic happens in UTC where every day has 24 hours and no zone can shift a date.
 */
const DAY_MS = 86_400_000;

export type IsoDate = string;

// A board of 10,000 jobs asks for the same few hundred dates tens of thousands of times.
const parsed = new Map<string, number>();

function toUtcMs(date: IsoDate): number {
  let ms = parsed.get(date);
  if (ms !== undefined) return ms;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (parsed.size > 20_000) parsed.clear();
  parsed.set(date, ms);
  return ms;
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** Every date from `from` to `to`, both included. */
export function dateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(from, i));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

/** The Monday on or before `date`. */
export function startOfWeek(date: IsoDate): IsoDate {
  return addDays(date, -((weekday(date) + 6) % 7));
}

const formats = {
  day: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric' }),
  weekday: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'narrow' }),
  weekdayLong: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' }),
  short: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }),
  long: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
  month: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' }),
};

export type DateFormat = keyof typeof formats;

const formatted = new Map<string, string>();

export function formatDate(date: IsoDate, format: DateFormat): string {
  const key = `${format}:${date}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formats[format].format(toUtcMs(date));
    if (formatted.size > 20_000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** "3 Nov – 14 Dec 2026", the year only once when both ends share it. */
export function formatRange(from: IsoDate, to: IsoDate): string {
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${formatDate(from, 'short')}${sameYear ? '' : ` ${from.slice(0, 4)}`} – ${formatDate(to, 'short')} ${to.slice(0, 4)}`;
}

/** ISO 8601 week number, as planners say "week 48". */
export function isoWeek(date: IsoDate): number {
  const thursday = addDays(date, 3 - ((weekday(date) + 6) % 7));
  const firstThursday = addDays(`${thursday.slice(0, 4)}-01-04`, 3 - ((weekday(`${thursday.slice(0, 4)}-01-04`) + 6) % 7));
  return 1 + Math.round(daysBetween(firstThursday, thursday) / 7);
}
