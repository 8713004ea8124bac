import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../support/server.ts';
import { as } from '../support/api.ts';
import { suiteNow, suiteToday } from '../support/suite-clock.ts';

let dataDir: string;
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the default embedded database', () => {
  it('seeds the demo once, keeps the data across a graceful restart and does not seed again', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'takt-restart-'));
    const env = { TAKT_DATA_DIR: dataDir, DATABASE_URL: '', TAKT_DEMO_ORDERS: '60' };
    const first = await spawnServer(env);
    expect(first.output.join('')).toMatch(/Demo logins \(password "demo"\): rep@demo\.test/);
    const ops = await as(first.url, 'OPS_MANAGER');
    const before = await ops.data<{ plants: { id: string }[] }>('{ plants { id name } }');
    const orderQuery = `query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) { orders { id } lastEventSeq } }`;
    const today = suiteToday();
    const to = new Date(suiteNow().getTime() + 150 * 86_400_000).toISOString().slice(0, 10);
    const boardBefore = await ops.data<{ board: { orders: unknown[]; lastEventSeq: number } }>(orderQuery, { p: ops.plantId, f: today, t: to });
    expect(boardBefore.board.orders.length).toBeGreaterThan(30);
    // graceful shutdown: SIGTERM drains and exits 0
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await spawnServer(env);
    const ops2 = await as(second.url, 'OPS_MANAGER');
    expect(await ops2.data('{ plants { id name } }')).toEqual(before);
    const boardAfter = await ops2.data<{ board: { orders: unknown[]; lastEventSeq: number } }>(orderQuery, { p: ops2.plantId, f: today, t: to });
    expect(boardAfter.board).toEqual(boardBefore.board);
    expect(second.output.join('')).not.toMatch(/demo plant seeded/);
    expect(await second.stop('SIGTERM')).toBe(0);
  });
});
