import fc from 'fast-check';
import { addOrder, buildSchedule, type Change, type Job, planOrder, type Schedule } from '../../../server/src/engine/index.ts';
import { dueOffsetArb, quantityArb, type RandomPlant, todayOf } from './arbitraries.ts';
import { order, policy } from './factories.ts';

// A random plant with one order "x" booked on it, and random changes to that order: shared by the
// verdict and the policy-replay properties.

export interface Booked {
  readonly schedule: Schedule;
  readonly today: number;
  readonly before: Job[];
  readonly quantity: number;
  readonly optionIds: string[];
}

/** The plant with order "x" booked at the OVERTIME tier (so it may sit in full buckets), or null. */
export function book(plant: RandomPlant, quantity: number, dueOffset: number, pick: number): Booked | null {
  const schedule = buildSchedule(plant.input);
  const today = todayOf(plant);
  const optionIds = subset(plant.product.options.map((o) => o.id), pick);
  const request = { orderId: 'x', productId: plant.product.id, quantity, optionIds, dueDate: today + dueOffset };
  const plan = planOrder(schedule, request, { today, policy: policy(), tier: 'OVERTIME' });
  if (!plan.ok) return null;
  addOrder(schedule, order({ id: 'x', productId: plant.product.id, quantity, optionIds, dueDate: request.dueDate, jobs: plan.jobs }));
  return { schedule, today, before: plan.jobs, quantity, optionIds };
}

/** The ids whose bit is set in `bits`. */
export function subset(ids: readonly string[], bits: number): string[] {
  return ids.filter((_, i) => (bits >> i) & 1);
}

/**
 * A random change to order "x" — quantity, due date, options, a move, their combinations, or a
 * cancel — or a new order.
 */
export const changeArb = fc.oneof(
  fc.record({ cancel: fc.constant(true) }),
  fc.record({ newOrder: fc.record({ quantity: quantityArb, dueOffset: dueOffsetArb, options: fc.nat({ max: 7 }) }) }),
  fc.record(
    {
      quantity: quantityArb,
      dueOffset: dueOffsetArb,
      options: fc.nat({ max: 7 }),
      move: fc.record({ pick: fc.nat(), startOffset: fc.integer({ min: 1, max: 60 }) }),
    },
    { requiredKeys: [] },
  ),
);

export type RandomChange = typeof changeArb extends fc.Arbitrary<infer T> ? T : never;

export function toChange(booked: Booked, plant: RandomPlant, c: RandomChange): Change | null {
  if ('cancel' in c) return { orderId: 'x', cancel: true };
  if ('newOrder' in c) {
    const { quantity, dueOffset, options } = c.newOrder;
    const optionIds = subset(plant.product.options.map((o) => o.id), options);
    return { newOrder: { id: 'n', productId: plant.product.id, quantity, optionIds, dueDate: booked.today + dueOffset, unitPriceCents: 5000 } };
  }
  const change: { -readonly [K in keyof Change]: Change[K] } = { orderId: 'x' };
  if (c.quantity !== undefined) change.quantity = c.quantity;
  if (c.dueOffset !== undefined) change.dueDate = booked.today + c.dueOffset;
  if (c.options !== undefined) change.optionIds = subset(plant.product.options.map((o) => o.id), c.options);
  const move = c.move;
  if (move !== undefined) {
    const moved = booked.before[move.pick % booked.before.length]!;
    change.moveJob = { jobId: moved.id, startDay: Math.max(booked.schedule.calendar.addWorkingDays(booked.today, 1), booked.today + move.startOffset) };
  }
  return Object.keys(change).length > 1 ? change : null;
}

