import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { as } from '../support/api.ts';
import { seriousViolations } from '../support/axe.ts';
import { closeBrowser, openContextPage, saveScreenshot, signInPage, startBrowserTest } from '../support/browser.ts';
import { escalate, getCo, ok, propose, reject } from '../support/change-orders.ts';
import { findManagerTierChanges } from '../support/demo-changes.ts';
import type { TestServer } from '../support/server.ts';

// Disputes with the data attached (docs/product.md §5.5), as the plant manager settles one.

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await startBrowserTest();
});

afterAll(async () => {
  await closeBrowser(browser, contexts);
  await server?.stop();
});

describe('the dispute panel', () => {
  it('shows the plant manager an escalated change with its competing orders and customer history; the approval records what was on screen', async () => {
    const errors: string[] = [];
    const rep = await as(server.url, 'SALES_REP');
    const [change] = await findManagerTierChanges(rep, 1);
    const co = ok(await propose(rep, { orderId: change!.orderId, quantity: change!.quantity }, 'Customer wants more')).proposeChangeOrder;
    const rejected = ok(await reject(await as(server.url, 'OPS_MANAGER'), co, 'The line is full that week')).rejectChangeOrder;
    const escalated = ok(await escalate(rep, rejected, 'Strategic account; weigh it')).escalateChangeOrder;
    expect(escalated.status).toBe('PENDING');

    const page = await openContextPage(browser, contexts, { baseURL: server.url, viewport: { width: 1500, height: 1000 }, errors });
    await signInPage(page, 'plant@demo.test');
    await page.goto(`/change-orders/${co.id}`);
    const panel = page.getByTestId('dispute-panel');
    await panel.waitFor();
    // the demo plant's raised buckets are shared with other orders
    await panel.getByTestId('dispute-competing').locator('tbody tr').first().waitFor();
    expect(await panel.getByTestId('dispute-customer').textContent()).toMatch(/\d+ orders, \d+ at risk now\. Other change orders in 90 days: \d+ proposed/);
    expect(await panel.getByTestId('dispute-margin').textContent()).toMatch(/→/);
    expect((await seriousViolations(page, '[data-testid="dispute-panel"]')).map((v) => v.id)).toEqual([]);
    await saveScreenshot(page, 'dispute');

    await page.getByTestId('co-approve').click();
    const seen = page.getByTestId('audit-dispute-seen');
    await seen.first().waitFor({ timeout: 15_000 });
    expect(await seen.first().textContent()).toMatch(/buckets, competing orders, customer history, margin, similar decisions/);
    const done = ok(await getCo(rep, co.id)).changeOrder;
    expect(done.status).toBe('APPLIED');
    expect(errors).toEqual([]);
  });
});
