import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type TestServer } from '../support/server.ts';
import { as } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { propose } from '../support/change-orders.ts';
import { suiteNow } from '../support/suite-clock.ts';

/**
 * An embedded-mode process's life (docs/security.md, "Availability"): SIGTERM drains the
 * requests in flight before PostgreSQL stops, and a process killed with -9 leaves a PostgreSQL
 * behind that the next start stops and replaces, on the same port, with the data intact.
 */
let dataDir: string;
// a grace period no loaded test machine reaches: the drain is under test here, not its bound
// six writes of one rep wait on a lock at once: room for them in the per-identity limit and the lock timeout
const env = () => ({
  TAKT_DATA_DIR: dataDir, DATABASE_URL: '', TAKT_DEMO_ORDERS: '40', TAKT_SHUTDOWN_GRACE_MS: '60000',
  TAKT_REQUESTS_RUNNING_PER_IDENTITY: '8', TAKT_DB_LOCK_TIMEOUT_MS: '120000',
});
/** The port the embedded PostgreSQL keeps across restarts, and its superuser's URL on it. */
const keptPort = () => Number(readFileSync(join(dataDir, 'postgres-port'), 'utf8'));
const adminUrl = () => `postgresql://takt:takt@127.0.0.1:${keptPort()}/takt`;
/** The running postmaster's pid and port, from the file PostgreSQL keeps while it runs. */
const postmaster = () => {
  const [pid, , , port] = readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  return { pid: Number(pid), port: Number(port) };
};
/** Whether `pid` runs: a zombie (exited, not yet reaped by whoever adopted it) does not. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
};

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let server: TestServer | null = null;
let proposedIds: string[] = [];
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'takt-embedded-'));
});
afterAll(async () => {
  await server?.stop('SIGKILL');
  // never leave a PostgreSQL behind, whatever failed
  try {
    const { pid } = postmaster();
    if (alive(pid)) process.kill(pid, 'SIGINT');
    await until('the test PostgreSQL to stop', async () => !alive(pid), 30_000);
  } catch {
    // no postmaster.pid: nothing runs
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe('SIGTERM of an embedded-mode server', () => {
  it('refuses new connections, answers the writes in flight normally, loses none, then stops PostgreSQL', { timeout: 180_000 }, async () => {
    server = await spawnServer(env());
    // the embedded mode serves as the runtime role too (docs/security.md, "Database roles")
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready', warnings: [] });
    await until('only the runtime role connected', async () => {
      const roles = await sql<{ usename: string }>(adminUrl(),
        `select distinct usename from pg_stat_activity where datname = 'takt' and backend_type = 'client backend' and pid <> pg_backend_pid()`);
      return roles.length === 1 && roles[0]!.usename === 'takt_app';
    });
    const rep = await as(server.url, 'SALES_REP');
    const [target] = await sql<{ customerId: string; productId: string }>(adminUrl(),
      'select customer_id as "customerId", product_id as "productId" from sales_order where plant_id = $1 limit 1', [rep.plantId]);
    const due = new Date(suiteNow().getTime() + 60 * 86_400_000).toISOString().slice(0, 10);

    // Six proposals wait in the server for the session table, which the test holds locked, so that
    // all six are in flight when the signal arrives (the plant lock alone would show one: a
    // process queues a plant's writes before they reach the database).
    const lock = new pg.Client({ connectionString: adminUrl() });
    await lock.connect();
    await lock.query('begin');
    await lock.query('lock table session in access exclusive mode');
    const writes = Array.from({ length: 6 }, () => propose(rep, { newOrder: { ...target, quantity: 1, dueDate: due } }));
    await until('six requests waiting for the session table', async () => {
      const [row] = await sql<{ n: number }>(adminUrl(),
        `select count(distinct pid)::int as n from pg_locks where relation = 'session'::regclass and not granted`);
      return row!.n >= 6;
    });

    const exited = server.stop('SIGTERM');
    // no new connection is served while the six drain
    await until('the listener to close', async () => {
      try {
        return (await fetch(`${server!.url}/healthz`)).status === 503;
      } catch {
        return true;
      }
    });
    expect(server.process.exitCode).toBeNull();
    await lock.query('commit');
    await lock.end();

    const answers = await Promise.all(writes);
    for (const a of answers) {
      expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
      expect(a.status).toBe(200);
    }
    proposedIds = answers.map((a) => a.data!.proposeChangeOrder.id);
    expect(await exited).toBe(0);
    expect(server.output.join('')).not.toMatch(/terminating connection|INTERNAL|unexpected error/);
    server = null;

    // every acknowledged write is in the database after a restart
    server = await spawnServer(env());
    const rows = await sql<{ id: string }>(adminUrl(), 'select id from change_order where id = any($1::uuid[])', [proposedIds]);
    expect(rows.map((r) => r.id).sort()).toEqual([...proposedIds].sort());
  });
});

describe('kill -9 of an embedded-mode server', () => {
  it('leaves a PostgreSQL that the next start stops and replaces, on the same port, with the data intact', { timeout: 180_000 }, async () => {
    server ??= await spawnServer(env()); // the previous test leaves one running
    const port = keptPort();
    const before = await sql<{ orders: number; changeOrders: number }>(adminUrl(),
      'select (select count(*)::int from sales_order) as orders, (select count(*)::int from change_order) as "changeOrders"');
    const orphan = postmaster();
    expect(orphan.port).toBe(port);

    expect(await server!.stop('SIGKILL')).toBeNull();
    server = null;
    expect(alive(orphan.pid), 'PostgreSQL outlives a process killed with -9').toBe(true);

    server = await spawnServer(env());
    expect(alive(orphan.pid)).toBe(false);
    expect(keptPort()).toBe(port);
    expect(postmaster().port).toBe(port);
    expect(server.output.join('')).toMatch(/stopping the embedded PostgreSQL a previous Takt process left running/);
    const ops = await as(server.url, 'OPS_MANAGER');
    expect(await ops.data<{ plants: unknown[] }>('{ plants { id } }')).toEqual({ plants: [{ id: ops.plantId }] });
    const after = await sql<{ orders: number; changeOrders: number }>(adminUrl(),
      'select (select count(*)::int from sales_order) as orders, (select count(*)::int from change_order) as "changeOrders"');
    expect(after).toEqual(before);
    expect(server.output.join('')).not.toMatch(/demo plant seeded/);

    expect(await server.stop('SIGTERM')).toBe(0);
    server = null;
  });

  it('refuses with a clear message to start on a data directory a live server uses', { timeout: 120_000 }, async () => {
    server = await spawnServer(env());
    await expect(spawnServer(env())).rejects.toThrow(/Takt cannot start: The embedded PostgreSQL in .* is in use by Takt process \d+/);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    server = null;
  });
});
