import type { ChangeStep } from './changes.ts';
import type { Day } from './dates.ts';
import { LoadOverlay, type LoadReader } from './load.ts';
import { chainBounds, planChain } from './planning.ts';
import type { Schedule } from './schedule.ts';
import { capacityTiers } from './tiers.ts';
import type { CtpAlternative, CustomerTier, Policy } from './types.ts';

/**
 * Capable-to-promise (docs/product.md §3.10): for each tier the policy
 * allows, the earliest due date at which the changed order fits. One forward plan per tier — every step as soon as possible under the
 * tier's ceiling and earliest day — gives the earliest possible end of the last step; the due
 * date is that day + ship buffer working days. Greedy forward placement is optimal for a chain
 * (an earlier end of step k can only make step k+1 end earlier), and the backward plan for that
 * due date fits by the mirror argument, so the date is both feasible and minimal: one working day
 * earlier puts the end bound before the earliest possible end. The search runs two years ahead;
 * a tier with no fit by then reports `dueDate: null`. Each alternative carries the plan behind it.
 */
export function capableToPromise(
  schedule: Schedule,
  policy: Policy,
  today: Day,
  orderId: string,
  steps: readonly ChangeStep[],
  baseLoad: LoadReader,
  customerTier: CustomerTier | null,
): CtpAlternative[] {
  return capacityTiers(policy, customerTier).map((tier) => {
    const bounds = chainBounds(schedule, policy, today, tier, today, 'FORWARD', schedule.load, customerTier);
    const result = planChain(schedule, new LoadOverlay(baseLoad), orderId, steps, bounds);
    if (!result.ok) return { tier, dueDate: null, jobs: [] };
    const end = result.endDay ?? bounds.earliest;
    return { tier, dueDate: schedule.calendar.addWorkingDays(end, policy.shipBufferDays), jobs: result.jobs };
  });
}
