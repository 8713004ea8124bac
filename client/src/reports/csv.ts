/**
 * CSV for every table on the Reports page (RFC 4180): a header row, comma separated, CRLF line
 * ends, fields quoted when they hold a comma, a quote, a line break or edge spaces (quotes
 * doubled). Values are written as the API gives them: dates ISO `YYYY-MM-DD`, money as decimal
 * strings (`-1234.50`, never a float), hours and ratios as plain decimals.
 */

/** Spreadsheets run text cells that start like a formula; such text gets a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

export interface CsvField {
  value: CsvValue;
  /** Free text from users (names, emails): guarded against formula injection. */
  text?: boolean;
}

/** A field's text before quoting: what a CSV reader gets back. */
export function csvValue({ value, text }: CsvField): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? numberText(value) : value;
  return text && FORMULA_START.test(s) ? `'${s}` : s;
}

/** A field as written: quoted when needed, inner quotes doubled. */
export function csvField(field: CsvField): string {
  const s = csvValue(field);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A number without exponent notation or float noise (at most 6 decimals). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

/** The whole file: the header row, then one line per row, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvField[])[]): string {
  const lines = [header.map((h) => csvField({ value: h, text: true })), ...rows.map((r) => r.map(csvField))];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

/**
 * Hands `csv` to the browser as a download named `filename`. A UTF-8 byte-order mark goes first
 * so spreadsheet programs read names with accents correctly.
 */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the object URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
