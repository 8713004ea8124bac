import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { as } from '../support/api.ts';
import { closeBrowser, openContextPage, saveScreenshot, signInPage, startBrowserTest } from '../support/browser.ts';
import { decide, ok, propose } from '../support/change-orders.ts';
import { findManagerTierChanges } from '../support/demo-changes.ts';
import { spawnServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(errors: string[], viewport = { width: 1500, height: 1000 }): Promise<Page> {
  return openContextPage(browser, contexts, { baseURL: server.url, viewport, errors });
}

beforeAll(async () => {
  [server, browser] = await startBrowserTest();
});

afterAll(async () => {
  await closeBrowser(browser, contexts);
  await server?.stop();
});

describe('the wall screen', () => {
  it('runs on a display token an admin created (shown once), updates live, shows stale data while the server is down and recovers by itself', async () => {
    const errors: string[] = [];

    // the admin creates a display token; its secret is shown once
    const admin = await newPage(errors);
    await signInPage(admin, 'admin@demo.test');
    await admin.goto('/admin/tokens');
    await admin.getByTestId('token-name').fill('Hall 1 wall screen');
    await admin.getByTestId('token-create').click();
    const wallUrl = new URL((await admin.getByTestId('token-wall-url').textContent())!.trim());
    expect(wallUrl.pathname).toBe('/wall');
    const secret = wallUrl.searchParams.get('token')!;
    expect(secret.length).toBeGreaterThanOrEqual(20);
    await admin.reload();
    await admin.locator('[data-testid="token-row"][data-token-name="Hall 1 wall screen"]').waitFor();
    expect(await admin.getByTestId('token-secret').count()).toBe(0);
    expect(await admin.content()).not.toContain(secret);

    // a wall screen opens the URL: heat map and queue, live
    const wall = await newPage(errors, { width: 1920, height: 1080 });
    await wall.goto(`${wallUrl.pathname}${wallUrl.search}`);
    await wall.getByTestId('wall-heatmap').waitFor();
    await wall.locator('[data-testid="wall"][data-state="live"]').waitFor();
    expect(await wall.getByTestId('wall-row').count()).toBeGreaterThanOrEqual(6);
    // two weeks of working days per work center: wide enough to read from five metres
    expect(await wall.getByTestId('wall-cell').count()).toBeGreaterThanOrEqual(6 * 10);
    await wall.getByTestId('wall-queue').waitFor({ state: 'attached' });

    // a proposal appears in the queue, its approval moves the load and lands in today's decisions
    const rep = await as(server.url, 'SALES_REP');
    const ops = await as(server.url, 'OPS_MANAGER');
    // the first one must move load the wall shows: a day of its two weeks
    const shownDays = await wall.getByTestId('wall-cell').evaluateAll((els) => els.map((el) => el.getAttribute('data-date')!));
    const lastShown = [...shownDays].sort().at(-1)!;
    const [first] = await findManagerTierChanges(rep, 1, { raisingBefore: new Date(Date.parse(`${lastShown}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) });
    const [second, third] = await findManagerTierChanges(rep, 2);
    const co = ok(await propose(rep, { orderId: first!.orderId, quantity: first!.quantity })).proposeChangeOrder;
    const queued = wall.locator(`[data-testid="wall-queue-item"][data-co-number="${co.number}"]`);
    await queued.waitFor({ timeout: 15_000 });

    const evaluation = await rep.data<{ changeOrder: { evaluation: { impact: { buckets: { workCenterCode: string; date: string; loadBeforeHours: number; loadAfterHours: number }[] } } } }>(
      'query($id: ID!) { changeOrder(id: $id) { evaluation { impact { buckets { workCenterCode date loadBeforeHours loadAfterHours } } } } }',
      { id: co.id },
    );
    const shown = new Set(await wall.getByTestId('wall-cell').evaluateAll((els) => els.map((el) => el.getAttribute('data-date'))));
    const moved = evaluation.changeOrder.evaluation.impact.buckets.find((b) => b.loadAfterHours !== b.loadBeforeHours && shown.has(b.date))!;
    expect(moved, 'the change moves load within the wall\'s two weeks').toBeDefined();
    const cell = wall.locator(`[data-testid="wall-row"][data-wc-code="${moved.workCenterCode}"] [data-testid="wall-cell"][data-date="${moved.date}"]`);
    const before = Number(await cell.getAttribute('data-utilization'));

    ok(await decide(ops, 'approve', co));
    await queued.waitFor({ state: 'detached', timeout: 15_000 });
    await wall.locator(`[data-testid="wall-decision"][data-co-number="${co.number}"]`).waitFor({ timeout: 15_000 });
    await expect.poll(async () => Number(await cell.getAttribute('data-utilization')), { timeout: 15_000 }).toBeGreaterThan(before);

    // the server goes down: the wall says its data is stale
    const { databaseUrl, port } = server;
    await server.stop();
    await wall.getByTestId('wall-stale').waitFor({ timeout: 20_000 });
    await saveScreenshot(wall, 'wall-stale');

    // it comes back on the same database and port: the wall recovers by itself and is live again
    server = await spawnServer({ DATABASE_URL: databaseUrl, TAKT_DEMO: '0', PORT: String(port) });
    await wall.getByTestId('wall-stale').waitFor({ state: 'detached', timeout: 45_000 });
    await wall.locator('[data-testid="wall"][data-state="live"]').waitFor();
    const rep2 = await as(server.url, 'SALES_REP');
    const next = ok(await propose(rep2, { orderId: second!.orderId, quantity: second!.quantity })).proposeChangeOrder;
    await wall.locator(`[data-testid="wall-queue-item"][data-co-number="${next.number}"]`).waitFor({ timeout: 15_000 });
    const last = ok(await propose(rep2, { orderId: third!.orderId, quantity: third!.quantity })).proposeChangeOrder;
    await wall.locator(`[data-testid="wall-queue-item"][data-co-number="${last.number}"]`).waitFor({ timeout: 15_000 });
    await saveScreenshot(wall, 'wall');
    expect(errors).toEqual([]);
  });

  it('tells whoever set up the screen when its token is not valid', async () => {
    const errors: string[] = [];
    const wall = await newPage(errors);
    await wall.goto('/wall?token=takt_not-a-real-token');
    await wall.getByTestId('wall-fatal').waitFor({ timeout: 20_000 });
    expect(await wall.getByTestId('wall-fatal').textContent()).toMatch(/not valid/);
    expect(errors).toEqual([]);
  });
});
