import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, spawnServer, type TestServer } from '../support/server.ts';
import { cloneTemplate, serverRoleUrls, sql } from '../support/database.ts';
import { provisionEmbeddedRoles } from '../../server/src/db/roles.ts';

/**
 * The database roles (docs/security.md, "Database roles"): requests run as a role that cannot
 * change what is append-only, whatever SQL reaches it; TRUNCATE is refused on every
 * append-only table even to the roles that may do more.
 */
const APPEND_ONLY = ['audit_event', 'policy', 'change_order_comment', 'billing_adjustment'];

let server: TestServer;
let runtimeUrl: string;
beforeAll(async () => {
  server = await startServer();
  runtimeUrl = serverRoleUrls(server.databaseUrl).DATABASE_URL;
});
afterAll(async () => {
  await server?.stop();
});

/** Runs `statement` in a transaction that is always rolled back; resolves to the error's SQLSTATE, or null when it succeeded. */
async function attempt(url: string, statement: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(statement);
    return null;
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  } finally {
    await client.query('rollback').catch(() => undefined);
    await client.end();
  }
}

const INSUFFICIENT_PRIVILEGE = '42501';
const RAISED = 'P0001'; // takt_refuse_audit_change()

describe('the role the server runs requests as', () => {
  it('is the runtime role on every connection the server holds, not a superuser or the owner', async () => {
    const { pathname } = new URL(server.databaseUrl);
    const roles = await sql<{ usename: string; rolsuper: boolean }>(
      server.databaseUrl,
      `select distinct a.usename, r.rolsuper from pg_stat_activity a join pg_roles r on r.rolname = a.usename
        where a.datname = $1 and a.pid <> pg_backend_pid()`,
      [pathname.slice(1)],
    );
    expect(roles).toEqual([{ usename: 'takt_app', rolsuper: false }]);
    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as { status: string; warnings: string[] };
    expect(ready).toEqual({ status: 'ready', warnings: [] });
  });

  it.each(APPEND_ONLY)('cannot TRUNCATE, UPDATE or DELETE %s', async (table) => {
    expect(await attempt(runtimeUrl, `select count(*) from ${table}`)).toBeNull();
    expect(await attempt(runtimeUrl, `truncate ${table} cascade`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await attempt(runtimeUrl, `update ${table} set created_at = created_at`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await attempt(runtimeUrl, `delete from ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it.each(APPEND_ONLY)('cannot switch off the triggers guarding %s', async (table) => {
    expect(await attempt(runtimeUrl, `set local session_replication_role = replica`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await attempt(runtimeUrl, `alter table ${table} disable trigger all`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await attempt(runtimeUrl, `alter table ${table} disable trigger ${table}_append_only`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await attempt(runtimeUrl, `drop trigger ${table}_append_only on ${table}`)).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('cannot replace the trigger function or create objects', async () => {
    const replace = `create or replace function takt_refuse_audit_change() returns trigger language plpgsql as $$ begin return new; end $$`;
    expect(await attempt(runtimeUrl, replace)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await attempt(runtimeUrl, `create table takt_intruder (id int)`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await attempt(runtimeUrl, `create schema takt_intruder`)).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await attempt(runtimeUrl, `alter table audit_event add column x int`)).toBe(INSUFFICIENT_PRIVILEGE);
  });
});

describe('TRUNCATE on the append-only tables', () => {
  it.each(APPEND_ONLY)('is refused on %s even to a superuser, by its trigger', async (table) => {
    expect(await attempt(server.databaseUrl, `truncate ${table} cascade`)).toBe(RAISED);
    expect(await attempt(serverRoleUrls(server.databaseUrl).DATABASE_OWNER_URL, `truncate ${table} cascade`)).toBe(RAISED);
  });
});

describe('a server whose one database role is a superuser', () => {
  it('warns in /readyz and in its start log', async () => {
    const root = await spawnServer({ DATABASE_URL: server.databaseUrl, DATABASE_OWNER_URL: '', TAKT_DEMO: '0' });
    try {
      const ready = (await (await fetch(`${root.url}/readyz`)).json()) as { status: string; warnings: string[] };
      expect(ready.status).toBe('ready');
      expect(ready.warnings).toEqual([expect.stringMatching(/role "takt" is a superuser/)]);
      expect(root.output.join('')).toMatch(/role \\?"takt\\?" is a superuser/);
    } finally {
      await root.stop();
    }
  });
});

describe('an embedded database from before the roles existed', () => {
  it('is handed to the owner role: the superuser\'s schemas, tables, sequences and functions', async () => {
    const url = await cloneTemplate(inject('adminDatabaseUrl'), inject('templateDatabase'));
    const owners = () => sql<{ owner: string; n: number }>(url,
      `select r.rolname as owner, count(*)::int as n from (
         select relowner as o from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname in ('public', 'graphile_worker') and c.relkind in ('r', 'S', 'v')
         union all select proowner from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname in ('public', 'graphile_worker')
           and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
         union all select nspowner from pg_namespace where nspname = 'graphile_worker'
       ) x join pg_roles r on r.oid = x.o group by 1 order by 1`);
    // what an older release left: everything the superuser's
    await sql(url, `do $$ declare r record; begin
      for r in select format('alter table %I.%I owner to takt', n.nspname, c.relname) as s from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname in ('public', 'graphile_worker') and c.relkind in ('r', 'v') loop execute r.s; end loop;
      alter function takt_refuse_audit_change() owner to takt;
      alter schema graphile_worker owner to takt;
    end $$`);
    expect((await owners()).map((o) => o.owner)).toContain('takt');
    await provisionEmbeddedRoles(url);
    expect((await owners()).map((o) => o.owner)).toEqual(['takt_owner']);
  });
});
