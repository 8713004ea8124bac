import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ApiClient, as } from '../support/api.ts';
import { newPlantManager } from '../support/import-plant.ts';
import { expectAccessible } from '../support/axe.ts';
import { closeBrowser, openContextPage, saveScreenshot, signInPage, startBrowserTest } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(errors: string[]): Promise<Page> {
  return openContextPage(browser, contexts, { baseURL: server.url, viewport: { width: 1500, height: 1000 }, acceptDownloads: true, errors });
}

beforeAll(async () => {
  [server, browser] = await startBrowserTest();
});

afterAll(async () => {
  await closeBrowser(browser, contexts);
  await server?.stop();
});

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const csv = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });


/** Opens a one-time set-password link in a fresh browser, sets the password and signs in with it. */
async function acceptInvitation(url: string, email: string, password: string, errors: string[]): Promise<Page> {
  const page = await newPage(errors);
  const link = new URL(url);
  await page.goto(`${link.pathname}${link.search}`);
  await page.getByTestId('set-password-new').fill(password);
  await page.getByTestId('set-password-repeat').fill(password);
  await expectAccessible(page);
  await page.getByTestId('set-password-submit').click();
  await page.getByTestId('set-password-done').waitFor();
  await signInPage(page, email, password);
  return page;
}

describe('bringing your own plant through the admin UI', () => {
  it('an admin creates a plant, its admin adds a work center and imports orders (a bad row is shown, fixed and committed); the plant rep sees them live', async () => {
    const errors: string[] = [];
    // Dates follow the server's clock (the suite may run it at a fixed day).
    const { plants } = await (await as(server.url, 'ADMIN')).data<{ plants: { today: string }[] }>('{ plants { today } }');
    const due = addDays(plants[0]!.today, 24);

    // the demo admin creates the plant and its first admin, and gets a one-time set-password link
    const root = await newPage(errors);
    await signInPage(root, 'admin@demo.test');
    await root.getByTestId('nav-setup').click();
    await root.getByTestId('nav-plants').click();
    await root.getByTestId('plant-name').fill('Brightwater Test Works');
    await root.getByTestId('plant-time-zone').fill('America/Chicago');
    await root.getByTestId('plant-create').click();
    await root.locator('[data-testid="plant-row"][data-plant-name="Brightwater Test Works"]').waitFor();
    await root.getByTestId('first-admin-email').fill('maria@brightwater.test');
    await root.getByTestId('first-admin-name').fill('Maria Santos');
    await root.getByTestId('first-admin-create').click();
    const adminLink = (await root.getByTestId('set-password-url').textContent())!.trim();
    await expectAccessible(root);
    await saveScreenshot(root, 'admin-plants');

    // the new plant's admin signs in to it: an empty plant that says what to do first
    const admin = await acceptInvitation(adminLink, 'maria@brightwater.test', 'brightwater-first-admin', errors);
    await admin.getByTestId('nav-setup').click();
    await admin.getByTestId('wc-empty').waitFor();
    await admin.getByTestId('wc-code').fill('MILL');
    await admin.getByTestId('wc-name').fill('5-axis milling');
    await admin.getByTestId('wc-hours-sat').fill('4');
    await admin.getByTestId('wc-overtime').fill('2');
    await admin.getByTestId('wc-rate').fill('110.00');
    await admin.getByTestId('wc-save').click();
    const mill = admin.locator('[data-testid="wc-row"][data-wc-code="MILL"]');
    await mill.waitFor();
    expect(await mill.locator('td.n').allTextContents()).toEqual(['8', '8', '8', '8', '8', '4', '0', '2', '110.00', '0.00']);
    await expectAccessible(admin);
    await saveScreenshot(admin, 'admin-work-centers');

    // ... and invites a sales rep, who opens the (still empty) board of the new plant
    await admin.getByTestId('nav-users').click();
    await admin.getByTestId('user-email').fill('sam@brightwater.test');
    await admin.getByTestId('user-name').fill('Sam Rep');
    await admin.getByTestId('user-role-select').selectOption('SALES_REP');
    await admin.getByTestId('user-create').click();
    const repLink = (await admin.getByTestId('set-password-url').textContent())!.trim();
    await admin.locator('[data-testid="user-row"][data-email="sam@brightwater.test"]').waitFor();
    await expectAccessible(admin);
    const rep = await acceptInvitation(repLink, 'sam@brightwater.test', 'brightwater-sales-rep', errors);
    await rep.locator('[data-wc-code="MILL"]').first().waitFor();
    await rep.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
    expect(await rep.getByTestId('job-block').count()).toBe(0);

    // the admin uploads the files; one order names a product the plant does not make
    const master = [
      csv('customers.csv', ['code,name,tier,contact', 'C-1,Prairie Hydraulics,STRATEGIC,buyer@prairie.test']),
      csv('products.csv', ['sku,name,material_cost_per_unit,list_price,min_lead_time_days,active', 'BRK-100,Mounting bracket,12.00,60.00,3,true']),
      csv('routing_steps.csv', ['sku,step,work_center_code,setup_hours,hours_per_unit', 'BRK-100,1,MILL,0.5,0.2']),
    ];
    const orders = (badSku: string) =>
      csv('orders.csv', ['number,customer_code,sku,quantity,options,due_date,unit_price,completed_steps', `NP-1001,C-1,BRK-100,20,,${due},,0`, `NP-1002,C-1,${badSku},10,,${due},,0`]);
    await admin.getByTestId('nav-import').click();
    await admin.getByTestId('import-files').setInputFiles([...master, orders('BRK-999')]);
    await admin.getByTestId('import-dry-run').click();
    const error = admin.getByTestId('import-error');
    await error.first().waitFor();
    expect(await error.count()).toBe(1);
    const cells = await error.locator('td').allTextContents();
    expect(cells.slice(0, 4)).toEqual(['orders.csv', '3', 'sku', 'BRK-999']);
    expect(await admin.getByTestId('import-commit').isDisabled()).toBe(true);
    const [errorFile] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('import-errors-download').click()]);
    expect(errorFile.suggestedFilename()).toBe('import-errors.csv');
    expect(await readFile((await errorFile.path())!, 'utf8')).toMatch(/^file,row,column,value,reason\r?\norders\.csv,3,sku,BRK-999,/);
    await expectAccessible(admin);
    await saveScreenshot(admin, 'admin-import-errors', { fullPage: true });

    // fixed, the dry run is clean and shows the schedule impact; commit writes it
    await admin.getByTestId('import-files').setInputFiles([...master, orders('BRK-100')]);
    await admin.getByTestId('import-dry-run').click();
    await admin.getByTestId('import-impact').waitFor();
    expect(await admin.getByTestId('import-error').count()).toBe(0);
    expect(await admin.getByTestId('import-orders-placed').textContent()).toBe('2');
    expect(await admin.locator('[data-testid="import-count"][data-entity="orders"] td').first().textContent()).toBe('2');
    await expectAccessible(admin);
    await saveScreenshot(admin, 'admin-import-preview', { fullPage: true });

    // someone changes the plant's capacity between the dry run and the commit: the commit refuses
    const colleague = new ApiClient(server.url);
    const { login } = (await colleague.login('maria@brightwater.test', 'brightwater-first-admin')).data!;
    await colleague.data('mutation($p: ID!) { createCalendarException(plantId: $p, input: { dateFrom: "' + addDays(due, 30) + '", hours: 0, reason: "Inventory" }) { id } }', { p: login.plantId });
    await admin.getByTestId('import-commit').click();
    await admin.getByTestId('import-conflict').waitFor();
    expect(await admin.getByTestId('import-commit').count()).toBe(0);

    // a new dry run, then the commit writes it
    await admin.getByTestId('import-dry-run').click();
    await admin.getByTestId('import-impact').waitFor();
    await admin.getByTestId('import-commit').click();
    await admin.getByTestId('import-committed').waitFor();

    // the rep's open board shows the new orders without a reload
    await rep.locator('[data-testid="job-block"][data-order-number="NP-1001"]').first().waitFor({ timeout: 20_000 });
    await rep.locator('[data-testid="job-block"][data-order-number="NP-1002"]').first().waitFor({ timeout: 20_000 });
    await saveScreenshot(rep, 'admin-import-rep-board');

    // the imported master data is on its pages: the product's routing in its editor, the customer, the calendar
    await admin.getByTestId('nav-products').click();
    const bracket = admin.locator('[data-testid="product-row"][data-sku="BRK-100"]');
    await bracket.waitFor();
    expect(await bracket.locator('td').nth(1).textContent()).toBe('MILL');
    await bracket.getByRole('button', { name: 'Change' }).click();
    await admin.getByTestId('routing-step').first().waitFor();
    expect(await admin.getByTestId('step-hours').first().inputValue()).toBe('0.2');
    await admin.getByTestId('option-add').click();
    await expectAccessible(admin);
    await saveScreenshot(admin, 'admin-products', { fullPage: true });
    await admin.getByTestId('nav-customers').click();
    await admin.locator('[data-testid="customer-row"][data-code="C-1"]').waitFor();
    await expectAccessible(admin);
    await admin.getByTestId('nav-calendar').click();
    await admin.getByTestId('exception-row').waitFor(); // the colleague's
    await admin.getByTestId('exception-from').fill(addDays(plants[0]!.today, 60));
    await admin.getByTestId('exception-reason').fill('Stocktake');
    await admin.getByTestId('exception-add').click();
    await expect.poll(() => admin.getByTestId('exception-row').count()).toBe(2);
    await expectAccessible(admin);
    expect(errors).toEqual([]);
  });

  it('an admin gives an integration an API token with the masterdata:write scope, which may import, exports the plant as a workbook and adds a webhook', async () => {
    const errors: string[] = [];
    const admin = await newPage(errors);
    await signInPage(admin, 'admin@demo.test');
    await admin.goto('/admin/api-tokens');
    await admin.getByTestId('api-token-name').fill('ERP order push');
    await admin.getByTestId('api-token-scope-masterdata:write').check();
    await admin.getByTestId('api-token-create').click();
    const secret = (await admin.getByTestId('api-token-secret-value').textContent())!.trim();
    const row = admin.locator('[data-testid="api-token-row"][data-token-name="ERP order push"]');
    await row.waitFor();
    expect(await row.locator('td').nth(1).textContent()).toBe('masterdata:write');
    await expectAccessible(admin);
    await saveScreenshot(admin, 'admin-api-tokens');

    // the integration's dry run with that token is allowed and previews the file
    const { plantId } = await as(server.url, 'ADMIN');
    const content = Buffer.from('code,name,tier,contact\nC-ERP-1,Pushed Customer,STANDARD,\n').toString('base64');
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({
        query: 'mutation($p: ID!, $f: [ImportFileInput!]!) { importPlantData(plantId: $p, files: $f, mode: DRY_RUN) { counts { entity created } } }',
        variables: { p: plantId, f: [{ name: 'customers.csv', content }] },
      }),
    });
    const body = (await res.json()) as { data?: { importPlantData: { counts: { entity: string; created: number }[] } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data!.importPlantData.counts).toEqual([{ entity: 'customers', created: 1 }]);

    // the plant's export, the template for an import
    await admin.getByTestId('nav-import').click();
    const [workbook] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('import-export-xlsx').click()]);
    expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await readFile((await workbook.path())!)).subarray(0, 2).toString()).toBe('PK');

    await admin.getByTestId('nav-webhooks').click();
    await admin.getByTestId('webhook-url').fill('http://127.0.0.1:9/takt-hook');
    await admin.getByTestId('webhook-events').fill('change_order.approved');
    await admin.getByTestId('webhook-create').click();
    await admin.getByTestId('webhook-secret').waitFor();
    await admin.getByTestId('webhook-row').waitFor();
    await expectAccessible(admin);
    expect(errors).toEqual([]);
  });
});

describe('files larger than a GraphQL request', () => {
  it('a plant manager imports a customers file over 256 KiB through an upload, and is told at once that a file over 20 MB cannot be imported', { timeout: 240_000 }, async () => {
    const errors: string[] = [];
    const manager = await newPlantManager(server.url, 'Upload Test Works', 'pm@upload-e2e.test');
    const page = await newPage(errors);
    await signInPage(page, manager.email, manager.password);
    await page.goto('/admin/import');

    // a file over the limit: named with its size before anything is sent, and no dry run
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/uploads')) uploads.push(r.method());
    });
    // from disk: the browser reads a path itself, a buffer would cross the protocol as base64
    const large = join(await mkdtemp(join(tmpdir(), 'takt-upload-')), 'orders.csv');
    await writeFile(large, Buffer.alloc(21 * 1024 * 1024, 'a'));
    await page.getByTestId('import-files').setInputFiles(large);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/orders\.csv has 21\.0 MB; at most 20 MB per file/);
    expect(await page.getByTestId('import-dry-run').isDisabled()).toBe(true);
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-import-too-large');

    // 3,000 customers with their contacts: more than a GraphQL request carries
    const customers = csv('customers.csv', ['code,name,tier,contact',
      ...Array.from({ length: 3_000 }, (_, i) => `C-${String(i + 1).padStart(5, '0')},Customer number ${i + 1} of the region,STANDARD,purchasing.department.${i + 1}@customer-${i + 1}.example.test`)]);
    expect(customers.buffer.length).toBeGreaterThan(256 * 1024);
    await page.getByTestId('import-files').setInputFiles([customers]);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByTestId('import-dry-run').click();
    const created = page.locator('[data-testid="import-count"][data-entity="customers"] td').first();
    await expect.poll(() => created.textContent(), { timeout: 90_000 }).toBe('3000');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-committed').waitFor({ timeout: 90_000 });
    // uploaded once: the dry run and the commit named it by id
    expect(uploads).toEqual(['POST']);
    const { customers: stored } = await manager.client.data<{ customers: { code: string }[] }>('query($p: ID!) { customers(plantId: $p) { code } }', { p: manager.plantId });
    expect(stored).toHaveLength(3_000);
    expect(errors).toEqual([]);
  });
});

describe('orders after go-live through the import page', () => {
  it('a plant manager imports a raised quantity into the live demo plant: the page lists the change order with its tier, and the inbox and the change-order page say where it came from', async () => {
    const errors: string[] = [];
    // an order whose tripled quantity the rules send for approval
    const rep = await as(server.url, 'SALES_REP');
    const { orders } = await rep.data<{ orders: { nodes: { id: string; number: string; quantity: number; dueDate: string; unitPrice: number; customer: { code: string }; product: { sku: string }; options: { attribute: string; value: string }[] }[] } }>(
      `query($p: ID!) { orders(plantId: $p, first: 30, filter: { status: [CONFIRMED] }) { nodes { id number quantity dueDate unitPrice customer { code } product { sku } options { attribute value } } } }`, { p: rep.plantId });
    let pick: (typeof orders.nodes)[number] | null = null;
    for (const o of orders.nodes) {
      const { previewChangeOrder: p } = await rep.data<{ previewChangeOrder: { tier: string; requiredApprovals: unknown[] } }>(
        'query($i: ChangeOrderInput!) { previewChangeOrder(input: $i) { tier requiredApprovals { lane } } }', { i: { orderId: o.id, quantity: o.quantity * 3 } });
      if (p.tier !== 'INFEASIBLE' && p.requiredApprovals.length > 0) {
        pick = o;
        break;
      }
    }
    expect(pick).not.toBeNull();
    const o = pick!;
    const options = o.options.map((x) => `${x.attribute}=${x.value}`).join(';');
    const file = csv('orders.csv', ['number,customer_code,sku,quantity,options,due_date,unit_price,completed_steps', `${o.number},${o.customer.code},${o.product.sku},${o.quantity * 3},${options},${o.dueDate},,`]);

    const page = await newPage(errors);
    await signInPage(page, 'plant@demo.test');
    await page.goto('/admin/import');
    await page.getByTestId('import-files').setInputFiles([file]);
    await page.getByTestId('import-dry-run').click();
    const row = page.getByTestId('import-change-order');
    await row.waitFor();
    expect((await row.locator('td').allTextContents()).slice(0, 3)).toEqual(['2', o.number, 'Quantity']);
    expect(await row.locator('td').nth(4).textContent()).toMatch(/^waits for /);
    await expectAccessible(page);
    await saveScreenshot(page, 'admin-import-change-orders', { fullPage: true });
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-committed').waitFor();
    const number = (await page.getByTestId('import-change-order').locator('td').nth(1).textContent())!.split(' · ')[1]!;
    expect(number).toMatch(/^CO-\d+$/);

    // the importer's inbox lists it among their proposals, with where it came from
    await page.getByTestId('nav-inbox').click();
    const item = page.locator(`[data-testid="inbox-item"][data-co-number="${number}"]`);
    await item.waitFor();
    expect(await item.getByTestId('inbox-origin').textContent()).toBe('Import, orders.csv row 2');
    await item.click();
    await expect.poll(() => page.getByTestId('inbox-detail').getByTestId('co-origin').textContent()).toBe('From Import, orders.csv row 2');
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });
});
