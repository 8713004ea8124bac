import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { as, type ApiClient } from '../support/api.ts';
import { closeBrowser, openContextPage, saveScreenshot, signInPage, startBrowserTest } from '../support/browser.ts';
import { decide, getCo, ok, propose } from '../support/change-orders.ts';
import type { TestServer } from '../support/server.ts';
import { findManagerTierChanges } from '../support/demo-changes.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function signedInPage(email: string, errors: string[]): Promise<Page> {
  const page = await openContextPage(browser, contexts, { baseURL: server.url, viewport: { width: 1500, height: 1000 }, errors });
  await signInPage(page, email);
  return page;
}

const item = (page: Page, number: string) => page.locator(`[data-testid="inbox-item"][data-co-number="${number}"]`);

beforeAll(async () => {
  [server, browser] = await startBrowserTest();
});

afterAll(async () => {
  await closeBrowser(browser, contexts);
  await server?.stop();
});

describe('the inbox', () => {
  let rep: ApiClient;
  let changes: { orderId: string; quantity: number }[];

  beforeAll(async () => {
    rep = await as(server.url, 'SALES_REP');
    changes = await findManagerTierChanges(rep, 2);
  });

  it('shows the ops manager a pending change order with its evaluation, approved in place; a rejection with its reason reaches the rep, who escalates it to the plant manager, who approves it', async () => {
    const errors: string[] = [];
    const first = ok(await propose(rep, { orderId: changes[0]!.orderId, quantity: changes[0]!.quantity }, 'Customer wants more')).proposeChangeOrder;
    expect(first.status).toBe('PENDING');

    // ops@ sees it with its evaluation and approves it in place
    const ops = await signedInPage('ops@demo.test', errors);
    await ops.goto('/inbox');
    await item(ops, first.number).click();
    const detail = ops.getByTestId('inbox-detail');
    await detail.getByText(first.number, { exact: false }).first().waitFor();
    await detail.locator('[data-tier="MANAGER"]').first().waitFor();
    expect(await detail.getByTestId('required-approval').count()).toBeGreaterThanOrEqual(1);
    expect(await detail.getByTestId('required-approval').first().textContent()).toMatch(/Utilization above auto-approve.*limit 80/);
    expect(await detail.getByTestId('bucket-impact').count()).toBeGreaterThanOrEqual(1);
    expect(await detail.getByTestId('evaluation-money').textContent()).toMatch(/Price.*Cost.*Margin/s);
    expect(await detail.getByTestId('co-changes').textContent()).toContain(String(changes[0]!.quantity));

    // a second one arrives live while the inbox is open
    const second = ok(await propose(rep, { orderId: changes[1]!.orderId, quantity: changes[1]!.quantity }, 'Bigger batch')).proposeChangeOrder;
    await item(ops, second.number).waitFor({ timeout: 15_000 });
    await saveScreenshot(ops, 'inbox');

    await detail.getByTestId('co-approve').click();
    await detail.getByTestId('co-notice').filter({ hasText: /Approved/ }).waitFor();
    await item(ops, first.number).waitFor({ state: 'detached' });
    expect(ok(await getCo(rep, first.id)).changeOrder.status).toBe('APPLIED');

    // the second is rejected; the reason is required
    await item(ops, second.number).click();
    await detail.getByTestId('co-reject').click();
    await detail.getByTestId('co-reject-confirm').click();
    await detail.getByRole('alert').filter({ hasText: /Say why/ }).waitFor();
    const reason = 'Laser is booked solid for the Kessler rush; offer the later date';
    await detail.getByTestId('co-reject-text').fill(reason);
    await detail.getByTestId('co-reject-confirm').click();
    await detail.getByTestId('co-notice').filter({ hasText: /Rejected/ }).waitFor();
    expect(ok(await getCo(rep, second.id)).changeOrder.status).toBe('REJECTED');

    // the rep sees REJECTED with the reason and escalates it
    const repPage = await signedInPage('rep@demo.test', errors);
    await repPage.goto('/inbox');
    await item(repPage, second.number).click();
    const repDetail = repPage.getByTestId('inbox-detail');
    await repDetail.locator('[data-status="REJECTED"]').first().waitFor();
    expect(await repDetail.getByTestId('co-status-reason').textContent()).toContain(reason);
    await repDetail.getByTestId('co-escalate').click();
    await repDetail.getByTestId('co-escalate-text').fill('Strategic account; the plant manager should weigh the overtime');
    await repDetail.getByTestId('co-escalate-confirm').click();
    await repDetail.getByTestId('co-notice').filter({ hasText: /Escalated/ }).waitFor();
    expect(ok(await getCo(rep, second.id)).changeOrder.status).toBe('PENDING');

    // plant@ approves it from the inbox
    const plant = await signedInPage('plant@demo.test', errors);
    await plant.goto('/inbox');
    await item(plant, second.number).click();
    const plantDetail = plant.getByTestId('inbox-detail');
    await plantDetail.getByTestId('co-approve').click();
    await plantDetail.getByTestId('co-notice').filter({ hasText: /Approved/ }).waitFor();
    const done = ok(await getCo(rep, second.id)).changeOrder;
    expect(done.status).toBe('APPLIED');
    expect(done.history.map((h) => h.action)).toEqual(expect.arrayContaining(['REJECTED', 'ESCALATED', 'APPROVED', 'APPLIED']));

    // the rep's inbox follows live: the escalated proposal leaves "needs me"
    await repPage.locator(`[data-testid="inbox-item"][data-co-number="${second.number}"]`).waitFor({ state: 'detached', timeout: 15_000 });
    expect(errors).toEqual([]);
  });

  it('says so and shows the change order as it is now when someone else decided it first (CONFLICT)', async () => {
    const errors: string[] = [];
    const [change] = await findManagerTierChanges(rep, 1);
    const co = ok(await propose(rep, { orderId: change!.orderId, quantity: change!.quantity })).proposeChangeOrder;
    const ops = await signedInPage('ops@demo.test', errors);
    // no live updates on this page, so it still shows the version it loaded
    await ops.routeWebSocket(/\/graphql/, () => {});
    await ops.goto(`/inbox?co=${co.id}`);
    const detail = ops.getByTestId('inbox-detail');
    await detail.getByTestId('co-approve').waitFor();
    ok(await decide(await as(server.url, 'PLANT_MANAGER'), 'approve', co, 'Taking this one'));

    await detail.getByTestId('co-approve').click();
    const notice = detail.getByTestId('co-notice').filter({ hasText: /changed while you were looking/ });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/now applied/i);
    await detail.locator('[data-status="APPLIED"]').first().waitFor();
    expect(await detail.getByTestId('co-approve').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('counter-proposes a capable-to-promise date in one click, and the rep accepts it', async () => {
    const errors: string[] = [];
    const [change] = await findManagerTierChanges(rep, 1);
    const co = ok(await propose(rep, { orderId: change!.orderId, quantity: change!.quantity })).proposeChangeOrder;
    const ops = await signedInPage('ops@demo.test', errors);
    await ops.goto(`/inbox?co=${co.id}`);
    const detail = ops.getByTestId('inbox-detail');
    await detail.getByTestId('co-counter').click();
    const chip = detail.getByTestId('co-alt').first();
    const date = await chip.getAttribute('data-date');
    await chip.click();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await detail.getByTestId('co-counter-text').fill('We can do it without overtime a little later');
    await detail.getByTestId('co-counter-confirm').click();
    await detail.getByTestId('co-notice').filter({ hasText: /Counter-proposal sent/ }).waitFor();
    const countered = ok(await getCo(rep, co.id)).changeOrder;
    expect(countered.status).toBe('COUNTER_PROPOSED');
    expect(countered.counterProposal?.evaluation.terms.dueDate).toBe(date);

    const repPage = await signedInPage('rep@demo.test', errors);
    await repPage.goto(`/inbox?co=${co.id}`);
    const repDetail = repPage.getByTestId('inbox-detail');
    await repDetail.getByTestId('counter-offer').waitFor();
    await repDetail.getByTestId('co-accept').click();
    await repDetail.getByTestId('co-notice').filter({ hasText: /Answered/ }).waitFor();
    expect(['APPLIED', 'PENDING']).toContain(ok(await getCo(rep, co.id)).changeOrder.status);
    expect(errors).toEqual([]);
  });

  it('gives the rep back a pending change whose order someone else changed, with what it means now, to confirm on the new terms', async () => {
    const errors: string[] = [];
    const [change] = await findManagerTierChanges(rep, 1);
    const co = ok(await propose(rep, { orderId: change!.orderId, quantity: change!.quantity })).proposeChangeOrder;
    expect(co.status).toBe('PENDING');
    // The second rep changes the same order in a way that applies at once.
    const rep2 = await as(server.url, 'SALES_REP_2');
    const { order } = await rep2.data<{ order: { quantity: number; dueDate: string } }>('query($id: ID!) { order(id: $id) { quantity dueDate } }', { id: change!.orderId });
    const later = new Date(Date.parse(`${order.dueDate}T00:00:00Z`) + 21 * 86_400_000).toISOString().slice(0, 10);
    const options = [{ dueDate: later }, ...(order.quantity > 1 ? [{ quantity: order.quantity - 1 }] : []), { cancel: true }];
    let applied = false;
    for (const terms of options) {
      const preview = await rep2.data<{ previewChangeOrder: { tier: string; requiredApprovals: unknown[] } }>(
        'query($i: ChangeOrderInput!) { previewChangeOrder(input: $i) { tier requiredApprovals { lane } } }', { i: { orderId: change!.orderId, ...terms } });
      if (preview.previewChangeOrder.tier !== 'AUTO' || preview.previewChangeOrder.requiredApprovals.length) continue;
      applied = ok(await propose(rep2, { orderId: change!.orderId, ...terms })).proposeChangeOrder.status === 'APPLIED';
      break;
    }
    expect(applied, 'a change to the order that applies at once').toBe(true);
    expect(ok(await getCo(rep, co.id)).changeOrder.status).toBe('RETURNED');

    const repPage = await signedInPage('rep@demo.test', errors);
    await repPage.goto('/inbox');
    await item(repPage, co.number).waitFor();
    await repPage.goto(`/inbox?co=${co.id}`);
    const detail = repPage.getByTestId('inbox-detail');
    await detail.locator('[data-status="RETURNED"]').first().waitFor();
    expect(await detail.textContent()).toMatch(/changed before this was applied .*confirm it on the new terms or withdraw it/);
    await saveScreenshot(repPage, 'inbox-returned');
    await detail.getByTestId('co-confirm').click();
    await detail.getByTestId('co-notice').filter({ hasText: /Confirmed on the new terms/ }).waitFor();
    const confirmed = ok(await getCo(rep, co.id)).changeOrder;
    expect(['APPLIED', 'PENDING', 'INFEASIBLE']).toContain(confirmed.status);
    expect(confirmed.history.map((h) => h.action)).toContain('CONFIRMED');
    expect(errors).toEqual([]);
  });
});
