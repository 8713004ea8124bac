/** `"1234.5"` → 123450 cents; null for anything that is not an amount with at most 2 decimals. */
export function parseMoney(text: string): number | null {
  const m = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** Integer cents → the Money scalar's `"1234.50"` (no grouping: it is a wire format). */
export function formatMoney(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`money must be integer cents, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A money difference with its sign: `+12.50`, `-3.00`, `+0.00`. */
export function formatMoneyDelta(cents: number): string {
  return `${cents >= 0 ? '+' : ''}${formatMoney(cents)}`;
}
