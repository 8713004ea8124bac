import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { as, code } from '../support/api.ts';
import { wsSession } from '../support/security.ts';
import { largePlantFiles, newPlantManager } from '../support/import-plant.ts';

/**
 * An import's progress (docs/import.md, "Progress"): `importProgress(plantId, progressKey)` says
 * WAITING at once, then how far the import started with that key is, step by step, with the
 * orders placed counting up — on a real server, PostgreSQL and WebSocket.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const PROGRESS = 'subscription($p: ID!, $k: String!) { importProgress(plantId: $p, progressKey: $k) { progressKey phase done total } }';
const IMPORT = `mutation($p: ID!, $f: [ImportFileInput!]!, $m: ImportMode!, $t: String, $k: String) {
  importPlantData(plantId: $p, files: $f, mode: $m, previewToken: $t, progressKey: $k) { applied previewToken errors { row reason } impact { ordersPlaced } } }`;
const PHASES = ['WAITING', 'READING', 'CHECKING', 'WRITING', 'PLACING', 'SAVING'];

interface Report { progressKey: string; phase: string; done: number; total: number }
const reportsOf = (messages: unknown[]) => messages.map((m) => (m as { data: { importProgress: Report } }).data.importProgress);

/** The reports are in step order, and within a step count up to at most its total. */
function expectAdvancing(reports: Report[]): void {
  for (const [i, r] of reports.entries()) {
    expect(r.done).toBeGreaterThanOrEqual(0);
    expect(r.done).toBeLessThanOrEqual(r.total);
    if (i === 0) continue;
    const before = reports[i - 1]!;
    expect(PHASES.indexOf(r.phase)).toBeGreaterThanOrEqual(PHASES.indexOf(before.phase));
    if (r.phase === before.phase) expect(r.done).toBeGreaterThanOrEqual(before.done);
  }
}

describe('import progress', () => {
  it("follows a dry run and a commit of 2,000 orders step by step, the orders placed counting up; another key hears nothing of it", async () => {
    const manager = await newPlantManager(server.url, 'Progress Works', 'pm@progress.test');
    const files = largePlantFiles(manager.today, 2_000).map((f) => ({ name: f.name, content: f.content.toString('base64') }));
    const watcher = wsSession(server.url, { cookie: manager.client.cookie });
    const other = wsSession(server.url, { cookie: manager.client.cookie });
    await watcher.subscribe(PROGRESS, { p: manager.plantId, k: 'dry-run-0001' });
    await other.subscribe(PROGRESS, { p: manager.plantId, k: 'someone-else-1' });
    await expect.poll(() => watcher.messages.length).toBe(1);
    await expect.poll(() => other.messages.length).toBe(1);
    expect(reportsOf(watcher.messages)).toEqual([{ progressKey: 'dry-run-0001', phase: 'WAITING', done: 0, total: 0 }]);

    const preview = await manager.client.data<{ importPlantData: { previewToken: string; errors: unknown[]; impact: { ordersPlaced: number } } }>(
      IMPORT, { p: manager.plantId, f: files, m: 'DRY_RUN', k: 'dry-run-0001' });
    expect(preview.importPlantData.errors).toEqual([]);
    expect(preview.importPlantData.impact.ordersPlaced).toBe(2_000);
    // the last report (the orders saved) comes before the answer is read or a little after it
    await expect.poll(() => reportsOf(watcher.messages).at(-1)).toEqual({ progressKey: 'dry-run-0001', phase: 'SAVING', done: 2_000, total: 2_000 });
    const dryRun = reportsOf(watcher.messages);
    expectAdvancing(dryRun);
    expect(dryRun.find((r) => r.phase === 'READING')).toEqual({ progressKey: 'dry-run-0001', phase: 'READING', done: 2_014, total: 2_014 });
    const placing = dryRun.filter((r) => r.phase === 'PLACING');
    expect(placing.every((r) => r.total === 2_000)).toBe(true);
    // real progress: orders placed part-way, not only "started" and "done"
    expect(placing.filter((r) => r.done > 0 && r.done < 2_000).length).toBeGreaterThan(0);
    expect(reportsOf(other.messages)).toEqual([{ progressKey: 'someone-else-1', phase: 'WAITING', done: 0, total: 0 }]);

    // the commit of that preview reports under its own key, and writes
    await watcher.subscribe(PROGRESS, { p: manager.plantId, k: 'commit-00001' });
    await expect.poll(() => reportsOf(watcher.messages).some((r) => r.progressKey === 'commit-00001')).toBe(true);
    const done = await manager.client.data<{ importPlantData: { applied: boolean } }>(
      IMPORT, { p: manager.plantId, f: files, m: 'COMMIT', t: preview.importPlantData.previewToken, k: 'commit-00001' });
    expect(done.importPlantData.applied).toBe(true);
    await expect.poll(() => reportsOf(watcher.messages).filter((r) => r.progressKey === 'commit-00001').at(-1)?.phase).toBe('SAVING');
    const commit = reportsOf(watcher.messages).filter((r) => r.progressKey === 'commit-00001');
    expectAdvancing(commit);
    expect(commit.some((r) => r.phase === 'PLACING' && r.done > 0 && r.done < 2_000)).toBe(true);
    expect(reportsOf(other.messages)).toHaveLength(1);
    await watcher.client.dispose();
    await other.client.dispose();
  });

  it('refuses a malformed key, and another plant', async () => {
    const planner = await as(server.url, 'PLANT_MANAGER');
    const ws = wsSession(server.url, { cookie: planner.cookie });
    expect(await ws.first(PROGRESS, { p: planner.plantId, k: 'short' })).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    const manager = await newPlantManager(server.url, 'Elsewhere Works', 'pm@elsewhere.test');
    expect(await ws.first(PROGRESS, { p: manager.plantId, k: 'a-valid-key-1' })).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    await ws.client.dispose();

    const file = [{ name: 'customers.csv', content: Buffer.from('code,name,tier,contact\nC-9,Nine,STANDARD,\n').toString('base64') }];
    expect(code(await planner.request(IMPORT, { p: planner.plantId, f: file, m: 'DRY_RUN', k: 'bad key!' }))).toBe('BAD_USER_INPUT');
  });
});
