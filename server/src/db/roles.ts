import pg from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The two database roles (docs/security.md, "Database roles"). The owner role owns the schema
 * and runs the migrations; the runtime role serves requests with only the grants they need, so a
 * request — or SQL slipped into one — cannot change what is append-only: it has no UPDATE,
 * DELETE or TRUNCATE there, owns no table (so it cannot disable a trigger), owns no function
 * (so it cannot replace the trigger function), may not create objects, and is not a superuser
 * (so it cannot set `session_replication_role`).
 */

/** The embedded cluster's roles. It listens on localhost only, like its superuser `takt`. */
export const EMBEDDED_ROLES = {
  owner: { user: 'takt_owner', password: 'takt_owner' },
  runtime: { user: 'takt_app', password: 'takt_app' },
} as const;

/** Schemas whose objects the owner role owns: Takt's tables and the job queue's. */
const SCHEMAS = ['public', 'graphile_worker'];
/** The function every append-only trigger runs; a table guarded by it gets SELECT and INSERT only. */
const APPEND_ONLY_TRIGGER_FUNCTION = 'takt_refuse_audit_change';

/** `url` with another user and password. */
export function urlAs(url: string, role: { user: string; password: string }): string {
  const u = new URL(url);
  u.username = role.user;
  u.password = role.password;
  return u.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * As the embedded cluster's superuser: creates the owner and runtime roles when missing, makes
 * the owner own the database, and hands it the objects that a data directory from before the
 * roles existed holds as the superuser's, so that it keeps working. Returns the two roles' URLs.
 */
export async function provisionEmbeddedRoles(superuserUrl: string): Promise<{ ownerUrl: string; runtimeUrl: string }> {
  const { owner, runtime } = EMBEDDED_ROLES;
  await withClient(superuserUrl, async (client) => {
    for (const role of [owner, runtime]) {
      await client.query(`do $$ begin
        if not exists (select from pg_roles where rolname = '${role.user}') then
          create role ${role.user} login password '${role.password}' nosuperuser nocreatedb nocreaterole noinherit;
        end if; end $$`);
    }
    const database = new URL(superuserUrl).pathname.slice(1);
    await client.query(`alter database "${database}" owner to ${owner.user}`);
    await adoptObjects(client, owner.user);
  });
  return { ownerUrl: urlAs(superuserUrl, owner), runtimeUrl: urlAs(superuserUrl, runtime) };
}

/**
 * Gives `owner` the schemas, tables, views, sequences, functions and types in SCHEMAS that
 * another role owns. Sequences owned by a table move with it; free-standing ones, routines and
 * enum/domain/composite types one by one; an extension's objects (pg_trgm) stay as installed.
 * A no-op once everything is the owner's.
 */
async function adoptObjects(client: pg.Client, owner: string): Promise<void> {
  const { rows } = await client.query<{ stmt: string }>(
    `select format('alter schema %I owner to %I', n.nspname, $1::text) as stmt from pg_namespace n
      where n.nspname = any($2::name[]) and n.nspname <> 'public' and n.nspowner <> $1::text::regrole
     union all
     select format('alter table %I.%I owner to %I', n.nspname, c.relname, $1::text)
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($2::name[]) and c.relkind in ('r', 'p', 'v', 'm', 'f') and c.relowner <> $1::text::regrole
        and not exists (select from pg_depend d where d.objid = c.oid and d.deptype = 'e')
     union all
     select format('alter sequence %I.%I owner to %I', n.nspname, c.relname, $1::text)
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($2::name[]) and c.relkind = 'S' and c.relowner <> $1::text::regrole
        and not exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i', 'e'))
     union all
     select format('alter routine %s owner to %I', p.oid::regprocedure, $1::text)
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any($2::name[]) and p.proowner <> $1::text::regrole
        and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
     union all
     select format('alter type %s owner to %I', t.oid::regtype, $1::text)
       from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = any($2::name[]) and t.typowner <> $1::text::regrole
        and not exists (select from pg_depend d where d.objid = t.oid and d.deptype = 'e')
        and (t.typtype in ('e', 'd') or (t.typtype = 'c' and (select relkind from pg_class where oid = t.typrelid) = 'c'))`,
    [owner, SCHEMAS],
  );
  for (const { stmt } of rows) await client.query(stmt);
}

/** A quoted SQL identifier. */
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Serializes the grants of processes starting at once (concurrent GRANTs on one object fail). */
const GRANT_LOCK = 0x74616b74; // "takt"

/**
 * As the owner, after migrating: the runtime role's grants, recomputed on every start so that
 * tables a migration adds are covered. Read and write on every table, except SELECT and INSERT
 * only where an append-only trigger guards the table and SELECT only on the migration logs;
 * sequences and the job queue's functions to use. Never TRUNCATE, never CREATE. graphile-worker
 * turns row-level security on for its tables with no policy (only their owner may use them), so
 * the runtime role gets a policy of its own on each.
 */
export async function grantRuntime(em: EntityManager, runtimeRole: string): Promise<void> {
  const role = ident(runtimeRole);
  await em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?)', [GRANT_LOCK]);
    const appendOnly = await tx.execute<{ name: string }[]>(
      `select distinct format('%I.%I', n.nspname, c.relname) as name
         from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
         join pg_proc p on p.oid = t.tgfoid
        where p.proname = ? and n.nspname = 'public'`,
      [APPEND_ONLY_TRIGGER_FUNCTION],
    );
    const unpoliced = await tx.execute<{ name: string }[]>(
      `select format('%I.%I', n.nspname, c.relname) as name
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'graphile_worker' and c.relkind in ('r', 'p') and c.relrowsecurity
          and not exists (select from pg_policy p where p.polrelid = c.oid and ?::regrole = any(p.polroles))`,
      [runtimeRole],
    );
    const statements = [
      ...SCHEMAS.flatMap((schema) => [
        `grant usage on schema ${schema} to ${role}`,
        `grant select, insert, update, delete on all tables in schema ${schema} to ${role}`,
        `revoke truncate, references, trigger on all tables in schema ${schema} from ${role}`,
        `grant usage, select on all sequences in schema ${schema} to ${role}`,
      ]),
      `grant execute on all functions in schema graphile_worker to ${role}`,
      ...appendOnly.map((t) => `revoke update, delete on ${t.name} from ${role}`),
      `revoke insert, update, delete on public.mikro_orm_migrations, graphile_worker.migrations from ${role}`,
      ...unpoliced.map((t) => `create policy ${ident(`takt_runtime_${runtimeRole}`.slice(0, 63))} on ${t.name} to ${role} using (true) with check (true)`),
    ];
    for (const statement of statements) await tx.execute(statement);
  });
}

/**
 * What `/readyz` and the start log warn about: a runtime role that can bypass the append-only
 * triggers, because it is a superuser or owns the tables (one URL for migrations and requests),
 * or is a member of their owner (it could SET ROLE to it).
 */
export async function databaseRoleWarnings(em: EntityManager): Promise<string[]> {
  const [row] = await em.execute<{ name: string; superuser: boolean; owner: boolean }[]>(
    `select current_user as name, r.rolsuper as superuser,
            pg_has_role(current_user, (select relowner from pg_class where oid = 'public.audit_event'::regclass), 'MEMBER') as owner
       from pg_roles r where r.rolname = current_user`,
  );
  if (!row) return [];
  const warnings: string[] = [];
  if (row.superuser)
    warnings.push(`The database role "${row.name}" is a superuser: it can bypass the append-only tables' triggers. Run requests as a runtime role (docs/security.md, "Database roles").`);
  else if (row.owner)
    warnings.push(`The database role "${row.name}" owns the tables: it can disable the append-only triggers. Set DATABASE_OWNER_URL for migrations and run requests as a runtime role (docs/security.md, "Database roles").`);
  return warnings;
}
