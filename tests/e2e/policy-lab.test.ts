import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { as } from '../support/api.ts';
import { closeBrowser, openContextPage, saveScreenshot, signInPage, startBrowserTest } from '../support/browser.ts';
import { ok, propose } from '../support/change-orders.ts';
import { findManagerTierChanges } from '../support/demo-changes.ts';
import type { TestServer } from '../support/server.ts';

// The policy lab in the policy editor (docs/product.md §4.4, §9.6): a draft's history comparison
// while editing, the changed change orders one click away, and the comparison kept with the
// version it was published as.

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

describe('the policy lab', () => {
  it('shows an ops manager what a higher auto-approve limit would have done, opens a changed change order, and publishes the draft with its comparison', async () => {
    const rep = await as(server.url, 'SALES_REP');
    const [change] = await findManagerTierChanges(rep, 1);
    const co = ok(await propose(rep, { orderId: change!.orderId, quantity: change!.quantity })).proposeChangeOrder;
    expect(co.tier).toBe('MANAGER');

    const errors: string[] = [];
    const page = await openContextPage(browser, contexts, { baseURL: server.url, viewport: { width: 1500, height: 1100 }, errors });
    await signInPage(page, 'ops@demo.test');
    await page.goto('/policy');
    const draft = async () => {
      await page.getByTestId('policy-autoApproveMaxUtilization').fill('100');
      await page.getByTestId('policy-lab').getByTestId(`replay-changed-${co.number}`).waitFor();
    };
    await draft();

    // Counts side by side: under the draft fewer changes wait for the ops manager.
    const lab = page.getByTestId('policy-lab');
    const manager = lab.getByTestId('replay-row-manager');
    const now = Number(await manager.getByTestId('replay-current').textContent());
    const then = Number(await manager.getByTestId('replay-draft').textContent());
    expect(now).toBeGreaterThanOrEqual(1);
    expect(then).toBeLessThan(now);
    await saveScreenshot(page, 'policy-lab-draft', { fullPage: true });

    // The changed change order is one click away.
    await lab.getByTestId(`replay-changed-${co.number}`).click();
    await page.waitForURL(`**/change-orders/${co.id}`);
    await page.getByText(co.number).first().waitFor();
    await page.goBack();
    await draft();

    await page.getByTestId('policy-reason').fill('Let full buckets through without the ops manager');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-message').filter({ hasText: /Saved as version 2/ }).waitFor();

    // The version history shows the comparison that was published.
    const published = page.getByTestId('policy-published-replay');
    await published.getByText('What v2 was published with').waitFor();
    await published.getByTestId(`replay-changed-${co.number}`).waitFor();
    expect(Number(await published.getByTestId('replay-row-manager').getByTestId('replay-draft').textContent())).toBe(then);
    await saveScreenshot(page, 'policy-lab-published', { fullPage: true });
    expect(errors).toEqual([]);
  });
});
