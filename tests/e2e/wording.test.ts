import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { as } from '../support/api.ts';
import { closeBrowser, openContextPage, signInPage, startBrowserTest } from '../support/browser.ts';
import { decide, ok, propose } from '../support/change-orders.ts';
import { findManagerTierChanges } from '../support/demo-changes.ts';
import type { TestServer } from '../support/server.ts';

/**
 * Wording for people, not machines (docs/product.md §9): what a person reads names people, says
 * dates as they say them, never shows an enum, says what currency money is in, and colours a
 * day's load the same on the board, the wall and the reports.
 */
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let applied: { id: string; number: string };
let pending: { id: string; number: string };

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const ENUM = /\b(?:tier (?:AUTO|MANAGER|OVERTIME|INFEASIBLE)|CAPACITY_MANAGER|OPS_MANAGER|PLANT_MANAGER|SALES_REP|flagged vs)\b/;

async function newPage(errors: string[], viewport = { width: 1600, height: 1000 }): Promise<Page> {
  return openContextPage(browser, contexts, { baseURL: server.url, viewport, errors });
}

/** What a person reads in `where`: its rendered text, without inputs' values. */
const visibleText = (where: Locator) => where.evaluate((el) => (el as HTMLElement).innerText);

function expectReadable(text: string, where: string): void {
  expect(text, `${where} shows an ISO date`).not.toMatch(ISO_DATE);
  expect(text, `${where} shows an email address`).not.toMatch(EMAIL);
  expect(text, `${where} shows an internal label`).not.toMatch(ENUM);
}

beforeAll(async () => {
  [server, browser] = await startBrowserTest();
  const rep = await as(server.url, 'SALES_REP');
  const ops = await as(server.url, 'OPS_MANAGER');
  const [first, second] = await findManagerTierChanges(rep, 2);
  const a = ok(await propose(rep, { orderId: first!.orderId, quantity: first!.quantity }, 'Kestrel asks for more')).proposeChangeOrder;
  const approved = ok(await decide(ops, 'approve', a)).approveChangeOrder!;
  applied = { id: approved.id, number: approved.number };
  const b = ok(await propose(rep, { orderId: second!.orderId, quantity: second!.quantity }, 'Second lot for Kestrel')).proposeChangeOrder;
  pending = { id: b.id, number: b.number };
});

afterAll(async () => {
  await closeBrowser(browser, contexts);
  await server?.stop();
});

describe('wording for people', () => {
  it('names people and says dates in words on the change-order page, the bell, the inbox and the audit trail', async () => {
    const errors: string[] = [];
    const rep = await newPage(errors);
    await signInPage(rep, 'rep@demo.test');
    await rep.goto(`/change-orders/${applied.id}`);
    const page = rep.getByTestId('change-order-page');
    await page.getByText('Omar Haddad').first().waitFor();
    expectReadable(await visibleText(page), 'the change-order page');

    // the rep's bell: the approval by the ops manager, by name
    await rep.getByTestId('notification-bell').click();
    const told = rep.locator('#notification-panel li').filter({ hasText: applied.number }).first();
    await told.waitFor();
    expect(await visibleText(told)).toContain('Omar Haddad approved');
    expectReadable(await visibleText(rep.locator('#notification-panel')), 'the notifications');

    // the ops manager's inbox and bell: the pending change's facts in words
    const ops = await newPage(errors);
    await signInPage(ops, 'ops@demo.test');
    await ops.goto('/inbox');
    await ops.locator('[data-testid="inbox-item"]').filter({ hasText: pending.number }).first().waitFor();
    expectReadable(await visibleText(ops.locator('main')), 'the inbox');
    await ops.getByTestId('notification-bell').click();
    const ask = ops.locator('#notification-panel li').filter({ hasText: pending.number }).first();
    await ask.waitFor();
    expect(await visibleText(ask)).toContain('Rita Reyes proposed');
    expectReadable(await visibleText(ops.locator('#notification-panel')), 'the ops manager\'s notifications');

    // the audit trail
    const boss = await newPage(errors);
    await signInPage(boss, 'plant@demo.test');
    await boss.goto('/audit');
    await boss.getByTestId('audit-event').first().waitFor();
    expectReadable(await visibleText(boss.getByTestId('audit-timeline')), 'the audit trail');
    expect(errors).toEqual([]);
  });

  it('says the plant\'s currency beside the policy\'s cost limit, in the editor and read-only', async () => {
    const errors: string[] = [];
    const boss = await newPage(errors);
    await signInPage(boss, 'plant@demo.test');
    await boss.goto('/policy');
    await expect.poll(() => boss.getByTestId('policy-unit-costIncreaseLimit').textContent()).toBe('EUR');

    const accounting = await newPage(errors);
    await signInPage(accounting, 'accounting@demo.test');
    await accounting.goto('/policy');
    await expect.poll(() => accounting.getByTestId('policy-costIncreaseLimit').textContent()).toMatch(/^€[\d,]+\.\d\d$/);
    expect(errors).toEqual([]);
  });
});

describe('one utilization scale', () => {
  it('colours the same utilization level the same on the board, the wall and the reports', async () => {
    const errors: string[] = [];
    const admin = await as(server.url, 'ADMIN');
    const { plants } = await admin.data<{ plants: { id: string }[] }>('{ plants { id } }');
    const { policy } = await admin.data<{ policy: { autoApproveMaxUtilization: number; managerMaxUtilization: number } }>(
      'query($p: ID!) { policy(plantId: $p) { autoApproveMaxUtilization managerMaxUtilization } }', { p: plants[0]!.id });
    const { createAccessToken } = await admin.data<{ createAccessToken: { secret: string } }>(
      'mutation { createAccessToken(kind: DISPLAY, name: "Wording wall") { secret } }');

    // level → colour on each screen, as the browser paints it
    const board = await newPage(errors);
    await signInPage(board, 'plant@demo.test');
    await board.goto('/');
    await board.locator('[data-testid="bucket"].ok').first().waitFor();
    const onBoard = await board.locator('[data-testid="bucket"]').evaluateAll((els) => {
      const out: Record<string, string> = {};
      for (const el of els) {
        const level = ['ok', 'high', 'over'].find((l) => el.classList.contains(l));
        if (level && !out[level]) out[level] = getComputedStyle(el, '::after').backgroundColor;
      }
      return out;
    });

    const wall = await newPage(errors, { width: 1920, height: 1080 });
    await wall.goto(`/wall?token=${encodeURIComponent(createAccessToken.secret)}`);
    await wall.locator('[data-testid="wall"][data-state="live"]').waitFor();
    await wall.locator('[data-testid="wall-cell"].ok').first().waitFor();
    const onWall = await wall.getByTestId('wall-cell').evaluateAll((els) => {
      const out: Record<string, string> = {};
      for (const el of els) {
        const level = ['ok', 'high', 'over'].find((l) => el.classList.contains(l));
        if (level && !out[level]) out[level] = getComputedStyle(el).backgroundColor;
      }
      return out;
    });

    await board.goto('/reports');
    const cells = board.getByTestId('heatmap').locator('g[aria-label=cell] rect');
    await cells.first().waitFor();
    // The heat map's legend says which colour is which level, in the board's words; its cells use those colours.
    const swatches = await board.getByTestId('heatmap').locator('[class$="-swatch"]').evaluateAll((els) =>
      els.map((el) => ({ label: (el as HTMLElement).innerText.trim(), fill: getComputedStyle(el.querySelector('svg')!).fill })));
    const auto = Math.round(policy.autoApproveMaxUtilization * 100);
    const manager = Math.round(policy.managerMaxUtilization * 100);
    const labelOf: Record<string, string> = { ok: `Up to ${auto} %`, high: `Up to ${manager} %`, over: `Over ${manager} %` };
    const inReports: Record<string, string> = {};
    for (const level of ['ok', 'high', 'over']) {
      const swatch = swatches.find((w) => w.label === labelOf[level]);
      if (swatch) inReports[level] = swatch.fill;
    }
    const painted = new Set(await cells.evaluateAll((els) => els.map((el) => getComputedStyle(el).fill)));
    expect([...painted].every((fill) => swatches.some((w) => w.fill === fill)), JSON.stringify({ painted: [...painted], swatches })).toBe(true);

    expect(onBoard.ok).toBeDefined();
    for (const level of ['ok', 'high', 'over']) {
      const seen = [onBoard[level], onWall[level], inReports[level]].filter((c) => c !== undefined);
      expect(new Set(seen).size, `${level}: board ${onBoard[level]}, wall ${onWall[level]}, reports ${inReports[level]}`).toBeLessThanOrEqual(1);
    }
    // at least one level is seen on the board and on each other screen: the comparison compared something
    expect(Object.keys(onWall).filter((l) => onBoard[l]), JSON.stringify(onWall)).not.toEqual([]);
    expect(Object.keys(inReports).filter((l) => onBoard[l]), JSON.stringify(swatches)).not.toEqual([]);
    expect(errors).toEqual([]);
  });
});
