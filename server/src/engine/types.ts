import type { Day } from './dates.ts';
import type { Cents, Minutes } from './money.ts';

// Plain-data inputs: everything here serializes to JSON unchanged, so an evaluation's inputs and
// outputs can be stored with the change order and replayed.

/** A line, cell or machine group with its own calendar and rates. */
export interface WorkCenter {
  readonly id: string;
  readonly code: string;
  readonly name?: string;
  /** Capacity per weekday, index 0 = Sunday … 6 = Saturday. */
  readonly weeklyMinutes: readonly Minutes[];
  /**
   * Dated overrides (holidays, maintenance): capacity for that date. Keys are Day numbers (as JSON
   * object keys) or `YYYY-MM-DD` strings; both are accepted.
   */
  readonly exceptions: Readonly<Record<string, Minutes>>;
  /** Extra minutes per working day available as overtime (only on days with capacity > 0). */
  readonly overtimeMinutesPerDay: Minutes;
  readonly rateCentsPerHour: Cents;
  readonly overtimePremiumCentsPerHour: Cents;
}

/** One routing step. `minutesPerUnit` may be fractional (1.5); it is used to 4 decimals. */
export interface RoutingStep {
  readonly seq: number;
  readonly workCenterId: string;
  readonly setupMinutes: Minutes;
  readonly minutesPerUnit: number;
}

/** A spec option value; options with the same `attribute` exclude each other. */
export interface ProductOption {
  readonly id: string;
  readonly attribute: string;
  readonly value: string;
  readonly addCostCents: Cents;
  readonly addMinutesPerUnit: number;
  /** Routing step (by seq) that gets the extra minutes, or null when the option adds no time. */
  readonly stepSeq: number | null;
  readonly reviewRequired: boolean;
}

export interface Product {
  readonly id: string;
  readonly sku: string;
  readonly name?: string;
  readonly materialCostCents: Cents;
  readonly listPriceCents: Cents;
  /** Minimum lead time in plant working days. */
  readonly minLeadTimeDays: number;
  readonly routing: readonly RoutingStep[];
  readonly options: readonly ProductOption[];
}

/**
 * Job and order lifecycles (docs/product.md §2; CANCELLED, DONE and SHIPPED orders cannot change):
 * the SDL's enums, generated as plain constants, so the engine stays free of I/O.
 */
import type { CustomerTier, JobStatus, OrderStatus } from '../../../schema/generated/enums.ts';
export { CustomerTier, JobStatus, OrderStatus } from '../../../schema/generated/enums.ts';

/** Minutes of one job placed on one day. */
export interface Allocation {
  readonly day: Day;
  readonly minutes: Minutes;
}

/** One routing step of one order on one work center; `minutes` = sum of its allocations. */
export interface Job {
  readonly id: string;
  readonly orderId: string;
  readonly seq: number;
  readonly workCenterId: string;
  readonly minutes: Minutes;
  readonly status: JobStatus;
  readonly allocations: readonly Allocation[];
  /** Good units reported so far (docs/product.md §12); absent means none. */
  readonly completedQuantity?: number;
  /** Units reported scrapped so far; absent means none. */
  readonly scrapQuantity?: number;
}

export interface Order {
  readonly id: string;
  readonly productId: string;
  readonly quantity: number;
  readonly optionIds: readonly string[];
  readonly dueDate: Day;
  readonly unitPriceCents: Cents;
  readonly status: OrderStatus;
  readonly version: number;
  readonly jobs: readonly Job[];
}

/** Everything needed to build a {@link import('./schedule.ts').Schedule}. */
export interface ScheduleInput {
  readonly workCenters: readonly WorkCenter[];
  readonly products: readonly Product[];
  readonly orders: readonly Order[];
}

/**
 * The rules operations established, versioned. Utilizations and margins are integer basis points
 * (8000 = 80%) so the ceilings are exact: `load ≤ floor(bp × capacity / 10000)`.
 */
export interface Policy {
  readonly version: number;
  readonly autoApproveMaxUtilizationBp: number;
  readonly managerMaxUtilizationBp: number;
  readonly overtimeAllowed: boolean;
  readonly freezeWindowWorkingDays: number;
  readonly costIncreaseLimitCents: Cents;
  readonly minMarginBp: number;
  readonly approvalSlaHours: number;
  /** Plant setting carried here so evaluation has one input: working days from last step to due. */
  readonly shipBufferDays: number;
  /**
   * Capacity rules for one work center, one customer tier or both (docs/product.md §4.3); the
   * fields above are the plant rule. Absent or empty: the plant rule everywhere.
   */
  readonly scopedRules?: readonly ScopedRule[];
}

/** Where a capacity rule applies; both null is the plant rule itself. */
export interface RuleScope {
  readonly workCenterId: string | null;
  readonly customerTier: CustomerTier | null;
}

/** The three capacity settings, and the rule instance (by its scope) they come from. */
export interface CapacityThresholds {
  readonly scope: RuleScope;
  readonly autoApproveMaxUtilizationBp: number;
  readonly managerMaxUtilizationBp: number;
  readonly overtimeAllowed: boolean;
}

/** A scoped rule sets all three capacity settings for its scope; one rule per scope. */
export type ScopedRule = CapacityThresholds;

/** Change-order kinds (docs/product.md §5), derived from which fields of a {@link Change} are set. */
export const ChangeKind = {
  QUANTITY: 'QUANTITY',
  DUE_DATE: 'DUE_DATE',
  SPEC: 'SPEC',
  CANCEL: 'CANCEL',
  NEW_ORDER: 'NEW_ORDER',
  MOVE_JOB: 'MOVE_JOB',
} as const;
export type ChangeKind = (typeof ChangeKind)[keyof typeof ChangeKind];

/** The order a NEW_ORDER change creates. */
export interface NewOrderInput {
  readonly id: string;
  readonly productId: string;
  readonly quantity: number;
  readonly optionIds: readonly string[];
  readonly dueDate: Day;
  readonly unitPriceCents: Cents;
}

/**
 * A requested change. For an existing order set `orderId` plus any of quantity (QUANTITY),
 * dueDate (DUE_DATE), optionIds (SPEC: the full new set), moveJob (MOVE_JOB) — these combine —
 * or `cancel: true` alone (CANCEL). For NEW_ORDER set only `newOrder`. `unitPriceCents` may
 * accompany any kind except CANCEL (a repriced quantity change).
 */
export interface Change {
  readonly orderId?: string;
  readonly quantity?: number;
  readonly dueDate?: Day;
  readonly optionIds?: readonly string[];
  readonly unitPriceCents?: Cents;
  readonly cancel?: boolean;
  readonly newOrder?: NewOrderInput;
  readonly moveJob?: { readonly jobId: string; readonly startDay: Day };
  /**
   * The tier of the order's customer, for customer-tier rules (docs/product.md §4.3). Absent:
   * only work-center and plant rules apply.
   */
  readonly customerTier?: CustomerTier;
}

/** Capacity tiers, lowest authority first. OVERTIME is the plant manager's tier. */
export const Tier = { AUTO: 'AUTO', MANAGER: 'MANAGER', OVERTIME: 'OVERTIME', INFEASIBLE: 'INFEASIBLE' } as const;
export type Tier = (typeof Tier)[keyof typeof Tier];
/** The tiers a plan can be placed under (everything but INFEASIBLE). */
export type CapacityTier = Exclude<Tier, 'INFEASIBLE'>;

/** Approval lanes: capacity (chain of command), accounting and quality (their own role only). */
export const Lane = { CAPACITY: 'CAPACITY', ACCOUNTING: 'ACCOUNTING', QUALITY: 'QUALITY' } as const;
export type Lane = (typeof Lane)[keyof typeof Lane];

/** Roles that can satisfy a required approval. */
export const ApproverRole = {
  OPS_MANAGER: 'OPS_MANAGER',
  PLANT_MANAGER: 'PLANT_MANAGER',
  ACCOUNTING: 'ACCOUNTING',
  QUALITY: 'QUALITY',
} as const;
export type ApproverRole = (typeof ApproverRole)[keyof typeof ApproverRole];

/** The policy rules that can require an approval (docs/product.md §4). */
export const Rule = {
  CAPACITY_MANAGER: 'CAPACITY_MANAGER',
  OVERTIME: 'OVERTIME',
  FREEZE_WINDOW: 'FREEZE_WINDOW',
  MIN_LEAD_TIME: 'MIN_LEAD_TIME',
  COST_INCREASE_LIMIT: 'COST_INCREASE_LIMIT',
  MIN_MARGIN: 'MIN_MARGIN',
  REVIEW_REQUIRED: 'REVIEW_REQUIRED',
} as const;
export type Rule = (typeof Rule)[keyof typeof Rule];

/** Unit of a rule's measured value and threshold. */
export type MeasureUnit = 'PERCENT' | 'MINUTES' | 'CENTS' | 'WORKING_DAYS' | 'OPTION';

/** One reason an approval is needed, in numbers anyone can check. */
export interface RequiredApproval {
  readonly lane: Lane;
  readonly role: ApproverRole;
  readonly rule: Rule;
  readonly measured: number;
  readonly threshold: number;
  readonly unit: MeasureUnit;
  readonly message: string;
  /**
   * The rule instance whose threshold fired: a scoped rule's scope, or the plant rule (both
   * null). Optional only because verdicts stored before scoped rules lack it (they used the plant).
   */
  readonly scope?: RuleScope;
}

/** One (work center, day) whose load the change alters. */
export interface BucketImpact {
  readonly workCenterId: string;
  readonly workCenterCode: string;
  readonly day: Day;
  readonly capacityMinutes: Minutes;
  /**
   * The overtime the work center can add that day, on top of `capacityMinutes` (0 on a closed
   * day). The API's `overtimeCapacityHours` is the sum of the two. Name kept: stored verdicts use it.
   */
  readonly overtimeCapacityMinutes: Minutes;
  readonly loadBeforeMinutes: Minutes;
  readonly loadAfterMinutes: Minutes;
  /** Percent of capacity, 2 decimals, for display; tiers are decided in exact integers. */
  readonly utilizationBeforePct: number;
  readonly utilizationAfterPct: number;
}

/** Cost of an order split the way accounting reads it; `total` is the sum of the parts. */
export interface CostBreakdown {
  readonly materialCents: Cents;
  readonly labourCents: Cents;
  readonly setupCents: Cents;
  readonly overtimePremiumCents: Cents;
  readonly scrapCents: Cents;
  readonly totalCents: Cents;
}

export interface Impact {
  readonly buckets: readonly BucketImpact[];
  readonly minutesDelta: Minutes;
  readonly hoursDelta: number;
  /** Minutes of the order's placed load above capacity, after the change. */
  readonly overtimeMinutes: Minutes;
  readonly costBefore: CostBreakdown;
  readonly costAfter: CostBreakdown;
  readonly costDelta: CostBreakdown;
  readonly priceBeforeCents: Cents;
  readonly priceAfterCents: Cents;
  readonly priceDeltaCents: Cents;
  readonly marginBeforeCents: Cents;
  readonly marginAfterCents: Cents;
  /** Margin as % of price, 2 decimals; null when the price is zero. */
  readonly marginBeforePct: number | null;
  readonly marginAfterPct: number | null;
}

/**
 * The part of an impact a stored verdict keeps for a policy replay (docs/product.md §4.4): no
 * costs before and after (their difference is kept), and `buckets` holds at least every bucket
 * the change raises — the only ones a tier or a rule reads.
 */
export type StoredImpact = Omit<Impact, 'costBefore' | 'costAfter'>;

/** Capable-to-promise: the earliest due date reachable under a tier (null: none in the horizon). */
export interface CtpAlternative {
  readonly tier: CapacityTier;
  readonly dueDate: Day | null;
  /**
   * The forward plan behind the date: the order's jobs as soon as possible under the tier (empty
   * when there is no date). Optional only because verdicts stored before it was added lack it.
   */
  readonly jobs?: readonly Job[];
}

/** Why an evaluation held a job where it is instead of re-planning it freely. */
export const FreezeReason = { DONE: 'DONE', STARTED: 'STARTED', FREEZE_WINDOW: 'FREEZE_WINDOW' } as const;
export type FreezeReason = (typeof FreezeReason)[keyof typeof FreezeReason];

/** A job of the changed order held in place rather than re-planned, and whether it stayed put. */
export interface FrozenJob {
  readonly jobId: string;
  readonly seq: number;
  readonly reason: FreezeReason;
  /**
   * True when its days after today are exactly as before. False when its minutes changed (it
   * continues from its current start), a spec change redoes a started step, the chain pushed it
   * later, or it is the job being moved.
   */
  readonly kept: boolean;
}

/**
 * What the freeze window rule sees of a change whatever the window's length (docs/product.md
 * §4.4): enough to judge the same plan under another window.
 */
export interface FreezeExposure {
  /** A job the change alters has started: the rule fires whatever the window. */
  readonly startedJobAltered: boolean;
  /**
   * Plant working days from today to the nearest start, before or after the change, of a job the
   * change alters (null: it alters none with days ahead).
   */
  readonly nearestStartWorkingDays: number | null;
}

/** The order's attributes after the change (null for CANCEL). */
export interface OrderTerms {
  readonly productId: string;
  readonly quantity: number;
  readonly optionIds: readonly string[];
  readonly dueDate: Day;
  readonly unitPriceCents: Cents;
}

/** The verdict of {@link import('./evaluate.ts').evaluateChange}; plain data, JSON-safe. */
export interface Evaluation {
  readonly policyVersion: number;
  readonly today: Day;
  readonly orderId: string;
  readonly kinds: readonly ChangeKind[];
  readonly tier: Tier;
  /** Why it is INFEASIBLE, in words a rep can repeat; null otherwise. */
  readonly infeasibleReason: string | null;
  readonly terms: OrderTerms | null;
  /** The order's jobs after the change (empty for CANCEL and INFEASIBLE). */
  readonly jobs: readonly Job[];
  /** Null when INFEASIBLE (nothing would be applied). */
  readonly impact: Impact | null;
  /**
   * Every reason an approval is needed. On an INFEASIBLE verdict only the rules that hold for the
   * requested terms whatever the plan (lead time, quality review), for information.
   */
  readonly requiredApprovals: readonly RequiredApproval[];
  /**
   * Highest role needed per lane (within a lane a higher role covers a lower one); what is routed.
   * Empty on an INFEASIBLE verdict: nothing can be applied, so nothing is routed.
   */
  readonly laneRoles: Partial<Record<Lane, ApproverRole>>;
  readonly alternatives: readonly CtpAlternative[];
  /**
   * The order's jobs the evaluation held in place, and why (empty for CANCEL and INFEASIBLE).
   * Optional only because verdicts stored before it was added lack it.
   */
  readonly frozenJobs?: readonly FrozenJob[];
  /** The customer tier the change was judged with (null: none known). Absent on verdicts stored before scoped rules. */
  readonly customerTier?: CustomerTier | null;
  /**
   * The capacity rule instance behind the tier: the one of the bucket that set it, or — when no
   * raised bucket needs more than AUTO — the rule for the customer tier without a work center.
   * Absent on verdicts stored before scoped rules (the plant rule).
   */
  readonly tierScope?: RuleScope;
  /**
   * The freeze window rule's view of the plan, for a policy replay (null when INFEASIBLE: no
   * plan). Optional only because verdicts stored before it was added lack it.
   */
  readonly freezeExposure?: FreezeExposure | null;
}
