import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type TestServer } from '../support/server.ts';
import { signIn, type ApiClient } from '../support/api.ts';
import { buildPlant, todayUtc, type FactoryPlant } from '../support/factories.ts';
import { ok, propose } from '../support/change-orders.ts';
import { BOARD_QUERY, boardClient, eventually, wsUrl, type BoardClient } from '../support/realtime.ts';
import { sql } from '../support/database.ts';
import { startExternalPostgres, type ExternalPostgres } from '../support/external-postgres.ts';
import { BackupError, findTool } from '../../server/src/db/backup.ts';

const ROOT = resolve(import.meta.dirname, '../..');

let db: ExternalPostgres;
let dir: string;
const servers: TestServer[] = [];
const clients: BoardClient[] = [];
beforeAll(async () => {
  db = await startExternalPostgres();
  dir = mkdtempSync(join(tmpdir(), 'takt-backup-'));
});
afterAll(async () => {
  for (const c of clients) c.stop();
  for (const s of servers) await s.stop();
  db?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** `takt …` (server/src/cli.ts) on the external database, as an operator runs it. */
function takt(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['server/src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: db.runtimeUrl, DATABASE_OWNER_URL: db.ownerUrl, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', fail);
    child.once('exit', (code) => done({ code, stdout, stderr }));
  });
}

async function serve(port?: number): Promise<TestServer> {
  const server = await spawnServer({ DATABASE_URL: db.runtimeUrl, DATABASE_OWNER_URL: db.ownerUrl, TAKT_DEMO: '0', ...(port ? { PORT: String(port) } : {}) });
  servers.push(server);
  return server;
}

const to = () => new Date(Date.parse(`${todayUtc()}T00:00:00Z`) + 55 * 86_400_000).toISOString().slice(0, 10);
const board = (c: ApiClient, plant: FactoryPlant) => c.data(BOARD_QUERY, { p: plant.plantId, f: todayUtc(), t: to() });
const events = (plant: FactoryPlant) =>
  sql<{ seq: string; type: string; payload: unknown }>(db.adminUrl, 'select seq, type, payload from board_event where plant_id = $1 order by seq', [plant.plantId]);
const head = async (plant: FactoryPlant) => Number((await sql<{ s: string }>(db.adminUrl, 'select event_seq as s from plant where id = $1', [plant.plantId]))[0]!.s);

describe('takt backup and restore', () => {
  it('restores the board and the event sequence, and a restarted server resumes the live stream with RESYNC, nothing twice', async () => {
    let server = await serve();
    const plant = await buildPlant(db.ownerUrl, { orders: { A: { quantity: 1, dueInWorkingDays: 25 }, B: { quantity: 1, dueInWorkingDays: 30 } } });
    let rep = await signIn(server.url, plant.users.SALES_REP);
    expect(ok(await propose(rep, { orderId: plant.orders.A!.id, quantity: 2 })).proposeChangeOrder.status).toBe('APPLIED');
    const boardAtBackup = await board(rep, plant);
    const eventsAtBackup = await events(plant);
    const headAtBackup = await head(plant);
    expect(headAtBackup).toBeGreaterThan(0);

    // a backup while the server runs
    const file = join(dir, 'takt.dump');
    const backedUp = await takt(['backup', file]);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(0);
    expect(backedUp.stdout).toMatch(/^Backed up to .*takt\.dump/);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    // then more happens, seen live by a board client
    expect(ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 2 })).proposeChangeOrder.status).toBe('APPLIED');
    const later = await head(plant);
    expect(later).toBeGreaterThan(headAtBackup);
    const live = boardClient({ name: 'wall', url: () => wsUrl(server.url), cookie: rep.cookie, plantId: plant.plantId, since: later });
    clients.push(live);
    await eventually(() => live.connection.state === 'live', 'the board client is live');
    expect(await board(rep, plant)).not.toEqual(boardAtBackup);

    // a restore is refused while a server uses the database, then done with every server stopped
    const refused = await takt(['restore', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/stop every Takt process/);
    const port = server.port;
    expect(await server.stop()).toBe(0);
    const restored = await takt(['restore', file]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    server = await serve(port);

    // the same board and the same events as at the backup; the sessions are those of then too
    rep = await signIn(server.url, plant.users.SALES_REP);
    expect(await board(rep, plant)).toEqual(boardAtBackup);
    expect(await events(plant)).toEqual(eventsAtBackup);
    expect(await head(plant)).toBe(headAtBackup);

    // the client, which saw events past the restored head, is told to refetch (RESYNC) and then
    // gets the next change once
    await eventually(() => live.resyncs === 1 && live.connection.state === 'live', 'the client resyncs after the restore');
    const resyncAt = live.events.findIndex((e) => e.type === 'RESYNC');
    expect(live.events[resyncAt]!.seq).toBe(headAtBackup);
    expect(ok(await propose(rep, { orderId: plant.orders.B!.id, quantity: 3 })).proposeChangeOrder.status).toBe('APPLIED');
    const next = await head(plant);
    await live.reach(next);
    const after = live.events.slice(resyncAt + 1).map((e) => e.seq);
    expect(after).toEqual(Array.from({ length: next - headAtBackup }, (_, i) => headAtBackup + 1 + i));
    expect(live.resyncs).toBe(1);
  });

  it('says what to install when no pg_dump can work with the server', () => {
    // PostgreSQL 99: every pg_dump there is (embedded package, PATH, Debian's) is older
    expect(() => findTool('pg_dump', 99)).toThrow(BackupError);
    expect(() => findTool('pg_dump', 99)).toThrow(/pg_dump 99 or newer is needed.*apt-get install postgresql-client-99.*TAKT_PG_BIN/);
  });
});
