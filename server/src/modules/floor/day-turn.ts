import type { EntityManager } from '@mikro-orm/postgresql';
import type { TaskList } from 'graphile-worker';
import { copySchedule, isOpen, toDay, turnDay, type DayTurn, type Job, type Order } from '../../engine/index.ts';
import { pgArray } from '../../db/sql.ts';
import type { Services } from '../../services.ts';
import { withPlantWrite, type PlantWrite } from '../events/write-path.ts';
import type { JobQueue, Producer } from '../../jobs/job-queue.ts';
import { plantById } from '../plant/plant.service.ts';
import { todayIn } from '../../shared/dates.ts';
import { emitScheduleChange, writeReplannedJobs, type BucketKey } from './job-writes.ts';
import { assessRisk, writeRisk, type RiskAssessment } from './risk.ts';

export const DAY_TURN_SWEEP = 'day_turn_sweep';
export const DAY_TURN = 'day_turn';

export interface DayTurnResult {
  /** False when the plant's today was already turned (by this or another process). */
  turned: boolean;
  today: string;
  movedJobs: number;
  movedOrders: number;
  newlyAtRisk: string[];
}

/** Computations outside the lock that may go stale before one is used; then it is made under the lock. */
const OPTIMISTIC_ATTEMPTS = 3;

/** Orders one write of a turn takes: a lock hold of the order of a change order's. */
const TURN_BATCH = 10;

/**
 * The day turns (docs/product.md §12), once per plant-local day: unfinished work allocated before
 * today rolls forward from today within regular capacity, other orders stay, orders whose
 * projected finish now passes their due date become at risk (their reps are told), and the board
 * hears it. The plant remembers the last day it turned, checked under the plant lock: a second
 * turn of the same day, from this or any other process, changes nothing.
 *
 * The turn is computed before the plant lock, on a copy of the cached schedule, with the promise
 * dates of the orders it puts at risk (seconds on a 10,000-order plant), and written in writes of
 * {@link TURN_BATCH} orders, each with its SCHEDULE_CHANGED event; the last also records the day
 * as turned. Under the lock each write checks that the plant's event sequence is the one the
 * computation saw (or the previous batch left) and today is still today — every write to what the
 * computation read commits a board event — and only writes, so the lock is held about as long as
 * for a change order. A computation overtaken by another write is made again for what is left
 * (rolled orders have nothing before today any more, flagged ones are not told twice); after
 * {@link OPTIMISTIC_ATTEMPTS} of them (a plant written to without pause) the rest is computed and
 * written in one write under the lock.
 */
export async function turnPlant(services: Services, plantId: string): Promise<DayTurnResult> {
  await settleDemoPast(services, plantId);
  const sofar: Moved = { movedJobs: 0, movedOrders: 0, newlyAtRisk: [] };
  for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
    const plan = await planTurn(services, services.orm.em.fork(), plantId, null);
    if (plan.done) return notTurned(plan.today, sofar);
    let expectedSeq = plan.seq;
    const batches = batchesOf(plan);
    for (const [i, batch] of batches.entries()) {
      const last = i === batches.length - 1;
      const { value, seqs } = await withPlantWrite(services.orm, plantId, null, async (w) =>
        (w.seq === expectedSeq && todayIn(plan.timeZone, services.clock.now()) === plan.today ? writeBatch(w, plan, batch, last, sofar) : 'stale' as const));
      if (value === 'stale') break;
      if (value === 'turned') return notTurned(plan.today, sofar);
      if (last) return { turned: true, today: plan.today, ...sofar };
      expectedSeq = seqs.at(-1) ?? expectedSeq;
    }
  }
  const { value } = await withPlantWrite(services.orm, plantId, null, async (w) => {
    const plan = await planTurn(services, w.em, plantId, w.seq);
    if (plan.done) return notTurned(plan.today, sofar);
    const all = batchesOf(plan, Infinity)[0]!;
    const written = await writeBatch(w, plan, all, true, sofar);
    return written === 'turned' ? notTurned(plan.today, sofar) : { turned: true, today: plan.today, ...sofar };
  });
  return value;
}

/** What this call's writes of a turn moved and flagged so far. */
type Moved = Omit<DayTurnResult, 'turned' | 'today'>;

function notTurned(today: string, sofar: Moved): DayTurnResult {
  return { turned: false, today, ...sofar };
}

/** A day turn computed and not yet written, and what it was computed from. */
type TurnPlan = { done: true; today: string } | {
  done: false;
  /** The plant's event sequence the schedule was at (read before anything else). */
  seq: number;
  today: string;
  timeZone: string;
  turnedThrough: string | null;
  /** The turned orders as they were, for the buckets their old days free. */
  before: readonly Order[];
  turn: DayTurn;
  risk: RiskAssessment;
};

/**
 * Computes the day turn: on a copy of the plant's schedule (the cache's, which must not change),
 * the rolled work and the risk of the orders it moved and of those flagged before (a turn may also
 * clear a flag). `lockedSeq` when called under the plant lock (see `ScheduleCache.get`).
 */
async function planTurn(services: Services, em: EntityManager, plantId: string, lockedSeq: number | null): Promise<TurnPlan> {
  const cached = lockedSeq === null ? await services.schedules.get(em, plantId) : await services.schedules.get(em, plantId, true, lockedSeq);
  const plant = await plantById(em, services.clock, plantId);
  const turnedThrough = await turnedThroughOf(em, plantId);
  if (turnedThrough !== null && turnedThrough >= plant.today) return { done: true, today: plant.today };
  const schedule = copySchedule(cached.schedule);
  const turn = turnDay(schedule, toDay(plant.today));
  const before = turn.orderIds.map((id) => cached.schedule.orders.get(id)!);
  const flagged = await em.execute<{ id: string }[]>('select id from sales_order where plant_id = ? and at_risk', [plantId]);
  const ids = new Set([...turn.orderIds, ...flagged.map((r) => r.id)]);
  const orders = [...ids].flatMap((id) => schedule.orders.get(id) ?? []).filter((o: Order) => isOpen(o) || o.status === 'DONE');
  const risk = await assessRisk(em, services, plantId, schedule, orders, plant.today, lockedSeq);
  return { done: false, seq: cached.seq, today: plant.today, timeZone: plant.timeZone, turnedThrough, before, turn, risk };
}

async function turnedThroughOf(em: EntityManager, plantId: string): Promise<string | null> {
  const [row] = await em.execute<{ turnedThrough: string | null }[]>('select turned_through::text as "turnedThrough" from plant where id = ?', [plantId]);
  return row!.turnedThrough;
}

/** The part of a computed turn one write takes: some orders' rolled jobs and risk. */
interface TurnBatch {
  /** The batch's orders the turn rolled. */
  readonly orderIds: readonly string[];
  readonly jobs: readonly Job[];
  readonly before: readonly Order[];
  readonly risk: RiskAssessment;
}

/** A computed turn in batches of `size` orders (at least one batch, the one that records the day). */
function batchesOf(plan: Extract<TurnPlan, { done: false }>, size = TURN_BATCH): TurnBatch[] {
  const ids = [...new Set([...plan.turn.orderIds, ...plan.risk.rows.map((r) => r.id)])];
  const batches: TurnBatch[] = [];
  for (let i = 0; i === 0 || i < ids.length; i += size) {
    const these = new Set(ids.slice(i, i + size));
    batches.push({
      orderIds: plan.turn.orderIds.filter((id) => these.has(id)),
      jobs: plan.turn.jobs.filter((j) => these.has(j.orderId)),
      before: plan.before.filter((o) => these.has(o.id)),
      risk: { rows: plan.risk.rows.filter((r) => these.has(r.id)), fresh: plan.risk.fresh.filter((f) => these.has(f.order.id)) },
    });
  }
  return batches;
}

/**
 * Writes one batch of a computed turn under the plant lock; the last one records the day as
 * turned and, when the turn moved or flagged anything, audits it. The plant's turned-through day
 * is read again here: a turn that moves nothing writes no board event, so the sequence alone would
 * not show that another process turned the day. `sofar` accumulates what this call wrote.
 */
async function writeBatch(
  w: PlantWrite, plan: Extract<TurnPlan, { done: false }>, batch: TurnBatch, last: boolean, sofar: Moved,
): Promise<'turned' | 'written'> {
  const { today } = plan;
  if ((await turnedThroughOf(w.em, w.plantId)) !== plan.turnedThrough) return 'turned';
  const touched = await writeReplannedJobs(w.em, w.plantId, batch.before, batch.jobs);
  const newlyAtRisk = await writeRisk(w, batch.risk);
  await emitScheduleChange(w, batch.orderIds, touched);
  sofar.movedJobs += batch.jobs.length;
  sofar.movedOrders += batch.orderIds.length;
  sofar.newlyAtRisk.push(...newlyAtRisk);
  if (!last) return 'written';
  await w.em.execute('update plant set turned_through = ?::date where id = ?', [today, w.plantId]);
  // a day on which nothing was left behind turns silently
  if (sofar.movedJobs > 0 || sofar.newlyAtRisk.length > 0) {
    w.audit({
      action: 'DAY_TURNED', entityType: 'Plant', entityId: w.plantId,
      data: { today, from: plan.turnedThrough, ...sofar, stuckOrders: plan.turn.stuckOrderIds },
    });
  }
  return 'written';
}

/** Orders whose demo past one write reports: a lock hold of the order of a change order's. */
const DEMO_PAST_BATCH = 25;

/**
 * A demo plant's past, reported before its day turns (see {@link reportDemoPast}) in writes of
 * their own, {@link DEMO_PAST_BATCH} orders each, as a floor's reports would come: the turn is
 * then computed from a schedule that has them. Each write reports only what is still due under
 * the lock, so two processes doing it at once report each job once. Nothing to do — no lock taken
 * — for a plant that is not the demo, was turned today, or has no open work before today.
 */
export async function settleDemoPast(services: Services, plantId: string): Promise<void> {
  // the orders reportDemoPast would change: with a job to report done, to start late, or running across today
  const due = (em: EntityManager, today: string, among: readonly string[] | null) => em.execute<{ orderId: string }[]>(
    `select distinct j.order_id as "orderId" from plant p join job j on j.plant_id = p.id join sales_order o on o.id = j.order_id
      where p.id = ? and (p.turned_through is null or p.turned_through < ?::date)
        and exists(select 1 from audit_event where plant_id = p.id and action = 'DEMO_SEEDED')
        and j.status <> 'DONE' and j.start_date < ?::date and o.status in ('CONFIRMED', 'IN_PRODUCTION')
        and (j.status = 'PLANNED' or abs(hashtext(j.id::text)) % 8 <> 0 or j.end_date >= ?::date)
        ${among ? 'and j.order_id = any(?::uuid[])' : ''}
      order by 1`, [plantId, today, today, today, ...(among ? [pgArray(among)] : [])]).then((rows) => rows.map((r) => r.orderId));
  const em = services.orm.em.fork();
  const orderIds = await due(em, (await plantById(em, services.clock, plantId)).today, null);
  for (let i = 0; i < orderIds.length; i += DEMO_PAST_BATCH) {
    await withPlantWrite(services.orm, plantId, null, async (w) => {
      const { today } = await plantById(w.em, services.clock, plantId);
      const batch = await due(w.em, today, orderIds.slice(i, i + DEMO_PAST_BATCH));
      if (batch.length === 0) return;
      const touched = await reportDemoPast(w.em, plantId, today, batch);
      await emitScheduleChange(w, batch, touched);
    });
  }
}

/**
 * The demo plant lives (docs/product.md §12): started days or weeks after it was seeded, its past
 * is reported as a floor would have — work before today done, with over- and under-runs of up to
 * ±15%, except about one job in eight that ran late and is still going (it rolls forward and may
 * put its order at risk); a job under way today has its past days reported done. Deterministic per
 * job (a hash of its id), so the same plant turns the same way.
 */
async function reportDemoPast(em: EntityManager, plantId: string, today: string, orderIds: readonly string[]): Promise<BucketKey[]> {
  const ids = pgArray(orderIds);
  const open = `j.plant_id = ? and j.order_id = any(?::uuid[]) and j.status <> 'DONE'
    and exists (select 1 from sales_order o where o.id = j.order_id and o.status in ('CONFIRMED', 'IN_PRODUCTION'))`;
  const touched = await em.execute<BucketKey[]>(
    `select distinct a.work_center_id as "workCenterId", a.date::text as date from allocation a join job j on j.id = a.job_id
      where ${open} and a.date < ?::date and j.end_date >= ?::date`, [plantId, ids, today, today]);
  await em.execute(
    `with done as (
       update job j set status = 'DONE', completed_quantity = o.quantity, paused = false,
              actual_minutes = round(j.minutes * (85 + abs(hashtext(j.id::text)) % 31) / 100.0), version = j.version + 1
         from sales_order o where o.id = j.order_id and ${open} and j.end_date < ?::date and abs(hashtext(j.id::text)) % 8 <> 0
       returning j.id),
     late as (
       update job j set status = 'STARTED', actual_minutes = round(j.minutes * 0.6), version = j.version + 1
        where ${open} and j.status = 'PLANNED' and j.end_date < ?::date and abs(hashtext(j.id::text)) % 8 = 0
       returning j.id),
     running as (
       select j.id, j.minutes, o.quantity,
              (select sum(a.minutes) from allocation a where a.job_id = j.id and a.date < ?::date) as past
         from job j join sales_order o on o.id = j.order_id
        where ${open} and j.start_date < ?::date and j.end_date >= ?::date),
     started as (
       update job j set status = 'STARTED', completed_quantity = floor(r.quantity * r.past / r.minutes),
              actual_minutes = r.past, version = j.version + 1
         from running r where j.id = r.id
       returning j.id)
     select (select count(*) from done) + (select count(*) from late) + (select count(*) from started) as n`,
    [plantId, ids, today, plantId, ids, today, today, plantId, ids, today, today],
  );
  // a running job keeps what remains of it from today; its past days are reported done
  await em.execute(
    `delete from allocation a using job j where j.id = a.job_id and j.order_id = any(?::uuid[]) and j.status = 'STARTED'
        and a.date < ?::date and exists (select 1 from allocation f where f.job_id = j.id and f.date >= ?::date)`, [ids, today, today]);
  await em.execute(
    `update job j set minutes = s.minutes, start_date = s.first, end_date = s.last
       from (select a.job_id, sum(a.minutes)::int as minutes, min(a.date) as first, max(a.date) as last
               from allocation a join job k on k.id = a.job_id where k.order_id = any(?::uuid[]) group by a.job_id) s
      where s.job_id = j.id and j.status = 'STARTED' and (j.minutes, j.start_date) is distinct from (s.minutes, s.first)`, [ids]);
  await em.execute(
    `update sales_order o set status = case when s.done then 'DONE' else 'IN_PRODUCTION' end
       from (select order_id, bool_and(status = 'DONE') as done from job where order_id = any(?::uuid[]) group by order_id) s
      where o.id = s.order_id`, [ids]);
  return touched;
}

/**
 * The day turn's queue tasks and producer (the durable job queue, docs/adr/0004). Every process
 * queues a sweep at start (the catch-up) and then every `sweepEveryMs`; the sweep queues one
 * `day_turn` per plant whose plant-local today has not been turned, keyed by plant and day, so a
 * plant's midnight is turned by one job however many processes see it.
 */
export function dayTurnJobs(services: Services, sweepEveryMs: number): { tasks: TaskList; producers: Producer[] } {
  return {
    tasks: {
      [DAY_TURN_SWEEP]: async (_payload, helpers) => {
        const now = services.clock.now();
        const plants = await services.orm.em.fork().execute<{ id: string; timeZone: string; turnedThrough: string | null }[]>(
          'select id, time_zone as "timeZone", turned_through::text as "turnedThrough" from plant');
        for (const p of plants) {
          const today = todayIn(p.timeZone, now);
          if (p.turnedThrough !== null && p.turnedThrough >= today) continue;
          await helpers.addJob(DAY_TURN, { plantId: p.id }, { jobKey: `${DAY_TURN}:${p.id}:${today}`, jobKeyMode: 'preserve_run_at', maxAttempts: 10 });
        }
      },
      [DAY_TURN]: async (payload, helpers) => {
        const result = await turnPlant(services, (payload as { plantId: string }).plantId);
        helpers.logger.info(result.turned ? `turned ${result.today}: ${result.movedJobs} jobs of ${result.movedOrders} orders rolled forward, ${result.newlyAtRisk.length} orders newly at risk` : `${result.today} was already turned`);
      },
    },
    producers: [{
      name: DAY_TURN_SWEEP,
      everyMs: sweepEveryMs,
      enqueue: (queue: JobQueue) => queue.add(DAY_TURN_SWEEP, {}, { jobKey: DAY_TURN_SWEEP, jobKeyMode: 'preserve_run_at', maxAttempts: 3 }),
    }],
  };
}
