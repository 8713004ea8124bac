import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../server/src/db/embedded.ts';

/**
 * A PostgreSQL server of its own, from Debian's `postgresql` package (installed with apt-get when
 * missing and running as root, as scripts/ensure-chromium.ts does for Chromium): the "external
 * PostgreSQL" of docs/operations.md, with the two roles set up as that recipe says.
 */
export interface ExternalPostgres {
  /** The superuser, for the test's own checks. */
  adminUrl: string;
  ownerUrl: string;
  runtimeUrl: string;
  major: number;
  stop(): void;
}

const DEBIAN = '/usr/lib/postgresql';

function binDir(): string | null {
  if (!existsSync(DEBIAN)) return null;
  const versions = readdirSync(DEBIAN).filter((v) => existsSync(join(DEBIAN, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(DEBIAN, versions[0], 'bin') : null;
}

function ensureInstalled(): string {
  const found = binDir();
  if (found) return found;
  if (process.getuid?.() !== 0) throw new Error(`PostgreSQL's server is not installed (${DEBIAN}/<version>/bin/postgres): sudo apt-get install -y postgresql`);
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'postgresql']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed: install PostgreSQL (apt-get install -y postgresql) and run again`);
  }
  const installed = binDir();
  if (!installed) throw new Error('apt-get installed postgresql, but no server binary was found');
  return installed;
}

/** Runs a PostgreSQL tool, as the `postgres` user when this is root (PostgreSQL refuses to run as root). */
function asPostgres(bin: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const r = root ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' }) : spawnSync(bin, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

export async function startExternalPostgres(): Promise<ExternalPostgres> {
  const bin = ensureInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'takt-extpg-'));
  const data = join(dir, 'data');
  const superPassword = 'super-secret';
  writeFileSync(join(dir, 'pw'), superPassword);
  if (process.getuid?.() === 0) {
    const { uid, gid } = idsOf('postgres');
    chownSync(dir, uid, gid);
    chownSync(join(dir, 'pw'), uid, gid);
  }
  asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--pwfile', join(dir, 'pw'), '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const stop = () => {
    try {
      asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    const url = (user: string, password: string, db: string) => `postgresql://${user}:${password}@127.0.0.1:${port}/${db}`;
    const adminUrl = url('postgres', superPassword, 'postgres');
    // docs/operations.md, "An external PostgreSQL: two roles"
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`create role takt_owner login password 'owner-secret'`);
      await client.query(`create role takt_app login password 'app-secret'`);
      await client.query('create database takt owner takt_owner');
      const { rows } = await client.query<{ v: string }>(`select current_setting('server_version_num') as v`);
      return {
        adminUrl: url('postgres', superPassword, 'takt'),
        ownerUrl: url('takt_owner', 'owner-secret', 'takt'),
        runtimeUrl: url('takt_app', 'app-secret', 'takt'),
        major: Math.floor(Number(rows[0]!.v) / 10_000),
        stop,
      };
    } finally {
      await client.end();
    }
  } catch (err) {
    stop();
    throw err;
  }
}

function idsOf(user: string): { uid: number; gid: number } {
  const r = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}
