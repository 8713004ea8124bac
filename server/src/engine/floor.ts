import type { Day } from './dates.ts';
import { addAllocations, type LoadWriter } from './load.ts';
import { loadForward } from './loading.ts';
import type { Minutes } from './money.ts';
import { stepMinutes, sum } from './planning.ts';
import { requireWorkCenter, type Schedule } from './schedule.ts';
import type { Ceiling } from './tiers.ts';
import type { Allocation, Job, Order, ProductOption, RoutingStep } from './types.ts';

/**
 * The floor and the clock (docs/product.md §12): what remains of a job after progress, and the
 * day turn that rolls unfinished work forward from today. Pure functions over a schedule; the
 * server writes what they return.
 */

/** Rolled and re-planned work is placed within regular capacity: never into overtime by itself. */
export const REGULAR: Ceiling = { bp: 10_000, overtime: false };

/** Orders whose work can still move (done, shipped and cancelled orders are history). */
export function isOpen(order: Order): boolean {
  return order.status === 'CONFIRMED' || order.status === 'IN_PRODUCTION';
}

/**
 * Minutes a job still needs: (quantity − completed) × minutes per unit (with the order's options
 * on this step), plus the setup unless it is done. An open job holds at least one minute, so it
 * stays on the board until someone reports it complete.
 */
export function remainingMinutes(
  step: RoutingStep, quantity: number, completed: number, options: readonly ProductOption[], setupDone: boolean,
): Minutes {
  const left = Math.max(0, quantity - completed);
  const minutes = stepMinutes(step, left, options) - (setupDone ? step.setupMinutes : 0);
  return Math.max(1, minutes);
}

/** Whether a job's setup is behind it: it has started and made (or scrapped) at least one unit. */
export function setupDone(job: Pick<Job, 'status' | 'completedQuantity' | 'scrapQuantity'>): boolean {
  return job.status !== 'PLANNED' && (job.completedQuantity ?? 0) + (job.scrapQuantity ?? 0) > 0;
}

/** The last day a job holds work on, or null when it holds none. */
function lastDay(job: Job): Day | null {
  return job.allocations.length ? job.allocations[job.allocations.length - 1]!.day : null;
}

/**
 * Re-places an open order's unfinished work from `today` (MUTATES `load`): a job in `remaining`
 * gets those minutes placed forward from today (a started job continues on its work center), a
 * job with work before today or before its previous step ends is moved forward with the minutes it
 * holds, and later steps follow only when the chain requires it. Other jobs keep their days. All
 * placement is forward, at the earliest days within regular capacity. Returns the jobs that
 * changed (with their new allocations), or null for a job that finds no room in the search horizon
 * (then nothing of the order moves).
 */
export function rollOrder(
  schedule: Schedule, load: LoadWriter, order: Order, today: Day,
  remaining: ReadonlyMap<string, Minutes> = new Map(),
): Job[] | null {
  const changed: Job[] = [];
  const undo: (() => void)[] = [];
  let previousEnd = today - 1;
  for (const job of [...order.jobs].sort((a, b) => a.seq - b.seq)) {
    if (job.status === 'DONE') {
      previousEnd = Math.max(previousEnd, lastDay(job) ?? previousEnd);
      continue;
    }
    const from = Math.max(today, previousEnd + 1);
    const minutes = remaining.get(job.id) ?? sum(job.allocations);
    const moves = remaining.has(job.id) || job.allocations.some((a) => a.day < from);
    if (!moves) {
      previousEnd = lastDay(job) ?? previousEnd;
      continue;
    }
    const wc = requireWorkCenter(schedule, job.workCenterId);
    addAllocations(load, wc.id, job.allocations, -1);
    const placed = loadForward(wc, load, minutes, from, REGULAR);
    if (placed === null) {
      addAllocations(load, wc.id, job.allocations);
      for (const u of undo.reverse()) u();
      return null;
    }
    undo.push(() => {
      addAllocations(load, wc.id, placed, -1);
      addAllocations(load, wc.id, job.allocations);
    });
    changed.push({ ...job, minutes, allocations: placed });
    previousEnd = placed[placed.length - 1]!.day;
  }
  return changed;
}

/** An order with the changed jobs put in. */
export function withJobs(order: Order, jobs: readonly Job[]): Order {
  const byId = new Map(jobs.map((j) => [j.id, j]));
  return { ...order, jobs: order.jobs.map((j) => byId.get(j.id) ?? j) };
}

/** The outcome of a day turn: the jobs it moved and the orders they belong to. */
export interface DayTurn {
  readonly jobs: readonly Job[];
  readonly orderIds: readonly string[];
  /** Orders whose unfinished work found no room in the search horizon (left where they were). */
  readonly stuckOrderIds: readonly string[];
}

/**
 * The day turns (docs/product.md §12): every open order with unfinished work before `today` is
 * rolled forward from today, earliest due date first, within regular capacity, without moving any
 * other order. MUTATES `schedule` (its load and orders), so a second turn of the same day finds
 * nothing to do.
 */
export function turnDay(schedule: Schedule, today: Day): DayTurn {
  const late = [...schedule.orders.values()]
    .filter((o) => isOpen(o) && o.jobs.some((j) => j.status !== 'DONE' && j.allocations.some((a) => a.day < today)))
    .sort((a, b) => a.dueDate - b.dueDate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const jobs: Job[] = [];
  const orderIds: string[] = [];
  const stuckOrderIds: string[] = [];
  for (const order of late) {
    const changed = rollOrder(schedule, schedule.load, order, today);
    if (changed === null) {
      stuckOrderIds.push(order.id);
      continue;
    }
    schedule.orders.set(order.id, withJobs(order, changed));
    jobs.push(...changed);
    orderIds.push(order.id);
  }
  return { jobs, orderIds, stuckOrderIds };
}

/** The day an order's last work is placed on (its projected finish), or null when it holds none. */
export function projectedFinish(order: Order): Day | null {
  let last: Day | null = null;
  for (const job of order.jobs) {
    const end = lastDay(job);
    if (end !== null && (last === null || end > last)) last = end;
  }
  return last;
}

/** At risk: an open order whose projected finish passes its due date. */
export function isAtRisk(order: Order): boolean {
  const finish = projectedFinish(order);
  return isOpen(order) && finish !== null && finish > order.dueDate;
}

/** Why an order is at risk, as numbers the server puts into words. */
export interface RiskCause {
  readonly projectedFinish: Day;
  /** The work center of the first step that runs past the due date. */
  readonly workCenterId: string;
  /** Minutes of the order's work placed after its due date. */
  readonly lateMinutes: Minutes;
  /** The other order with the most work on that work center from today until that step starts, if any. */
  readonly behindOrderId: string | null;
}

/** The cause of an at-risk order, or null when it is not at risk. */
export function riskCause(schedule: Pick<Schedule, 'orders'>, order: Order, today: Day): RiskCause | null {
  if (!isAtRisk(order)) return null;
  const jobs = [...order.jobs].sort((a, b) => a.seq - b.seq);
  const first = jobs.find((j) => (lastDay(j) ?? 0) > order.dueDate) ?? jobs[jobs.length - 1]!;
  const lateMinutes = jobs.reduce((s, j) => s + j.allocations.filter((a) => a.day > order.dueDate).reduce((t, a) => t + a.minutes, 0), 0);
  // the days before the late step starts (or its first day) were taken by the orders it queued behind
  const queuedUntil = Math.max(today, first.allocations[0]?.day ?? today);
  let behindOrderId: string | null = null;
  let most = 0;
  for (const other of schedule.orders.values()) {
    if (other.id === order.id || !isOpen(other)) continue;
    let minutes = 0;
    for (const j of other.jobs) {
      if (j.workCenterId !== first.workCenterId) continue;
      for (const a of j.allocations) if (a.day >= today && a.day <= queuedUntil) minutes += a.minutes;
    }
    if (minutes > most) [most, behindOrderId] = [minutes, other.id];
  }
  return { projectedFinish: projectedFinish(order)!, workCenterId: first.workCenterId, lateMinutes, behindOrderId };
}

/**
 * Downtime (docs/product.md §12): a bucket that lost capacity holds more than `allowed` minutes.
 * Open orders' work on it is displaced, least urgent order (latest due date) first, until it fits;
 * then the displaced work is placed again, most urgent first: a displaced job keeps its days
 * before `day`, and its minutes from `day` on go forward from the day after, within regular
 * capacity; later steps follow when the chain needs it. MUTATES `schedule` like {@link turnDay}.
 * Returns the jobs it moved and their orders.
 */
export function relieveBucket(schedule: Schedule, workCenterId: string, day: Day, allowed: Minutes, today: Day): DayTurn {
  const wc = requireWorkCenter(schedule, workCenterId);
  const holding = (j: Job) => j.status !== 'DONE' && j.workCenterId === workCenterId && j.allocations.some((a) => a.day === day);
  const holders = [...schedule.orders.values()]
    .filter((o) => isOpen(o) && o.jobs.some(holding))
    .sort((a, b) => b.dueDate - a.dueDate || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const from = Math.max(day, today);
  const displaced: { order: Order; job: Job; moving: Allocation[] }[] = [];
  for (const order of holders) {
    if (schedule.load.loadOn(workCenterId, day) <= allowed) break;
    const job = order.jobs.find(holding)!;
    const moving = job.allocations.filter((a) => a.day >= from);
    addAllocations(schedule.load, workCenterId, moving, -1);
    displaced.push({ order, job, moving });
  }
  const jobs: Job[] = [];
  const orderIds: string[] = [];
  const stuckOrderIds: string[] = [];
  for (const { order, job, moving } of displaced.reverse()) {
    // the displaced minutes may not come back to the day they were displaced from
    const placed = loadForward(wc, schedule.load, sum(moving), from + 1, REGULAR);
    if (placed === null) {
      addAllocations(schedule.load, workCenterId, moving);
      stuckOrderIds.push(order.id);
      continue;
    }
    const moved: Job = { ...job, allocations: [...job.allocations.filter((a) => a.day < from), ...placed] };
    const next = withJobs(order, [moved]);
    const followers = rollOrder(schedule, schedule.load, next, today) ?? [];
    schedule.orders.set(order.id, withJobs(next, followers));
    jobs.push(moved, ...followers);
    orderIds.push(order.id);
  }
  // a job a follower roll moved again appears once, as it ends
  return { jobs: [...new Map(jobs.map((j) => [j.id, j])).values()], orderIds, stuckOrderIds };
}
