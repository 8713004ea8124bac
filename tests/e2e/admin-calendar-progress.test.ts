import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { as } from '../support/api.ts';
import { largePlantFiles, newPlantManager } from '../support/import-plant.ts';
import { expectAccessible } from '../support/axe.ts';
import { closeBrowser, openContextPage, saveScreenshot, signInPage, startBrowserTest } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(errors: string[]): Promise<Page> {
  return openContextPage(browser, contexts, { baseURL: server.url, viewport: { width: 1400, height: 1000 }, errors });
}

beforeAll(async () => {
  [server, browser] = await startBrowserTest();
});

afterAll(async () => {
  await closeBrowser(browser, contexts);
  await server?.stop();
});

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const monthsBetween = (a: string, b: string) => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
/** The next Tuesday after `date`: a regular working day of every demo work center. */
const nextTuesday = (date: string) => addDays(date, ((2 - new Date(`${date}T00:00:00Z`).getUTCDay() + 7) % 7) || 7);


describe('the calendar month view', () => {
  it('shows an exception on its day against the regular hours, and a day chosen (by click or keyboard) starts a new exception on it', async () => {
    const errors: string[] = [];
    const planner = await as(server.url, 'PLANNER');
    const { plants } = await planner.data<{ plants: { today: string }[] }>('{ plants { today } }');
    const today = plants[0]!.today;
    const shutdown = nextTuesday(addDays(today, 35));
    const { workCenters } = await planner.data<{ workCenters: { id: string; code: string; weeklyHours: number[] }[] }>(
      'query($p: ID!) { workCenters(plantId: $p) { id code weeklyHours } }', { p: planner.plantId });
    const tuesdayHours = workCenters.reduce((s, w) => s + w.weeklyHours[2]!, 0);
    expect(tuesdayHours).toBeGreaterThan(0);
    await planner.data('mutation($p: ID!, $d: Date!) { createCalendarException(plantId: $p, input: { dateFrom: $d, hours: 0, reason: "Annual shutdown" }) { id } }', { p: planner.plantId, d: shutdown });

    const page = await newPage(errors);
    await signInPage(page, 'planner@demo.test');
    await page.goto('/admin/calendar');
    await page.getByTestId('calendar-month').waitFor();
    for (let i = 0; i < monthsBetween(today, shutdown); i++) await page.getByTestId('month-next').click();

    // the shutdown's day: no hours of the plant's regular Tuesday, and why
    const day = page.locator(`[data-testid="month-day"][data-date="${shutdown}"]`);
    await expect.poll(() => day.getAttribute('data-hours')).toBe('0');
    expect(Number(await day.getAttribute('data-regular'))).toBe(tuesdayHours);
    expect(await day.getByTestId('month-day-reason').textContent()).toContain('Annual shutdown');
    // the day after runs its regular week
    const after = page.locator(`[data-testid="month-day"][data-date="${addDays(shutdown, 1)}"]`);
    expect(await after.getAttribute('data-hours')).toBe(await after.getAttribute('data-regular'));
    expect(await after.getByTestId('month-day-reason').count()).toBe(0);

    // one work center's view: a day clicked starts an exception for it on that date
    const laser = workCenters[0]!;
    await page.getByTestId('month-scope').selectOption(laser.id);
    const extra = addDays(shutdown, 1);
    await page.locator(`[data-testid="month-day"][data-date="${extra}"]`).click();
    expect(await page.getByTestId('exception-from').inputValue()).toBe(extra);
    expect(await page.getByTestId('exception-scope').inputValue()).toBe(laser.id);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('exception-hours');
    await page.getByTestId('exception-hours').fill(String(laser.weeklyHours[3]! + 4));
    await page.getByTestId('exception-reason').fill('Extra shift');
    await page.getByTestId('exception-add').click();
    const extraDay = page.locator(`[data-testid="month-day"][data-date="${extra}"]`);
    await expect.poll(() => extraDay.getAttribute('data-hours')).toBe(String(laser.weeklyHours[3]! + 4));
    expect(await extraDay.getAttribute('data-regular')).toBe(String(laser.weeklyHours[3]));
    expect(await extraDay.getByTestId('month-day-reason').textContent()).toContain('Extra shift');
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-calendar-month', { fullPage: true });

    // the keyboard: the chosen day holds the focus; arrows move it, Enter starts an exception there
    await extraDay.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('exception-from').inputValue()).toBe(addDays(extra, 6));
    // Page Down shows the next month with the same day of the month in focus
    const monthBefore = await page.getByTestId('month-title').textContent();
    await page.locator(`[data-testid="month-day"][data-date="${addDays(extra, 6)}"]`).focus();
    await page.keyboard.press('PageDown');
    await expect.poll(() => page.getByTestId('month-title').textContent()).not.toBe(monthBefore);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-date'));
    expect(monthsBetween(addDays(extra, 6), focused!)).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('import progress', () => {
  it('the import page shows the dry run of a large orders file advancing, orders placed counting up to the total', async () => {
    const errors: string[] = [];
    const manager = await newPlantManager(server.url, 'Progress Test Works', 'pm@progress-e2e.test');
    const files = largePlantFiles(manager.today, 4_000).map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: f.content }));
    const page = await newPage(errors);
    await signInPage(page, manager.email, manager.password);
    // the empty plant's calendar says what comes first
    await page.goto('/admin/calendar');
    await page.getByTestId('calendar-no-work-centers').waitFor();
    await page.goto('/admin/import');
    await page.getByTestId('import-files').setInputFiles(files);

    // every state the progress shows, as the page renders it
    await page.evaluate(() => {
      const seen: { phase: string | null; done: number; total: number }[] = [];
      (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
      const record = () => {
        const el = document.querySelector('[data-testid="import-progress"]');
        if (!el?.getAttribute('data-phase')) return;
        const last = seen.at(-1);
        const now = { phase: el.getAttribute('data-phase'), done: Number(el.getAttribute('data-done')), total: Number(el.getAttribute('data-total')) };
        if (!last || last.phase !== now.phase || last.done !== now.done) seen.push(now);
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-phase', 'data-done'] });
    });
    await page.getByTestId('import-dry-run').click();
    await page.locator('[data-testid="import-progress"][data-phase="PLACING"]').waitFor({ timeout: 90_000 });
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-import-progress');
    await page.getByTestId('import-impact').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('import-orders-placed').textContent()).toBe('4000');
    expect(await page.getByTestId('import-progress').count()).toBe(0);

    const seen = await page.evaluate(() => (window as unknown as { progressSeen: { phase: string; done: number; total: number }[] }).progressSeen);
    // the files go up first (a small file may be sent before the page shows it), then the import's steps
    const phases = ['UPLOADING', 'READING', 'CHECKING', 'WRITING', 'PLACING', 'SAVING'];
    const order = seen.map((s) => phases.indexOf(s.phase));
    expect(order.every((p) => p >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const placing = seen.filter((s) => s.phase === 'PLACING');
    expect(placing.every((s) => s.total === 4_000)).toBe(true);
    const done = placing.map((s) => s.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    // it advanced: the page showed orders placed part-way, more than once
    expect(new Set(done.filter((d) => d > 0 && d < 4_000)).size).toBeGreaterThan(1);
    expect(errors).toEqual([]);
  });
});
