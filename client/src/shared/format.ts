import type { ChangeOrderStatus, Lane, MeasureUnit, Tier } from '../gql/graphql';

/**
 * Display formats every page shares. Wording that is a page's own (the board's verdict sentence
 * "Ops manager approves") stays in that feature's format file.
 */

/** A tier's name wherever one is shown (a badge, a chip, a report's row): who approves it. */
export const TIER_LABEL: Record<Tier, string> = {
  AUTO: 'No approval',
  MANAGER: 'Ops manager',
  OVERTIME: 'Overtime · plant manager',
  INFEASIBLE: 'Infeasible',
};

/**
 * The plant's currency (ISO 4217) and its symbol, set with the plant like its time zone: every
 * amount on screen says what it is in ("€5,000.00").
 */
let currency: { code: string; symbol: string } | null = null;

export function setPlantCurrency(code: string): void {
  if (code === currency?.code) return;
  const parts = new Intl.NumberFormat('en', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
  currency = { code, symbol: parts.find((p) => p.type === 'currency')?.value ?? code };
}

/** The plant's currency code (`EUR`), for column headers and inputs; empty until the plant is known. */
export function plantCurrency(): string {
  return currency?.code ?? '';
}

/**
 * Money arrives as an exact decimal string (`"-1234.5"`). It is formatted by string, never through
 * a binary float, so what the reader sees is exactly what the server computed. Prose and cards
 * carry the plant's currency symbol; `bare` leaves it to a table whose column header names it.
 */
export function formatMoney(value: string, opts: { sign?: boolean; bare?: boolean } = {}): string {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return value;
  const [, minus, whole, fraction = ''] = match;
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (fraction + '00').slice(0, 2);
  const zero = /^0+$/.test(whole!) && /^0*$/.test(fraction);
  const sign = minus && !zero ? '−' : opts.sign && !zero ? '+' : '';
  const symbol = opts.bare ? '' : (currency?.symbol ?? '');
  return `${sign}${symbol}${grouped}.${cents}`;
}

/** −1, 0 or 1 for a decimal string. */
export function moneySign(value: string): -1 | 0 | 1 {
  if (/^-?0*(\.0*)?$/.test(value.trim())) return 0;
  return value.trim().startsWith('-') ? -1 : 1;
}

export function formatPct(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

/**
 * Whether a rule's threshold means something to a reader: a flagged option (unit OPTION) has no
 * limit worth showing, "flagged vs none" would be the enum talking.
 */
export const showsLimit = (unit: MeasureUnit): boolean => unit !== 'OPTION';

/** A measured value or threshold of a rule, in its unit. */
export function formatMeasure(value: number, unit: MeasureUnit): string {
  switch (unit) {
    case 'PERCENT':
      return `${Number.isInteger(value) ? value : value.toFixed(1)} %`;
    case 'MINUTES':
      return `${(value / 60).toFixed(1)} h`;
    case 'CENTS':
      return formatMoney((value / 100).toFixed(2));
    case 'WORKING_DAYS':
      return `${value} working day${value === 1 ? '' : 's'}`;
    case 'OPTION':
      return value > 0 ? 'an option that needs review' : 'no option that needs review';
  }
}

export const STATUS_LABEL: Record<ChangeOrderStatus, string> = {
  AUTO_APPROVED: 'Auto-approved',
  PENDING: 'Pending',
  APPROVED: 'Approved',
  APPLIED: 'Applied',
  REJECTED: 'Rejected',
  COUNTER_PROPOSED: 'Counter-proposed',
  WITHDRAWN: 'Withdrawn',
  CLOSED: 'Closed',
  INFEASIBLE: 'Infeasible',
  RETURNED: 'Back with proposer',
};

export const LANE_LABEL: Record<Lane, string> = { CAPACITY: 'Capacity', ACCOUNTING: 'Cost & margin', QUALITY: 'Quality' };

/**
 * Times are read in the plant's time zone on every screen (docs/product.md §9): a planner abroad
 * and the wall by the machines say the same hour. Set once the plant is known; the browser's zone
 * until then.
 */
let plantZone: string | undefined;
let instant = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
let timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

export function setPlantTimeZone(timeZone: string): void {
  if (timeZone === plantZone) return;
  plantZone = timeZone;
  instant = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone });
  timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone });
}

/** The zone times are shown in, for the screens that say so ("times in Europe/Berlin"). */
export function plantTimeZone(): string {
  return plantZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "3 Dec, 14:05" in the plant's time zone. */
export function formatInstant(iso: string): string {
  return instant.format(new Date(iso));
}

/** "14:05" in `timeZone` when given (the wall's display token names its plant), else the plant's. */
export function formatTime(iso: string, timeZone?: string): string {
  if (!timeZone) return timeOnly.format(new Date(iso));
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** The instant a plant-local day (`2026-12-03`) begins in `timeZone`. */
export function startOfDayIn(date: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  const offset = (at: number) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(at).map((p) => [p.type, p.value]));
    return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!) - at;
  };
  // Twice: the offset at local midnight can differ from the one at UTC midnight across a DST change.
  const first = guess - offset(guess);
  return new Date(guess - offset(first));
}

/** "3 h ago", "2 d ago": how long something has waited. */
export function formatAge(iso: string, now: number = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}
