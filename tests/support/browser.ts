import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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
