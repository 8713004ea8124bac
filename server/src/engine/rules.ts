import type { ResolvedChange } from './changes.ts';
import { type Day, fromDay } from './dates.ts';
import { formatCents, isBelowBasisPoints, percent2 } from './money.ts';
import { sameAllocations } from './planning.ts';
import type { Schedule } from './schedule.ts';
import { PLANT_SCOPE, sameScope, scopeLabel, specificity, thresholdsFor } from './scopes.ts';
import { isRaised, minutesAboveManager, tierUnder, type PlanningWindow } from './tiers.ts';
import type {
  ApproverRole, BucketImpact, CapacityThresholds, CapacityTier, CustomerTier, FreezeExposure, Impact, Job, Lane, Policy, RequiredApproval, StoredImpact,
} from './types.ts';

/** Everything the rule checks look at. */
export interface RuleInput {
  readonly schedule: Schedule;
  readonly policy: Policy;
  readonly window: PlanningWindow;
  readonly resolved: ResolvedChange;
  readonly beforeJobs: readonly Job[];
  readonly afterJobs: readonly Job[];
  readonly impact: Impact;
  /** The change's customer tier, for customer-tier rules (docs/product.md §4.3). */
  readonly customerTier: CustomerTier | null;
}

/**
 * Rule checks (docs/product.md §3.6, §3.8). Each fired rule is one
 * {@link RequiredApproval} with the measured value,
 * the threshold and a message in numbers a rep can check. Order is fixed (capacity lane, then
 * accounting, then quality) so equal inputs give equal lists.
 */
export function requiredApprovals(input: RuleInput): RequiredApproval[] {
  return [
    ...capacityManager(input),
    ...overtime(input),
    ...plantWide([
      ...freezeWindow(input),
      ...minLeadTime(input),
      ...costIncrease(input),
      ...minMargin({ ...input, cancel: input.resolved.after === null }),
      ...reviewRequired(input),
    ]),
  ];
}

/**
 * What the rules that read only the plan's numbers (buckets, cost, margin) look at: a stored
 * verdict holds these (its customer tier too), so a policy replay calls the same functions
 * (docs/product.md §4.3).
 */
export interface ImpactRuleInput {
  readonly policy: Policy;
  readonly impact: StoredImpact;
  readonly customerTier: CustomerTier | null;
}

/** The rules with no scoped variant always use the plant rule: named so every approval says which rule instance fired. */
function plantWide(approvals: RequiredApproval[]): RequiredApproval[] {
  return approvals.map((a) => ({ ...a, scope: PLANT_SCOPE }));
}

/** What the rules that look only at the requested terms, not at a plan, need. */
export type TermsRuleInput = Pick<RuleInput, 'schedule' | 'window' | 'resolved'>;

/**
 * The rules that hold for the requested terms whatever the plan: lead time and quality review.
 * An INFEASIBLE verdict lists these (and only these, since it has no plan to measure capacity,
 * the freeze window, cost or margin on), so a rep still sees every reason the request would need
 * beyond fitting; nothing is routed, as nothing can be applied.
 */
export function termsApprovals(input: TermsRuleInput): RequiredApproval[] {
  return plantWide([...minLeadTime(input), ...reviewRequired(input)]);
}

/** The highest role each lane needs; in the capacity lane PLANT_MANAGER covers OPS_MANAGER. */
export function laneRoles(approvals: readonly Pick<RequiredApproval, 'lane' | 'role'>[]): Partial<Record<Lane, ApproverRole>> {
  const roles: Partial<Record<Lane, ApproverRole>> = {};
  for (const a of approvals) {
    if (roles[a.lane] === 'PLANT_MANAGER') continue;
    roles[a.lane] = a.role;
  }
  return roles;
}

/** Whether two verdicts route the same lanes to the same roles. */
export function sameLaneRoles(a: Partial<Record<Lane, ApproverRole>>, b: Partial<Record<Lane, ApproverRole>>): boolean {
  const lanes = Object.keys({ ...a, ...b }) as Lane[];
  return lanes.every((lane) => a[lane] === b[lane]);
}

/** Minutes as people count them on the floor: "2.5 h", "0.3 h". */
function hours(minutes: number): string {
  return `${Math.round(minutes / 6) / 10} h`;
}

function pct(bp: number): string {
  return `${bp / 100}%`;
}

/**
 * The ops manager for every bucket the change raises above its auto-approve limit (the most
 * specific rule's, §4.3). The same buckets and the same numbers decide the tier
 * ({@link judgedTier}), so the two always agree. Measured: the fullest such bucket, against its
 * rule's limit; the approval names that rule.
 */
export function capacityManager({ impact, policy, customerTier }: ImpactRuleInput): RequiredApproval[] {
  const above = raisedBuckets(impact, policy, customerTier).filter((b) => b.tier !== 'AUTO');
  if (above.length === 0) return [];
  let worst = above[0]!;
  for (const b of above) {
    if (b.bucket.loadAfterMinutes * worst.bucket.capacityMinutes > worst.bucket.loadAfterMinutes * b.bucket.capacityMinutes) worst = b;
  }
  const auto = worst.rule.autoApproveMaxUtilizationBp;
  const oneRule = above.every((b) => sameScope(b.rule.scope, worst.rule.scope));
  const limits = oneRule ? pct(auto) : 'their auto-approve limits';
  const more = above.length > 1 ? ` (and ${above.length - 1} more day${above.length > 2 ? 's' : ''} above ${limits})` : '';
  return [
    {
      lane: 'CAPACITY',
      role: 'OPS_MANAGER',
      rule: 'CAPACITY_MANAGER',
      measured: worst.bucket.utilizationAfterPct,
      threshold: auto / 100,
      unit: 'PERCENT',
      message: `${worst.bucket.workCenterCode} on ${fromDay(worst.bucket.day)} at ${worst.bucket.utilizationAfterPct}% > ${pct(auto)} auto-approve limit${ruleOf(worst)}${more}`,
      scope: worst.rule.scope,
    },
  ];
}

/**
 * The plant manager for every bucket the change raises above its manager limit (the OVERTIME
 * tier). Measured: the minutes the change adds above those limits — with the default 100% limit,
 * exactly the overtime it needs. Names the rule of the bucket that adds the most.
 */
export function overtime({ impact, policy, customerTier }: ImpactRuleInput): RequiredApproval[] {
  let added = 0;
  let most: { over: number; judged: JudgedBucket } | null = null;
  const days: string[] = [];
  const managers = new Set<number>();
  for (const judged of raisedBuckets(impact, policy, customerTier)) {
    if (judged.tier !== 'OVERTIME') continue;
    const b = judged.bucket;
    const manager = judged.rule.managerMaxUtilizationBp;
    const over = minutesAboveManager(b, judged.rule);
    added += over;
    managers.add(manager);
    if (most === null || over > most.over) most = { over, judged };
    days.push(`${b.workCenterCode} on ${fromDay(b.day)} +${hours(over)}`);
  }
  if (added === 0 || most === null) return [];
  const [only] = managers;
  const what = managers.size > 1 ? 'above the manager limits' : only === 10_000 ? 'of overtime' : `above the ${pct(only!)} manager limit`;
  return [
    {
      lane: 'CAPACITY',
      role: 'PLANT_MANAGER',
      rule: 'OVERTIME',
      measured: added,
      threshold: 0,
      unit: 'MINUTES',
      message: `Needs ${hours(added)} ${what}${ruleOf(most.judged)} (${days.join(', ')}); premium ${formatCents(impact.costDelta.overtimePremiumCents)} added to cost`,
      scope: most.judged.rule.scope,
    },
  ];
}

interface JudgedBucket {
  readonly bucket: BucketImpact;
  readonly rule: CapacityThresholds;
  readonly tier: CapacityTier;
}

/** The buckets the change raises, each with its rule and the tier it needs. */
function raisedBuckets(impact: Pick<Impact, 'buckets'>, policy: Policy, customerTier: CustomerTier | null): JudgedBucket[] {
  return impact.buckets.filter(isRaised).map((bucket) => {
    const rule = thresholdsFor(policy, bucket.workCenterId, customerTier);
    return { bucket, rule, tier: tierUnder(bucket, rule) };
  });
}

/** " (LASER rule)" when a scoped rule set the limit; nothing for the plant rule, whose wording is unchanged. */
function ruleOf({ bucket, rule }: JudgedBucket): string {
  return specificity(rule) === 0 ? '' : ` (${scopeLabel(rule.scope, rule.scope.workCenterId === null ? null : bucket.workCenterCode)} rule)`;
}

/** A job of the changed order whose days after today the change alters, with its starts. */
interface AlteredJob {
  readonly job: Job;
  /** First day after today before and after the change (null: none, or a job the change adds/removes). */
  readonly startBefore: Day | null;
  readonly startAfter: Day | null;
  readonly started: boolean;
}

/** The jobs whose future the change alters: changed or removed jobs of before, then added ones. */
function alteredJobs(beforeJobs: readonly Job[], afterJobs: readonly Job[], today: Day): AlteredJob[] {
  const afterById = new Map(afterJobs.map((j) => [j.id, j]));
  const altered: AlteredJob[] = [];
  const seen = new Set<string>();
  for (const job of beforeJobs) {
    seen.add(job.id);
    const after = afterById.get(job.id);
    if (after !== undefined && sameFuture(job, after, today)) continue;
    altered.push({ job, startBefore: firstFutureDay(job, today), startAfter: after === undefined ? null : firstFutureDay(after, today), started: job.status !== 'PLANNED' });
  }
  for (const job of afterJobs) {
    if (!seen.has(job.id)) altered.push({ job, startBefore: null, startAfter: firstFutureDay(job, today), started: false });
  }
  return altered;
}

/**
 * What the freeze window rule sees of a change whatever the window's length, stored with the
 * verdict so that a draft window can be replayed on it (docs/product.md §4.4).
 */
export function freezeExposure({ schedule, window, beforeJobs, afterJobs }: Pick<RuleInput, 'schedule' | 'window' | 'beforeJobs' | 'afterJobs'>): FreezeExposure {
  let nearest: Day | null = null;
  let startedJobAltered = false;
  for (const a of alteredJobs(beforeJobs, afterJobs, window.today)) {
    startedJobAltered ||= a.started;
    for (const start of [a.startBefore, a.startAfter]) if (start !== null && (nearest === null || start < nearest)) nearest = start;
  }
  return { startedJobAltered, nearestStartWorkingDays: nearest === null ? null : schedule.calendar.workingDaysBetween(window.today, nearest) };
}

/**
 * Whether the freeze window rule fires for a change of this exposure under a policy: a started job
 * is altered, or one starts (before or after the change) within the window's working days.
 */
export function freezeFires(exposure: FreezeExposure, policy: Pick<Policy, 'freezeWindowWorkingDays'>): boolean {
  return exposure.startedJobAltered || (exposure.nearestStartWorkingDays !== null && exposure.nearestStartWorkingDays <= policy.freezeWindowWorkingDays);
}

/**
 * A change to a job that has started, or that starts (before or after) inside the freeze window.
 * Measured: working days from today to the start inside the window — the job's current start
 * when that is inside (the committed slot the change disturbs, even if the job moves elsewhere),
 * else its start after the change; the message names both when they differ.
 */
function freezeWindow({ schedule, policy, window, beforeJobs, afterJobs }: RuleInput): RequiredApproval[] {
  const hits: { job: Job; start: Day | null; other: Day | null; byNew: boolean; started: boolean }[] = [];
  for (const { job, startBefore, startAfter, started } of alteredJobs(beforeJobs, afterJobs, window.today)) {
    if (started || inWindow(startBefore, window) || inWindow(startAfter, window)) {
      const byNew = !inWindow(startBefore, window) && inWindow(startAfter, window);
      hits.push({ job, start: byNew ? startAfter : startBefore, other: byNew ? startBefore : startAfter, byNew, started });
    }
  }
  if (hits.length === 0) return [];
  const first = hits[0]!;
  const wc = schedule.workCenters.get(first.job.workCenterId)!;
  const moved = first.other === null || first.other === first.start ? '' : first.byNew ? ` (instead of ${fromDay(first.other)})` : `; the change moves it to ${fromDay(first.other)}`;
  const what = first.started
    ? `Step ${first.job.seq} on ${wc.code} has already started`
    : `Step ${first.job.seq} on ${wc.code} ${first.byNew ? 'would start' : 'starts'} ${fromDay(first.start!)}, inside the ${policy.freezeWindowWorkingDays}-working-day freeze window (through ${fromDay(window.freezeEnd)})${moved}`;
  const more = hits.length > 1 ? ` (and ${hits.length - 1} more step${hits.length > 2 ? 's' : ''})` : '';
  return [
    {
      lane: 'CAPACITY',
      role: 'PLANT_MANAGER',
      rule: 'FREEZE_WINDOW',
      measured: first.started || first.start === null ? 0 : schedule.calendar.workingDaysBetween(window.today, first.start),
      threshold: policy.freezeWindowWorkingDays,
      unit: 'WORKING_DAYS',
      message: `${what}${more}`,
    },
  ];
}

function inWindow(day: Day | null, window: PlanningWindow): boolean {
  return day !== null && day <= window.freezeEnd;
}

function firstFutureDay(job: Job, today: Day): Day | null {
  return job.allocations.find((a) => a.day > today)?.day ?? null;
}

function sameFuture(a: Job, b: Job, today: Day): boolean {
  return sameAllocations(a.allocations.filter((x) => x.day > today), b.allocations.filter((x) => x.day > today));
}

/** Applies when the change sets a due date (DUE_DATE, NEW_ORDER). */
function minLeadTime({ schedule, window, resolved }: TermsRuleInput): RequiredApproval[] {
  if (!resolved.kinds.includes('DUE_DATE') && !resolved.kinds.includes('NEW_ORDER')) return [];
  const due = resolved.after!.dueDate;
  const lead = resolved.product.minLeadTimeDays;
  const earliest = schedule.calendar.addWorkingDays(window.today, lead);
  if (due >= earliest) return [];
  const measured = schedule.calendar.workingDaysBetween(window.today, due);
  return [
    {
      lane: 'CAPACITY',
      role: 'PLANT_MANAGER',
      rule: 'MIN_LEAD_TIME',
      measured,
      threshold: lead,
      unit: 'WORKING_DAYS',
      message: `Due ${fromDay(due)} is ${measured} working day${measured === 1 ? '' : 's'} away; ${resolved.product.sku} needs ${lead} (${fromDay(earliest)} or later)`,
    },
  ];
}

export function costIncrease({ policy, impact }: Pick<ImpactRuleInput, 'policy' | 'impact'>): RequiredApproval[] {
  const delta = impact.costDelta.totalCents;
  if (delta <= policy.costIncreaseLimitCents) return [];
  return [
    {
      lane: 'ACCOUNTING',
      role: 'ACCOUNTING',
      rule: 'COST_INCREASE_LIMIT',
      measured: delta,
      threshold: policy.costIncreaseLimitCents,
      unit: 'CENTS',
      message: `Cost rises by ${formatCents(delta)} > ${formatCents(policy.costIncreaseLimitCents)} limit`,
    },
  ];
}

/** Margin after the change below the minimum, compared exactly: margin × 10000 < bp × price. */
export function minMargin({ policy, impact, cancel }: Pick<ImpactRuleInput, 'policy' | 'impact'> & { readonly cancel: boolean }): RequiredApproval[] {
  if (cancel) return [];
  const price = impact.priceAfterCents;
  const margin = impact.marginAfterCents;
  const below = price > 0 ? isBelowBasisPoints(margin, price, policy.minMarginBp) : margin < 0 || policy.minMarginBp > 0;
  if (!below) return [];
  return [
    {
      lane: 'ACCOUNTING',
      role: 'ACCOUNTING',
      rule: 'MIN_MARGIN',
      measured: percent2(margin, price) ?? 0,
      threshold: policy.minMarginBp / 100,
      unit: 'PERCENT',
      message: `Margin after the change is ${percent2(margin, price) ?? 0}% (${formatCents(margin)} on ${formatCents(price)}) < ${pct(policy.minMarginBp)} minimum`,
    },
  ];
}

function reviewRequired({ resolved }: TermsRuleInput): RequiredApproval[] {
  return resolved.addedOptions
    .filter((o) => o.reviewRequired)
    .map((o) => ({
      lane: 'QUALITY' as const,
      role: 'QUALITY' as const,
      rule: 'REVIEW_REQUIRED' as const,
      measured: 1,
      threshold: 0,
      unit: 'OPTION' as const,
      message: `Option ${o.attribute} = ${o.value} on ${resolved.product.sku} requires a quality review`,
    }));
}
