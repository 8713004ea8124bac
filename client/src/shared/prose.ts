import { formatDate } from './dates';

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})(?![\dT:])/g;

/**
 * A server message as a person reads it: calendar dates in it ("LASER on 2026-12-21 at 100%") in
 * the reader's words ("LASER on 21 Dec at 100%"). The API keeps ISO dates, which machines parse;
 * prose on screen never shows them (docs/product.md §9).
 */
export function prose(text: string): string {
  return text.replace(ISO_DATE, (iso) => formatDate(iso, 'short'));
}
