import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeBrowser, openContextPage, saveScreenshot, startBrowserTest, submitLogin } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';

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

    const rows = page.getByTestId('wc-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
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
