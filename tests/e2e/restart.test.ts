import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { as, type ApiClient } from '../support/api.ts';
import { closeBrowser, openContextPage, saveScreenshot, signInPage, startBrowserTest } from '../support/browser.ts';
import { spawnServer, type TestServer } from '../support/server.ts';
import { orderVersion } from '../support/change-orders.ts';

/**
 * docs/product.md §6 from the browser: the server restarts while the board is open. The connection
 * indicator says "reconnecting", and once the server is back the board replays what it missed
 * (a change committed by another process while this one was down, and one right after the
 * restart) from its last sequence number: nothing lost, nothing reloaded by hand.
 */

let server: TestServer;
let browser: Browser;
const others: TestServer[] = [];
const contexts: BrowserContext[] = [];

interface BoardSnapshot {
  lastEventSeq: number;
  orders: { id: string; number: string; dueDate: string }[];
  jobs: { orderId: string; workCenterId: string; start: string }[];
  buckets: { workCenterId: string; date: string; loadHours: number }[];
  workCenters: { id: string; code: string }[];
}

async function boardVia(c: ApiClient & { plantId: string }, from: string, to: string): Promise<BoardSnapshot> {
  return (
    await c.data<{ board: BoardSnapshot }>(
      `query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) { lastEventSeq orders { id number dueDate }
        jobs { orderId workCenterId start } buckets { workCenterId date loadHours } workCenters { id code } } }`,
      { p: c.plantId, f: from, t: to },
    )
  ).board;
}

const cancel = async (c: ApiClient, orderId: string) =>
  c.data<{ proposeChangeOrder: { status: string } }>(`mutation($i: ChangeOrderInput!) { proposeChangeOrder(input: $i, comment: "Customer cancelled") { status } }`, {
    i: { orderId, cancel: true, expectedOrderVersion: await orderVersion(c, orderId) },
  });

async function bucketLoad(page: Page, code: string, date: string): Promise<number> {
  return Number(await page.locator(`[data-testid=wc-row][data-wc-code="${code}"] [data-testid=bucket][data-date="${date}"]`).getAttribute('data-load'));
}

beforeAll(async () => {
  [server, browser] = await startBrowserTest();
});

afterAll(async () => {
  await closeBrowser(browser, contexts);
  for (const s of others) await s.stop().catch(() => {});
  await server?.stop();
});

describe('the board across a server restart', () => {
  it('shows reconnecting while the server is down, then catches up with changes made meanwhile and right after, missing nothing', async () => {
    const errors: string[] = [];
    const page = await openContextPage(browser, contexts, { baseURL: server.url, viewport: { width: 1600, height: 1000 }, errors });
    await signInPage(page, 'ops@demo.test');
    await page.locator('[data-testid=live-indicator][data-state=live]').waitFor();

    // Two orders whose jobs are on screen and whose cancellation applies at once (AUTO).
    const shown = new Set(await page.getByTestId('job-block').evaluateAll((els) => els.map((el) => el.getAttribute('data-order-number'))));
    const rep = await as(server.url, 'SALES_REP');
    const from = (await page.locator('[data-testid=bucket]').first().getAttribute('data-date'))!;
    const to = new Date(Date.parse(from) + 41 * 86_400_000).toISOString().slice(0, 10);
    const before = await boardVia(rep, from, to);
    const later = new Date(Date.parse(from) + 21 * 86_400_000).toISOString().slice(0, 10);
    const [x, y] = before.orders.filter((o) => shown.has(o.number) && o.dueDate >= later).slice(0, 2);
    expect(x && y, 'two orders on screen due in three weeks or more').toBeTruthy();
    const code = new Map(before.workCenters.map((w) => [w.id, w.code]));
    const jobOf = (orderId: string) => before.jobs.find((j) => j.orderId === orderId)!;

    // The server goes down (graceful SIGTERM): the board says it is reconnecting.
    const env = { DATABASE_URL: server.databaseUrl, TAKT_DEMO: '0', PORT: String(server.port) };
    await server.stop('SIGTERM');
    await page.locator('[data-testid=live-indicator][data-state=reconnecting]').waitFor({ timeout: 15_000 });
    await saveScreenshot(page, 'restart-reconnecting');

    // Meanwhile another process of the cluster commits a change.
    const peer = await spawnServer({ DATABASE_URL: server.databaseUrl, TAKT_DEMO: '0' });
    others.push(peer);
    expect((await cancel(await as(peer.url, 'SALES_REP'), x!.id)).proposeChangeOrder.status).toBe('APPLIED');

    // The server comes back on the same port; the board reconnects and replays what it missed.
    server = await spawnServer(env);
    await page.locator('[data-testid=live-indicator][data-state=live]').waitFor({ timeout: 60_000 });
    // … and a change right after the restart streams in as usual.
    expect((await cancel(await as(server.url, 'SALES_REP'), y!.id)).proposeChangeOrder.status).toBe('APPLIED');

    const head = (await boardVia(await as(server.url, 'SALES_REP'), from, to)).lastEventSeq;
    await expect.poll(() => page.getByTestId('live-indicator').getAttribute('data-seq'), { timeout: 15_000 }).toBe(String(head));
    await expect.poll(() => page.locator(`[data-testid=job-block][data-order-number="${x!.number}"]`).count()).toBe(0);
    await expect.poll(() => page.locator(`[data-testid=job-block][data-order-number="${y!.number}"]`).count()).toBe(0);

    // Every bucket the cancellations freed reads as the server has it now.
    const after = await boardVia(await as(server.url, 'SALES_REP'), from, to);
    for (const order of [x!, y!]) {
      const job = jobOf(order.id);
      const want = after.buckets.find((b) => b.workCenterId === job.workCenterId && b.date === job.start)!;
      const had = before.buckets.find((b) => b.workCenterId === job.workCenterId && b.date === job.start)!;
      expect(want.loadHours).toBeLessThan(had.loadHours);
      expect(await bucketLoad(page, code.get(job.workCenterId)!, job.start)).toBeCloseTo(want.loadHours, 3);
    }
    await saveScreenshot(page, 'restart-caught-up');
    expect(errors).toEqual([]);
  });
});
