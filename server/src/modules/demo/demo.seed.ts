import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import {
  addOrder, buildSchedule, DEFAULT_POLICY, fromDay, planOrder, toDay, weekdayOf,
  type Job, type Product, type WorkCenter,
} from '../../engine/index.ts';
import { withPlantWrite } from '../events/write-path.ts';
import { insertOrdersWithJobs, type NewOrderRow } from '../order/order.repository.ts';
import { todayIn } from '../shared/dates.ts';
import { pgArray } from '../../db/sql.ts';
import { insertDefaultPolicy } from '../policy/policy.service.ts';
import type { Services } from '../../services.ts';
import { DEMO_CUSTOMERS, DEMO_PLANT, DEMO_PRODUCTS, DEMO_USERS, DEMO_WORK_CENTERS } from './demo.catalog.ts';

export { DEMO_USERS };

export interface SeedOptions {
  /** How many orders to try to place (default 300). */
  orders: number;
  /** RNG seed: the same seed and day give the same plant. */
  seed?: number;
  /** Create the demo users (password "demo"). Only in demo mode. */
  users?: boolean;
  plantName?: string;
}

export interface SeedResult {
  plantId: string;
  orders: number;
}

/** Seeds the demo plant unless any plant exists (first start of the embedded database). */
export async function seedDemoOnce(services: Services, options: SeedOptions): Promise<SeedResult | null> {
  const [row] = await services.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from plant');
  if (Number(row?.n) > 0) return null;
  return seedDemoPlant(services, { users: true, ...options });
}

/**
 * Builds a believable metal-fabrication plant: work centers with weekends, a plant holiday and a
 * maintenance day, ten products with options, thirty customers, and orders over the next twelve
 * weeks placed by the planning engine's finite loading (one implementation of loading), so that
 * buckets range from idle to above 95%. Deterministic for a given seed and day.
 */
export async function seedDemoPlant(services: Services, options: SeedOptions): Promise<SeedResult> {
  const rng = xoroshiro128plus(options.seed ?? 20261122);
  const today = todayIn(DEMO_PLANT.timeZone, services.clock.now());
  const em0 = services.orm.em.fork();
  const [plant] = await em0.execute<{ id: string }[]>(
    'insert into plant (name, time_zone, ship_buffer_days) values (?, ?, ?) returning id',
    [options.plantName ?? DEMO_PLANT.name, DEMO_PLANT.timeZone, DEMO_PLANT.shipBufferDays],
  );
  const plantId = plant!.id;
  const { value: placed } = await withPlantWrite(services.orm, plantId, null, async (w) => {
    await insertDefaultPolicy(w.em, plantId);
    const workCenters = await insertWorkCenters(w.em, plantId, toDay(today));
    const products = await insertProducts(w.em, plantId, workCenters);
    const customers = await insertCustomers(w.em, plantId);
    if (options.users) {
      for (const u of DEMO_USERS) await services.auth.createUser(w.em, { plantId, ...u, password: 'demo' });
    }
    const orders = placeOrders(rng, toDay(today), options.orders, [...workCenters.values()], products, customers);
    await insertOrdersWithJobs(w.em, plantId, orders);
    w.emit({ type: 'BOARD_RESET', reason: 'demo data seeded' });
    w.audit({ action: 'DEMO_SEEDED', entityType: 'Plant', entityId: plantId, data: { orders: orders.length } });
    return orders.length;
  });
  return { plantId, orders: placed };
}

function pick<T>(rng: RandomGenerator, items: readonly T[]): T {
  return items[uniformInt(rng, 0, items.length - 1)]!;
}

async function insertWorkCenters(em: EntityManager, plantId: string, today: number): Promise<Map<string, WorkCenter>> {
  // A plant holiday on the Monday three weeks out, and a laser maintenance day two weeks later.
  let holiday = today + 21;
  while (weekdayOf(holiday) !== 1) holiday++;
  const maintenance = holiday + 14;
  const result = new Map<string, WorkCenter>();
  for (const [sort, wc] of DEMO_WORK_CENTERS.entries()) {
    const id = randomUUID();
    await em.execute(
      `insert into work_center (id, plant_id, code, name, weekly_minutes, overtime_minutes_per_day, rate_cents_per_hour,
        overtime_premium_cents_per_hour, sort) values (?, ?, ?, ?, ?::integer[], ?, ?, ?, ?)`,
      [id, plantId, wc.code, wc.name, pgArray(wc.weeklyMinutes), wc.overtimeMinutesPerDay, wc.rate, wc.premium, sort],
    );
    const exceptions: Record<string, number> = { [fromDay(holiday)]: 0 };
    if (wc.code === 'LASER') exceptions[fromDay(maintenance)] = 8 * 60;
    for (const [date, minutes] of Object.entries(exceptions)) {
      await em.execute('insert into work_center_exception (work_center_id, date, minutes, reason) values (?, ?, ?, ?)', [
        id, date, minutes, minutes === 0 ? 'Plant holiday' : 'Laser source maintenance',
      ]);
    }
    result.set(wc.code, {
      id, code: wc.code, name: wc.name, weeklyMinutes: [...wc.weeklyMinutes], exceptions,
      overtimeMinutesPerDay: wc.overtimeMinutesPerDay, rateCentsPerHour: wc.rate, overtimePremiumCentsPerHour: wc.premium,
    });
  }
  return result;
}

async function insertProducts(em: EntityManager, plantId: string, workCenters: Map<string, WorkCenter>): Promise<Product[]> {
  const products: Product[] = [];
  for (const p of DEMO_PRODUCTS) {
    const id = randomUUID();
    await em.execute(
      'insert into product (id, plant_id, sku, name, material_cost_cents, list_price_cents, min_lead_time_days) values (?, ?, ?, ?, ?, ?, ?)',
      [id, plantId, p.sku, p.name, p.material, p.price, p.lead],
    );
    const routing = p.routing.map((s, i) => ({ seq: i + 1, workCenterId: workCenters.get(s.wc)!.id, setupMinutes: s.setup, minutesPerUnit: s.perUnit }));
    for (const s of routing) {
      await em.execute(
        'insert into routing_step (product_id, seq, work_center_id, setup_minutes, minutes_per_unit) values (?, ?, ?, ?, ?)',
        [id, s.seq, s.workCenterId, s.setupMinutes, s.minutesPerUnit],
      );
    }
    const options = p.options.map((o) => ({
      id: randomUUID(), attribute: o.attribute, value: o.value, addCostCents: o.addCost,
      addMinutesPerUnit: o.addMinutes ?? 0, stepSeq: o.step ?? null, reviewRequired: o.review ?? false,
    }));
    for (const o of options) {
      await em.execute(
        `insert into product_option (id, product_id, attribute, value, add_cost_cents, add_minutes_per_unit, step_seq, review_required)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
        [o.id, id, o.attribute, o.value, o.addCostCents, o.addMinutesPerUnit, o.stepSeq, o.reviewRequired],
      );
    }
    products.push({ id, sku: p.sku, name: p.name, materialCostCents: p.material, listPriceCents: p.price, minLeadTimeDays: p.lead, routing, options });
  }
  return products;
}

async function insertCustomers(em: EntityManager, plantId: string): Promise<{ id: string; strategic: boolean }[]> {
  const customers = [];
  for (const c of DEMO_CUSTOMERS) {
    const id = randomUUID();
    await em.execute('insert into customer (id, plant_id, name, tier, contact) values (?, ?, ?, ?, ?)', [id, plantId, c.name, c.tier, c.contact]);
    customers.push({ id, strategic: c.tier === 'STRATEGIC' });
  }
  return customers;
}

/** Order size by how much work one unit is: brackets by the hundred, frames by the handful. */
function quantityFor(rng: RandomGenerator, product: Product): number {
  const perUnit = product.routing.reduce((sum, s) => sum + s.minutesPerUnit, 0);
  const max = Math.max(2, Math.round(1200 / perUnit));
  return uniformInt(rng, Math.max(1, Math.round(max / 6)), max);
}

/**
 * Places orders one by one, backward from their due dates, under a 98% ceiling; demand is
 * denser in the near weeks, so the first weeks run hot and the last ones thin out. An order that
 * does not fit by its date is placed forward and promised the date it can make.
 */
function placeOrders(
  rng: RandomGenerator,
  today: number,
  count: number,
  workCenters: WorkCenter[],
  products: Product[],
  customers: { id: string; strategic: boolean }[],
): { order: NewOrderRow; jobs: Job[] }[] {
  const schedule = buildSchedule({ workCenters, products, orders: [] });
  const policy = { ...DEFAULT_POLICY, shipBufferDays: DEMO_PLANT.shipBufferDays };
  const ceiling = { bp: 9_800, overtime: false };
  const firstDay = schedule.calendar.addWorkingDays(today, 1);
  const placed = [];
  for (let i = 0; i < count; i++) {
    const product = pick(rng, products);
    const optionIds = pickOptions(rng, product);
    const quantity = quantityFor(rng, product);
    // Due dates skew early (u^1.4 of a uniform draw) over twelve weeks.
    const u = uniformInt(rng, 0, 1000) / 1000;
    const dueDate = schedule.calendar.addWorkingDays(today, product.minLeadTimeDays + 2 + Math.floor(u ** 1.4 * 58));
    const orderId = randomUUID();
    const request = { orderId, productId: product.id, quantity, optionIds, dueDate };
    const jobId = () => randomUUID();
    let plan = planOrder(schedule, request, { today, policy, ceiling, earliestDay: firstDay, jobId });
    let due = dueDate;
    if (!plan.ok) {
      plan = planOrder(schedule, request, { today, policy, ceiling, earliestDay: firstDay, jobId, direction: 'FORWARD' });
      if (!plan.ok || plan.endDay === null) continue;
      due = schedule.calendar.addWorkingDays(plan.endDay, policy.shipBufferDays);
    }
    const customer = pick(rng, customers);
    const optionCost = product.options.filter((o) => optionIds.includes(o.id)).reduce((s, o) => s + o.addCostCents, 0);
    const discountPct = customer.strategic ? uniformInt(rng, 8, 15) : uniformInt(rng, 0, 6);
    const unitPriceCents = Math.round(((product.listPriceCents + optionCost * 2) * (100 - discountPct)) / 100);
    addOrder(schedule, { id: orderId, productId: product.id, quantity, optionIds, dueDate: due, unitPriceCents, status: 'CONFIRMED', version: 1, jobs: plan.jobs });
    placed.push({
      order: {
        id: orderId, number: `SO-${10001 + i}`, customerId: customer.id, productId: product.id, quantity, optionIds,
        dueDate: fromDay(due), unitPriceCents,
      },
      jobs: plan.jobs,
    });
  }
  return placed;
}

/** One value per attribute: the first (standard) value most of the time. */
function pickOptions(rng: RandomGenerator, product: Product): string[] {
  const byAttribute = new Map<string, Product['options'][number][]>();
  for (const o of product.options) byAttribute.set(o.attribute, [...(byAttribute.get(o.attribute) ?? []), o]);
  return [...byAttribute.values()].map((values) => (uniformInt(rng, 0, 99) < 70 ? values[0]! : pick(rng, values)).id);
}
