import { randomUUID } from 'node:crypto';
import {
  addOrder, capacityOn, chainBounds, fromDay, LoadOverlay, planChain, routingOf, stepMinutes, tierCeiling, toDay,
  type Ceiling, type Day, type Job, type Policy, type Schedule, type StepSpec,
} from '../../engine/index.ts';
import type { NewOrderRow } from '../order/order.repository.ts';
import type { ImportProgress } from './import-progress.ts';

/** An imported open order, resolved to ids, as it is placed at cut-over. */
export interface CutOverOrder {
  number: string;
  customerId: string;
  productId: string;
  quantity: number;
  optionIds: string[];
  dueDate: string;
  unitPriceCents: number;
  /** Routing steps already done at cut-over. */
  completedSteps: number;
}

export interface LateOrder {
  number: string;
  dueDate: string;
  earliestDate: string | null;
}

export interface CutOverImpact {
  ordersPlaced: number;
  lateOrders: LateOrder[];
  bucketsAboveAuto: number;
  bucketsAboveManager: number;
  bucketsAboveCapacity: number;
}

export interface CutOverPlan {
  orders: { order: NewOrderRow; jobs: Job[] }[];
  /** Orders nothing could be placed for within the search horizon, with the step that did not fit. */
  unplaced: { number: string; reason: string }[];
  impact: CutOverImpact;
}

/**
 * Places a plant's open orders at cut-over as the demo seeder places its orders (docs/import.md):
 * by due date, each backward from due − ship buffer under the policy's auto-approve ceiling (as late
 * as possible); an order that does not fit by its date is placed forward, as early as it fits (under
 * the same ceiling, else with overtime), and reported late with the date it can make. Nothing is
 * dropped. Steps already done at cut-over become DONE jobs whose hours are history (the day before
 * today) and hold no future load; the remaining steps follow them. MUTATES `schedule`. Tells
 * `progress` how many orders are placed as it goes (and lets the event loop turn meanwhile).
 */
export async function placeCutOver(schedule: Schedule, policy: Policy, today: Day, orders: readonly CutOverOrder[], progress?: ImportProgress): Promise<CutOverPlan> {
  const sorted = [...orders].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
  const placed: CutOverPlan['orders'] = [];
  const unplaced: CutOverPlan['unplaced'] = [];
  const late: LateOrder[] = [];
  const auto = tierCeiling('AUTO', policy);
  const attempts: { direction: 'BACKWARD' | 'FORWARD'; ceiling: Ceiling }[] = [
    { direction: 'BACKWARD', ceiling: auto },
    { direction: 'FORWARD', ceiling: auto },
    { direction: 'FORWARD', ceiling: tierCeiling('OVERTIME', policy) },
  ];
  for (const [index, o] of sorted.entries()) {
    await progress?.tick(index);
    const orderId = randomUUID();
    const product = schedule.products.get(o.productId)!;
    const chosen = product.options.filter((x) => o.optionIds.includes(x.id));
    const due = toDay(o.dueDate);
    const steps: StepSpec[] = routingOf(product).map((step) => {
      const minutes = stepMinutes(step, o.quantity, chosen);
      const done = step.seq <= o.completedSteps;
      return {
        jobId: randomUUID(), seq: step.seq, workCenterId: step.workCenterId, status: done ? 'DONE' : 'PLANNED', mode: done ? 'KEEP' : 'PLAN',
        history: done ? [{ day: today - 1, minutes }] : [], keep: [], minutes: done ? 0 : minutes, from: today,
      };
    });
    let jobs: Job[] | null = null;
    let endDay: Day | null = null;
    let failure = '';
    if (o.completedSteps >= steps.length) {
      jobs = steps.map((s) => ({ id: s.jobId, orderId, seq: s.seq, workCenterId: s.workCenterId, minutes: s.history[0]!.minutes, status: 'DONE', allocations: s.history }));
    } else {
      for (const attempt of attempts) {
        const bounds = chainBounds(schedule, policy, today, 'AUTO', due, attempt.direction);
        const result = planChain(schedule, new LoadOverlay(schedule.load), orderId, steps, { ...bounds, earliest: bounds.firstDay, ceiling: attempt.ceiling });
        if (result.ok) {
          jobs = result.jobs;
          endDay = result.endDay;
          if (attempt.direction === 'FORWARD') {
            late.push({ number: o.number, dueDate: o.dueDate, earliestDate: endDay === null ? null : fromDay(schedule.calendar.addWorkingDays(endDay, policy.shipBufferDays)) });
          }
          break;
        }
        failure = `step ${result.failedSeq} does not fit on ${schedule.workCenters.get(result.workCenterId)?.code ?? result.workCenterId} within the planning horizon, even with overtime`;
      }
    }
    if (!jobs) {
      unplaced.push({ number: o.number, reason: failure });
      continue;
    }
    const status = o.completedSteps >= steps.length ? 'DONE' : o.completedSteps > 0 ? 'IN_PRODUCTION' : 'CONFIRMED';
    addOrder(schedule, { id: orderId, productId: o.productId, quantity: o.quantity, optionIds: o.optionIds, dueDate: due, unitPriceCents: o.unitPriceCents, status, version: 1, jobs });
    placed.push({
      order: { id: orderId, number: o.number, customerId: o.customerId, productId: o.productId, quantity: o.quantity, optionIds: o.optionIds, dueDate: o.dueDate, unitPriceCents: o.unitPriceCents, status },
      jobs,
    });
  }
  await progress?.tick(sorted.length);
  return { orders: placed, unplaced, impact: { ordersPlaced: placed.length, lateOrders: late, ...bucketsAbove(schedule, policy, today, placed) } };
}

/** Future buckets the placed orders touch that end above each tier's ceiling. */
function bucketsAbove(schedule: Schedule, policy: Policy, today: Day, placed: CutOverPlan['orders']) {
  const touched = new Set<string>();
  for (const { jobs } of placed) for (const j of jobs) for (const a of j.allocations) if (a.day > today) touched.add(`${j.workCenterId}|${a.day}`);
  let aboveAuto = 0;
  let aboveManager = 0;
  let aboveCapacity = 0;
  for (const key of touched) {
    const [wcId, day] = key.split('|') as [string, string];
    const wc = schedule.workCenters.get(wcId)!;
    const capacity = capacityOn(wc, Number(day));
    const load = schedule.load.loadOn(wcId, Number(day));
    if (load > Math.floor((policy.autoApproveMaxUtilizationBp * capacity) / 10_000)) aboveAuto++;
    if (load > Math.floor((policy.managerMaxUtilizationBp * capacity) / 10_000)) aboveManager++;
    if (load > capacity) aboveCapacity++;
  }
  return { bucketsAboveAuto: aboveAuto, bucketsAboveManager: aboveManager, bucketsAboveCapacity: aboveCapacity };
}
