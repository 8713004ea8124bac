import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { as } from '../support/api.ts';
import { createToken } from '../support/security.ts';
import { seriousViolations } from '../support/axe.ts';
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

describe('an order put at risk by downtime', () => {
  it('is told to its rep, marked on the board, and proposed for a promised date from the notification in one click', async () => {
    const planner = await as(server.url, 'PLANNER');
    const { plants } = await planner.data<{ plants: { id: string; today: string }[] }>('{ plants { id today } }');
    const today = plants[0]!.today;
    const { board } = await planner.data<{ board: { workCenters: { id: string; code: string }[] } }>(
      'query($p: ID!, $d: Date!) { board(plantId: $p, from: $d, to: $d) { workCenters { id code } } }', { p: plants[0]!.id, d: today });
    const laser = board.workCenters.find((w) => w.code === 'LASER')!;
    const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    // LASER breaks down for the next week: work rolls forward past some due dates
    const { reportDowntime } = await planner.data<{ reportDowntime: { ordersAtRisk: { id: string; number: string }[] } }>(
      'mutation($wc: ID!, $from: Date!, $to: Date!) { reportDowntime(workCenterId: $wc, from: $from, to: $to, hoursLost: 80, reason: "laser source failed") { ordersAtRisk { id number } } }',
      { wc: laser.id, from: day(1), to: day(9) });
    expect(reportDowntime.ordersAtRisk.length).toBeGreaterThan(0);

    const page = await openContextPage(browser, contexts, { baseURL: server.url, viewport: { width: 1600, height: 1000 }, errors });
    await signInPage(page, 'rep@demo.test');
    await page.getByTestId('notification-bell').click();
    // the bell writes dates as people read them ("21 Dec"), not as the API sends them
    const told = page.getByTestId('notification').filter({ hasText: /is at risk: .* the plant can promise \d{1,2} \p{L}+ \(no approval\)/u }).first();
    await told.waitFor();
    const number = (await told.textContent())!.match(/SO-\d+/)![0];
    await told.click();
    await page.locator('#order-panel-title', { hasText: number }).waitFor();
    await page.getByTestId('order-risk').filter({ hasText: /h short on/ }).waitFor();
    // the panel's risk section offers the dates the plant can promise, each one click away
    await page.getByTestId('order-promise').getByTestId('propose-promise-date').first().waitFor();
    await saveScreenshot(page, 'order-at-risk');
    expect(await seriousViolations(page, '[data-testid=order-panel]')).toEqual([]);

    // the board marks the order on its blocks (a sign in words for assistive technology too) and draws
    // the present in today's column
    const block = page.locator(reportDowntime.ordersAtRisk.map((o) => `[data-testid=job-block][data-order-number="${o.number}"]`).join(', ')).first();
    await block.waitFor();
    expect(await block.getAttribute('data-at-risk')).not.toBeNull();
    expect(await block.getAttribute('aria-label')).toContain('order at risk');
    const nowLine = page.getByTestId('now-line').first();
    await nowLine.waitFor({ state: 'attached' });
    expect(await nowLine.getAttribute('data-date')).toBe(today);
    const todayCell = (await page.locator(`[data-testid=bucket][data-date="${today}"]`).first().boundingBox())!;
    const line = (await nowLine.boundingBox())!;
    expect(line.x).toBeGreaterThanOrEqual(todayCell.x - 1);
    expect(line.x).toBeLessThanOrEqual(todayCell.x + todayCell.width + 1);
    expect(await page.locator('[data-testid=job-block][data-at-risk]:not([aria-label*="order at risk"])').count()).toBe(0);

    // started work looks different from planned work, live: a job reported half done fills by half
    // (its order selected, so that its blocks stay in view wherever the report moves them)
    const shown = page.locator(`[data-testid=job-block][data-status=PLANNED]:not([data-order-number="${number}"])`).first();
    const jobId = (await shown.getAttribute('data-job-id'))!;
    const shownNumber = (await shown.getAttribute('data-order-number'))!;
    await shown.click();
    await page.locator('#order-panel-title', { hasText: shownNumber }).waitFor();
    const { orders } = await planner.data<{ orders: { nodes: { number: string; quantity: number }[] } }>(
      'query($p: ID!, $s: String!) { orders(plantId: $p, filter: { search: $s }) { nodes { number quantity } } }', { p: plants[0]!.id, s: shownNumber });
    const quantity = orders.nodes.find((o) => o.number === shownNumber)!.quantity;
    const good = Math.max(1, Math.floor(quantity / 2));
    await planner.data('mutation($i: ProgressReportInput!) { reportProgress(input: $i) { id } }', {
      i: { jobId, action: 'REPORT', goodQuantity: good, idempotencyKey: `half-${jobId}` },
    });
    const started = page.locator(`[data-testid=job-block][data-job-id="${jobId}"][data-status=STARTED][data-done="${Math.min(100, Math.round((good / quantity) * 100))}"]`);
    await started.waitFor();
    expect(await started.getAttribute('aria-label')).toContain(`started, ${good.toLocaleString('en-GB')} of ${quantity.toLocaleString('en-GB')} done`);

    // the rep proposes one of the promised dates straight from the notification
    await page.getByTestId('notification-bell').click();
    const offer = page.locator('#notification-panel li').filter({ hasText: `${number} is at risk` }).getByTestId('notification-propose').first();
    const dueDate = (await offer.getAttribute('data-due-date'))!;
    expect(await seriousViolations(page, '#notification-panel')).toEqual([]);
    expect(await offer.textContent()).toMatch(/^\s*Propose \d{1,2} \p{L}+ · /u);
    await offer.click();
    await page.getByTestId('propose-form').waitFor();
    expect(await page.getByTestId('propose-due').inputValue()).toBe(dueDate);
    await page.locator('[data-testid=preview-tier]').waitFor();
    expect(page.url()).not.toContain('propose=');
    await page.getByTestId('propose-submit').click();
    await page.getByTestId('propose-result').waitFor();

    const orderId = page.url().match(/order=([0-9a-f-]+)/)![1]!;
    const rep = await as(server.url, 'SALES_REP');
    const { changeOrders } = await rep.data<{ changeOrders: { nodes: { number: string; kinds: string[]; evaluation: { terms: { dueDate: string } | null } }[] } }>(
      'query($o: ID!) { changeOrders(filter: { orderId: $o }) { nodes { number kinds evaluation { terms { dueDate } } } } }', { o: orderId });
    expect(changeOrders.nodes).toContainEqual(expect.objectContaining({ kinds: ['DUE_DATE'], evaluation: { terms: { dueDate } } }));
    expect(errors).toEqual([]);
  });
});
