import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, startOfWeek, wholePeriods } from '../../../client/src/reports/format.ts';
import { ANY_DAY } from '../../support/any-day.ts';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const dateArb = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2026-01-01', n));

describe.each(ANY_DAY)('the Reports page on $date ($what)', ({ date }) => {
  it('shows 13 whole weeks by default, this one (Monday to Sunday) first', () => {
    const from = startOfWeek(date);
    const range = wholePeriods(from, addDays(from, 13 * 7 - 1), 'WEEK');
    expect(weekday(range.from)).toBe(1);
    expect(weekday(range.to)).toBe(0);
    expect(range.from <= date && date <= addDays(range.from, 6)).toBe(true);
    expect(daysBetween(range.from, range.to) + 1).toBe(13 * 7);
  });

  it('widens a month range to the first and last day of its months', () => {
    const range = wholePeriods(date, addDays(date, 60), 'MONTH');
    expect(range.from).toBe(`${date.slice(0, 8)}01`);
    expect(addDays(range.to, 1).slice(8)).toBe('01');
    expect(range.to.slice(0, 7)).toBe(addDays(date, 60).slice(0, 7));
  });
});

describe('whole report periods', () => {
  it('contain the asked range, start and end on period boundaries, and change nothing twice', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 400 }), fc.constantFrom('DAY', 'WEEK', 'MONTH' as const), (from, days, granularity) => {
        const to = addDays(from, days);
        const range = wholePeriods(from, to, granularity);
        expect(range.from <= from && to <= range.to).toBe(true);
        expect(wholePeriods(range.from, range.to, granularity)).toEqual(range);
        if (granularity === 'DAY') expect(range).toEqual({ from, to });
        if (granularity === 'WEEK') expect([weekday(range.from), weekday(range.to), (daysBetween(range.from, range.to) + 1) % 7]).toEqual([1, 0, 0]);
        if (granularity === 'MONTH') expect([range.from.slice(8), addDays(range.to, 1).slice(8)]).toEqual(['01', '01']);
      }),
    );
  });

  it('ends February on the 29th in a leap year', () => {
    expect(wholePeriods('2028-02-10', '2028-02-11', 'MONTH')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(wholePeriods('2027-12-31', '2028-01-01', 'WEEK')).toEqual({ from: '2027-12-27', to: '2028-01-02' });
  });
});
