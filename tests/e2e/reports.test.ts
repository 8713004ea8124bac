import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { as } from '../support/api.ts';
import { closeBrowser, openContextPage, saveScreenshot, signInPage, startBrowserTest } from '../support/browser.ts';
import { decide, ok, propose, reject, type CO } from '../support/change-orders.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Change orders proposed by the scenario, by final status. */
const proposed: CO[] = [];
/** The plant's today, read once from the server. */
let today: string;

/** A fresh browser context that accepts downloads; uncaught page errors fail the test. */
async function openPage(errors: string[]): Promise<Page> {
  return openContextPage(browser, contexts, { baseURL: server.url, viewport: { width: 1440, height: 1000 }, acceptDownloads: true, errors });
}

/** RFC 4180 parsing (quoted fields, doubled quotes, CRLF), after the byte-order mark. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && src[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

/** The table as the page shows it: header labels and each cell's exported value. */
async function tableOnPage(page: Page, id: string): Promise<string[][]> {
  const table = page.getByTestId(`table-${id}`);
  const header = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-value') ?? ''));
  const body = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.filter((tr) => !tr.querySelector('.empty')).map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.getAttribute('data-value') ?? '')),
  );
  return [header, ...body];
}

async function downloadCsv(page: Page, id: string): Promise<{ name: string; rows: string[][]; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`csv-${id}`).click()]);
  const text = await readFile((await download.path())!, 'utf8');
  return { name: download.suggestedFilename(), rows: parseCsv(text), text };
}

beforeAll(async () => {
  [server, browser] = await startBrowserTest();

  // A morning of change orders on the demo plant: some applied at once, some approved, one
  // rejected, one infeasible, so the funnel has every stage.
  const rep = await as(server.url, 'SALES_REP');
  const ops = await as(server.url, 'OPS_MANAGER');
  const boss = await as(server.url, 'PLANT_MANAGER');
  const { plants } = await rep.data<{ plants: { today: string }[] }>('{ plants { today } }');
  today = plants[0]!.today;
  const to = new Date(Date.parse(`${today}T00:00:00Z`) + 55 * 86_400_000).toISOString().slice(0, 10);
  const { board } = await rep.data<{ board: { orders: { id: string; quantity: number; dueDate: string }[] } }>(
    'query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) { orders { id quantity dueDate } } }',
    { p: rep.plantId, f: today, t: to },
  );
  const orders = board.orders.filter((o) => o.dueDate > today).slice(0, 6);
  for (const [i, o] of orders.entries()) {
    const input = i === 5 ? { orderId: o.id, quantity: o.quantity * 20, dueDate: today } : { orderId: o.id, quantity: i % 2 ? o.quantity * 3 : o.quantity + 1 };
    let co = ok(await propose(rep, input)).proposeChangeOrder;
    if (co.status === 'PENDING' && i === 1) co = ok(await reject(co.approvals.some((a) => a.requiredRole === 'PLANT_MANAGER') ? boss : ops, co, 'No room this month')).rejectChangeOrder;
    else if (co.status === 'PENDING') {
      for (const approver of [ops, boss]) {
        const res = await decide(approver, 'approve', co);
        if (res.data) co = res.data.approveChangeOrder!;
      }
    }
    proposed.push(co);
  }
});

afterAll(async () => {
  await closeBrowser(browser, contexts);
  await server?.stop();
});

describe('Reports in the browser', () => {
  it('shows the ops manager the heat map and the funnel, and downloads CSVs whose rows match the tables', async () => {
    const errors: string[] = [];
    const page = await openPage(errors);
    await signInPage(page, 'ops@demo.test');
    await page.getByTestId('nav-reports').click();
    await page.waitForURL(/\/reports$/);

    // The heat map: one SVG cell per work center and week with capacity, and its table behind it.
    const heatmap = page.getByTestId('heatmap');
    await heatmap.locator('g[aria-label=cell]').waitFor();
    const utilization = await tableOnPage(page, 'utilization');
    // work center + 13 whole weeks (Monday to Sunday), this one first, whatever today's weekday
    expect(utilization[0]).toHaveLength(1 + 13);
    const monday = new Date(Date.parse(`${today}T00:00:00Z`) - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) * 86_400_000);
    expect(utilization[0]!.slice(1)).toEqual(Array.from({ length: 13 }, (_, i) => new Date(monday.getTime() + i * 7 * 86_400_000).toISOString().slice(0, 10)));
    expect(utilization.length - 1).toBeGreaterThanOrEqual(6); // the demo plant's work centers
    const withCapacity = utilization.slice(1).flatMap((r) => r.slice(1)).filter((v) => v !== '');
    expect(withCapacity.some((v) => Number(v) > 0.5)).toBe(true);
    expect(withCapacity.length).toBeGreaterThan(50);
    expect(await heatmap.locator('g[aria-label=cell] rect').count()).toBe(withCapacity.length);

    // The funnel counts what the scenario proposed.
    const funnel = page.getByTestId('funnel');
    await funnel.locator('g[aria-label=bar] rect').first().waitFor();
    const funnelRows = await tableOnPage(page, 'funnel');
    expect(funnelRows[0]).toEqual(['Step', 'Stage', 'Change orders', 'Share of proposed']);
    expect(funnelRows[1]!.slice(1, 3)).toEqual(['Proposed', String(proposed.length)]);
    // The funnel chart draws one bar per stage of the table.
    expect(await funnel.locator('g[aria-label=bar]').first().locator('rect').count()).toBe(funnelRows.filter((r) => r[0] === 'Funnel').length);
    const count = (label: string) => Number(funnelRows.find((r) => r[1] === label)![2]);
    expect(count('Infeasible')).toBe(proposed.filter((c) => c.status === 'INFEASIBLE').length);
    expect(count('Rejected')).toBe(proposed.filter((c) => c.status === 'REJECTED').length);
    expect(count('Applied') + count('Applied without approval')).toBe(proposed.filter((c) => c.status === 'APPLIED').length);

    // Downloads: the very rows of the tables, with a header, ISO dates and decimal money.
    const funnelCsv = await downloadCsv(page, 'funnel');
    expect(funnelCsv.name).toMatch(/^takt-funnel-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(funnelCsv.text.startsWith('\uFEFFStep,Stage,Change orders,Share of proposed\r\n')).toBe(true);
    expect(funnelCsv.rows).toEqual(funnelRows);

    const utilizationCsv = await downloadCsv(page, 'utilization');
    expect(utilizationCsv.rows).toEqual(utilization);
    expect(utilizationCsv.rows[0]!.slice(1).every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);

    const detail = await downloadCsv(page, 'capacity');
    expect(detail.rows).toEqual(await tableOnPage(page, 'capacity'));
    expect(detail.rows[0]).toEqual(['Work center', 'Period start', 'Capacity (h)', 'Overtime available (h)', 'Load (h)', 'Overtime used (h)', 'Utilization']);

    const summary = await downloadCsv(page, 'summary');
    expect(summary.rows).toEqual(await tableOnPage(page, 'summary'));
    const revenue = summary.rows[1]![summary.rows[0]!.indexOf('Revenue delta')];
    expect(revenue).toMatch(/^-?\d+\.\d{2}$/);

    for (const id of ['mix', 'rules', 'approvers', 'outcome-bands', 'overturned-rejections', 'lane-timing']) {
      const csv = await downloadCsv(page, id);
      expect(csv.rows, id).toEqual(await tableOnPage(page, id));
    }
    await page.getByTestId('outcome-suggestions').waitFor();
    expect((await tableOnPage(page, 'lane-timing')).slice(1).map((r) => r[0])).toContain('Capacity');
    const approvers = await tableOnPage(page, 'approvers');
    expect(approvers.slice(1).map((r) => r[1])).toContain('ops@demo.test');

    await saveScreenshot(page, 'reports', { fullPage: true });
    expect(errors).toEqual([]);
  });

  it('redraws by day when asked, and explains a range that is too long (submitted with Enter)', async () => {
    const errors: string[] = [];
    const page = await openPage(errors);
    await signInPage(page, 'ops@demo.test');
    await page.goto('/reports');
    await page.getByTestId('heatmap').locator('g[aria-label=cell]').waitFor();

    await page.getByTestId('capacity-granularity').selectOption('DAY');
    await expect.poll(async () => (await tableOnPage(page, 'utilization'))[0]!.length, { timeout: 15_000 }).toBe(1 + 91);

    await page.getByTestId('capacity-to').fill('2031-01-01');
    await page.getByTestId('capacity-to').press('Enter');
    const error = page.getByTestId('capacity-section').getByTestId('report-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/at most 731 days/);
    expect(errors).toEqual([]);
  });

  it('shows a sales rep capacity only', async () => {
    const errors: string[] = [];
    const page = await openPage(errors);
    await signInPage(page, 'rep@demo.test');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('heatmap').locator('g[aria-label=cell]').waitFor();
    await page.getByTestId('change-orders-restricted').waitFor();
    expect(await page.getByTestId('change-order-section').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
