/**
 * The scoped-rule editor of the policy page (docs/product.md §4.3, §9.6): an ops manager adds a
 * rule for a work center and one for a customer tier, sees a repeated scope refused while
 * editing, saves with a reason, and the version comparison lists the rules; a rep reads them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { as } from '../support/api.ts';
import { seriousViolations } from '../support/axe.ts';
import { closeBrowser, openContextPage, saveScreenshot, signInPage, startBrowserTest } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

async function openPolicy(email: string): Promise<Page> {
  const page = await openContextPage(browser, contexts, { baseURL: server.url, viewport: { width: 1600, height: 1000 }, errors });
  await signInPage(page, email);
  await page.goto('/policy');
  await page.getByTestId('scoped-rules').waitFor();
  return page;
}

beforeAll(async () => {
  [server, browser] = await startBrowserTest();
});
afterAll(async () => {
  await closeBrowser(browser, contexts);
  await server?.stop();
});

describe('the scoped-rule editor', () => {
  it('adds a work-center rule and a customer-tier rule, refuses a repeated scope, saves them as a version and shows them in the comparison', async () => {
    const ops = await as(server.url, 'OPS_MANAGER');
    const { workCenters } = await ops.data<{ workCenters: { id: string; code: string }[] }>('query($p: ID!) { workCenters(plantId: $p) { id code } }', { p: ops.plantId });
    const bottleneck = workCenters[0]!;
    const page = await openPolicy('ops@demo.test');
    const versionBefore = Number((await page.getByTestId('policy-version').textContent())!.replace(/\D/g, ''));

    await page.getByTestId('scoped-add').click();
    const first = page.getByTestId('scoped-rule-0');
    await first.getByTestId('scoped-wc').selectOption(bottleneck.id);
    await first.getByTestId('scoped-auto').fill('70');

    await page.getByTestId('scoped-add').click();
    const second = page.getByTestId('scoped-rule-1');
    await second.getByTestId('scoped-wc').selectOption(bottleneck.id);
    await page.getByTestId('scoped-problem').filter({ hasText: /same scope/ }).waitFor();
    expect(await page.getByTestId('policy-save').isDisabled()).toBe(true);

    await second.getByTestId('scoped-wc').selectOption('');
    await second.getByTestId('scoped-tier').selectOption('STRATEGIC');
    await second.getByTestId('scoped-auto').fill('90');
    await page.getByTestId('scoped-problem').waitFor({ state: 'detached' });
    expect(await seriousViolations(page, 'main')).toEqual([]);
    await saveScreenshot(page, 'policy-scoped-rules');

    await page.getByTestId('policy-reason').fill(`${bottleneck.code} is the bottleneck; strategic customers may fill further`);
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-message').filter({ hasText: `Saved as version ${versionBefore + 1}` }).waitFor();

    const diff = page.getByTestId('policy-diff');
    await diff.locator('tr', { hasText: `Rule for ${bottleneck.code}` }).filter({ hasText: 'auto 70 %' }).waitFor();
    await diff.locator('tr', { hasText: 'Rule for strategic customers' }).filter({ hasText: 'auto 90 %' }).waitFor();

    const { policy } = await ops.data<{ policy: { scopedRules: { autoApproveMaxUtilization: number; scope: { label: string } }[] } }>(
      'query($p: ID!) { policy(plantId: $p) { scopedRules { autoApproveMaxUtilization scope { label } } } }', { p: ops.plantId });
    expect(policy.scopedRules).toEqual([
      { autoApproveMaxUtilization: 0.7, scope: { label: bottleneck.code } },
      { autoApproveMaxUtilization: 0.9, scope: { label: 'strategic customers' } },
    ]);

    // A rep reads them; removing one is a new version again.
    const rep = await openPolicy('rep@demo.test');
    await rep.getByTestId('scoped-rule').filter({ hasText: 'strategic customers' }).waitFor();
    expect(await rep.getByTestId('scoped-add').count()).toBe(0);

    await page.getByTestId('scoped-rule-1').getByTestId('scoped-remove').click();
    await page.getByTestId('policy-reason').fill('one rule is enough');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-message').filter({ hasText: `Saved as version ${versionBefore + 2}` }).waitFor();
    await page.getByTestId('policy-diff').locator('tr', { hasText: 'Rule for strategic customers' }).filter({ hasText: 'none' }).waitFor();
    expect(errors).toEqual([]);
  });
});
