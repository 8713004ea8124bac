import { capacityOn, type CompiledWorkCenter, type PlantCalendar } from './calendar.ts';
import type { Day } from './dates.ts';
import type { Minutes } from './money.ts';
import type { CapacityTier, Policy } from './types.ts';

/**
 * A loading ceiling: `floor(bp × capacity / 10000)`, raised to capacity + overtime when
 * `overtime` is set. Integer maths, so "≤ 80%" is exact at the boundary.
 */
export interface Ceiling {
  readonly bp: number;
  readonly overtime: boolean;
}

/** Minutes a bucket may hold under a ceiling; 0 on a non-working day (no overtime there either). */
export function ceilingMinutes(wc: CompiledWorkCenter, day: Day, ceiling: Ceiling): Minutes {
  const capacity = capacityOn(wc, day);
  if (capacity <= 0) return 0;
  const byUtilization = Math.floor((ceiling.bp * capacity) / 10_000);
  return ceiling.overtime ? Math.max(byUtilization, capacity + wc.overtimeMinutesPerDay) : byUtilization;
}

/** The tiers a plan may use under a policy, lowest authority first (OVERTIME only if allowed). */
export function capacityTiers(policy: Policy): CapacityTier[] {
  return policy.overtimeAllowed ? ['AUTO', 'MANAGER', 'OVERTIME'] : ['AUTO', 'MANAGER'];
}

/** The ceiling of a tier: AUTO and MANAGER by utilization, OVERTIME = capacity + overtime. */
export function tierCeiling(tier: CapacityTier, policy: Policy): Ceiling {
  switch (tier) {
    case 'AUTO':
      return { bp: policy.autoApproveMaxUtilizationBp, overtime: false };
    case 'MANAGER':
      return { bp: policy.managerMaxUtilizationBp, overtime: false };
    case 'OVERTIME':
      return { bp: policy.managerMaxUtilizationBp, overtime: true };
  }
}

/** Key days of a planning run, derived once from the plant calendar and the policy. */
export interface PlanningWindow {
  readonly today: Day;
  /** "today + 1 working day": nothing is ever placed before this day. */
  readonly firstDay: Day;
  /** Last plant working day of the freeze window (== today when the window is 0 days). */
  readonly freezeEnd: Day;
}

/** Computes today + 1 working day and the end of the freeze window. */
export function planningWindow(calendar: PlantCalendar, policy: Policy, today: Day): PlanningWindow {
  return {
    today,
    firstDay: calendar.addWorkingDays(today, 1),
    freezeEnd: calendar.addWorkingDays(today, policy.freezeWindowWorkingDays),
  };
}

/**
 * Earliest day a tier may place new work. Decision: the freeze window is open only at the
 * OVERTIME tier, because that tier already needs the plant manager, who is also the authority for
 * freeze-window changes (SPEC §4). AUTO and MANAGER plans start after the window.
 */
export function tierEarliestDay(tier: CapacityTier, window: PlanningWindow, calendar: PlantCalendar): Day {
  return tier === 'OVERTIME' ? window.firstDay : Math.max(window.firstDay, calendar.addWorkingDays(window.freezeEnd, 1));
}
