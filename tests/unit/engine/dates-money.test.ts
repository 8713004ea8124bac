import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRoundHalfUp, formatCents, fromDay, labourCents, percent2, toDay, weekdayOf } from '../../../server/src/engine/index.ts';

describe('days', () => {
  it('counts days since 1970-01-01 and knows the weekday', () => {
    expect(toDay('1970-01-01')).toBe(0);
    expect(toDay('2026-11-23')).toBe(20_780);
    expect(weekdayOf(toDay('2026-11-23'))).toBe(1);
    expect(weekdayOf(toDay('1969-12-28'))).toBe(0);
    expect(toDay('2028-02-29') - toDay('2028-02-28')).toBe(1);
  });

  it('round-trips every day between 1900 and 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (day) => {
        expect(toDay(fromDay(day))).toBe(day);
      }),
    );
  });
});

describe('money', () => {
  it('rounds labour half up in exact integers', () => {
    expect(labourCents(1, 30)).toBe(1); // 0.5 cent
    expect(labourCents(1, 29)).toBe(0); // 0.48 cent
    expect(labourCents(130, 6000)).toBe(13_000);
    expect(labourCents(7, 4999)).toBe(583); // 583.21
  });

  it('rounds negative amounts half away from zero, symmetric with positive ones', () => {
    expect(divRoundHalfUp(-1n, 2n)).toBe(-1n);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, m) => {
        expect(divRoundHalfUp(-n, m)).toBe(-divRoundHalfUp(n, m));
        const r = divRoundHalfUp(n, m);
        // |n/m − r| ≤ 1/2
        expect(2n * (n - r * m) <= m && 2n * (r * m - n) <= m).toBe(true);
      }),
    );
  });

  it('formats cents for messages and percentages to two decimals', () => {
    expect(formatCents(123_456_789)).toBe('1,234,567.89');
    expect(formatCents(-5)).toBe('-0.05');
    expect(percent2(925, 1000)).toBe(92.5);
    expect(percent2(1, 3)).toBe(33.33);
    expect(percent2(2, 3)).toBe(66.67);
    expect(percent2(1, 0)).toBeNull();
  });
});
