import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSchedule, capacityOn, isAtRisk, projectedFinish, relieveBucket, remainingMinutes, rollOrder, turnDay,
  type Job, type JobStatus, type Order, type Schedule,
} from '../../../server/src/engine/index.ts';
import { plantArb, type RandomPlant, todayOf } from './arbitraries.ts';
import { order } from './factories.ts';

/**
 * The day turn (docs/product.md §12) on random plants, under every "any day" date the plant
 * arbitrary draws: unfinished work from past days rolls forward from today within regular
 * capacity, nothing is dropped, other orders stay, and turning twice changes nothing.
 */

const RUNS = { numRuns: 150 };

/** Orders of the plant's product: each step holds 1–3 days of work after the previous one, from a week ago on; some started or done. */
const ordersArb = (plant: RandomPlant) =>
  fc.array(
    fc.record({
      start: fc.integer({ min: -8, max: 20 }),
      due: fc.integer({ min: -2, max: 40 }),
      steps: fc.array(fc.record({ days: fc.integer({ min: 1, max: 3 }), minutes: fc.integer({ min: 30, max: 500 }), gap: fc.integer({ min: 1, max: 3 }) }), {
        minLength: plant.product.routing.length, maxLength: plant.product.routing.length,
      }),
      done: fc.integer({ min: 0, max: 3 }),
      started: fc.boolean(),
    }),
    { maxLength: 12 },
  ).map((drawn) =>
    drawn.map((o, i): Order => {
      const today = todayOf(plant);
      let day = today + o.start;
      const id = `o${i}`;
      const jobs = [...plant.product.routing].sort((a, b) => a.seq - b.seq).map((step, k): Job => {
        const s = o.steps[k]!;
        const allocations = Array.from({ length: s.days }, (_, n) => ({ day: day + n, minutes: s.minutes }));
        day += s.days + s.gap;
        const status: JobStatus = k < o.done ? 'DONE' : k === o.done && o.started ? 'STARTED' : 'PLANNED';
        return { id: `${id}-${step.seq}`, orderId: id, seq: step.seq, workCenterId: step.workCenterId, status, minutes: s.minutes * s.days, allocations };
      });
      return order({ id, productId: plant.product.id, quantity: 5, dueDate: today + o.due, status: o.started || o.done > 0 ? 'IN_PRODUCTION' : 'CONFIRMED', jobs });
    }),
  );

const caseArb = plantArb.chain((plant) => fc.record({ plant: fc.constant(plant), orders: ordersArb(plant) }));

function scheduleOf(plant: RandomPlant, orders: readonly Order[]): Schedule {
  return buildSchedule({ ...plant.input, orders: [...plant.input.orders, ...orders] });
}

function loads(schedule: Schedule): Map<string, number> {
  const out = new Map<string, number>();
  for (const o of schedule.orders.values()) {
    if (o.status === 'CANCELLED') continue;
    for (const j of o.jobs) for (const a of j.allocations) out.set(`${j.workCenterId}|${a.day}`, (out.get(`${j.workCenterId}|${a.day}`) ?? 0) + a.minutes);
  }
  return out;
}

describe('the day turn', () => {
  it('leaves no unfinished work before today, keeps every job\'s minutes, moves no other order and fills no bucket above regular capacity', () => {
    fc.assert(fc.property(caseArb, ({ plant, orders }) => {
      const today = todayOf(plant);
      const schedule = scheduleOf(plant, orders);
      const before = new Map([...schedule.orders.values()].map((o) => [o.id, o]));
      const loadBefore = loads(schedule);
      const turn = turnDay(schedule, today);
      const loadAfter = loads(schedule);

      for (const o of schedule.orders.values()) {
        const old = before.get(o.id)!;
        const moved = turn.orderIds.includes(o.id);
        for (const j of o.jobs) {
          const was = old.jobs.find((x) => x.id === j.id)!;
          // nothing dropped: a job holds the minutes it held (its remaining minutes)
          expect(j.allocations.reduce((s, a) => s + a.minutes, 0)).toBe(was.allocations.reduce((s, a) => s + a.minutes, 0));
          if (j.status !== 'DONE' && !turn.stuckOrderIds.includes(o.id)) expect(j.allocations.every((a) => a.day >= today)).toBe(true);
          if (!moved) expect(j.allocations).toEqual(was.allocations);
        }
        if (moved) {
          // the chain holds: an unfinished step starts after the previous step's last day
          const steps = [...o.jobs].sort((a, b) => a.seq - b.seq);
          for (let k = 1; k < steps.length; k++) {
            if (steps[k]!.status === 'DONE' || steps[k]!.allocations.length === 0) continue;
            const prev = steps[k - 1]!.allocations.at(-1)?.day ?? -Infinity;
            expect(steps[k]!.allocations[0]!.day).toBeGreaterThan(prev);
          }
        }
      }
      // the roll raised buckets only within regular capacity
      for (const [key, after] of loadAfter) {
        if (after <= (loadBefore.get(key) ?? 0)) continue;
        const [wcId, day] = key.split('|') as [string, string];
        expect(after).toBeLessThanOrEqual(capacityOn(schedule.workCenters.get(wcId)!, Number(day)));
      }
    }), RUNS);
  });

  it('changes nothing when the same day is turned twice', () => {
    fc.assert(fc.property(caseArb, ({ plant, orders }) => {
      const today = todayOf(plant);
      const schedule = scheduleOf(plant, orders);
      turnDay(schedule, today);
      const once = JSON.stringify([...schedule.orders.values()]);
      const again = turnDay(schedule, today);
      expect(again.jobs).toEqual([]);
      expect(JSON.stringify([...schedule.orders.values()])).toBe(once);
    }), RUNS);
  });

  it('flags as at risk exactly the open orders whose projected finish passes their due date', () => {
    fc.assert(fc.property(caseArb, ({ plant, orders }) => {
      const today = todayOf(plant);
      const schedule = scheduleOf(plant, orders);
      turnDay(schedule, today);
      for (const o of schedule.orders.values()) {
        const last = Math.max(...o.jobs.flatMap((j) => j.allocations.map((a) => a.day)));
        const open = o.status === 'CONFIRMED' || o.status === 'IN_PRODUCTION';
        expect(isAtRisk(o)).toBe(open && Number.isFinite(last) && last > o.dueDate);
        expect(projectedFinish(o)).toBe(Number.isFinite(last) ? last : null);
      }
    }), RUNS);
  });
});

describe('what remains of a job', () => {
  it('is (quantity − completed) × time per unit plus the setup not yet done, and at least a minute while open', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.boolean(),
      (setup, perUnit, quantity, completed, setupDone) => {
        const step = { seq: 10, workCenterId: 'w', setupMinutes: setup, minutesPerUnit: perUnit };
        const expected = Math.max(0, quantity - completed) * perUnit + (setupDone ? 0 : setup);
        expect(remainingMinutes(step, quantity, completed, [], setupDone)).toBe(Math.max(1, expected));
      },
    ), RUNS);
  });

  it('a re-planned job holds its remaining minutes from today on its work center, and a later step follows it', () => {
    fc.assert(fc.property(caseArb, fc.integer({ min: 1, max: 2000 }), ({ plant, orders }, minutes) => {
      const today = todayOf(plant);
      const schedule = scheduleOf(plant, orders);
      const target = [...schedule.orders.values()].find((o) => o.id.startsWith('o') && o.jobs.some((j) => j.status !== 'DONE'));
      if (!target) return;
      const job = [...target.jobs].sort((a, b) => a.seq - b.seq).find((j) => j.status !== 'DONE')!;
      const changed = rollOrder(schedule, schedule.load, target, today, new Map([[job.id, minutes]]));
      if (changed === null) return;
      const replanned = changed.find((j) => j.id === job.id)!;
      expect(replanned.workCenterId).toBe(job.workCenterId);
      expect(replanned.allocations.reduce((s, a) => s + a.minutes, 0)).toBe(minutes);
      expect(replanned.allocations[0]!.day).toBeGreaterThanOrEqual(today);
      const next = target.jobs.find((j) => j.seq > job.seq && j.status !== 'DONE');
      const nextNow = changed.find((j) => j.id === next?.id) ?? next;
      if (nextNow) expect(nextNow.allocations[0]!.day).toBeGreaterThan(replanned.allocations.at(-1)!.day);
    }), RUNS);
  });
});

describe('downtime', () => {
  it('displaces work until the bucket fits, keeps every job\'s minutes and fills no other bucket above regular capacity', () => {
    fc.assert(fc.property(caseArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 480 }), ({ plant, orders }, offset, allowed) => {
      const today = todayOf(plant);
      const schedule = scheduleOf(plant, orders);
      turnDay(schedule, today);
      const wcId = plant.input.workCenters[0]!.id;
      const day = today + offset;
      const before = new Map([...schedule.orders.values()].map((o) => [o.id, o]));
      const loadBefore = loads(schedule);
      const relief = relieveBucket(schedule, wcId, day, allowed, today);
      const loadAfter = loads(schedule);
      if (relief.stuckOrderIds.length === 0) {
        // what stays is what the bucket allows, or work that may not move (done work, or not an open order's)
        const fixed = [...schedule.orders.values()].filter((o) => !(o.status === 'CONFIRMED' || o.status === 'IN_PRODUCTION'))
          .flatMap((o) => o.jobs).concat([...schedule.orders.values()].flatMap((o) => o.jobs.filter((j) => j.status === 'DONE')))
          .filter((j) => j.workCenterId === wcId).flatMap((j) => j.allocations).filter((a) => a.day === day).reduce((t, a) => t + a.minutes, 0);
        expect(loadAfter.get(`${wcId}|${day}`) ?? 0).toBeLessThanOrEqual(Math.max(allowed, fixed));
      }
      for (const o of schedule.orders.values()) {
        for (const j of o.jobs) {
          const was = before.get(o.id)!.jobs.find((x) => x.id === j.id)!;
          expect(j.allocations.reduce((t, a) => t + a.minutes, 0)).toBe(was.allocations.reduce((t, a) => t + a.minutes, 0));
        }
      }
      for (const [key, after] of loadAfter) {
        if (after <= (loadBefore.get(key) ?? 0)) continue;
        const [w, d] = key.split('|') as [string, string];
        expect(after).toBeLessThanOrEqual(capacityOn(schedule.workCenters.get(w)!, Number(d)));
      }
    }), RUNS);
  });
});
