import { capacityOn, type CompiledWorkCenter, type PlantCalendar } from './calendar.ts';
import type { Day } from './dates.ts';
import type { LoadReader } from './load.ts';
import type { Minutes } from './money.ts';
import type { BucketImpact, CapacityTier, Policy } from './types.ts';

/**
 * A loading ceiling: `floor(bp × capacity / 10000)`, raised to capacity + overtime when
 * `overtime` is set. Integer maths, so "≤ 80%" is exact at the boundary.
 */
export interface Ceiling {
  readonly bp: number;
  readonly overtime: boolean;
  /**
   * The plant's load before the change being evaluated. A change is judged by the load it adds
   * (docs/product.md §3.6), so a bucket may always be refilled up to its
   * load before the change whatever the tier: only minutes above that count against the ceiling.
   */
  readonly before?: LoadReader;
}

/** Minutes a bucket may hold under a ceiling; 0 on a non-working day (no overtime there either). */
export function ceilingMinutes(wc: CompiledWorkCenter, day: Day, ceiling: Ceiling): Minutes {
  const capacity = capacityOn(wc, day);
  if (capacity <= 0) return 0;
  const byUtilization = Math.floor((ceiling.bp * capacity) / 10_000);
  const byTier = ceiling.overtime ? Math.max(byUtilization, capacity + wc.overtimeMinutesPerDay) : byUtilization;
  return ceiling.before === undefined ? byTier : Math.max(byTier, ceiling.before.loadOn(wc.id, day));
}

/** A bucket the change raises: its load after is above its load before. */
export function isRaised(bucket: BucketImpact): boolean {
  return bucket.loadAfterMinutes > bucket.loadBeforeMinutes;
}

/**
 * The tier one bucket's load after the change needs, from the bucket's own numbers: AUTO up to
 * `floor(auto bp × capacity / 10000)` minutes, MANAGER up to the same with the manager's bp, above
 * that OVERTIME (the planner never goes beyond capacity + overtime).
 */
export function bucketTier(bucket: BucketImpact, policy: Policy): CapacityTier {
  const load = bucket.loadAfterMinutes;
  if (load <= Math.floor((policy.autoApproveMaxUtilizationBp * bucket.capacityMinutes) / 10_000)) return 'AUTO';
  if (load <= Math.floor((policy.managerMaxUtilizationBp * bucket.capacityMinutes) / 10_000)) return 'MANAGER';
  return 'OVERTIME';
}

/**
 * The tier of a change: the highest tier any bucket it raises needs, AUTO when it raises none
 * (a decrease, a cancel, a move onto emptier days). Buckets whose load falls or stays do not count.
 */
export function judgedTier(buckets: readonly BucketImpact[], policy: Policy): CapacityTier {
  let tier: CapacityTier = 'AUTO';
  for (const b of buckets) {
    if (!isRaised(b)) continue;
    const needed = bucketTier(b, policy);
    if (TIER_RANK[needed] > TIER_RANK[tier]) tier = needed;
  }
  return tier;
}

/**
 * The minutes a change adds to a bucket above the manager ceiling: `load after − max(load before,
 * manager ceiling)` for a raised bucket at the OVERTIME tier, else 0. What the OVERTIME rule
 * measures, and what no plan may hold when overtime is not allowed.
 */
export function minutesAboveManager(bucket: BucketImpact, policy: Policy): Minutes {
  if (!isRaised(bucket) || bucketTier(bucket, policy) !== 'OVERTIME') return 0;
  return bucket.loadAfterMinutes - Math.max(bucket.loadBeforeMinutes, Math.floor((policy.managerMaxUtilizationBp * bucket.capacityMinutes) / 10_000));
}

const TIER_RANK: Record<CapacityTier, number> = { AUTO: 0, MANAGER: 1, OVERTIME: 2 };

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
 * freeze-window changes (docs/product.md §3.3). AUTO and MANAGER plans
 * start after the window.
 */
export function tierEarliestDay(tier: CapacityTier, window: PlanningWindow, calendar: PlantCalendar): Day {
  return tier === 'OVERTIME' ? window.firstDay : Math.max(window.firstDay, calendar.addWorkingDays(window.freezeEnd, 1));
}
