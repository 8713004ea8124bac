import type { Day } from './dates.ts';
import { EngineError } from './errors.ts';
import { LoadOverlay, type LoadReader, type LoadWriter } from './load.ts';
import { loadBackward, loadForward, SEARCH_HORIZON_DAYS } from './loading.ts';
import type { Minutes } from './money.ts';
import { requireWorkCenter, type Schedule } from './schedule.ts';
import { type Ceiling, planningWindow, tierCeiling, tierEarliestDay } from './tiers.ts';
import type { Allocation, CapacityTier, CustomerTier, Job, JobStatus, Policy, Product, ProductOption, RoutingStep } from './types.ts';

/** Per-unit minutes are used to 4 decimals: 1.5 → 15000 ten-thousandths, exact in integers. */
const PER_UNIT_SCALE = 10_000n;

/**
 * Minutes of one routing step for an order: setup + ceil(quantity × (minutesPerUnit + option
 * minutes on this step)). The product is computed in integers (ten-thousandths of a minute) so
 * 10 × 1.1 is 11, not 11.000000000000002 rounded up to 12.
 */
export function stepMinutes(
  step: RoutingStep,
  quantity: number,
  options: readonly ProductOption[],
): Minutes {
  let perUnit = scaled(step.minutesPerUnit);
  for (const option of options) if (option.stepSeq === step.seq) perUnit += scaled(option.addMinutesPerUnit);
  const run = (BigInt(quantity) * perUnit + PER_UNIT_SCALE - 1n) / PER_UNIT_SCALE;
  return step.setupMinutes + Number(run);
}

function scaled(minutesPerUnit: number): bigint {
  return BigInt(Math.round(minutesPerUnit * Number(PER_UNIT_SCALE)));
}

/** The routing in execution order (by seq), whatever order the product lists it in. */
export function routingOf(product: Product): RoutingStep[] {
  return [...product.routing].sort((a, b) => a.seq - b.seq);
}

/**
 * How the chain planner treats one step:
 * - KEEP: its future allocations stay where they are (frozen or started work the change does
 *   not alter), unless the chain forces it later, in which case it is re-placed forward;
 * - CONTINUE: `minutes` are placed forward (as soon as possible) from `from` — work that is
 *   already under way or frozen and whose minutes change;
 * - PLAN: a free step, placed backward from the due date or forward from the earliest day.
 */
export type StepMode = 'KEEP' | 'CONTINUE' | 'PLAN';

/** One step handed to {@link planChain}. `history` (days ≤ today) is never moved. */
export interface StepSpec {
  readonly jobId: string;
  readonly seq: number;
  readonly workCenterId: string;
  readonly status: JobStatus;
  readonly mode: StepMode;
  readonly history: readonly Allocation[];
  /** KEEP: the future allocations to keep. */
  readonly keep: readonly Allocation[];
  /** CONTINUE / PLAN: minutes to place. */
  readonly minutes: Minutes;
  /** CONTINUE: do not place before this day. */
  readonly from: Day;
}

/** Bounds of one chain-planning attempt. */
export interface ChainBounds {
  readonly direction: 'BACKWARD' | 'FORWARD';
  /** BACKWARD: the last step must end on or before this day (due − ship buffer). */
  readonly endBound: Day;
  /** Earliest day for free (PLAN) steps: after the freeze window unless the tier opens it. */
  readonly earliest: Day;
  /** Today + 1 working day: nothing at all is placed before it. */
  readonly firstDay: Day;
  readonly ceiling: Ceiling;
  /** Forward searches give up after this day. */
  readonly horizonEnd: Day;
}

export type ChainResult =
  | { readonly ok: true; readonly jobs: Job[]; readonly endDay: Day | null }
  | { readonly ok: false; readonly failedSeq: number; readonly workCenterId: string };

/**
 * Places an order's steps as a chain (docs/product.md §3.3): step k+1
 * starts no earlier than the day after step k ends. KEEP/CONTINUE steps (a prefix: work already started or frozen) go first, forward;
 * the remaining steps go backward from `endBound` (as late as possible) or forward from the
 * earliest day (as soon as possible). Placements are written into `load` as they are made, so a
 * routing that visits a work center twice sees its own load. Returns the jobs or the failing step.
 */
export function planChain(
  schedule: Schedule,
  load: LoadWriter,
  orderId: string,
  steps: readonly StepSpec[],
  bounds: ChainBounds,
): ChainResult {
  const placed = new Map<number, Allocation[]>();
  let prefixLength = 0;
  steps.forEach((s, i) => {
    if (s.mode !== 'PLAN') prefixLength = i + 1;
  });

  let prevEnd = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < prefixLength; i++) {
    const step = steps[i]!;
    const wc = requireWorkCenter(schedule, step.workCenterId);
    let future: Allocation[] | null;
    if (step.mode === 'KEEP' && (step.keep.length === 0 || step.keep[0]!.day > prevEnd)) {
      future = [...step.keep];
      for (const a of future) load.add(wc.id, a.day, a.minutes);
    } else {
      // A kept step the chain now overlaps, a continued step, or a free step stuck inside the
      // prefix: all are placed forward as soon as the chain and "today + 1" allow.
      const minutes = step.mode === 'KEEP' ? sum(step.keep) : step.minutes;
      const from = Math.max(bounds.firstDay, prevEnd + 1, step.mode === 'CONTINUE' ? step.from : bounds.earliest);
      future = loadForward(wc, load, minutes, from, bounds.ceiling, bounds.horizonEnd);
    }
    if (future === null) return { ok: false, failedSeq: step.seq, workCenterId: step.workCenterId };
    placed.set(i, future);
    prevEnd = Math.max(prevEnd, lastDay(step.history), lastDay(future));
  }

  const lower = Math.max(bounds.earliest, bounds.firstDay, prevEnd + 1);
  if (bounds.direction === 'BACKWARD') {
    let end = bounds.endBound;
    if (prefixLength === steps.length && prevEnd > end) {
      const last = steps[steps.length - 1]!;
      return { ok: false, failedSeq: last.seq, workCenterId: last.workCenterId };
    }
    for (let i = steps.length - 1; i >= prefixLength; i--) {
      const step = steps[i]!;
      const wc = requireWorkCenter(schedule, step.workCenterId);
      const allocations = loadBackward(wc, load, step.minutes, end, bounds.ceiling, lower);
      if (allocations === null) return { ok: false, failedSeq: step.seq, workCenterId: step.workCenterId };
      placed.set(i, allocations);
      if (allocations.length > 0) end = allocations[0]!.day - 1;
    }
  } else {
    let start = lower;
    for (let i = prefixLength; i < steps.length; i++) {
      const step = steps[i]!;
      const wc = requireWorkCenter(schedule, step.workCenterId);
      const allocations = loadForward(wc, load, step.minutes, start, bounds.ceiling, bounds.horizonEnd);
      if (allocations === null) return { ok: false, failedSeq: step.seq, workCenterId: step.workCenterId };
      placed.set(i, allocations);
      if (allocations.length > 0) start = allocations[allocations.length - 1]!.day + 1;
    }
  }

  const jobs = steps.map((step, i) => toJob(orderId, step, placed.get(i) ?? []));
  let endDay: Day | null = null;
  for (const job of jobs) {
    const last = lastDay(job.allocations);
    if (Number.isFinite(last)) endDay = endDay === null ? last : Math.max(endDay, last);
  }
  return { ok: true, jobs, endDay };
}

/** Assembles a job from its untouched history and its new future allocations. */
export function toJob(orderId: string, step: StepSpec, future: readonly Allocation[]): Job {
  const allocations = [...step.history, ...future];
  return {
    id: step.jobId,
    orderId,
    seq: step.seq,
    workCenterId: step.workCenterId,
    minutes: sum(allocations),
    status: step.status,
    allocations,
  };
}

/** True when two allocation lists hold the same minutes on the same days. */
export function sameAllocations(a: readonly Allocation[], b: readonly Allocation[]): boolean {
  return a.length === b.length && a.every((x, i) => x.day === b[i]!.day && x.minutes === b[i]!.minutes);
}

/** Sum of allocation minutes. */
export function sum(allocations: readonly Allocation[]): Minutes {
  let total = 0;
  for (const a of allocations) total += a.minutes;
  return total;
}

function lastDay(allocations: readonly Allocation[]): number {
  return allocations.length === 0 ? Number.NEGATIVE_INFINITY : allocations[allocations.length - 1]!.day;
}

/** A new order to place from scratch (the seeder's input, and NEW_ORDER's). */
export interface OrderRequest {
  readonly orderId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly optionIds: readonly string[];
  readonly dueDate: Day;
}

/** Options of {@link planOrder}. Defaults: backward, AUTO tier ceiling and earliest day. */
export interface PlanOrderOptions {
  readonly today: Day;
  readonly policy: Policy;
  readonly tier?: CapacityTier;
  readonly direction?: 'BACKWARD' | 'FORWARD';
  /** Overrides the tier's ceiling (the seeder fills a demo plant to, say, 7000 bp). */
  readonly ceiling?: Ceiling;
  /** Overrides the tier's earliest day (e.g. the seeder placing history-free work in the window). */
  readonly earliestDay?: Day;
  /** Job ids; default `${orderId}-${seq}`. */
  readonly jobId?: (seq: number) => string;
}

export type OrderPlan =
  | { readonly ok: true; readonly jobs: Job[]; readonly endDay: Day | null }
  | { readonly ok: false; readonly failedSeq: number; readonly workCenterId: string };

/**
 * Plans a new order against the schedule's current load without changing it: backward from
 * due − ship buffer by default (as late as possible), or forward (as soon as possible). Book the
 * result with `addOrder(schedule, { ...order, jobs })` or {@link applyPlan}.
 */
export function planOrder(schedule: Schedule, request: OrderRequest, options: PlanOrderOptions): OrderPlan {
  const product = schedule.products.get(request.productId);
  if (product === undefined) {
    throw new EngineError('UNKNOWN_PRODUCT', `Product ${request.productId} does not exist`);
  }
  const chosen = product.options.filter((o) => request.optionIds.includes(o.id));
  const jobId = options.jobId ?? ((seq: number) => `${request.orderId}-${seq}`);
  const steps: StepSpec[] = routingOf(product).map((step) => ({
    jobId: jobId(step.seq),
    seq: step.seq,
    workCenterId: step.workCenterId,
    status: 'PLANNED',
    mode: 'PLAN',
    history: [],
    keep: [],
    minutes: stepMinutes(step, request.quantity, chosen),
    from: options.today,
  }));
  const tier = options.tier ?? 'AUTO';
  const bounds = chainBounds(schedule, options.policy, options.today, tier, request.dueDate, options.direction ?? 'BACKWARD');
  return planChain(schedule, new LoadOverlay(schedule.load), request.orderId, steps, {
    ...bounds,
    ceiling: options.ceiling ?? bounds.ceiling,
    earliest: options.earliestDay ?? bounds.earliest,
  });
}

/**
 * The bounds of a tier's attempt for a due date: ceiling, earliest day, due − ship buffer. When
 * evaluating a change to an existing order, `before` is the plant's load before the change: the
 * order may then refill any bucket up to that load at every tier (see {@link Ceiling.before}).
 * `customerTier` picks the customer-tier rules that apply (docs/product.md §4.3).
 */
export function chainBounds(
  schedule: Schedule,
  policy: Policy,
  today: Day,
  tier: CapacityTier,
  dueDate: Day,
  direction: 'BACKWARD' | 'FORWARD',
  before?: LoadReader,
  customerTier: CustomerTier | null = null,
): ChainBounds {
  const window = planningWindow(schedule.calendar, policy, today);
  const ceiling = tierCeiling(tier, policy, customerTier);
  return {
    direction,
    endBound: schedule.calendar.subWorkingDays(dueDate, policy.shipBufferDays),
    earliest: tierEarliestDay(tier, window, schedule.calendar),
    firstDay: window.firstDay,
    ceiling: before === undefined ? ceiling : { ...ceiling, before },
    horizonEnd: window.firstDay + SEARCH_HORIZON_DAYS,
  };
}

/** A load view of the schedule with some orders' future load (days after today) taken out. */
export function loadWithout(schedule: Schedule, jobs: readonly Job[], today: Day): LoadOverlay {
  const overlay = new LoadOverlay(schedule.load as LoadReader);
  for (const job of jobs) {
    for (const a of job.allocations) if (a.day > today) overlay.add(job.workCenterId, a.day, -a.minutes);
  }
  return overlay;
}
