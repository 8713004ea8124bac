import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { as } from '../support/api.ts';
import { seriousViolations } from '../support/axe.ts';
import { closeBrowser, openContextPage, signInPage, startBrowserTest } from '../support/browser.ts';
import { ok, propose } from '../support/change-orders.ts';
import { findManagerTierChanges } from '../support/demo-changes.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(viewport = { width: 1500, height: 1000 }): Promise<Page> {
  return openContextPage(browser, contexts, { baseURL: server.url, viewport });
}

beforeAll(async () => {
  [server, browser] = await startBrowserTest();
});

afterAll(async () => {
  await closeBrowser(browser, contexts);
  await server?.stop();
});

describe('accessibility (axe-core: no serious or critical violation)', () => {
  it('on the board and the order panel', async () => {
    const page = await newPage();
    await signInPage(page, 'ops@demo.test');
    await page.getByTestId('board').waitFor();
    await page.getByTestId('job-block').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('job-block').first().click();
    await page.getByTestId('order-panel').waitFor();
    await page.waitForTimeout(400); // let the selection's colour transition finish before measuring contrast
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the inbox with a change order open, its reject form and the change-order page', async () => {
    const rep = await as(server.url, 'SALES_REP');
    const [change] = await findManagerTierChanges(rep, 1);
    const co = ok(await propose(rep, { orderId: change!.orderId, quantity: change!.quantity })).proposeChangeOrder;
    const page = await newPage();
    await signInPage(page, 'ops@demo.test');
    await page.goto(`/inbox?co=${co.id}`);
    await page.getByTestId('evaluation').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('co-reject').click();
    await page.getByTestId('co-reject-text').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`/change-orders/${co.id}`);
    await page.getByTestId('audit-timeline').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the policy editor and the audit trail', async () => {
    const page = await newPage();
    await signInPage(page, 'plant@demo.test');
    await page.goto('/policy');
    await page.getByTestId('policy-history').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto('/audit');
    await page.getByTestId('audit-timeline').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on the wall screen', async () => {
    const admin = await as(server.url, 'ADMIN');
    const { createAccessToken } = await admin.data<{ createAccessToken: { secret: string } }>(
      'mutation { createAccessToken(kind: DISPLAY, name: "a11y wall") { secret } }',
    );
    const page = await newPage({ width: 1920, height: 1080 });
    await page.goto(`/wall?token=${encodeURIComponent(createAccessToken.secret)}`);
    await page.getByTestId('wall-heatmap').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
