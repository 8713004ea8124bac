import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound } from '../../shared/errors.ts';

/** A table whose rows carry an integer `version` column and a `uuid` id. */
export interface VersionedRow {
  /** Table name, a plain SQL identifier (`sales_order`, `app_user`, `change_order`, `policy`). */
  table: string;
  id: string;
  /** What to call it in messages ("Order SO-10042", "Change order"). */
  what: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Optimistic concurrency (docs/product.md §6): moves the row from `expectedVersion` to the next version in
 * one conditional UPDATE and returns the new version. When someone else got there first (0 rows)
 * it reads the current version and throws CONFLICT with `extensions.currentVersion`, so a stale
 * write never overwrites silently; NOT_FOUND when the row does not exist.
 *
 * Call it inside the transaction that writes the row's other columns (the write path's `em`): the
 * UPDATE keeps the row locked until commit, so no second writer can pass the same check.
 */
export async function bumpVersion(em: EntityManager, row: VersionedRow, expectedVersion: number): Promise<number> {
  if (!IDENTIFIER.test(row.table)) throw new Error(`bumpVersion: "${row.table}" is not a table name`);
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1)
    throw badInput(`"expectedVersion" must be a version number of 1 or more, got ${expectedVersion}.`, 'expectedVersion');
  const bumped = await em.execute<{ version: number }[]>(
    `update "${row.table}" set version = version + 1 where id = ? and version = ? returning version`,
    [row.id, expectedVersion],
  );
  if (bumped[0]) return bumped[0].version;
  const current = await currentVersion(em, row);
  throw conflict(row.what, current);
}

/** The row's version now; NOT_FOUND when it does not exist. */
export async function currentVersion(em: EntityManager, row: VersionedRow): Promise<number> {
  if (!IDENTIFIER.test(row.table)) throw new Error(`currentVersion: "${row.table}" is not a table name`);
  const rows = await em.execute<{ version: number }[]>(`select version from "${row.table}" where id = ?`, [row.id]);
  if (!rows[0]) throw notFound(row.what, row.id);
  return rows[0].version;
}
