import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type TestServer } from './server.ts';

/** Where tests save screenshots (git-ignored). */
export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../artifacts');

/**
 * Debian's Chromium, headless. `scripts/ensure-chromium.ts` installs it before the suite runs;
 * a missing browser fails the test rather than skipping it.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Save a PNG of the page as `tests/artifacts/<name>.png` and return its path. */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const path = resolve(ARTIFACTS_DIR, `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}

/**
 * The server and Chromium a browser test file runs against, started together. The server serves
 * the built SPA; `pnpm check` builds it first, a bare `vitest` run may not, so say so at once.
 */
export async function startBrowserTest(): Promise<[TestServer, Browser]> {
  const index = resolve(import.meta.dirname, '../../client/dist/index.html');
  if (!existsSync(index)) throw new Error(`${index} is missing: run \`pnpm --filter @takt/client build\` first`);
  return Promise.all([startServer(), launchBrowser()]);
}

/**
 * A page in a fresh browser context (no cookies), added to `contexts` for closeBrowser. Uncaught
 * page errors are pushed to `errors` when given, so a test can assert there were none.
 */
export async function openContextPage(
  browser: Browser,
  contexts: BrowserContext[],
  options: { baseURL: string; viewport: { width: number; height: number }; acceptDownloads?: boolean; errors?: string[] },
): Promise<Page> {
  const { errors, ...contextOptions } = options;
  const context = await browser.newContext(contextOptions);
  contexts.push(context);
  const page = await context.newPage();
  if (errors) page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

/** Close every context a test file opened (one that already closed is fine), then the browser. */
export async function closeBrowser(browser: Browser | undefined, contexts: readonly BrowserContext[]): Promise<void> {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
}

/** Fill in the login form on the page showing it and submit; does not wait for the answer. */
export async function submitLogin(page: Page, email: string, password = 'demo'): Promise<void> {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Sign in through the login page (demo password unless given) and wait until the SPA has left it. */
export async function signInPage(page: Page, email: string, password = 'demo'): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
