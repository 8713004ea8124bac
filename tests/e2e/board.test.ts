import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeBrowser, openContextPage, saveScreenshot, signInPage, startBrowserTest, submitLogin } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';
import { as } from '../support/api.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** A fresh browser context (no cookies) whose uncaught page errors fail the test. */
async function openPage(errors: string[]): Promise<Page> {
  return openContextPage(browser, contexts, { baseURL: server.url, viewport: { width: 1600, height: 1000 }, errors });
}

beforeAll(async () => {
  [server, browser] = await startBrowserTest();
});

afterAll(async () => {
  await closeBrowser(browser, contexts);
  await server?.stop();
});

describe('board in the browser', () => {
  it('sends a signed-out visitor to the login page and explains a wrong password', async () => {
    const errors: string[] = [];
    const page = await openPage(errors);

    await page.goto('/');
    await page.waitForURL(/\/login/);
    await submitLogin(page, 'ops@demo.test', 'not-the-password');

    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/wrong email or password/i);
    expect(page.url()).toMatch(/\/login/);
    expect(errors).toEqual([]);
  });

  it('shows the ops manager every work center with loaded buckets and job blocks after signing in', async () => {
    const errors: string[] = [];
    const page = await openPage(errors);

    await page.goto('/');
    await page.waitForURL(/\/login/);
    await submitLogin(page, 'ops@demo.test', 'demo');

    await page.getByTestId('board').waitFor();
    await page.getByTestId('job-block').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // a first visit shows the colour hint above the board; read, it makes room for more rows
    await page.getByTestId('board-hint-dismiss').click();
    const rows = page.getByTestId('wc-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
    const codes = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-wc-code')));
    expect(codes.every((code) => typeof code === 'string' && code.length > 0)).toBe(true);

    const jobs = page.getByTestId('job-block');
    expect(await jobs.count()).toBeGreaterThanOrEqual(50);
    const numbers = await jobs.evaluateAll((els) => els.map((el) => el.getAttribute('data-order-number')));
    expect(numbers.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);

    const utilizations = await page
      .getByTestId('bucket')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-utilization'))));
    expect(utilizations.every((u) => Number.isFinite(u))).toBe(true);
    expect(utilizations.filter((u) => u > 0).length).toBeGreaterThan(0);

    const userMenu = await page.getByTestId('user-menu').textContent();
    expect(userMenu).toMatch(/ops manager/i);

    await saveScreenshot(page, 'board');
    expect(errors).toEqual([]);
  });
});

describe('the order search', () => {
  it('finds an order whose work lies outside the loaded board (`/`, then Enter opens it)', async () => {
    // A new order due well past the longest board (26 weeks): nothing of it is in the loaded window.
    const rep = await as(server.url, 'SALES_REP');
    const { plants, products, customers } = await rep.data<{
      plants: { today: string }[];
      products: { id: string; options: { id: string; attribute: string; reviewRequired: boolean }[] }[];
      customers: { id: string }[];
    }>('query($p: ID!) { plants { today } products(plantId: $p) { id options { id attribute reviewRequired } } customers(plantId: $p) { id } }', { p: rep.plantId });
    const today = plants[0]!.today;
    let due = new Date(Date.parse(`${today}T00:00:00Z`) + 400 * 86_400_000);
    while (due.getUTCDay() < 2 || due.getUTCDay() > 4) due = new Date(due.getTime() + 86_400_000);
    const product = products[0]!;
    const optionIds = [...new Map(product.options.filter((o) => !o.reviewRequired).map((o) => [o.attribute, o.id] as const)).values()];
    const { proposeChangeOrder: co } = await rep.data<{ proposeChangeOrder: { status: string; orderId: string; evaluation: unknown } }>(
      'mutation($input: ChangeOrderInput!) { proposeChangeOrder(input: $input) { status orderId evaluation { tier requiredApprovals { rule message } } } }',
      { input: { newOrder: { customerId: customers[0]!.id, productId: product.id, quantity: 1, optionIds, unitPrice: '10000.00', dueDate: due.toISOString().slice(0, 10) } } },
    );
    expect(co.status, JSON.stringify(co.evaluation)).toBe('APPLIED');
    const { order } = await rep.data<{ order: { number: string; jobs: { start: string }[] } }>('query($id: ID!) { order(id: $id) { number jobs { start } } }', { id: co.orderId });
    const boardEnd = new Date(Date.parse(`${today}T00:00:00Z`) + 26 * 7 * 86_400_000).toISOString().slice(0, 10);
    expect(order.jobs.every((j) => j.start > boardEnd)).toBe(true);

    const errors: string[] = [];
    const page = await openPage(errors);
    await signInPage(page, 'rep@demo.test');
    await page.getByTestId('job-block').first().waitFor();
    expect(await page.locator(`[data-testid=job-block][data-order-number="${order.number}"]`).count()).toBe(0);
    await page.getByTestId('board').focus();
    await page.keyboard.press('/');
    await page.getByTestId('search-input').fill(order.number.toLowerCase());
    await page.getByTestId('search-result').filter({ hasText: order.number }).first().waitFor();
    expect(await page.getByTestId('search-result').first().textContent()).toContain(order.number);
    await page.keyboard.press('Enter');
    await page.locator('#order-panel-title', { hasText: order.number }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('the board drawn in week tiles', () => {
  it('draws a job that crosses into the next week once, clickable on either side, also after its first week is scrolled out of view', async () => {
    const errors: string[] = [];
    const page = await openPage(errors);
    await signInPage(page, 'ops@demo.test');
    await page.goto('/?weeks=26&zoom=day');
    await page.getByTestId('job-block').first().waitFor();

    // The block reaching furthest past a Monday: where its row's Monday bucket starts, it is in the next week's tile.
    const found = await page.evaluate(() => {
      let best: { id: string; code: string; start: string; monday: number; right: number; y: number } | null = null;
      for (const row of Array.from(document.querySelectorAll<HTMLElement>('[data-testid=wc-row]'))) {
        const mondays = Array.from(row.querySelectorAll<HTMLElement>('[data-testid=bucket]')).filter((b) => new Date(`${b.dataset.date}T00:00Z`).getUTCDay() === 1).map((b) => b.getBoundingClientRect().left);
        for (const el of Array.from(row.querySelectorAll<HTMLElement>('[data-testid=job-block]'))) {
          const r = el.getBoundingClientRect();
          const monday = mondays.find((m) => r.left < m && r.right > m + 4);
          if (monday !== undefined && (!best || r.right - monday > best.right - best.monday)) best = { id: el.dataset.jobId!, code: row.dataset.wcCode!, start: el.dataset.start!, monday, right: r.right, y: r.top + r.height / 2 };
        }
      }
      return best;
    });
    expect(found, 'a job crossing a week boundary on the demo board').not.toBeNull();
    const job = found!;
    const block = page.locator(`[data-testid=job-block][data-job-id="${job.id}"]`);
    const number = (await block.getAttribute('data-order-number'))!;
    expect(await block.count()).toBe(1);

    // Its part in the next week, over that week's tile, takes the click.
    await page.mouse.click(job.monday + 10, job.y);
    await page.locator('#order-panel-title', { hasText: number }).waitFor();
    expect(await block.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => block.getAttribute('aria-pressed')).toBe('false');

    // Scroll its first week out of the render window (past the overscan and to the window's next
    // step), the block still in view right of the work-center labels: the window's first tile draws it now.
    const board = page.getByTestId('board');
    const corner = (await board.getByText('Work center', { exact: true }).boundingBox())!;
    const daysLeft = corner.x + corner.width;
    const firstDay = page.locator(`[data-testid=wc-row][data-wc-code="${job.code}"] [data-testid=bucket][data-date="${job.start}"]`);
    let scrollBy = job.monday - daysLeft;
    for (;;) {
      await board.evaluate((el, left) => (el.scrollLeft = left), scrollBy);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      if ((await firstDay.count()) === 0) break;
      scrollBy += 32;
      expect(job.right - scrollBy, 'the block still in view once its first week has left the window').toBeGreaterThan(daysLeft + 20);
    }
    expect(await block.count()).toBe(1);

    const box = (await block.boundingBox())!;
    expect(box.x + box.width).toBeCloseTo(job.right - scrollBy, 0);
    await page.mouse.click(daysLeft + 10, box.y + box.height / 2);
    await page.locator('#order-panel-title', { hasText: number }).waitFor();
    expect(await block.getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
  });
});
