import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashPassword, verifyPassword } from '../../../server/src/modules/auth/password.ts';
import { formatMoney, parseMoney } from '../../../server/src/shared/money.ts';
import { addDays, daysBetween, isIsoDate, todayIn } from '../../../server/src/shared/dates.ts';
import { ANY_DAY } from '../../support/any-day.ts';

const HOUR_MS = 3_600_000;
import { validateRange } from '../../../server/src/modules/schedule/board.service.ts';
import { authorize, PERMISSIONS } from '../../../server/src/modules/auth/permissions.ts';
import { ROLES } from '../../../server/src/modules/auth/roles.ts';
import { pgArray } from '../../../server/src/db/sql.ts';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct hors', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  }, 30_000); // scrypt is slow on purpose; a loaded CI machine must not fail it
});

describe('money on the wire', () => {
  it('round-trips any integer cents through its decimal string exactly', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => parseMoney(formatMoney(cents)) === cents));
  });
  it('refuses amounts that are not decimals with at most two places', () => {
    for (const bad of ['1.234', '1e3', 'abc', '', '1,000.00', '0x10']) expect(parseMoney(bad), bad).toBeNull();
    expect(parseMoney('12.5')).toBe(1250);
    expect(formatMoney(-5)).toBe('-0.05');
  });
});

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of ['2027-02-29', '2026-13-01', '2026-1-01', 'tomorrow', '2026-12-01T00:00']) expect(isIsoDate(bad), bad).toBe(false);
  });
  it('adds and measures days consistently', () => {
    fc.assert(fc.property(fc.integer({ min: -5000, max: 5000 }), (n) => daysBetween('2026-11-23', addDays('2026-11-23', n)) === n));
  });
  it("tells today's date in the plant's time zone", () => {
    const instant = new Date('2026-11-22T23:30:00Z');
    expect(todayIn('Europe/Berlin', instant)).toBe('2026-11-23');
    expect(todayIn('America/Chicago', instant)).toBe('2026-11-22');
  });
  it('bounds a board range to 26 weeks with BAD_USER_INPUT', () => {
    expect(() => validateRange('2026-11-23', '2027-05-23')).not.toThrow();
    expect(() => validateRange('2026-11-23', '2027-05-24')).toThrow(/at most 182/);
    expect(() => validateRange('2026-11-23', '2026-11-22')).toThrow(/before/);
  });
});

/** Europe/Berlin's summer time (UTC+2), from 01:00 UTC on the last Sunday of March to that of October. */
const SUMMER = [['2026-03-29', '2026-10-25'], ['2027-03-28', '2027-10-31'], ['2028-03-26', '2028-10-29']] as const;
const berlinOffsetHours = (instant: number) =>
  SUMMER.some(([from, to]) => instant >= Date.parse(`${from}T01:00:00Z`) && instant < Date.parse(`${to}T01:00:00Z`)) ? 2 : 1;

describe.each(ANY_DAY)('the plant day on $date ($what)', ({ date }) => {
  it('turns at local midnight in Europe/Berlin and at 00:00 in UTC, whatever the clock change', () => {
    const utcMidnight = Date.parse(`${date}T00:00:00Z`);
    // local midnight of `date` falls at 22:00 or 23:00 UTC the day before, hours from any clock change (01:00 UTC)
    const localMidnight = utcMidnight - berlinOffsetHours(utcMidnight - 2 * HOUR_MS) * HOUR_MS;
    expect(todayIn('Europe/Berlin', new Date(localMidnight - 1))).toBe(addDays(date, -1));
    expect(todayIn('Europe/Berlin', new Date(localMidnight))).toBe(date);
    expect(todayIn('Europe/Berlin', new Date(utcMidnight + 21 * HOUR_MS))).toBe(date);
    expect(todayIn('UTC', new Date(utcMidnight - 1))).toBe(addDays(date, -1));
    expect(todayIn('UTC', new Date(utcMidnight))).toBe(date);
    expect(daysBetween(addDays(date, -1), addDays(date, 1))).toBe(2);
  });
});

describe('the permission table', () => {
  it('refuses every non-public operation without an identity and allows the public ones', () => {
    for (const [operation, rule] of Object.entries(PERMISSIONS)) {
      if ('public' in rule) expect(() => authorize(operation, null)).not.toThrow();
      else expect(() => authorize(operation, null), operation).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    }
  });
  it('allows each role exactly the operations listed for it', () => {
    for (const [operation, rule] of Object.entries(PERMISSIONS)) {
      for (const role of ROLES) {
        const actor = { kind: 'user' as const, userId: 'u', role, plantId: 'p', name: 'n' };
        const allowed = 'public' in rule || ('roles' in rule && (rule.roles as readonly string[]).includes(role));
        if (allowed) expect(() => authorize(operation, actor), `${role} ${operation}`).not.toThrow();
        else expect(() => authorize(operation, actor), `${role} ${operation}`).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
      }
    }
  });
  it('refuses an operation missing from the table', () => {
    expect(() => authorize('Mutation.launchRockets', { kind: 'user', userId: 'u', role: 'ADMIN', plantId: 'p', name: 'n' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });
});

describe('SQL array literals', () => {
  it('quotes text and leaves numbers bare', () => {
    expect(pgArray([1, 2])).toBe('{1,2}');
    expect(pgArray(['a"b', 'c\\d'])).toBe('{"a\\"b","c\\\\d"}');
  });
});
