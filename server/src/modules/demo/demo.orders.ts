import { randomUUID } from 'node:crypto';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import {
  addOrder, buildSchedule, DEFAULT_POLICY, fromDay, planOrder, weekdayOf,
  type Job, type Product, type Schedule, type WorkCenter,
} from '../../engine/index.ts';
import type { NewOrderRow } from '../order/order.repository.ts';
import { DEMO_PLANT } from './demo.catalog.ts';
import { DEMO_SPAN_WORKING_DAYS, scaledProducts, scaledWorkCenters } from './demo.scale.ts';

export interface DemoCatalog {
  /** Engine work centers in board order (their index is the `sort` column). */
  workCenters: (WorkCenter & { name: string })[];
  products: (Product & { name: string })[];
}

/**
 * The demo plant's work centers (times `copies`) with a plant holiday on the Monday three weeks
 * out and a laser maintenance day two weeks later, and its products per copy group, with fresh
 * ids. Work-center calendars depend only on `today`.
 */
export function buildDemoCatalog(copies: number, today: number): DemoCatalog {
  let holiday = today + 21;
  while (weekdayOf(holiday) !== 1) holiday++;
  const maintenance = holiday + 14;
  const workCenters = scaledWorkCenters(copies).map((wc) => {
    const exceptions: Record<string, number> = { [fromDay(holiday)]: 0 };
    if (wc.baseCode === 'LASER') exceptions[fromDay(maintenance)] = 8 * 60;
    return {
      id: randomUUID(), code: wc.code, name: wc.name, weeklyMinutes: [...wc.weeklyMinutes], exceptions,
      overtimeMinutesPerDay: wc.overtimeMinutesPerDay, rateCentsPerHour: wc.rate, overtimePremiumCentsPerHour: wc.premium,
    };
  });
  const idOf = new Map(workCenters.map((wc) => [wc.code, wc.id]));
  const products = scaledProducts(copies).map((p) => ({
    id: randomUUID(), sku: p.sku, name: p.name, materialCostCents: p.material, listPriceCents: p.price, minLeadTimeDays: p.lead,
    routing: p.routing.map((s, i) => ({ seq: i + 1, workCenterId: idOf.get(s.wc)!, setupMinutes: s.setup, minutesPerUnit: s.perUnit })),
    options: p.options.map((o) => ({
      id: randomUUID(), attribute: o.attribute, value: o.value, addCostCents: o.addCost,
      addMinutesPerUnit: o.addMinutes ?? 0, stepSeq: o.step ?? null, reviewRequired: o.review ?? false,
    })),
  }));
  return { workCenters, products };
}

export interface PlaceOrdersOptions {
  /** Working days the due dates are spread over (the demo's 58 by default). */
  spanWorkingDays?: number;
  /** Order size relative to the demo's (1 by default); see `orderSizeFactor`. */
  sizeFactor?: number;
}

export interface PlacedOrders {
  orders: { order: NewOrderRow; jobs: Job[] }[];
  /** The schedule with every placed order, as the engine will rebuild it from the database. */
  schedule: Schedule;
}

/** The seeder's random generator: the same seed gives the same sequence (pure-rand xoroshiro128+). */
export function demoRng(seed: number): RandomGenerator {
  return xoroshiro128plus(seed);
}

export function pick<T>(rng: RandomGenerator, items: readonly T[]): T {
  return items[uniformInt(rng, 0, items.length - 1)]!;
}

/** Order size by how much work one unit is: brackets by the hundred, frames by the handful. */
function quantityFor(rng: RandomGenerator, product: Product, sizeFactor: number): number {
  const perUnit = product.routing.reduce((sum, s) => sum + s.minutesPerUnit, 0);
  const max = Math.max(2, Math.round((1200 * sizeFactor) / perUnit));
  return uniformInt(rng, Math.max(1, Math.round(max / 6)), max);
}

/**
 * Places orders one by one, backward from their due dates, under a 98% ceiling; demand is
 * denser in the near weeks, so the first weeks run hot and the last ones thin out. An order that
 * does not fit by its date is placed forward and promised the date it can make. Pure apart from
 * the random UUIDs: the same generator state gives the same plant.
 */
export function placeOrders(
  rng: RandomGenerator,
  today: number,
  count: number,
  workCenters: WorkCenter[],
  products: Product[],
  customers: { id: string; strategic: boolean }[],
  options: PlaceOrdersOptions = {},
): PlacedOrders {
  const span = options.spanWorkingDays ?? DEMO_SPAN_WORKING_DAYS;
  const sizeFactor = options.sizeFactor ?? 1;
  const schedule = buildSchedule({ workCenters, products, orders: [] });
  const policy = { ...DEFAULT_POLICY, shipBufferDays: DEMO_PLANT.shipBufferDays };
  const ceiling = { bp: 9_800, overtime: false };
  const firstDay = schedule.calendar.addWorkingDays(today, 1);
  const placed = [];
  for (let i = 0; i < count; i++) {
    const product = pick(rng, products);
    const optionIds = pickOptions(rng, product);
    const quantity = quantityFor(rng, product, sizeFactor);
    // Due dates skew early (u^1.4 of a uniform draw) over the span.
    const u = uniformInt(rng, 0, 1000) / 1000;
    const dueDate = schedule.calendar.addWorkingDays(today, product.minLeadTimeDays + 2 + Math.floor(u ** 1.4 * span));
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
  return { orders: placed, schedule };
}

/** One value per attribute: the first (standard) value most of the time. */
function pickOptions(rng: RandomGenerator, product: Product): string[] {
  const byAttribute = new Map<string, Product['options'][number][]>();
  for (const o of product.options) byAttribute.set(o.attribute, [...(byAttribute.get(o.attribute) ?? []), o]);
  return [...byAttribute.values()].map((values) => (uniformInt(rng, 0, 99) < 70 ? values[0]! : pick(rng, values)).id);
}
