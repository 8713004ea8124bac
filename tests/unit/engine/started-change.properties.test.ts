import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildSchedule, evaluateChange, LoadOverlay, remainingMinutes, rollOrder, setupDone, withJobs, type Job,
} from '../../../server/src/engine/index.ts';
import { plantArb, todayOf } from './arbitraries.ts';
import { order, policy } from './factories.ts';

/**
 * A change to an order whose first step is under way (docs/product.md §12): the step needs what
 * remains of the new quantity — the units not yet made, and the setup only while it is not done —
 * not the whole quantity again.
 */

const POLICY = policy();
const RUNS = { numRuns: 120 };

const sumOf = (allocations: Job['allocations']) => allocations.reduce((s, a) => s + a.minutes, 0);

describe('a quantity change on a started step', () => {
  it('plans the remaining units of the new quantity, keeping the work already placed on today', () => {
    fc.assert(
      fc.property(
        plantArb, fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 2 }),
        (plant, quantity, newQuantity, percentDone, scrap) => {
          const today = todayOf(plant);
          const dueDate = today + 200;
          const planned = evaluateChange(buildSchedule(plant.input), POLICY, {
            newOrder: { id: 'x', productId: plant.product.id, quantity, optionIds: [], dueDate, unitPriceCents: 5000 },
          }, today);
          fc.pre(planned.tier !== 'INFEASIBLE');

          // the first step started and made part of the quantity; what remains is placed from today, as a report does
          const step = [...plant.product.routing].sort((a, b) => a.seq - b.seq)[0]!;
          const completed = Math.floor((quantity * percentDone) / 100);
          const firstJob = planned.jobs.find((j) => j.seq === step.seq)!;
          const started: Job = { ...firstJob, status: 'STARTED', completedQuantity: completed, scrapQuantity: scrap };
          const x = order({ id: 'x', productId: plant.product.id, quantity, dueDate, status: 'IN_PRODUCTION', jobs: planned.jobs.map((j) => (j.id === started.id ? started : j)) });
          const before = buildSchedule({ ...plant.input, orders: [...plant.input.orders, x] });
          const remaining = remainingMinutes(step, quantity, completed, [], setupDone(started));
          const rolled = rollOrder(before, new LoadOverlay(before.load), x, today, new Map([[started.id, remaining]]));
          fc.pre(rolled !== null);
          const progressed = withJobs(x, rolled);
          const schedule = buildSchedule({ ...plant.input, orders: [...plant.input.orders, progressed] });
          const job = progressed.jobs.find((j) => j.id === started.id)!;
          expect(sumOf(job.allocations)).toBe(remaining);

          const evaluation = evaluateChange(schedule, POLICY, { orderId: 'x', quantity: newQuantity }, today);
          fc.pre(evaluation.tier !== 'INFEASIBLE');
          const after = evaluation.jobs.find((j) => j.id === started.id)!;
          const needed = remainingMinutes(step, newQuantity, completed, [], setupDone(started));
          const onToday = job.allocations.filter((a) => a.day <= today);
          // today's placed work is history to a change; the rest of the step is planned from it
          expect(after.allocations.filter((a) => a.day <= today)).toEqual(onToday);
          expect(sumOf(after.allocations)).toBe(Math.max(needed, sumOf(onToday)));
          if (newQuantity === quantity) expect(after.allocations).toEqual(job.allocations);
        },
      ),
      RUNS,
    );
  });
});
