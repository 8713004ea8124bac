import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { as } from '../support/api.ts';
import { seriousViolations } from '../support/axe.ts';
import { closeBrowser, openContextPage, saveScreenshot, signInPage, startBrowserTest } from '../support/browser.ts';
import { ok, propose } from '../support/change-orders.ts';
import { findManagerTierChanges } from '../support/demo-changes.ts';
import type { TestServer } from '../support/server.ts';

/**
 * Screens read at a glance (docs/product.md §9): the board's labels, cell numbers, filters and
 * colours with its state in the URL; the wall at 1920×1080 from five metres; the audit trail.
 */
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let pending: { id: string; number: string; orderId: string };

async function newPage(errors: string[], viewport = { width: 1600, height: 1000 }): Promise<Page> {
  return openContextPage(browser, contexts, { baseURL: server.url, viewport, errors, acceptDownloads: true });
}

const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

beforeAll(async () => {
  [server, browser] = await startBrowserTest();
  // A change waiting for the ops manager: a ghost, an order with a pending change, audit entries.
  const rep = await as(server.url, 'SALES_REP');
  const [change] = await findManagerTierChanges(rep, 1);
  const co = ok(await propose(rep, { orderId: change!.orderId, quantity: change!.quantity }, 'Kestrel asks for more')).proposeChangeOrder;
  pending = { id: co.id, number: co.number, orderId: co.orderId };
});

afterAll(async () => {
  await closeBrowser(browser, contexts);
  await server?.stop();
});

describe('the board at a glance', () => {
  it('labels blocks by their width, numbers day cells, filters and colours, and keeps all of it in the URL', async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await signInPage(page, 'rep@demo.test');
    await page.goto('/?weeks=2');
    await page.getByTestId('job-block').first().waitFor();
    expect(query(page).weeks).toBe('2');

    // Labels: the full number where it fits, its last digits where that fits, never something else.
    const labels = await page.getByTestId('job-block').evaluateAll((els) =>
      els.map((el) => ({ number: el.getAttribute('data-order-number') ?? '', text: (el.textContent ?? '').trim() || (el.getAttribute('data-short') ?? ''), width: el.getBoundingClientRect().width })));
    expect(labels.filter((l) => l.text).length).toBeGreaterThan(labels.length / 2);
    for (const l of labels) {
      if (l.width >= 52) expect(l.text).toBe(l.number);
      else if (l.text) expect(l.number.endsWith(l.text)).toBe(true);
    }

    // Day cells say their load: percent, then hours of capacity.
    const cellTexts = () => page.locator('[data-testid="bucket"]:not(.off)').evaluateAll((els) => els.map((el) => el.textContent ?? ''));
    expect((await cellTexts()).filter((t) => /^\d+%$/.test(t)).length).toBeGreaterThan(10);
    await page.getByTestId('board-cell-numbers').selectOption('hours');
    await expect.poll(async () => (await cellTexts()).filter((t) => /^\d+(\.\d)?\/\d+(\.\d)?$/.test(t)).length).toBeGreaterThan(10);
    await expect.poll(() => query(page).cells).toBe('hours');

    // Filter: orders with a pending change stay; every other block recedes (over the default six weeks).
    await page.getByTestId('weeks-select').selectOption('6');
    await expect.poll(() => query(page).weeks).toBeUndefined();
    await page.getByTestId('board-filter').selectOption('pending');
    await expect.poll(() => query(page).show).toBe('pending');
    await page.getByTestId('job-block').first().waitFor();
    await page.getByTestId('board-filter-count').filter({ hasText: /^\d+ of \d+ orders match/ }).waitFor();
    const ops = await as(server.url, 'OPS_MANAGER');
    const open = await ops.data<{ changeOrders: { nodes: { order: { number: string } | null }[] } }>(
      '{ changeOrders(filter: { status: [PENDING, COUNTER_PROPOSED] }, first: 100) { nodes { order { number } } } }',
    );
    const pendingNumbers = new Set(open.changeOrders.nodes.flatMap((co) => (co.order ? [co.order.number] : [])));
    const states = await page.getByTestId('job-block').evaluateAll((els) =>
      els.map((el) => ({ number: el.getAttribute('data-order-number') ?? '', dimmed: el.classList.contains('dimmed') })));
    expect(states.some((b) => !b.dimmed)).toBe(true);
    expect(states.some((b) => b.dimmed)).toBe(true);
    for (const b of states) expect(b.dimmed, b.number).toBe(!pendingNumbers.has(b.number));

    // Colour by customer; a work center alone.
    await page.getByTestId('board-filter').selectOption('all');
    await page.getByTestId('board-color-by').selectOption('customer');
    await expect.poll(() => page.locator('[data-testid="job-block"][class*="cc-"]').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-testid="job-block"][class*="cc-"]').evaluateAll((els) => new Set(els.map((el) => String(el.className).split(' ').find((c: string) => c.startsWith('cc-')))).size)).toBeGreaterThan(1);
    await saveScreenshot(page, 'board-day-labels-colours');
    const wcId = await page.getByTestId('board-work-center').locator('option').nth(1).getAttribute('value');
    await page.getByTestId('board-work-center').selectOption(wcId!);
    await expect.poll(() => page.getByTestId('wc-row').count()).toBe(1);
    expect(query(page)).toMatchObject({ color: 'customer', wc: wcId, cells: 'hours' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('board-work-center').selectOption('');
    await expect.poll(() => page.getByTestId('wc-row').count()).toBeGreaterThan(1);

    // Opening an order is a step in history: back closes it, forward reopens it, a reload keeps it.
    const block = page.locator('[data-testid="job-block"]').first();
    const orderNumber = await block.getAttribute('data-order-number');
    await block.click();
    await page.getByTestId('order-panel').waitFor();
    await expect.poll(() => query(page).order).toBeTruthy();
    const orderId = query(page).order;
    await page.goBack();
    await page.getByTestId('order-panel').waitFor({ state: 'detached' });
    expect(query(page).order).toBeUndefined();
    await page.goForward();
    await page.getByTestId('order-panel').waitFor();
    expect(query(page).order).toBe(orderId);
    await page.reload();
    await page.getByTestId('order-panel').waitFor();
    expect(await page.locator('#order-panel-title').textContent()).toContain(orderNumber);
    expect(await page.getByTestId('board-color-by').inputValue()).toBe('customer');
    expect(await page.getByTestId('board-cell-numbers').inputValue()).toBe('hours');
    expect(errors).toEqual([]);
  });

  it('opens a shared link to a change order on its ghost, and the week zoom with colours by order status', async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await signInPage(page, 'ops@demo.test');
    await page.goto(`/?co=${pending.id}`);
    await page.getByTestId('ghost-popover').waitFor();
    expect(await page.getByTestId('ghost-popover').textContent()).toContain(pending.number);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('ghost-popover').waitFor({ state: 'detached' });
    await expect.poll(() => query(page).co).toBeUndefined();

    await page.goto('/?zoom=week&weeks=13&color=status&show=pending');
    await page.locator('[data-testid="board"][data-zoom="week"]').waitFor();
    await page.getByTestId('job-block').first().waitFor();
    expect(await page.getByTestId('board-filter').inputValue()).toBe('pending');
    await expect.poll(() => page.locator('[data-testid="job-block"][class*="cs-"]').count()).toBeGreaterThan(0);
    // Week zoom has no numbers in its cells: a week's bar stays a bar.
    expect(await page.locator('[data-testid="bucket"]').evaluateAll((els) => els.every((el) => (el.textContent ?? '') === ''))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'board-week-filtered');
    expect(errors).toEqual([]);
  });
});

describe('the wall from five metres', () => {
  it('shows no text under 28 px at 1920×1080, a today marker and what runs today', async () => {
    const admin = await as(server.url, 'ADMIN');
    const { createAccessToken } = await admin.data<{ createAccessToken: { secret: string } }>(
      'mutation { createAccessToken(kind: DISPLAY, name: "Glance wall") { secret } }',
    );
    const errors: string[] = [];
    const wall = await newPage(errors, { width: 1920, height: 1080 });
    await wall.goto(`/wall?token=${encodeURIComponent(createAccessToken.secret)}`);
    await wall.locator('[data-testid="wall"][data-state="live"]').waitFor();
    await wall.locator(`[data-testid="wall-queue-item"][data-co-number="${pending.number}"]`).waitFor();
    // the wall leaves out days without capacity: on a weekend or a plant holiday today has no
    // column to mark and nothing runs (the suite runs on any weekday)
    const planner = await as(server.url, 'PLANNER');
    const { plants } = await planner.data<{ plants: { id: string; today: string }[] }>('{ plants { id today } }');
    const { board } = await planner.data<{ board: { buckets: { capacityHours: number }[] } }>(
      'query($p: ID!, $d: Date!) { board(plantId: $p, from: $d, to: $d) { buckets { capacityHours } } }', { p: plants[0]!.id, d: plants[0]!.today });
    if (board.buckets.some((b) => b.capacityHours > 0)) {
      await wall.getByTestId('wall-today').waitFor();
      expect(await wall.locator('[data-testid="wall-cell"].today').count()).toBe(await wall.getByTestId('wall-row').count());
      const running = await wall.getByTestId('wall-running-row').count();
      expect(running).toBe(await wall.getByTestId('wall-row').count());
    } else {
      expect(await wall.getByTestId('wall-today').count()).toBe(0);
      expect(await wall.locator('[data-testid="wall-cell"].today').count()).toBe(0);
    }
    expect(await wall.getByTestId('wall-zone').textContent()).toMatch(/plant time \(\S+\/\S+\)/);

    const sizes = await wall.evaluate(() => {
      const found: { text: string; size: number }[] = [];
      const walker = document.createTreeWalker(document.querySelector('[data-testid="wall"]')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const el = node.parentElement;
        if (!text || !el) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        const style = getComputedStyle(el);
        const visible = box.width > 1 && box.height > 1 && box.top < innerHeight && box.bottom > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0;
        if (visible) found.push({ text, size: parseFloat(style.fontSize) });
      }
      return found;
    });
    expect(sizes.length).toBeGreaterThan(50);
    const smallest = Math.min(...sizes.map((s) => s.size));
    expect(sizes.filter((s) => s.size < 28)).toEqual([]);
    expect(smallest).toBeGreaterThanOrEqual(28);
    expect(await seriousViolations(wall)).toEqual([]);
    await saveScreenshot(wall, 'wall-1920x1080');
    expect(errors).toEqual([]);
  });
});

describe('the audit trail', () => {
  it('lists newest first with CO numbers that link, filters in the URL, the snapshot one click away and a CSV export', async () => {
    const errors: string[] = [];
    const page = await newPage(errors);
    await signInPage(page, 'ops@demo.test');
    await page.goto('/audit');
    await page.getByTestId('audit-event').first().waitFor();
    const times = await page.locator('[data-testid="audit-event"] time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort().reverse()).toEqual(times);
    expect(await page.getByTestId('audit-entity').allTextContents()).not.toContainEqual(expect.stringMatching(/ChangeOrder [0-9a-f]{8}/));

    // Words find the change order; its entry links to it and to its order on the board.
    await page.getByTestId('audit-search').fill(pending.number);
    await expect.poll(() => query(page).q).toBe(pending.number);
    await expect.poll(async () => new Set(await page.getByTestId('audit-entity').allTextContents())).toEqual(new Set([pending.number]));
    expect(await page.getByTestId('audit-entity').first().getAttribute('href')).toBe(`/change-orders/${pending.id}`);
    expect(await page.getByTestId('audit-order').first().getAttribute('href')).toBe(`/?order=${pending.orderId}`);

    await page.getByTestId('audit-snapshot-toggle').first().click();
    await page.getByTestId('audit-snapshot').getByTestId('evaluation').waitFor();
    await saveScreenshot(page, 'audit');
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^When \(plant time\),At \(UTC\),Entity,Order,Customer,Action/);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes(pending.number))).toBe(true);

    // A rule that fired on nothing here empties the list; the URL carries it for a reload.
    await page.getByTestId('audit-rule').selectOption('MIN_MARGIN');
    await expect.poll(() => query(page).rule).toBe('MIN_MARGIN');
    await page.reload();
    expect(await page.getByTestId('audit-rule').inputValue()).toBe('MIN_MARGIN');
    expect(await page.getByTestId('audit-search').inputValue()).toBe(pending.number);
    expect(errors).toEqual([]);
  });
});
