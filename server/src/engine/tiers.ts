import { capacityOn, type CompiledWorkCenter, type PlantCalendar } from './calendar.ts';
import type { Day } from './dates.ts';
import type { LoadReader } from './load.ts';
import type { Minutes } from './money.ts';
import { anyOvertimeAllowed, specificity, thresholdsFor, workCenterThresholds } from './scopes.ts';
import type { BucketImpact, CapacityThresholds, CapacityTier, CustomerTier, Policy, RuleScope } from './types.ts';

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
  /**
   * Work centers whose scoped rules (docs/product.md §4.3) set their own ceiling for this tier:
   * `bp` and `overtime` above are for every other work center.
   */
  readonly byWorkCenter?: ReadonlyMap<string, { readonly bp: number; readonly overtime: boolean }>;
}

/** Minutes a bucket may hold under a ceiling; 0 on a non-working day (no overtime there either). */
export function ceilingMinutes(wc: CompiledWorkCenter, day: Day, ceiling: Ceiling): Minutes {
  const capacity = capacityOn(wc, day);
  if (capacity <= 0) return 0;
  const own = ceiling.byWorkCenter?.get(wc.id) ?? ceiling;
  const byUtilization = Math.floor((own.bp * capacity) / 10_000);
  const byTier = own.overtime ? Math.max(byUtilization, capacity + wc.overtimeMinutesPerDay) : byUtilization;
  return ceiling.before === undefined ? byTier : Math.max(byTier, ceiling.before.loadOn(wc.id, day));
}

/** A bucket the change raises: its load after is above its load before. */
export function isRaised(bucket: BucketImpact): boolean {
  return bucket.loadAfterMinutes > bucket.loadBeforeMinutes;
}

/**
 * The tier one bucket's load after the change needs, from the bucket's own numbers: AUTO up to
 * `floor(auto bp × capacity / 10000)` minutes, MANAGER up to the same with the manager's bp, above
 * that OVERTIME (the planner never goes beyond capacity + overtime). The thresholds are those of
 * the most specific rule for the bucket's work center and the change's customer tier.
 */
export function bucketTier(bucket: BucketImpact, policy: Policy, customerTier: CustomerTier | null = null): CapacityTier {
  return tierUnder(bucket, thresholdsFor(policy, bucket.workCenterId, customerTier));
}

/** A bucket's tier under given thresholds. */
export function tierUnder(bucket: BucketImpact, rule: CapacityThresholds): CapacityTier {
  const load = bucket.loadAfterMinutes;
  if (load <= Math.floor((rule.autoApproveMaxUtilizationBp * bucket.capacityMinutes) / 10_000)) return 'AUTO';
  if (load <= Math.floor((rule.managerMaxUtilizationBp * bucket.capacityMinutes) / 10_000)) return 'MANAGER';
  return 'OVERTIME';
}

/**
 * The tier of a change: the highest tier any bucket it raises needs, AUTO when it raises none
 * (a decrease, a cancel, a move onto emptier days). Buckets whose load falls or stays do not count.
 */
export function judgedTier(buckets: readonly BucketImpact[], policy: Policy, customerTier: CustomerTier | null = null): CapacityTier {
  return judgeBuckets(buckets, policy, customerTier).tier;
}

/**
 * The tier of a change and the rule instance behind it: the rule of the raised bucket that needs
 * the highest tier (the fullest such bucket on a tie, then the most specific rule); with no
 * raised bucket, the rule for the customer tier without a work center.
 */
export function judgeBuckets(
  buckets: readonly BucketImpact[],
  policy: Policy,
  customerTier: CustomerTier | null,
): { tier: CapacityTier; scope: RuleScope } {
  let best: { tier: CapacityTier; bucket: BucketImpact; rule: CapacityThresholds } | null = null;
  for (const bucket of buckets) {
    if (!isRaised(bucket)) continue;
    const rule = thresholdsFor(policy, bucket.workCenterId, customerTier);
    const tier = tierUnder(bucket, rule);
    if (best === null || outranks({ tier, bucket, rule }, best)) best = { tier, bucket, rule };
  }
  if (best === null) return { tier: 'AUTO', scope: thresholdsFor(policy, null, customerTier).scope };
  return { tier: best.tier, scope: best.rule.scope };
}

type Judged = { tier: CapacityTier; bucket: BucketImpact; rule: CapacityThresholds };

function outranks(a: Judged, b: Judged): boolean {
  if (TIER_RANK[a.tier] !== TIER_RANK[b.tier]) return TIER_RANK[a.tier] > TIER_RANK[b.tier];
  const fuller = a.bucket.loadAfterMinutes * b.bucket.capacityMinutes - b.bucket.loadAfterMinutes * a.bucket.capacityMinutes;
  if (fuller !== 0) return fuller > 0;
  return specificity(a.rule) > specificity(b.rule);
}

/**
 * The minutes a change adds to a bucket above the manager ceiling: `load after − max(load before,
 * manager ceiling)` for a raised bucket at the OVERTIME tier under its rule, else 0. What the
 * OVERTIME rule measures, and what no plan may hold where its rule does not allow overtime.
 */
export function minutesAboveManager(bucket: BucketImpact, rule: CapacityThresholds): Minutes {
  if (!isRaised(bucket) || tierUnder(bucket, rule) !== 'OVERTIME') return 0;
  return bucket.loadAfterMinutes - Math.max(bucket.loadBeforeMinutes, Math.floor((rule.managerMaxUtilizationBp * bucket.capacityMinutes) / 10_000));
}

const TIER_RANK: Record<CapacityTier, number> = { AUTO: 0, MANAGER: 1, OVERTIME: 2 };

/**
 * The tiers a plan may use under a policy, lowest authority first: OVERTIME only if some rule
 * that can apply to the change allows it.
 */
export function capacityTiers(policy: Policy, customerTier: CustomerTier | null = null): CapacityTier[] {
  return anyOvertimeAllowed(policy, customerTier) ? ['AUTO', 'MANAGER', 'OVERTIME'] : ['AUTO', 'MANAGER'];
}

/**
 * The ceiling of a tier: AUTO and MANAGER by utilization, OVERTIME = capacity + overtime where
 * the rule allows overtime (the manager utilization elsewhere). Work centers with a scoped rule
 * get their own ceiling.
 */
export function tierCeiling(tier: CapacityTier, policy: Policy, customerTier: CustomerTier | null = null): Ceiling {
  // Without scoped rules the OVERTIME ceiling always has overtime: evaluation tries that tier only
  // when the plant allows it, and the import's cut-over uses it on purpose as its last resort.
  // With scoped rules the tier can be tried for one rule's sake, so each rule says for itself.
  const perRule = (policy.scopedRules?.length ?? 0) > 0;
  const base = ceilingOf(tier, thresholdsFor(policy, null, customerTier), perRule);
  const own = workCenterThresholds(policy, customerTier);
  if (own.size === 0) return base;
  return { ...base, byWorkCenter: new Map([...own].map(([wc, rule]) => [wc, ceilingOf(tier, rule, perRule)])) };
}

function ceilingOf(tier: CapacityTier, rule: CapacityThresholds, perRule: boolean): { bp: number; overtime: boolean } {
  switch (tier) {
    case 'AUTO':
      return { bp: rule.autoApproveMaxUtilizationBp, overtime: false };
    case 'MANAGER':
      return { bp: rule.managerMaxUtilizationBp, overtime: false };
    case 'OVERTIME':
      return { bp: rule.managerMaxUtilizationBp, overtime: !perRule || rule.overtimeAllowed };
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
