import { badInput } from './errors.ts';

/** One page of a keyset-paginated list, as the SDL's `…Connection` types carry it. */
export interface Page<T> {
  nodes: T[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const NOT_OURS = 'The cursor is not one this API gave out; start from the first page.';

/** An opaque cursor from the keyset values of a page's last row. */
export const encodeCursor = (parts: (string | number)[]) => Buffer.from(parts.join('|')).toString('base64url');

/** The keyset values of a cursor; BAD_USER_INPUT when it does not have `parts` of them. */
export function decodeCursor(cursor: string, parts: number): string[] {
  const values = Buffer.from(cursor, 'base64url').toString().split('|');
  if (values.length !== parts) throw notOurs();
  return values;
}

/** The bigserial `seq` of a cursor made by `encodeCursor([seq])` (lists ordered by an increasing `seq`). */
export function decodeSeqCursor(cursor: string): string {
  const [seq] = decodeCursor(cursor, 1);
  if (!/^\d{1,18}$/.test(seq!)) throw notOurs();
  return seq!;
}

/** BAD_USER_INPUT for a cursor whose values decode but cannot be ours. */
export const notOurs = () => badInput(NOT_OURS, 'after');

/** The page size asked for (`first`), or BAD_USER_INPUT outside 1…max. */
export function pageSize(first: number | null | undefined, max: number, fallback: number): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput(`"first" must be between 1 and ${max}.`, 'first');
  return n;
}
