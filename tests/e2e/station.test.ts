import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { as } from '../support/api.ts';
import { createToken } from '../support/security.ts';
import { closeBrowser, openContextPage, saveScreenshot, signInPage, startBrowserTest } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';

/**
 * The station view (docs/product.md §12): an operator at the LASER station picks an order with a
 * scanner (typed number and Enter), starts it from the keyboard, completes it with its quantity,
 * and the job leaves the queue; the wall counts it as running while it runs; the planner's API sees
 * the job done.
 */

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

beforeAll(async () => {
  [server, browser] = await startBrowserTest();
});
afterAll(async () => {
  await closeBrowser(browser, contexts);
  await server?.stop();
});

describe('the station view', () => {
  it('lets an operator start and complete a job with a scanner and large buttons', async () => {
    const page = await openContextPage(browser, contexts, { baseURL: server.url, viewport: { width: 1280, height: 900 }, errors });
    await signInPage(page, 'operator@demo.test');
    await page.goto('/station/laser');
    const first = page.locator('[data-testid^=station-job-]').first();
    await first.waitFor();
    const number = (await first.getAttribute('data-testid'))!.replace('station-job-', '');
    const card = page.getByTestId(`station-job-${number}`);

    await page.getByTestId('station-scan').fill(number);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="station-job-${number}"].selected`).waitFor();
    await page.keyboard.press('Enter'); // the picked job's first button: Start
    await page.getByTestId(`station-state-${number}`).filter({ hasText: 'Running' }).waitFor();

    // the wall screen counts it as running now
    const admin = await as(server.url, 'ADMIN');
    const display = await createToken(admin, 'DISPLAY', 'station test wall');
    const wall = await openContextPage(browser, contexts, { baseURL: server.url, viewport: { width: 1600, height: 900 }, errors });
    await wall.goto(`/wall?token=${display.secret}`);
    await wall.getByTestId('wall-running-count').filter({ hasText: /^1$/ }).waitFor();

    await card.getByRole('button', { name: 'Complete…' }).click();
    await card.getByRole('button', { name: 'Confirm complete' }).click();
    await card.waitFor({ state: 'detached' });
    await saveScreenshot(page, 'station-after-complete');

    const planner = await as(server.url, 'PLANNER');
    const found = await planner.data<{ orders: { nodes: { number: string; status: string; quantity: number; jobs: { status: string; completedQuantity: number; workCenterId: string }[] }[] } }>(
      'query($p: ID!, $s: String!) { orders(plantId: $p, filter: { search: $s }) { nodes { number status quantity jobs { status completedQuantity workCenterId } } } }',
      { p: planner.plantId, s: number });
    const order = found.orders.nodes.find((o) => o.number === number)!;
    expect(order.status).toBe('IN_PRODUCTION');
    expect(order.jobs).toContainEqual(expect.objectContaining({ status: 'DONE', completedQuantity: order.quantity }));
    expect(errors).toEqual([]);
  });
});
