import { type Day, fromDay } from './dates.ts';
import { EngineError } from './errors.ts';
import { remainingMinutes, setupDone } from './floor.ts';
import { routingOf, sameAllocations, type StepSpec, stepMinutes, sum } from './planning.ts';
import type { Schedule } from './schedule.ts';
import type { PlanningWindow } from './tiers.ts';
import type { Allocation, Change, ChangeKind, FrozenJob, Job, Order, OrderTerms, Product, ProductOption } from './types.ts';

/** Largest quantity the engine accepts: beyond it a typo is likelier than an order. */
export const MAX_QUANTITY = 1_000_000;

/** A validated change: the order before, its terms after, and what kind of change it is. */
export interface ResolvedChange {
  readonly orderId: string;
  readonly kinds: readonly ChangeKind[];
  readonly product: Product;
  /** The order as it is (null for NEW_ORDER). */
  readonly before: Order | null;
  /** The order's terms after the change (null for CANCEL). */
  readonly after: OrderTerms | null;
  readonly move: { readonly job: Job; readonly startDay: Day } | null;
  /** Options chosen after the change that were not chosen before (the QUALITY lane's input). */
  readonly addedOptions: readonly ProductOption[];
  /** True when the option set changes (SPEC). */
  readonly specChanged: boolean;
}

/**
 * Validates a change against the schedule and resolves it into before/after terms. Every refusal
 * is an {@link EngineError} whose message a sales rep can act on.
 */
export function resolveChange(schedule: Schedule, change: Change, window: PlanningWindow): ResolvedChange {
  if (change.newOrder !== undefined) return resolveNewOrder(schedule, change, window);
  if (change.orderId === undefined) {
    throw new EngineError('INVALID_CHANGE', 'Choose the order to change, or describe a new order');
  }
  const before = schedule.orders.get(change.orderId);
  if (before === undefined) throw new EngineError('UNKNOWN_ORDER', `Order ${change.orderId} does not exist`);
  if (before.status === 'CANCELLED' || before.status === 'DONE' || before.status === 'SHIPPED') {
    throw new EngineError('ORDER_CLOSED', `Order ${before.id} is ${before.status.toLowerCase()} and can no longer change`);
  }
  const product = requireProduct(schedule, before.productId);

  const kinds: ChangeKind[] = [];
  if (change.quantity !== undefined) kinds.push('QUANTITY');
  if (change.dueDate !== undefined) kinds.push('DUE_DATE');
  if (change.optionIds !== undefined) kinds.push('SPEC');
  if (change.moveJob !== undefined) kinds.push('MOVE_JOB');
  if (change.cancel === true) {
    if (kinds.length > 0 || change.unitPriceCents !== undefined) {
      throw new EngineError('INVALID_CHANGE', 'A cancellation cannot be combined with other changes');
    }
    return {
      orderId: before.id,
      kinds: ['CANCEL'],
      product,
      before,
      after: null,
      move: null,
      addedOptions: [],
      specChanged: false,
    };
  }
  if (kinds.length === 0) {
    throw new EngineError('INVALID_CHANGE', 'The change is empty: set a quantity, due date, options, a job move or cancel');
  }

  const quantity = change.quantity ?? before.quantity;
  const dueDate = change.dueDate ?? before.dueDate;
  const optionIds = change.optionIds ?? before.optionIds;
  const unitPriceCents = change.unitPriceCents ?? before.unitPriceCents;
  if (change.quantity !== undefined) validateQuantity(quantity);
  if (change.dueDate !== undefined) validateDueDate(dueDate, window.today);
  if (change.unitPriceCents !== undefined) validatePrice(unitPriceCents);
  const chosen = validateOptions(product, optionIds);

  let move: ResolvedChange['move'] = null;
  if (change.moveJob !== undefined) {
    const job = before.jobs.find((j) => j.id === change.moveJob?.jobId);
    if (job === undefined) {
      throw new EngineError('UNKNOWN_JOB', `Job ${change.moveJob.jobId} is not part of order ${before.id}`);
    }
    if (job.status !== 'PLANNED') {
      throw new EngineError('JOB_ALREADY_STARTED', `Step ${job.seq} of order ${before.id} has ${job.status === 'DONE' ? 'finished' : 'started'} and cannot be moved`);
    }
    const startDay = change.moveJob.startDay;
    if (!Number.isSafeInteger(startDay) || startDay < window.firstDay) {
      throw new EngineError('DATE_IN_PAST', `Jobs can be moved to ${fromDay(window.firstDay)} or later (today + 1 working day)`);
    }
    move = { job, startDay };
  }

  const beforeOptions = new Set(before.optionIds);
  const specChanged = change.optionIds !== undefined && !sameSet(before.optionIds, optionIds);
  return {
    orderId: before.id,
    kinds: specChanged || change.optionIds === undefined ? kinds : kinds.filter((k) => k !== 'SPEC'),
    product,
    before,
    after: { productId: product.id, quantity, optionIds: [...optionIds], dueDate, unitPriceCents },
    move,
    addedOptions: chosen.filter((o) => !beforeOptions.has(o.id)),
    specChanged,
  };
}

function resolveNewOrder(schedule: Schedule, change: Change, window: PlanningWindow): ResolvedChange {
  const input = change.newOrder!;
  if (
    change.orderId !== undefined ||
    change.quantity !== undefined ||
    change.dueDate !== undefined ||
    change.optionIds !== undefined ||
    change.cancel === true ||
    change.moveJob !== undefined ||
    change.unitPriceCents !== undefined
  ) {
    throw new EngineError('INVALID_CHANGE', 'A new order is described on its own; other changes apply to existing orders');
  }
  if (schedule.orders.has(input.id)) throw new EngineError('INVALID_CHANGE', `Order ${input.id} already exists`);
  const product = requireProduct(schedule, input.productId);
  validateQuantity(input.quantity);
  validateDueDate(input.dueDate, window.today);
  validatePrice(input.unitPriceCents);
  const chosen = validateOptions(product, input.optionIds);
  return {
    orderId: input.id,
    kinds: ['NEW_ORDER'],
    product,
    before: null,
    after: {
      productId: product.id,
      quantity: input.quantity,
      optionIds: [...input.optionIds],
      dueDate: input.dueDate,
      unitPriceCents: input.unitPriceCents,
    },
    move: null,
    addedOptions: chosen,
    specChanged: false,
  };
}

function requireProduct(schedule: Schedule, productId: string): Product {
  const product = schedule.products.get(productId);
  if (product === undefined) throw new EngineError('UNKNOWN_PRODUCT', `Product ${productId} does not exist`);
  return product;
}

function validateQuantity(quantity: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    throw new EngineError('INVALID_QUANTITY', `Quantity must be a whole number of at least 1 (got ${String(quantity)})`);
  }
  if (quantity > MAX_QUANTITY) {
    throw new EngineError('INVALID_QUANTITY', `Quantity ${quantity} is above the ${MAX_QUANTITY} units one order may hold`);
  }
}

function validateDueDate(dueDate: Day, today: Day): void {
  if (!Number.isSafeInteger(dueDate)) throw new EngineError('INVALID_DATE', 'The due date is not a valid date');
  if (dueDate < today) {
    throw new EngineError('DATE_IN_PAST', `The due date ${fromDay(dueDate)} is in the past (today is ${fromDay(today)})`);
  }
}

function validatePrice(cents: number): void {
  if (!Number.isSafeInteger(cents) || cents < 0) {
    throw new EngineError('INVALID_PRICE', 'The unit price must be zero or more, in whole cents');
  }
}

/** Resolves option ids; unknown ids and two values of one attribute are refused. */
function validateOptions(product: Product, optionIds: readonly string[]): ProductOption[] {
  const chosen: ProductOption[] = [];
  const byAttribute = new Map<string, ProductOption>();
  for (const id of optionIds) {
    const option = product.options.find((o) => o.id === id);
    if (option === undefined) {
      throw new EngineError('UNKNOWN_OPTION', `Option ${id} is not offered for ${product.sku}`);
    }
    if (chosen.includes(option)) continue;
    const other = byAttribute.get(option.attribute);
    if (other !== undefined) {
      throw new EngineError(
        'OPTION_CONFLICT',
        `${option.attribute} cannot be both ${other.value} and ${option.value} on ${product.sku}; choose one`,
      );
    }
    byAttribute.set(option.attribute, option);
    chosen.push(option);
  }
  return chosen;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/** A step spec plus what the move planner and the cost model need to know about it. */
export interface ChangeStep extends StepSpec {
  /** The job's future allocations before the change (what a move may keep). */
  readonly current: readonly Allocation[];
  /** True when the step's minutes are unchanged by the change (whatever else changed). */
  readonly unchanged: boolean;
  /** A started step redone from scratch after a spec change: its history is scrap. */
  readonly redo: boolean;
}

/**
 * Turns the order's jobs and its terms after the change into step specs:
 * - history (days ≤ today) is immutable and stays with its job;
 * - DONE steps never change: raising their minutes, or any spec change, is refused;
 * - STARTED steps keep their future allocations if their minutes are unchanged, continue with the
 *   extra minutes if the quantity changes, and are redone in full after a spec change (scrap);
 * - PLANNED steps that start inside the freeze window are kept if unchanged, else resized from
 *   their current start; all other steps are re-planned freely.
 */
export function changeSteps(resolved: ResolvedChange, window: PlanningWindow): ChangeStep[] {
  const terms = resolved.after!;
  const chosen = resolved.product.options.filter((o) => terms.optionIds.includes(o.id));
  const jobsBySeq = new Map((resolved.before?.jobs ?? []).map((j) => [j.seq, j]));
  return routingOf(resolved.product).map((step): ChangeStep => {
    const minutes = stepMinutes(step, terms.quantity, chosen);
    const job = jobsBySeq.get(step.seq);
    const base = {
      jobId: job?.id ?? `${resolved.orderId}-${step.seq}`,
      seq: step.seq,
      workCenterId: step.workCenterId,
      from: window.firstDay,
    };
    if (job === undefined) {
      return { ...base, status: 'PLANNED', mode: 'PLAN', history: [], keep: [], current: [], minutes, unchanged: false, redo: false };
    }
    const history = job.allocations.filter((a) => a.day <= window.today);
    const future = job.allocations.filter((a) => a.day > window.today);
    // A started job holds what remains of it (its allocations sum to that, docs/product.md §12),
    // so after the change it needs what remains of the new quantity: the units not yet made, and
    // the setup only while it is not done. Other jobs need the full step.
    const needed = job.status === 'STARTED'
      ? remainingMinutes(step, terms.quantity, job.completedQuantity ?? 0, chosen, setupDone(job))
      : minutes;
    // Judged by minutes alone: a spec change that leaves a step's minutes as they are (a paint
    // colour, say) leaves a frozen job where it is.
    const unchanged = needed === job.minutes;
    const common = { ...base, status: job.status, history, current: future, unchanged };
    if (job.status === 'DONE') {
      // a done job's minutes are what it took (its days up to completion), so a raise is read from the quantity
      if (resolved.specChanged || terms.quantity > resolved.before!.quantity) {
        throw new EngineError(
          'STEP_ALREADY_DONE',
          `Step ${step.seq} of order ${resolved.orderId} is already done, so its ${resolved.specChanged ? 'spec' : 'quantity'} can no longer be raised or changed; cancel and re-order instead`,
        );
      }
      return { ...common, mode: 'KEEP', keep: future, minutes: sum(future), redo: false };
    }
    if (job.status === 'STARTED') {
      if (resolved.specChanged) return { ...common, mode: 'CONTINUE', keep: [], minutes, redo: true };
      if (unchanged) return { ...common, mode: 'KEEP', keep: future, minutes: sum(future), redo: false };
      return { ...common, mode: 'CONTINUE', keep: [], minutes: Math.max(0, needed - sum(history)), redo: false };
    }
    const frozen = future.length > 0 && future[0]!.day <= window.freezeEnd;
    if (frozen && unchanged) return { ...common, mode: 'KEEP', keep: future, minutes, redo: false };
    if (frozen) return { ...common, mode: 'CONTINUE', keep: [], minutes, from: future[0]!.day, redo: false };
    return { ...common, mode: 'PLAN', keep: [], minutes: minutes - sum(history), redo: false };
  });
}

/**
 * The jobs {@link changeSteps} held rather than re-planned freely — done, started, or starting
 * inside the freeze window — and whether the chosen plan left their future days as they were.
 */
export function frozenJobs(steps: readonly ChangeStep[], jobs: readonly Job[], window: PlanningWindow): FrozenJob[] {
  const after = new Map(jobs.map((j) => [j.id, j]));
  return steps.flatMap((step): FrozenJob[] => {
    if (step.mode === 'PLAN') return [];
    const reason = step.status === 'PLANNED' ? 'FREEZE_WINDOW' : step.status;
    const future = after.get(step.jobId)?.allocations.filter((a) => a.day > window.today) ?? [];
    return [{ jobId: step.jobId, seq: step.seq, reason, kept: sameAllocations(step.current, future) }];
  });
}
