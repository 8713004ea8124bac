import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';
import { as, code, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { bearer, createToken } from '../support/security.ts';

/**
 * Orders after go-live (docs/import.md): the demo plant has orders, so it is live, and an order
 * row pushed by an ERP (an `orders:write` API token) or imported by a signed-in user becomes a
 * change order proposed through the board's command — evaluated and routed by the rules, its
 * origin recorded and shown — and a retried push with the same idempotency key does nothing.
 */

let server: TestServer;
let admin: ApiClient & { plantId: string };
let rep: ApiClient;
let manager: ApiClient;
let erp: { id: string; secret: string };

const HEADER = 'number,customer_code,sku,quantity,options,due_date,unit_price,completed_steps';

interface OrderRow { number: string; customer: string; sku: string; quantity: number; options: string; dueDate: string; unitPrice: string }

const csv = (rows: OrderRow[]) => [{
  name: 'orders.csv',
  content: Buffer.from(`${HEADER}\n${rows.map((r) => [r.number, r.customer, r.sku, r.quantity, r.options, r.dueDate, r.unitPrice, ''].join(',')).join('\n')}\n`).toString('base64'),
}];

const PUSH = `mutation($p: ID!, $f: [ImportFileInput!]!, $m: ImportMode!, $k: String) { importPlantData(plantId: $p, files: $f, mode: $m, idempotencyKey: $k) {
  applied counts { entity created updated unchanged rejected } errors { row column value reason }
  changeOrders { file row orderNumber kinds tier status waitsFor changeOrderId changeOrderNumber } } }`;

interface Pushed {
  importPlantData: {
    applied: boolean;
    counts: { entity: string; created: number; updated: number; unchanged: number; rejected: number }[];
    errors: { row: number; column: string; reason: string }[];
    changeOrders: { file: string; row: number; orderNumber: string; kinds: string[]; tier: string; status: string; waitsFor: string[]; changeOrderId: string | null; changeOrderNumber: string | null }[];
  };
}

const PREVIEW = 'query($i: ChangeOrderInput!) { previewChangeOrder(input: $i) { tier kinds requiredApprovals { lane role } } }';
type Preview = { previewChangeOrder: { tier: string; kinds: string[]; requiredApprovals: { lane: string; role: string }[] } };

const CHANGE_ORDER = `query($id: ID!) { changeOrder(id: $id) { number status tier kinds proposer { email }
  origin { source tokenName batch file row orderNumber label } approvals { lane requiredRole status } } }`;

/** The demo plant's open orders as order rows, with their ids (from its export). */
async function openOrders(): Promise<(OrderRow & { id: string; version: number })[]> {
  return sql(server.databaseUrl, `select o.id, o.version, o.number, c.code as customer, p.sku, o.quantity, o.due_date::text as "dueDate",
      (o.unit_price_cents / 100.0)::numeric(12,2)::text as "unitPrice",
      coalesce((select string_agg(po.attribute || '=' || po.value, ';' order by po.attribute) from product_option po where po.id = any(o.option_ids)), '') as options
    from sales_order o join customer c on c.id = o.customer_id join product p on p.id = o.product_id
    where o.plant_id = $1 and o.status = 'CONFIRMED' order by o.number`, [admin.plantId]);
}

const eventSeq = async () => (await sql<{ event_seq: string }>(server.databaseUrl, 'select event_seq from plant where id = $1', [admin.plantId]))[0]!.event_seq;
const changeOrderCount = async () => (await sql<{ n: number }>(server.databaseUrl, 'select count(*)::int as n from change_order where plant_id = $1', [admin.plantId]))[0]!.n;
const approvalsOf = (p: Preview['previewChangeOrder']) => p.requiredApprovals.map((a) => `${a.lane}: ${a.role}`).sort();

beforeAll(async () => {
  server = await startServer();
  admin = await as(server.url, 'ADMIN');
  rep = await as(server.url, 'SALES_REP');
  manager = await as(server.url, 'PLANT_MANAGER');
  erp = await createToken(admin, 'API', 'ERP orders', ['orders:write']);
});
afterAll(async () => {
  await server?.stop();
});

describe('an ERP pushing orders after go-live', () => {
  let raised: OrderRow & { id: string };
  let first: Pushed;

  it('turns a raised quantity into a change order routed by the rules, with its origin; a retry with the same key does nothing', async () => {
    // an order whose raise the rules send for approval (the board's preview says which lanes)
    let preview: Preview['previewChangeOrder'] | null = null;
    for (const o of (await openOrders()).slice(0, 30)) {
      const p = (await rep.data<Preview>(PREVIEW, { i: { orderId: o.id, quantity: o.quantity * 3 } })).previewChangeOrder;
      if (p.tier !== 'INFEASIBLE' && p.requiredApprovals.length > 0) {
        raised = { ...o, quantity: o.quantity * 3 };
        preview = p;
        break;
      }
    }
    expect(preview, 'no demo order whose tripled quantity needs an approval').not.toBeNull();

    // the dry run predicts it, and records nothing
    const before = { seq: await eventSeq(), changeOrders: await changeOrderCount() };
    const dry = await bearer<Pushed>(server.url, erp.secret, PUSH, { p: admin.plantId, f: csv([raised]), m: 'DRY_RUN' });
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.importPlantData).toMatchObject({ applied: false, errors: [], counts: [{ entity: 'orders', updated: 1, created: 0, unchanged: 0 }] });
    expect(dry.data!.importPlantData.changeOrders).toEqual([{
      file: 'orders.csv', row: 2, orderNumber: raised.number, kinds: ['QUANTITY'], tier: preview!.tier, status: 'PENDING',
      waitsFor: approvalsOf(preview!), changeOrderId: null, changeOrderNumber: null,
    }]);
    expect({ seq: await eventSeq(), changeOrders: await changeOrderCount() }).toEqual(before);

    // the push proposes it: pending in the lanes the rules name, nothing applied yet
    const push = await bearer<Pushed>(server.url, erp.secret, PUSH, { p: admin.plantId, f: csv([raised]), m: 'COMMIT', k: 'erp-orders-0001' });
    expect(push.errors).toBeUndefined();
    first = push.data!;
    expect(first.importPlantData).toMatchObject({ applied: true, errors: [], changeOrders: [{ orderNumber: raised.number, tier: preview!.tier, status: 'PENDING', waitsFor: approvalsOf(preview!) }] });
    const id = first.importPlantData.changeOrders[0]!.changeOrderId!;
    const co = (await manager.data<{ changeOrder: Record<string, unknown> & { approvals: { lane: string; requiredRole: string; status: string }[] } }>(CHANGE_ORDER, { id })).changeOrder;
    expect(co).toMatchObject({
      number: first.importPlantData.changeOrders[0]!.changeOrderNumber, status: 'PENDING', tier: preview!.tier, kinds: ['QUANTITY'],
      proposer: { email: 'admin@demo.test' }, // the admin who created the token stands as its proposer
      origin: { source: 'INTEGRATION', tokenName: 'ERP orders', batch: 'erp-orders-0001', file: 'orders.csv', row: 2, orderNumber: raised.number,
        label: 'Integration "ERP orders", batch erp-orders-0001, orders.csv row 2' },
    });
    expect(co.approvals.map((a) => `${a.lane}: ${a.requiredRole}`).sort()).toEqual(approvalsOf(preview!));
    expect((await sql(server.databaseUrl, 'select quantity from sales_order where id = $1', [raised.id]))[0]).toEqual({ quantity: raised.quantity / 3 });
    // an approver finds it in the inbox with its origin
    const approver = preview!.requiredApprovals[0]!.role === 'PLANT_MANAGER' ? manager : await as(server.url, preview!.requiredApprovals[0]!.role as 'OPS_MANAGER');
    const inbox = await approver.data<{ approvalInbox: { id: string; origin: { label: string } | null }[] }>('{ approvalInbox { id origin { label } } }');
    expect(inbox.approvalInbox.find((c) => c.id === id)?.origin?.label).toContain('Integration "ERP orders"');

    // the retry: the first outcome, and nothing written
    const seq = await eventSeq();
    const count = await changeOrderCount();
    const retry = await bearer<Pushed>(server.url, erp.secret, PUSH, { p: admin.plantId, f: csv([raised]), m: 'COMMIT', k: 'erp-orders-0001' });
    expect(retry.data).toEqual(first);
    expect({ seq: await eventSeq(), count: await changeOrderCount() }).toEqual({ seq, count });
  });

  it('writes nothing for an unchanged row, nor for a row the open change order already asks for', async () => {
    const [unchanged] = (await openOrders()).filter((o) => o.number !== raised.number);
    const seq = await eventSeq();
    const count = await changeOrderCount();
    const push = await bearer<Pushed>(server.url, erp.secret, PUSH, { p: admin.plantId, f: csv([unchanged!, raised]), m: 'COMMIT', k: 'erp-orders-0002' });
    expect(push.errors).toBeUndefined();
    expect(push.data!.importPlantData).toMatchObject({ applied: true, errors: [], changeOrders: [], counts: [{ entity: 'orders', created: 0, updated: 0, unchanged: 2 }] });
    expect({ seq: await eventSeq(), count: await changeOrderCount() }).toEqual({ seq, count });
  });

  it('turns a new order row into a NEW_ORDER change order that, once applied, carries the ERP\'s number', async () => {
    const [template] = await openOrders();
    const { plants } = await admin.data<{ plants: { today: string }[] }>('{ plants { today } }');
    const due = new Date(Date.parse(`${plants[0]!.today}T00:00:00Z`) + 150 * 86_400_000).toISOString().slice(0, 10);
    const row = { ...template!, number: 'ERP-77001', quantity: 1, options: '', dueDate: due, unitPrice: '' };
    const preview = (await rep.data<Preview>(PREVIEW, { i: { newOrder: { customerId: (await sql<{ id: string }>(server.databaseUrl, 'select id from customer where plant_id = $1 and code = $2', [admin.plantId, row.customer]))[0]!.id,
      productId: (await sql<{ id: string }>(server.databaseUrl, 'select id from product where plant_id = $1 and sku = $2', [admin.plantId, row.sku]))[0]!.id, quantity: 1, dueDate: due } } })).previewChangeOrder;
    const push = await bearer<Pushed>(server.url, erp.secret, PUSH, { p: admin.plantId, f: csv([row]), m: 'COMMIT', k: 'erp-orders-0003' });
    expect(push.errors).toBeUndefined();
    const [proposed] = push.data!.importPlantData.changeOrders;
    expect(push.data!.importPlantData.counts).toEqual([{ entity: 'orders', created: 1, updated: 0, unchanged: 0, rejected: 0 }]);
    expect(proposed).toMatchObject({ orderNumber: 'ERP-77001', kinds: ['NEW_ORDER'], tier: preview.tier, waitsFor: approvalsOf(preview) });
    expect(proposed!.status).toBe(preview.requiredApprovals.length === 0 ? 'APPLIED' : 'PENDING');
    if (proposed!.status === 'APPLIED') {
      expect(await sql(server.databaseUrl, 'select quantity, due_date::text as due from sales_order where plant_id = $1 and number = $2', [admin.plantId, 'ERP-77001'])).toEqual([{ quantity: 1, due }]);
    }
    // pushed again, the row asks for nothing new
    const again = await bearer<Pushed>(server.url, erp.secret, PUSH, { p: admin.plantId, f: csv([row]), m: 'COMMIT', k: 'erp-orders-0004' });
    expect(again.data!.importPlantData).toMatchObject({ changeOrders: [], counts: [{ entity: 'orders', created: 0, updated: 0, unchanged: 1 }] });
  });

  it('refuses a push without the orders:write scope, and master data with it', async () => {
    const [o] = await openOrders();
    const changed = { ...o!, quantity: o!.quantity + 1 };
    const reader = await createToken(admin, 'API', 'BI reader', ['reports:read']);
    const masterData = await createToken(admin, 'API', 'PIM', ['masterdata:write']);
    expect(code(await bearer(server.url, reader.secret, PUSH, { p: admin.plantId, f: csv([changed]), m: 'COMMIT', k: 'x-1' }))).toBe('FORBIDDEN');
    const md = await bearer(server.url, masterData.secret, PUSH, { p: admin.plantId, f: csv([changed]), m: 'DRY_RUN' });
    expect(code(md)).toBe('FORBIDDEN');
    expect(md.errors![0]!.message).toContain('orders:write');
    const customers = [{ name: 'customers.csv', content: Buffer.from('code,name,tier,contact\nERP-9,Pushed,STANDARD,\n').toString('base64') }];
    expect(code(await bearer(server.url, erp.secret, PUSH, { p: admin.plantId, f: customers, m: 'COMMIT', k: 'x-2' }))).toBe('FORBIDDEN');
    expect(await sql(server.databaseUrl, `select code from customer where code = 'ERP-9'`)).toEqual([]);
  });
});

describe('a signed-in user importing orders after go-live', () => {
  it('proposes a changed due date as the importer, with the import as its origin', async () => {
    const orders = await openOrders();
    const o = orders[orders.length - 1]!;
    const later = new Date(Date.parse(`${o.dueDate}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const res = await manager.data<Pushed>(PUSH, { p: admin.plantId, f: csv([{ ...o, dueDate: later }]), m: 'COMMIT', k: null });
    const [proposed] = res.importPlantData.changeOrders;
    expect(proposed).toMatchObject({ orderNumber: o.number, kinds: ['DUE_DATE'] });
    const co = (await manager.data<{ changeOrder: Record<string, unknown> }>(CHANGE_ORDER, { id: proposed!.changeOrderId })).changeOrder;
    expect(co).toMatchObject({ proposer: { email: 'plant@demo.test' }, origin: { source: 'IMPORT', tokenName: null, batch: null, row: 2, label: 'Import, orders.csv row 2' } });
  });
});
