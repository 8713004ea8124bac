/** Money in integer minor units (cents). Never a binary fraction. */
export type Cents = number;
/** Durations, capacity and load in whole minutes. */
export type Minutes = number;

/** Throws unless `value` is a safe integer: the guard that keeps float money out of the engine. */
export function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${String(value)}`);
  }
}

/**
 * `numerator / denominator` rounded half away from zero, in exact integer arithmetic (BigInt), so
 * 0.5 cent rounds up for costs and −0.5 rounds to −1 for savings: the same magnitude either way.
 */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/** Converts a BigInt result back to a number, refusing anything beyond 2^53. */
export function toSafeNumber(value: bigint, what: string): number {
  const n = Number(value);
  assertSafeInteger(n, what);
  return n;
}

/** Labour cost of `minutes` at `rateCentsPerHour`: round-half-up(minutes × rate / 60), exact. */
export function labourCents(minutes: Minutes, rateCentsPerHour: Cents): Cents {
  assertSafeInteger(minutes, 'minutes');
  assertSafeInteger(rateCentsPerHour, 'rateCentsPerHour');
  return toSafeNumber(divRoundHalfUp(BigInt(minutes) * BigInt(rateCentsPerHour), 60n), 'labour cost');
}

/** `a × b` for money, checked to stay a safe integer. */
export function mulCents(a: number, b: number): Cents {
  return toSafeNumber(BigInt(a) * BigInt(b), 'amount');
}

/**
 * `part / whole` as a percentage rounded half away from zero to 2 decimals, for display only
 * (rule comparisons use {@link isBelowBasisPoints}). Null when `whole` is zero.
 */
export function percent2(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const sign = whole < 0 ? -1n : 1n;
  const hundredths = divRoundHalfUp(BigInt(part) * 10_000n * sign, BigInt(whole) * sign);
  return Number(hundredths) / 100;
}

/** Exact `part / whole < bp / 10000` for a positive `whole`. */
export function isBelowBasisPoints(part: number, whole: number, bp: number): boolean {
  return BigInt(part) * 10_000n < BigInt(bp) * BigInt(whole);
}

/** Minutes as hours with two decimals, for messages and the API (which shows hours). */
export function hours(minutes: Minutes): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** Cents formatted for a message: 1234567 → "12,345.67". */
export function formatCents(cents: Cents): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  // Grouped by hand so the output never depends on the runtime's locale data.
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}
