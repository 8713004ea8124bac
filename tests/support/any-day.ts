/**
 * The dates every date-sensitive test runs under ("any day"): each weekday, a year's end and the
 * next year's start, both daylight-saving changes of Europe/Berlin (the demo plant's zone), a leap
 * day, and the real today. Results must not depend on which of them "today" is.
 */
export const ANY_DAY: readonly { date: string; what: string }[] = [
  { date: '2026-11-30', what: 'a Monday' },
  { date: '2026-12-01', what: 'a Tuesday' },
  { date: '2026-12-02', what: 'a Wednesday' },
  { date: '2026-12-03', what: 'a Thursday' },
  { date: '2026-12-04', what: 'a Friday' },
  { date: '2026-12-05', what: 'a Saturday' },
  { date: '2026-12-06', what: 'a Sunday' },
  { date: '2026-12-31', what: '31 December' },
  { date: '2027-01-01', what: '1 January' },
  { date: '2027-03-28', what: 'the last Sunday of March (Europe/Berlin springs forward)' },
  { date: '2027-10-31', what: 'the last Sunday of October (Europe/Berlin falls back)' },
  { date: '2028-02-29', what: '29 February' },
  { date: new Date().toISOString().slice(0, 10), what: 'today' },
];

export const ANY_DAY_DATES: readonly string[] = ANY_DAY.map((d) => d.date);
