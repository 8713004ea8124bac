import type { EntityManager } from '@mikro-orm/postgresql';
import {
  fromDay, LoadOverlay, remainingMinutes, rollOrder, setupDone, sum, toDay, withJobs, type Job, type Order,
} from '../../engine/index.ts';
import { AppError, badInput, notFound } from '../../shared/errors.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { withPlantWrite, type PlantWrite } from '../events/write-path.ts';
import { jobsOfOrders } from '../order/order.service.ts';
import { isUuid } from '../../shared/ids.ts';
import type { JobDto } from '../order/order.dto.ts';
import { plantById } from '../plant/plant.service.ts';
import { emitScheduleChange, writeReplannedJobs, type BucketKey } from './job-writes.ts';
import { refreshRisk } from './risk.ts';

export type ProgressAction = 'START' | 'PAUSE' | 'RESUME' | 'COMPLETE' | 'REPORT';

export interface ProgressInput {
  jobId: string;
  action: ProgressAction;
  goodQuantity?: number | null;
  scrapQuantity?: number | null;
  hours?: number | null;
  at?: string | null;
  idempotencyKey: string;
}

const MAX_UNITS = 1_000_000;
const MAX_HOURS = 10_000;
/** A report may be stamped a little ahead of the server (a station's clock runs fast), not more. */
const MAX_AHEAD_MS = 24 * 3600_000;

interface JobRow {
  id: string;
  orderId: string;
  seq: number;
  status: Job['status'];
  paused: boolean;
  completedQuantity: number;
  scrapQuantity: number;
  actualMinutes: number;
  orderStatus: Order['status'];
  orderNumber: string;
}

/**
 * Progress from the floor (docs/product.md §12), through the plant's write path: the job's state
 * and quantities, what remains of it re-planned from today (later steps follow when the chain
 * needs it), the order's status, its at-risk flag, and one SCHEDULE_CHANGED event that carries
 * the jobs and every bucket whose load changed. A report whose idempotency key was seen counts
 * once; one that does not fit the job's state now is a CONFLICT.
 */
export async function reportProgress(services: Services, actor: Actor, input: ProgressInput): Promise<JobDto> {
  const { jobId } = await recordProgress(services, actor, input);
  const [job] = (await jobsOfOrders(services.orm.em.fork(), [await orderOf(services, jobId)])).filter((j) => j.id === jobId);
  return job!;
}

/** `reportProgress` without the answer's job: whether the report was applied now or its key was seen (a file says which per row). */
export async function recordProgress(services: Services, actor: Actor, input: ProgressInput): Promise<{ jobId: string; duplicate: boolean }> {
  const report = validate(input, services.clock.now());
  const { value } = await withPlantWrite(services.orm, actor.plantId, actor, async (w) => {
    const seen = await w.em.execute<{ jobId: string; action: string }[]>(
      'select job_id as "jobId", action from progress_report where plant_id = ? and idempotency_key = ?', [w.plantId, report.key]);
    if (seen[0]) {
      if (seen[0].jobId !== input.jobId || seen[0].action !== input.action) {
        throw new AppError('CONFLICT', `Idempotency key "${report.key}" was already used for a ${seen[0].action} report on another job or action; use a new key for a new report.`);
      }
      return { jobId: input.jobId, duplicate: true };
    }
    const job = await jobRow(w.em, w.plantId, input.jobId);
    const next = transition(job, input.action, report);
    await apply(services, w, job, next, report);
    return { jobId: job.id, duplicate: false };
  });
  return value;
}

interface Report {
  key: string;
  action: ProgressAction;
  good: number | null;
  scrap: number;
  minutes: number;
  at: Date;
}

function validate(input: ProgressInput, now: Date): Report {
  const key = input.idempotencyKey.trim();
  if (key.length < 1 || key.length > 100) throw badInput('The idempotency key must have 1 to 100 characters.', 'idempotencyKey');
  const units = (v: number | null | undefined, field: string) => {
    if (v === null || v === undefined) return null;
    if (!Number.isInteger(v) || v < 0 || v > MAX_UNITS) throw badInput(`${field} must be a whole number from 0 to ${MAX_UNITS}.`, field);
    return v;
  };
  const hours = input.hours ?? 0;
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_HOURS) throw badInput(`hours must be from 0 to ${MAX_HOURS}.`, 'hours');
  const at = input.at ? new Date(input.at) : now;
  if (Number.isNaN(at.getTime())) throw badInput('at must be a date and time (ISO 8601).', 'at');
  if (at.getTime() > now.getTime() + MAX_AHEAD_MS) throw badInput('at lies more than a day in the future.', 'at');
  return { key, action: input.action, good: units(input.goodQuantity, 'goodQuantity'), scrap: units(input.scrapQuantity, 'scrapQuantity') ?? 0, minutes: Math.round(hours * 60), at };
}

async function jobRow(em: EntityManager, plantId: string, jobId: string): Promise<JobRow> {
  const [row] = isUuid(jobId) ? await em.execute<JobRow[]>(
    `select j.id, j.order_id as "orderId", j.seq, j.status, j.paused, j.completed_quantity as "completedQuantity",
            j.scrap_quantity as "scrapQuantity", j.actual_minutes as "actualMinutes", o.status as "orderStatus", o.number as "orderNumber"
       from job j join sales_order o on o.id = j.order_id where j.id = ? and j.plant_id = ?`, [jobId, plantId]) : [];
  if (!row) throw notFound('Job', jobId);
  return row;
}

interface NextState {
  status: Job['status'];
  paused: boolean;
  /** Good units added by this report (COMPLETE without a quantity: the rest of the order). */
  good: number;
}

/** The job's state after `action`, or CONFLICT when the action does not fit its state now. */
function transition(job: JobRow, action: ProgressAction, report: Report): NextState {
  const stale = (why: string) => new AppError('CONFLICT', `Job ${job.seq} of ${job.orderNumber} ${why}; reload it and report again.`, { status: job.status });
  if (job.orderStatus === 'CANCELLED' || job.orderStatus === 'SHIPPED') throw stale(`belongs to an order that is ${job.orderStatus.toLowerCase()}`);
  if (job.status === 'DONE') throw stale('is already done');
  const good = report.good ?? 0;
  switch (action) {
    case 'START':
      if (job.status !== 'PLANNED') throw stale('has already started');
      return { status: 'STARTED', paused: false, good };
    case 'PAUSE':
      if (job.status !== 'STARTED' || job.paused) throw stale(job.paused ? 'is already paused' : 'has not started');
      return { status: 'STARTED', paused: true, good };
    case 'RESUME':
      if (!job.paused) throw stale('is not paused');
      return { status: 'STARTED', paused: false, good };
    case 'REPORT':
      return { status: 'STARTED', paused: job.paused, good };
    case 'COMPLETE':
      return { status: 'DONE', paused: false, good: report.good ?? -1 };
  }
}

async function apply(services: Services, w: PlantWrite, job: JobRow, next: NextState, report: Report): Promise<void> {
  const { em, plantId } = w;
  const plant = await plantById(em, services.clock, plantId);
  const today = toDay(plant.today);
  const { schedule } = await services.schedules.get(em, plantId, true, w.seq);
  const order = schedule.orders.get(job.orderId)!;
  const product = schedule.products.get(order.productId);
  const step = product?.routing.find((s) => s.seq === job.seq);
  const engineJob = order.jobs.find((j) => j.id === job.id)!;

  // COMPLETE without a quantity: every unit not yet reported was good.
  const good = next.good < 0 ? Math.max(0, order.quantity - job.completedQuantity) : next.good;
  const completed = job.completedQuantity + good;
  // Short after scrap: the job stays open and the missing units are planned from today.
  const status = next.status === 'DONE' && completed < order.quantity ? 'STARTED' : next.status;
  const options = product?.options.filter((o) => order.optionIds.includes(o.id)) ?? [];

  let changed: Job[] = [];
  let touched: BucketKey[] = [];
  const after = { ...engineJob, status };
  const kept = engineJob.allocations.filter((a) => a.day <= today);
  if (status === 'DONE') {
    // A completed job frees its remaining allocations; its days up to today are history.
    const freed = engineJob.allocations.filter((a) => a.day > today);
    touched = freed.map((a) => ({ workCenterId: engineJob.workCenterId, date: fromDay(a.day) }));
    await em.execute('delete from allocation where job_id = ? and date > ?::date', [job.id, plant.today]);
    await em.execute(
      `update job set minutes = ?, start_date = ?::date, end_date = ?::date, status = 'DONE' where id = ?`,
      [sum(kept), fromDay(kept[0]?.day ?? today), fromDay(kept.at(-1)?.day ?? today), job.id],
    );
  } else if (step) {
    const remaining = remainingMinutes(step, order.quantity, completed, options, setupDone({ status, completedQuantity: completed, scrapQuantity: job.scrapQuantity + report.scrap }));
    const moved: Order = withJobs(order, [after]);
    const reset = remaining !== sum(engineJob.allocations) ? new Map([[job.id, remaining]]) : new Map<string, number>();
    changed = rollOrder(schedule, new LoadOverlay(schedule.load), moved, today, reset) ?? [];
    touched = await writeReplannedJobs(em, plantId, [order], changed);
  }

  await em.execute(
    `update job set status = ?, paused = ?, completed_quantity = completed_quantity + ?, scrap_quantity = scrap_quantity + ?,
            actual_minutes = actual_minutes + ?, version = version + 1 where id = ?`,
    [status, next.paused, good, report.scrap, report.minutes, job.id],
  );
  await em.execute(
    `insert into progress_report (plant_id, idempotency_key, job_id, action, good_quantity, scrap_quantity, minutes, at, actor_id)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [plantId, report.key, job.id, report.action, good, report.scrap, report.minutes, report.at, w.actor?.userId ?? null],
  );
  const [orderStatus] = await em.execute<{ from: string; to: string }[]>(
    `with s as (select o.status as from,
                       case when bool_and(j.status = 'DONE') then 'DONE'
                            when bool_or(j.status <> 'PLANNED') then 'IN_PRODUCTION' else o.status end as to
                  from sales_order o join job j on j.order_id = o.id where o.id = ? group by o.id, o.status)
     update sales_order o set status = s.to from s where o.id = ? returning s.from, s.to`,
    [job.orderId, job.orderId],
  );
  const final = { ...withJobs(order, status === 'DONE' ? [{ ...after, allocations: kept }] : [after, ...changed]), status: orderStatus!.to as Order['status'] };
  await refreshRisk(w, services, schedule, [final], plant.today);
  await emitScheduleChange(w, [job.orderId], touched);
  w.audit({
    action: 'PROGRESS_REPORTED', entityType: 'Job', entityId: job.id, fromStatus: job.status, toStatus: status,
    data: { orderId: job.orderId, action: report.action, good, scrap: report.scrap, minutes: report.minutes, at: report.at.toISOString(), idempotencyKey: report.key },
  });
  if (orderStatus!.from !== orderStatus!.to) {
    w.audit({ action: 'ORDER_STATUS_CHANGED', entityType: 'Order', entityId: job.orderId, fromStatus: orderStatus!.from, toStatus: orderStatus!.to });
  }
}

async function orderOf(services: Services, jobId: string): Promise<string> {
  const [row] = await services.orm.em.fork().execute<{ orderId: string }[]>('select order_id as "orderId" from job where id = ?', [jobId]);
  return row!.orderId;
}
