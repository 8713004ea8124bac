import { describe, expect, it } from 'vitest';
import { bumpVersion, currentVersion } from '../../server/src/modules/events/versioned.ts';
import { sql } from '../support/database.ts';
import { templateDatabase } from '../support/lifecycle.ts';

const db = templateDatabase();

const rows = [
  { table: 'sales_order', what: 'Order', pick: 'select id, version from sales_order order by number limit 1' },
  { table: 'app_user', what: 'User', pick: `select id, version from app_user where email = 'rep@demo.test'` },
] as const;

describe.each(rows)('optimistic concurrency on $table', ({ table, what, pick }) => {
  it('moves the version on when the expected version is current', async () => {
    const [row] = await sql<{ id: string; version: number }>(db.url, pick);
    const next = await db.orm.em.fork().transactional((em) => bumpVersion(em, { table, id: row!.id, what }, row!.version));
    expect(next).toBe(row!.version + 1);
    expect(await currentVersion(db.orm.em.fork(), { table, id: row!.id, what })).toBe(next);
  });

  it('fails a stale expectedVersion with CONFLICT and the current version, and writes nothing', async () => {
    const [row] = await sql<{ id: string; version: number }>(db.url, pick);
    const stale = row!.version - 1;
    await expect(db.orm.em.fork().transactional((em) => bumpVersion(em, { table, id: row!.id, what }, stale))).rejects.toMatchObject({
      code: 'CONFLICT',
      extensions: { currentVersion: row!.version },
      message: expect.stringContaining(`now version ${row!.version}`),
    });
    const [after] = await sql<{ version: number }>(db.url, `select version from ${table} where id = $1`, [row!.id]);
    expect(after!.version).toBe(row!.version);
  });

  it('lets exactly one of two concurrent writers with the same expected version win', async () => {
    const [row] = await sql<{ id: string; version: number }>(db.url, pick);
    const attempt = () =>
      db.orm.em.fork().transactional(async (em) => {
        const v = await bumpVersion(em, { table, id: row!.id, what }, row!.version);
        await em.execute('select pg_sleep(0.05)'); // hold the row while the other one tries
        return v;
      });
    const results = await Promise.allSettled([attempt(), attempt()]);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual([row!.version + 1]);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'CONFLICT', extensions: { currentVersion: row!.version + 1 } });
  });

  it('answers NOT_FOUND for a missing row and BAD_USER_INPUT for a version below 1', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(bumpVersion(db.orm.em.fork(), { table, id: missing, what }, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [row] = await sql<{ id: string }>(db.url, pick);
    await expect(bumpVersion(db.orm.em.fork(), { table, id: row!.id, what }, 0)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
