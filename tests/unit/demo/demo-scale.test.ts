import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { capacityOn, toDay, type Job } from '../../../server/src/engine/index.ts';
import { DEMO_CUSTOMERS, DEMO_PRODUCTS, DEMO_WORK_CENTERS } from '../../../server/src/modules/demo/demo.catalog.ts';
import { buildDemoCatalog, demoRng, placeOrders } from '../../../server/src/modules/demo/demo.orders.ts';
import {
  copyCode, demandSpanWorkingDays, DEMO_SPAN_WORKING_DAYS, orderSizeFactor, scaledProducts, scaledWorkCenters,
} from '../../../server/src/modules/demo/demo.scale.ts';
import type { NewOrderRow } from '../../../server/src/modules/order/order.repository.ts';
import { ANY_DAY } from '../../support/any-day.ts';

const TODAY = toDay('2026-11-23');
const SEED = 20261122;
const customers = DEMO_CUSTOMERS.map((c, i) => ({ id: `c${i}`, strategic: c.tier === 'STRATEGIC' }));

function plant(orders: number, copies: number, today = TODAY) {
  const catalog = buildDemoCatalog(copies, today);
  const placed = placeOrders(demoRng(SEED), today, orders, catalog.workCenters, catalog.products, customers, {
    spanWorkingDays: demandSpanWorkingDays(orders),
    sizeFactor: orderSizeFactor(orders, copies),
  });
  return { catalog, ...placed };
}

/** The plant's shape without its random UUIDs: what the board and the browser tests see. */
function fingerprint(p: ReturnType<typeof plant>): string {
  const code = new Map(p.catalog.workCenters.map((w) => [w.id, w.code]));
  const sku = new Map(p.catalog.products.map((x) => [x.id, x.sku]));
  const rows = p.orders.map(({ order, jobs }: { order: NewOrderRow; jobs: Job[] }) => [
    order.number, sku.get(order.productId), order.quantity, order.dueDate, order.unitPriceCents, order.customerId,
    jobs.map((j) => [code.get(j.workCenterId), j.seq, j.minutes, j.allocations.map((a) => [a.day, a.minutes])]),
  ]);
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

describe('demo plant at scale', () => {
  it('keeps the default 300-order demo plant exactly as it was before scaling existed', () => {
    // Recorded from the seeder before work-center copies were added; the test template and the
    // browser tests depend on this plant. Change it only on purpose.
    expect(fingerprint(plant(300, 1))).toBe('560fbb67a9777b10019e17e85b06671563b7e4d0789718b7f25cbcfe0cf45920');
  });

  it('with one copy is the demo catalogue itself', () => {
    expect(scaledWorkCenters(1).map((w) => w.code)).toEqual(DEMO_WORK_CENTERS.map((w) => w.code));
    expect(scaledProducts(1).map((p) => p.sku)).toEqual(DEMO_PRODUCTS.map((p) => p.sku));
    expect(demandSpanWorkingDays(300)).toBe(DEMO_SPAN_WORKING_DAYS);
    expect(demandSpanWorkingDays(50)).toBe(DEMO_SPAN_WORKING_DAYS);
    expect(orderSizeFactor(300, 1)).toBe(1);
  });

  it('replicates six copy groups into 42 work centers, each product routed through its own group', () => {
    const centers = scaledWorkCenters(6);
    expect(centers).toHaveLength(42);
    expect(new Set(centers.map((w) => w.code)).size).toBe(42);
    expect(centers.slice(0, 8).map((w) => w.code)).toEqual(['LASER', 'BRAKE', 'WELD', 'MACH', 'POWDER', 'ASSY', 'QA', 'LASER-2']);
    expect(centers[7]!.name).toBe('Laser cutting 2');
    const products = scaledProducts(6);
    expect(products).toHaveLength(60);
    for (const p of products) {
      const group = new Set(DEMO_WORK_CENTERS.map((w) => copyCode(w.code, p.copy)));
      expect(p.routing.every((s) => group.has(s.wc))).toBe(true);
    }
    expect(() => scaledWorkCenters(0)).toThrow(RangeError);
  });

  it('spreads 10,000 orders so that every requested due date lies within 26 weeks', () => {
    const maxLead = Math.max(...DEMO_PRODUCTS.map((p) => p.lead));
    expect(demandSpanWorkingDays(10_000) + maxLead + 2).toBeLessThanOrEqual(26 * 5);
    expect(demandSpanWorkingDays(10_000)).toBeGreaterThan(demandSpanWorkingDays(3_000));
    expect(orderSizeFactor(10_000, 6)).toBeLessThan(1);
  });

  it('places all 10,000 orders on 42 work centers in a few seconds, loading buckets to at most 98%', () => {
    const started = performance.now();
    const p = plant(10_000, 6);
    expect(performance.now() - started).toBeLessThan(20_000); // generous: a guard against quadratic blow-ups, not a benchmark
    expect(p.orders).toHaveLength(10_000);
    for (const wc of p.catalog.workCenters) {
      const compiled = p.schedule.workCenters.get(wc.id)!;
      for (const [day, minutes] of p.schedule.load.bucketsOf(wc.id)) {
        expect(minutes).toBeLessThanOrEqual(Math.floor((9_800 * capacityOn(compiled, day)) / 10_000));
      }
    }
  });

  describe.each(ANY_DAY)('seeded on $date ($what)', ({ date }) => {
    it('places every order after today, on working days only, no bucket above 98%', () => {
      const today = toDay(date);
      const p = plant(300, 1, today);
      expect(p.orders).toHaveLength(300);
      for (const { jobs } of p.orders) {
        for (const job of jobs) {
          const compiled = p.schedule.workCenters.get(job.workCenterId)!;
          for (const a of job.allocations) {
            expect(a.day).toBeGreaterThan(today);
            expect(capacityOn(compiled, a.day)).toBeGreaterThan(0);
          }
        }
      }
      for (const wc of p.catalog.workCenters) {
        const compiled = p.schedule.workCenters.get(wc.id)!;
        for (const [day, minutes] of p.schedule.load.bucketsOf(wc.id)) {
          expect(minutes).toBeLessThanOrEqual(Math.floor((9_800 * capacityOn(compiled, day)) / 10_000));
        }
      }
    });
  });
});
