import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { serverWithDatabase } from '../support/lifecycle.ts';
import { code, signIn, type ApiClient } from '../support/api.ts';
import { sql } from '../support/database.ts';
import { buildPlant, workingDay, type FactoryPlant } from '../support/factories.ts';
import { propose } from '../support/change-orders.ts';

/**
 * The data a person needs to recompute a verdict (issue 15): exact minutes beside rounded hours,
 * the routing step an option adds to, the plant's calendar with its freeze window, and orders,
 * products and customers whatever their dates. Everything over HTTP against a factory plant whose
 * rows this file sets up itself; dates come from the plant's "today" as the server sees it.
 */

const db = serverWithDatabase();

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const hours4 = (minutes: number) => Math.round((minutes / 60) * 10_000) / 10_000;

let plant: FactoryPlant;
let planner: ApiClient;
let rep: ApiClient;
let today: string;
/** A second product with fractional minutes per unit and an option on its step; it has no order. */
let bracket: { productId: string; zincId: string };
let zephyrId: string;
let nobodyId: string;
/** A weekday holiday and a Saturday shift on CELL (work_center_exception rows). */
let holiday: string;
let saturdayShift: string;

const ORDER_NAMES = 'ABCDEFGHIJKL'.split('');

beforeAll(async () => {
  const url = db.server.databaseUrl;
  plant = await buildPlant(url, {
    orders: Object.fromEntries(ORDER_NAMES.map((n, i) => [n, { quantity: 3, dueInWorkingDays: 10 + i }])),
  });
  planner = await signIn(db.server.url, plant.users.PLANNER);
  rep = await signIn(db.server.url, plant.users.SALES_REP);
  today = (await planner.data<{ plants: { today: string }[] }>('{ plants { today } }')).plants[0]!.today;

  // Rows the factory does not make, written before any query reads this plant's schedule.
  const [product] = await sql<{ id: string }>(url, `insert into product (plant_id, sku, name, material_cost_cents, list_price_cents, min_lead_time_days)
    values ($1, 'BRK-7', 'Bracket', 200, 900, 1) returning id`, [plant.plantId]);
  await sql(url, 'insert into routing_step (product_id, seq, work_center_id, setup_minutes, minutes_per_unit) values ($1, 1, $2, 7, 1.37)', [product!.id, plant.workCenterId]);
  const [zinc] = await sql<{ id: string }>(url, `insert into product_option (product_id, attribute, value, add_cost_cents, add_minutes_per_unit, step_seq)
    values ($1, 'finish', 'Zinc', 50, 0.25, 1) returning id`, [product!.id]);
  bracket = { productId: product!.id, zincId: zinc!.id };
  const [zephyr] = await sql<{ id: string }>(url, `insert into customer (plant_id, name) values ($1, 'Zephyr Metals') returning id`, [plant.plantId]);
  const [nobody] = await sql<{ id: string }>(url, `insert into customer (plant_id, name) values ($1, 'Nobody Ltd') returning id`, [plant.plantId]);
  zephyrId = zephyr!.id;
  nobodyId = nobody!.id;
  await sql(url, 'update sales_order set customer_id = $1 where id = any($2::uuid[])', [zephyrId, [plant.orders.C!.id, plant.orders.D!.id]]);
  await sql(url, `update sales_order set status = 'IN_PRODUCTION' where id = $1`, [plant.orders.E!.id]);

  let d = addDays(today, 1);
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
  holiday = d;
  saturdayShift = addDays(today, 1);
  while (weekday(saturdayShift) !== 6) saturdayShift = addDays(saturdayShift, 1);
  await sql(url, `insert into work_center_exception (work_center_id, date, minutes, reason) values ($1, $2, 0, 'Holiday'), ($1, $3, 240, 'Saturday shift')`,
    [plant.workCenterId, holiday, saturdayShift]);
});

interface CalendarDay {
  date: string;
  plantWorkingDay: boolean;
  inFreezeWindow: boolean;
  workCenters: { workCenterId: string; workCenterCode: string; working: boolean; exception: boolean; capacityMinutes: number; capacityHours: number; overtimeMinutes: number; overtimeHours: number }[];
}
const CALENDAR = `query($from: Date!, $to: Date!) { plants { calendar(from: $from, to: $to) {
  date plantWorkingDay inFreezeWindow
  workCenters { workCenterId workCenterCode working exception capacityMinutes capacityHours overtimeMinutes overtimeHours }
} } }`;
const calendar = async (from: string, to: string) => (await planner.data<{ plants: { calendar: CalendarDay[] }[] }>(CALENDAR, { from, to })).plants[0]!.calendar;

describe('Plant.calendar', () => {
  it('gives weekends, a holiday and a Saturday shift as the rules count them, with capacity and overtime', async () => {
    const from = addDays(today, -3);
    const days = await calendar(from, addDays(today, 24));
    expect(days.map((d) => d.date)).toEqual(Array.from({ length: 28 }, (_, i) => addDays(from, i)));
    for (const day of days) {
      const [cell] = day.workCenters;
      const expected = day.date === holiday ? 0 : day.date === saturdayShift ? 240 : weekday(day.date) === 0 || weekday(day.date) === 6 ? 0 : 480;
      expect(day.workCenters).toHaveLength(1);
      expect({ date: day.date, ...cell }).toEqual({
        date: day.date,
        workCenterId: plant.workCenterId,
        workCenterCode: 'CELL',
        working: expected > 0,
        exception: day.date === holiday || day.date === saturdayShift,
        capacityMinutes: expected,
        capacityHours: expected / 60,
        overtimeMinutes: expected > 0 ? 120 : 0,
        overtimeHours: expected > 0 ? 2 : 0,
      });
      // one work center: the plant works exactly when it does
      expect([day.date, day.plantWorkingDay]).toEqual([day.date, expected > 0]);
    }
  });

  it('marks the freeze window: after today through the third plant working day (policy 3), counting the Saturday shift and skipping the holiday', async () => {
    const days = await calendar(today, addDays(today, 20));
    // independently: walk the days after today, counting Mon–Fri except the holiday, plus the Saturday shift
    const works = (d: string) => d === saturdayShift || (d !== holiday && weekday(d) !== 0 && weekday(d) !== 6);
    let freezeEnd = today;
    for (let n = 0; n < 3; ) {
      freezeEnd = addDays(freezeEnd, 1);
      if (works(freezeEnd)) n++;
    }
    expect(days.filter((d) => d.inFreezeWindow).map((d) => d.date)).toEqual(
      days.filter((d) => d.date > today && d.date <= freezeEnd).map((d) => d.date),
    );
    expect(days.find((d) => d.date === today)!.inFreezeWindow).toBe(false);
  });

  it('agrees with the freeze-window rule: a move onto the window\'s last day needs FREEZE_WINDOW, onto the next working day it does not', async () => {
    const days = await calendar(today, addDays(today, 20));
    const lastInside = days.filter((d) => d.inFreezeWindow).at(-1)!.date;
    const firstAfter = days.find((d) => d.date > lastInside && d.plantWorkingDay)!.date;
    const rules = async (startDate: string) => {
      const { previewChangeOrder } = await planner.data<{ previewChangeOrder: { requiredApprovals: { rule: string }[] } }>(
        'query($input: ChangeOrderInput!) { previewChangeOrder(input: $input) { requiredApprovals { rule } } }',
        { input: { orderId: plant.orders.L!.id, moveJob: { jobId: plant.orders.L!.jobId, startDate } } },
      );
      return previewChangeOrder.requiredApprovals.map((a) => a.rule);
    };
    expect(await rules(lastInside)).toContain('FREEZE_WINDOW');
    expect(await rules(firstAfter)).not.toContain('FREEZE_WINDOW');
  });

  it('gives the same capacity and overtime minutes as the board\'s buckets', async () => {
    const to = addDays(today, 30);
    const days = await calendar(today, to);
    const { board } = await planner.data<{ board: { buckets: { workCenterId: string; date: string; capacityMinutes: number; overtimeMinutes: number }[] } }>(
      'query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) { buckets { workCenterId date capacityMinutes overtimeMinutes } } }',
      { p: plant.plantId, f: today, t: to },
    );
    const fromCalendar = days.flatMap((d) => d.workCenters.map((w) => ({ workCenterId: w.workCenterId, date: d.date, capacityMinutes: w.capacityMinutes, overtimeMinutes: w.overtimeMinutes })));
    expect(fromCalendar).toEqual(board.buckets);
  });

  it('takes up to 732 days and refuses longer or reversed ranges with BAD_USER_INPUT', async () => {
    expect(await calendar(today, addDays(today, 731))).toHaveLength(732);
    for (const [from, to] of [[today, addDays(today, 732)], [today, addDays(today, -1)]]) {
      const res = await planner.request(CALENDAR, { from, to });
      expect([from, to, code(res)]).toEqual([from, to, 'BAD_USER_INPUT']);
    }
  });
});

describe('exact figures beside rounded ones', () => {
  it('gives a routing step\'s minutes as stored and an option\'s step and work center', async () => {
    const { products } = await planner.data<{ products: { id: string; routing: Record<string, unknown>[]; options: Record<string, unknown>[] }[] }>(
      `query($p: ID!) { products(plantId: $p) { id
        routing { seq workCenterId setupMinutes setupHours minutesPerUnit hoursPerUnit }
        options { id value step stepWorkCenterId addMinutesPerUnit addHoursPerUnit } } }`,
      { p: plant.plantId },
    );
    const brk = products.find((p) => p.id === bracket.productId)!;
    expect(brk.routing).toEqual([{ seq: 1, workCenterId: plant.workCenterId, setupMinutes: 7, setupHours: 0.1167, minutesPerUnit: 1.37, hoursPerUnit: 0.022833 }]);
    expect(brk.options).toEqual([{ id: bracket.zincId, value: 'Zinc', step: 1, stepWorkCenterId: plant.workCenterId, addMinutesPerUnit: 0.25, addHoursPerUnit: 0.004167 }]);
    const panel = products.find((p) => p.id === plant.productId)!;
    // the factory's options add no time: they name no step
    expect(panel.options.map((o) => [o.step, o.stepWorkCenterId, o.addMinutesPerUnit])).toEqual([[null, null, 0], [null, null, 0]]);
  });

  it('plans a job of setup + ceil(quantity × (step + option minutes per unit)) and gives it in minutes on the job, its allocations and the buckets', async () => {
    const { previewChangeOrder: e } = await rep.data<{ previewChangeOrder: {
      tier: string;
      jobs: { seq: number; minutes: number; hours: number; allocations: { date: string; minutes: number; hours: number }[] }[];
      impact: { buckets: { date: string; capacityMinutes: number; capacityHours: number; loadBeforeMinutes: number; loadAfterMinutes: number; loadAfterHours: number }[] };
    } }>(
      `query($input: ChangeOrderInput!) { previewChangeOrder(input: $input) { tier
        jobs { seq minutes hours allocations { date minutes hours } }
        impact { buckets { date capacityMinutes capacityHours loadBeforeMinutes loadAfterMinutes loadAfterHours } } } }`,
      { input: { newOrder: { customerId: nobodyId, productId: bracket.productId, quantity: 7, optionIds: [bracket.zincId], dueDate: workingDay(today, 25) } } },
    );
    // 7 + ceil(7 × (1.37 + 0.25)) = 7 + ceil(11.34) = 19
    expect(e.jobs.map((j) => [j.seq, j.minutes, j.hours])).toEqual([[1, 19, hours4(19)]]);
    expect(e.jobs[0]!.allocations.reduce((s, a) => s + a.minutes, 0)).toBe(19);
    for (const a of e.jobs[0]!.allocations) expect(a.hours).toBe(hours4(a.minutes));
    expect(e.impact.buckets.reduce((s, b) => s + b.loadAfterMinutes - b.loadBeforeMinutes, 0)).toBe(19);
    for (const b of e.impact.buckets) {
      expect(b.capacityHours).toBe(hours4(b.capacityMinutes));
      expect(b.loadAfterHours).toBe(hours4(b.loadAfterMinutes));
    }
  });

  it('gives minutes on board jobs, allocations and buckets that add up, with hours rounded from them', async () => {
    const to = addDays(today, 30);
    const { board } = await planner.data<{ board: {
      jobs: { id: string; minutes: number; hours: number; allocations: { date: string; minutes: number; hours: number }[] }[];
      buckets: { date: string; capacityMinutes: number; overtimeMinutes: number; loadMinutes: number; capacityHours: number; overtimeHours: number; loadHours: number }[];
      workCenters: { id: string; weeklyMinutes: number[]; overtimeMinutesPerDay: number }[];
    } }>(
      `query($p: ID!, $f: Date!, $t: Date!) { board(plantId: $p, from: $f, to: $t) {
        workCenters { id weeklyMinutes overtimeMinutesPerDay }
        jobs { id minutes hours allocations { date minutes hours } }
        buckets { date capacityMinutes overtimeMinutes loadMinutes capacityHours overtimeHours loadHours } } }`,
      { p: plant.plantId, f: today, t: to },
    );
    expect(board.workCenters).toEqual([{ id: plant.workCenterId, weeklyMinutes: [0, 480, 480, 480, 480, 480, 0], overtimeMinutesPerDay: 120 }]);
    expect(board.jobs.length).toBeGreaterThanOrEqual(ORDER_NAMES.length);
    const loadByDate = new Map<string, number>();
    for (const job of board.jobs) {
      expect(job.minutes).toBe(job.allocations.reduce((s, a) => s + a.minutes, 0));
      expect(job.hours).toBe(hours4(job.minutes));
      for (const a of job.allocations) loadByDate.set(a.date, (loadByDate.get(a.date) ?? 0) + a.minutes);
    }
    expect(board.jobs.find((j) => j.id === plant.orders.A!.jobId)!.minutes).toBe(180);
    for (const b of board.buckets) {
      expect([b.date, b.loadMinutes]).toEqual([b.date, loadByDate.get(b.date) ?? 0]);
      expect([b.capacityHours, b.overtimeHours, b.loadHours]).toEqual([hours4(b.capacityMinutes), hours4(b.overtimeMinutes), hours4(b.loadMinutes)]);
    }
  });
});

interface OrderPage { nodes: { id: string; number: string; status: string; dueDate: string; customer: { id: string; name: string }; product: { id: string } }[]; endCursor: string | null; hasNextPage: boolean }
const ORDERS = `query($p: ID!, $filter: OrderFilter, $first: Int, $after: String) {
  orders(plantId: $p, filter: $filter, first: $first, after: $after) {
    nodes { id number status dueDate customer { id name } product { id } } endCursor hasNextPage
  } }`;
const ordersPage = async (c: ApiClient, vars: Record<string, unknown>) => (await c.data<{ orders: OrderPage }>(ORDERS, { p: plant.plantId, ...vars })).orders;

/** Every page of a filter, following the cursors. */
async function allPages(filter: Record<string, unknown> | null, first: number): Promise<{ numbers: string[]; pages: number }> {
  const numbers: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page = await ordersPage(rep, { filter, first, after });
    pages++;
    numbers.push(...page.nodes.map((n) => n.number));
    if (!page.hasNextPage) return { numbers, pages };
    after = page.endCursor;
  }
}

/** The plant's order numbers straight from the rows, in the API's order (by number). */
async function numbersWhere(condition: string, params: unknown[] = []): Promise<string[]> {
  const rows = await sql<{ number: string }>(db.server.databaseUrl,
    `select o.number from sales_order o join customer c on c.id = o.customer_id where o.plant_id = $1 and ${condition} order by o.number`, [plant.plantId, ...params]);
  return rows.map((r) => r.number);
}

describe('orders, products and customers', () => {
  it('pages through every order once, whatever the page size', async () => {
    const all = await numbersWhere('true');
    expect(all).toHaveLength(ORDER_NAMES.length);
    for (const first of [1, 5, 12, 100]) {
      const { numbers, pages } = await allPages(null, first);
      expect([first, numbers]).toEqual([first, all]);
      expect(pages).toBe(Math.max(1, Math.ceil(all.length / first)));
    }
  });

  it('neither skips nor repeats when an order is added between two pages', async () => {
    const first = await ordersPage(rep, { first: 4 });
    const before = await numbersWhere('true');
    // a number that sorts after the cursor ("SO-10" < "SO-1a" < "SO-2") and one before it
    for (const number of ['SO-1a', 'SO-0']) {
      await sql(db.server.databaseUrl, `insert into sales_order (id, plant_id, number, customer_id, product_id, quantity, due_date, unit_price_cents, status)
        values ($1, $2, $3, $4, $5, 1, $6, 100, 'CANCELLED')`, [randomUUID(), plant.plantId, number, nobodyId, plant.productId, workingDay(today, 40)]);
    }
    const rest: string[] = [];
    let after = first.endCursor;
    for (let more = first.hasNextPage; more; ) {
      const page = await ordersPage(rep, { first: 4, after });
      rest.push(...page.nodes.map((n) => n.number));
      after = page.endCursor;
      more = page.hasNextPage;
    }
    const seen = [...first.nodes.map((n) => n.number), ...rest];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...before, 'SO-1a'].sort());
    await sql(db.server.databaseUrl, `delete from sales_order where plant_id = $1 and number in ('SO-1a', 'SO-0')`, [plant.plantId]);
  });

  it('searches the order number and the customer name, case-insensitively, every word', async () => {
    const search = async (text: string) => (await allPages({ search: text }, 5)).numbers;
    expect(await search('so-1')).toEqual(await numbersWhere(`o.number ilike '%so-1%'`));
    expect(await search('so-1').then((n) => n.length)).toBeGreaterThan(1);
    expect(await search('ZEPHYR')).toEqual(await numbersWhere('c.id = $2', [zephyrId]));
    expect(await search('zephyr')).toHaveLength(2);
    const [one] = await numbersWhere('c.id = $2', [zephyrId]);
    expect(await search(`metals ${one!.toLowerCase()}`)).toEqual([one]);
    expect(await search('panel')).toHaveLength(ORDER_NAMES.length); // the product's name
    // pattern characters are matched literally
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('   ')).toHaveLength(ORDER_NAMES.length);
  });

  it('filters by customer, product, status and due dates, alone and together', async () => {
    const fetch = async (filter: Record<string, unknown>) => (await allPages(filter, 5)).numbers;
    expect(await fetch({ customerId: zephyrId })).toEqual(await numbersWhere('c.id = $2', [zephyrId]));
    expect(await fetch({ customerId: plant.customerId })).toHaveLength(ORDER_NAMES.length - 2);
    expect(await fetch({ productId: plant.productId })).toHaveLength(ORDER_NAMES.length);
    expect(await fetch({ productId: bracket.productId })).toEqual([]);
    expect(await fetch({ customerId: 'not-a-uuid' })).toEqual([]);
    expect(await fetch({ status: ['IN_PRODUCTION'] })).toEqual(await numbersWhere(`o.status = 'IN_PRODUCTION'`));
    expect(await fetch({ status: ['IN_PRODUCTION'] })).toHaveLength(1);
    expect(await fetch({ status: ['CONFIRMED', 'IN_PRODUCTION'] })).toHaveLength(ORDER_NAMES.length);
    const dueFrom = workingDay(today, 13);
    const dueTo = workingDay(today, 16);
    const due = await fetch({ dueFrom, dueTo });
    expect(due).toEqual(await numbersWhere('o.due_date between $2 and $3', [dueFrom, dueTo]));
    expect(due).toHaveLength(4);
    expect(await fetch({ dueFrom, dueTo, customerId: plant.customerId, status: ['CONFIRMED'] }))
      .toEqual(await numbersWhere(`o.due_date between $2 and $3 and c.id = $4 and o.status = 'CONFIRMED'`, [dueFrom, dueTo, plant.customerId]));
  });

  it('refuses bad page sizes, foreign cursors, over-long searches and other plants', async () => {
    for (const vars of [{ first: 0 }, { first: 101 }, { after: 'bm90IG91cnM' }, { filter: { search: 'x'.repeat(101) } }]) {
      expect([vars, code(await rep.request(ORDERS, { p: plant.plantId, ...vars }))]).toEqual([vars, 'BAD_USER_INPUT']);
    }
    const other = randomUUID();
    for (const query of [ORDERS, 'query($p: ID!) { products(plantId: $p) { id } }', 'query($p: ID!) { customers(plantId: $p) { id } }']) {
      expect(code(await rep.request(query, { p: other }))).toBe('NOT_FOUND');
    }
  });

  it('lists every product, with or without orders, and every customer', async () => {
    const { products, customers } = await rep.data<{ products: { id: string; sku: string }[]; customers: { id: string; name: string }[] }>(
      'query($p: ID!) { products(plantId: $p) { id sku } customers(plantId: $p) { id name } }', { p: plant.plantId },
    );
    expect(products).toEqual([{ id: bracket.productId, sku: 'BRK-7' }, { id: plant.productId, sku: 'P-1' }]);
    expect(customers).toEqual([
      { id: plant.customerId, name: 'Acme' }, { id: nobodyId, name: 'Nobody Ltd' }, { id: zephyrId, name: 'Zephyr Metals' },
    ]);
  });

  it('lists the change orders of one order with changeOrders(filter: { orderId })', async () => {
    const [a, b] = [plant.orders.A!, plant.orders.B!];
    for (const order of [a, b]) {
      const res = await propose(rep, { orderId: order.id, dueDate: workingDay(today, 40) });
      expect(res.errors).toBeUndefined();
    }
    const list = async (filter: Record<string, unknown>) => (await rep.data<{ changeOrders: { nodes: { orderId: string }[] } }>(
      'query($f: ChangeOrderFilter) { changeOrders(filter: $f, first: 100) { nodes { orderId } } }', { f: filter },
    )).changeOrders.nodes.map((n) => n.orderId);
    expect(await list({ customerId: plant.customerId })).toEqual([b.id, a.id]);
    expect(await list({ orderId: a.id })).toEqual([a.id]);
    expect(await list({ orderId: b.id, customerId: plant.customerId })).toEqual([b.id]);
    expect(await list({ orderId: 'not-a-uuid' })).toEqual([]);
  });
});
