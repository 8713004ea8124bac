import { describe, expect, it } from 'vitest';
import { monthDays, monthWeeks, shiftMonth } from '../../../client/src/admin/calendar-month.ts';

// Sunday first, as the API gives a work center's week.
const laser = { id: 'w1', code: 'LASER', weeklyHours: [0, 8, 8, 8, 8, 8, 4] };
const weld = { id: 'w2', code: 'WELD', weeklyHours: [0, 16, 16, 16, 16, 16, 0] };

describe('the calendar month view', () => {
  it('shows whole weeks, Monday first, that cover the month', () => {
    const weeks = monthWeeks('2026-12');
    expect(weeks[0]![0]).toBe('2026-11-30');
    expect(weeks.at(-1)![6]).toBe('2027-01-03');
    expect(weeks.flat()).toContain('2026-12-31');
    expect(monthWeeks('2026-02').length).toBe(5); // Sunday 1 February opens a week that starts 26 January
    expect(monthWeeks('2027-02').length).toBe(4); // Monday 1 to Sunday 28 February
  });

  it('steps across years', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-05', -17)).toBe('2024-12');
  });

  it("adds up the plant's work centers, takes the hours from the calendar and lists the day's exceptions, a work center's own first", () => {
    const capacity = new Map([['2026-12-24', new Map([['w1', 0], ['w2', 4]])]]);
    const exceptions = [
      { id: 'e1', workCenterId: null, dateFrom: '2026-12-24', dateTo: '2026-12-26', hours: 0, reason: 'Christmas' },
      { id: 'e2', workCenterId: 'w2', dateFrom: '2026-12-24', dateTo: '2026-12-24', hours: 4, reason: 'Half shift' },
    ];
    const plant = monthDays('2026-12', '', [laser, weld], capacity, exceptions).flat();
    const eve = plant.find((d) => d.date === '2026-12-24')!;
    expect([eve.hours, eve.regular, eve.exceptions.map((e) => e.id)]).toEqual([4, 24, ['e2', 'e1']]);
    const plain = plant.find((d) => d.date === '2026-12-23')!; // not in the calendar given: the regular week
    expect([plain.hours, plain.regular, plain.exceptions, plain.inMonth]).toEqual([24, 24, [], true]);
    expect(plant.find((d) => d.date === '2026-11-30')!.inMonth).toBe(false);

    const onlyLaser = monthDays('2026-12', 'w1', [laser, weld], capacity, exceptions).flat().find((d) => d.date === '2026-12-24')!;
    expect([onlyLaser.hours, onlyLaser.regular, onlyLaser.exceptions.map((e) => e.id)]).toEqual([0, 8, ['e1']]);
  });
});
