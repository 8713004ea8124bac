import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { toDay } from '../../engine/index.ts';
import { withPlantWrite } from '../events/write-path.ts';
import { insertOrdersWithJobs } from '../order/order.repository.ts';
import { todayIn } from '../../shared/dates.ts';
import { pgArray } from '../../db/sql.ts';
import { insertDefaultPolicy } from '../policy/policy.service.ts';
import { materializeCalendar } from '../masterdata/apply.ts';
import type { Services } from '../../services.ts';
import { DEMO_CUSTOMERS, DEMO_PLANT, DEMO_USERS } from './demo.catalog.ts';
import { buildDemoCatalog, demoRng, placeOrders, type DemoCatalog } from './demo.orders.ts';
import { demandSpanWorkingDays, orderSizeFactor } from './demo.scale.ts';

export { DEMO_USERS };

/** The default RNG seed of the demo plant. */
export const DEMO_SEED = 20261122;

export interface SeedOptions {
  /** How many orders to try to place (default 300). */
  orders: number;
  /** RNG seed: the same seed and day give the same plant. */
  seed?: number;
  /** Create the demo users (password "demo"). Only in demo mode. */
  users?: boolean;
  plantName?: string;
  /**
   * Copies of the demo's seven work centers and ten products (default 1): 6 gives 42 work
   * centers (LASER … QA, LASER-2 … QA-2, …), each copy group with its own products.
   */
  workCenterCopies?: number;
}

export interface SeedResult {
  plantId: string;
  orders: number;
  workCenters: number;
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
 * buckets range from idle to above 95%. Deterministic for a given seed and day. Larger plants
 * (`workCenterCopies`, more orders) spread their orders over a longer horizon (26 weeks at
 * 10,000; see `demo.scale.ts`). Everything is written in one plant write, orders in bulk.
 */
export async function seedDemoPlant(services: Services, options: SeedOptions): Promise<SeedResult> {
  const copies = options.workCenterCopies ?? 1;
  const rng = demoRng(options.seed ?? DEMO_SEED);
  const today = toDay(todayIn(DEMO_PLANT.timeZone, services.clock.now()));
  const catalog = buildDemoCatalog(copies, today);
  const customers = DEMO_CUSTOMERS.map((c) => ({ ...c, id: randomUUID(), strategic: c.tier === 'STRATEGIC' }));
  const { orders } = placeOrders(rng, today, options.orders, catalog.workCenters, catalog.products, customers, {
    spanWorkingDays: demandSpanWorkingDays(options.orders),
    sizeFactor: orderSizeFactor(options.orders, copies),
  });
  const em0 = services.orm.em.fork();
  const [plant] = await em0.execute<{ id: string }[]>(
    'insert into plant (name, time_zone, ship_buffer_days) values (?, ?, ?) returning id',
    [options.plantName ?? DEMO_PLANT.name, DEMO_PLANT.timeZone, DEMO_PLANT.shipBufferDays],
  );
  const plantId = plant!.id;
  await withPlantWrite(services.orm, plantId, null, async (w) => {
    await insertDefaultPolicy(w.em, plantId);
    await insertCatalog(w.em, plantId, catalog);
    for (const c of customers) {
      await w.em.execute('insert into customer (id, plant_id, code, name, tier, contact) values (?, ?, ?, ?, ?, ?)', [c.id, plantId, c.code, c.name, c.tier, c.contact]);
    }
    if (options.users) {
      for (const u of DEMO_USERS) await services.auth.createUser(w.em, { plantId, ...u, password: 'demo' });
    }
    await insertOrdersWithJobs(w.em, plantId, orders);
    w.emit({ type: 'BOARD_RESET', reason: 'demo data seeded' });
    w.audit({ action: 'DEMO_SEEDED', entityType: 'Plant', entityId: plantId, data: { orders: orders.length } });
  });
  // A bulk load: statistics now, as PostgreSQL advises after loading data, instead of whenever
  // autovacuum gets to it. Without them the first queries on a fresh 10,000-order plant were
  // planned for one-row tables (the capacity report read its 43,000 allocations through an index,
  // 34,000 buffer reads and 36 ms, instead of an 8 ms scan).
  await em0.execute('analyze sales_order, job, allocation, customer, work_center, work_center_exception, calendar_exception, product, product_option, routing_step');
  return { plantId, orders: orders.length, workCenters: catalog.workCenters.length };
}

async function insertCatalog(em: EntityManager, plantId: string, catalog: DemoCatalog): Promise<void> {
  for (const [sort, wc] of catalog.workCenters.entries()) {
    await em.execute(
      `insert into work_center (id, plant_id, code, name, weekly_minutes, overtime_minutes_per_day, rate_cents_per_hour,
        overtime_premium_cents_per_hour, sort) values (?, ?, ?, ?, ?::integer[], ?, ?, ?, ?)`,
      [wc.id, plantId, wc.code, wc.name, pgArray(wc.weeklyMinutes), wc.overtimeMinutesPerDay, wc.rateCentsPerHour, wc.overtimePremiumCentsPerHour, sort],
    );
  }
  // The holiday closes the whole plant; maintenance takes one laser (every copy's) down to a shift.
  const exceptions = new Map<string, { workCenterId: string | null; minutes: number }>();
  for (const wc of catalog.workCenters) {
    for (const [date, minutes] of Object.entries(wc.exceptions)) {
      if (minutes === 0) exceptions.set(`|${date}`, { workCenterId: null, minutes });
      else exceptions.set(`${wc.id}|${date}`, { workCenterId: wc.id, minutes });
    }
  }
  for (const [key, e] of exceptions) {
    const date = key.slice(key.indexOf('|') + 1);
    await em.execute('insert into calendar_exception (plant_id, work_center_id, date_from, date_to, minutes, reason) values (?, ?, ?, ?, ?, ?)', [
      plantId, e.workCenterId, date, date, e.minutes, e.minutes === 0 ? 'Plant holiday' : 'Laser source maintenance',
    ]);
  }
  await materializeCalendar(em, plantId);
  for (const p of catalog.products) {
    await em.execute(
      'insert into product (id, plant_id, sku, name, material_cost_cents, list_price_cents, min_lead_time_days) values (?, ?, ?, ?, ?, ?, ?)',
      [p.id, plantId, p.sku, p.name, p.materialCostCents, p.listPriceCents, p.minLeadTimeDays],
    );
    for (const s of p.routing) {
      await em.execute(
        'insert into routing_step (product_id, seq, work_center_id, setup_minutes, minutes_per_unit) values (?, ?, ?, ?, ?)',
        [p.id, s.seq, s.workCenterId, s.setupMinutes, s.minutesPerUnit],
      );
    }
    for (const o of p.options) {
      await em.execute(
        `insert into product_option (id, product_id, attribute, value, add_cost_cents, add_minutes_per_unit, step_seq, review_required)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
        [o.id, p.id, o.attribute, o.value, o.addCostCents, o.addMinutesPerUnit, o.stepSeq, o.reviewRequired],
      );
    }
  }
}
