import { parseMoney } from '../../shared/money.ts';
import { isIsoDate } from '../../shared/dates.ts';

/**
 * Reads one cell of an import row into a value, or records why it cannot: the cell parsers of the
 * file contract (docs/import.md). Empty means "the default"; numbers use `.`, dates are ISO,
 * booleans `true`/`false`. A text cell that starts like a spreadsheet formula is refused (a
 * leading `'` marks it as text, as exports write such cells); nothing is ever evaluated.
 */
export class CellReader {
  readonly #cells: Record<string, string>;
  readonly #fail: (column: string, value: string, reason: string) => void;

  constructor(cells: Record<string, string>, fail: (column: string, value: string, reason: string) => void) {
    this.#cells = cells;
    this.#fail = fail;
  }

  /** Refuses the row over one of its cells. */
  fail(column: string, reason: string): void {
    this.#fail(column, this.raw(column), reason);
  }

  raw(column: string): string {
    return (this.#cells[column] ?? '').trim();
  }

  text(column: string, fallback: string | null = null): string {
    const v = this.raw(column);
    if (v === '') {
      if (fallback === null) this.#fail(column, v, 'is required');
      return fallback ?? '';
    }
    if (/^'[=+\-@\t\r]/.test(v)) return v.slice(1);
    if (/^[=+\-@\t\r]/.test(v)) {
      this.#fail(column, v, 'looks like a spreadsheet formula and is never evaluated; remove the leading character or start the cell with \' to keep it as text');
      return '';
    }
    return v;
  }

  number(column: string, fallback: number | null = null, unit = 'a number'): number {
    const v = this.raw(column);
    if (v === '') {
      if (fallback === null) this.#fail(column, v, `is required (${unit})`);
      return fallback ?? 0;
    }
    if (!/^-?\d{1,9}(\.\d{1,8})?$/.test(v)) {
      this.#fail(column, v, `must be ${unit} written with "." for decimals (e.g. 7.5)`);
      return 0;
    }
    return Number(v);
  }

  wholeNumber(column: string, fallback: number | null = null): number {
    const n = this.number(column, fallback, 'a whole number');
    if (!Number.isInteger(n)) {
      this.#fail(column, this.raw(column), 'must be a whole number');
      return 0;
    }
    return n;
  }

  /** Money in major units (`1250.50`) → cents. */
  money(column: string, fallback: number | null = null): number {
    const v = this.raw(column);
    if (v === '') {
      if (fallback === null) this.#fail(column, v, 'is required (an amount such as 1250.50)');
      return fallback ?? 0;
    }
    const cents = parseMoney(v);
    if (cents === null) {
      this.#fail(column, v, 'must be an amount with "." and at most 2 decimals, no currency sign or grouping (e.g. 1250.50)');
      return 0;
    }
    return cents;
  }

  boolean(column: string, fallback: boolean): boolean {
    const v = this.raw(column).toLowerCase();
    if (v === '') return fallback;
    if (v === 'true' || v === 'false') return v === 'true';
    this.#fail(column, this.raw(column), 'must be true or false');
    return fallback;
  }

  date(column: string, fallback: string | null = null): string {
    const v = this.raw(column);
    if (v === '' && fallback !== null) return fallback;
    if (!isIsoDate(v)) {
      this.#fail(column, v, 'must be a date written YYYY-MM-DD (e.g. 2027-03-01)');
      return '';
    }
    return v;
  }
}

/** Hours as a file gives them → whole minutes. */
export const hoursToMinutes = (hours: number): number => Math.round(hours * 60);
/** Hours per unit → minutes per unit, to the engine's 4 decimals. */
export const hoursToMinutesPerUnit = (hours: number): number => Math.round(hours * 60 * 10_000) / 10_000;
/** Minutes → hours as an export writes them: exact enough that the import gives the minutes back. */
export const minutesToHours = (minutes: number): string => String(Number((minutes / 60).toFixed(8)));
