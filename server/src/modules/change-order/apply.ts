import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fromDay, type Evaluation, type Job } from '../../engine/index.ts';
import { pgArray } from '../../db/sql.ts';
import { isUuid } from '../../shared/ids.ts';
import { insertOrdersWithJobs, markBaseline } from '../order/order.repository.ts';
import { scheduleChangeOf } from '../events/event-store.ts';
import type { PlantWrite } from '../events/write-path.ts';
import type { ChangeOrderRow } from './change-order.repository.ts';

/**
 * Writes an evaluation to the schedule (inside the plant's write transaction, after it was
 * re-evaluated under the lock): the order's terms, its jobs and allocations, a billing
 * adjustment when price or cost moves, and a SCHEDULE_CHANGED event with every bucket whose load
 * changed. Other orders are never touched.
 */
export async function applyEvaluation(w: PlantWrite, co: ChangeOrderRow, evaluation: Evaluation, today: string): Promise<void> {
  const { em, plantId } = w;
  const orderId = evaluation.orderId;
  const [before] = await em.execute<{ exists: boolean; allocations: { jobId: string; workCenterId: string; date: string }[] }[]>(
    `select exists(select 1 from sales_order where id = ?) as exists,
            coalesce((select json_agg(json_build_object('jobId', a.job_id, 'workCenterId', a.work_center_id, 'date', a.date::text))
                        from allocation a join job j on j.id = a.job_id where j.order_id = ?), '[]') as allocations`,
    [orderId, orderId],
  );
  const { exists, allocations: oldAllocations } = before!;
  const oldJobIds = [...new Set(oldAllocations.map((a) => a.jobId))];

  let jobs: Job[] = evaluation.jobs.map((j) => (isUuid(j.id) ? j : { ...j, id: randomUUID() }));
  let removedJobIds: string[];
  if (evaluation.terms === null) {
    // CANCEL frees the order's future load; days up to today are history and stay.
    await em.execute(`update sales_order set status = 'CANCELLED', version = version + 1 where id = ?`, [orderId]);
    await em.execute(`delete from allocation where job_id = any(?::uuid[]) and date > ?::date`, [pgArray(oldJobIds), today]);
    await em.execute(`delete from job j where j.order_id = ? and not exists (select 1 from allocation a where a.job_id = j.id)`, [orderId]);
    await refreshJobSpans(em, orderId);
    removedJobIds = oldJobIds;
    jobs = [];
  } else if (!exists) {
    const [row] = await em.execute<{ n: number }[]>(
      `select coalesce(max(substring(number from 4)::int), 10000) + 1 as n from sales_order where plant_id = ? and number ~ '^SO-[0-9]+$'`,
      [plantId],
    );
    const t = evaluation.terms;
    await insertOrdersWithJobs(em, plantId, [{
      order: { id: orderId, number: co.request.input.newOrder?.number?.trim() || `SO-${row!.n}`, customerId: co.customerId!, productId: t.productId, quantity: t.quantity,
        optionIds: t.optionIds, dueDate: fromDay(t.dueDate), unitPriceCents: t.unitPriceCents },
      jobs,
    }]);
    removedJobIds = [];
  } else {
    const t = evaluation.terms;
    const keep = new Set(jobs.map((j) => j.id));
    removedJobIds = oldJobIds.filter((id) => !keep.has(id));
    // One statement: the kept jobs' allocations go, the removed jobs go with theirs (the foreign
    // key cascades), so no two parts touch the same row. The order's version counts its terms
    // (what change orders are made from), so a job move leaves it as it is.
    await em.execute(
      `with o as (update sales_order set quantity = n.quantity, due_date = n.due_date, option_ids = n.option_ids, unit_price_cents = n.unit_price_cents,
                    version = version + ((sales_order.quantity, sales_order.due_date, sales_order.option_ids, sales_order.unit_price_cents)
                                         is distinct from (n.quantity, n.due_date, n.option_ids, n.unit_price_cents))::int
                    from (select ?::int as quantity, ?::date as due_date, ?::uuid[] as option_ids, ?::bigint as unit_price_cents) n where id = ?),
            a as (delete from allocation where job_id = any(?::uuid[]))
       delete from job where id = any(?::uuid[])`,
      [t.quantity, fromDay(t.dueDate), pgArray(t.optionIds), t.unitPriceCents, orderId,
        pgArray(oldJobIds.filter((id) => keep.has(id))), pgArray(removedJobIds)],
    );
    await upsertJobs(em, plantId, jobs);
    await markBaseline(em, [orderId]);
  }

  const impact = evaluation.impact;
  if (impact && (impact.priceDeltaCents !== 0 || impact.costDelta.totalCents !== 0)) {
    await em.execute(
      'insert into billing_adjustment (plant_id, change_order_id, order_id, price_delta_cents, cost_delta_cents) values (?, ?, ?, ?, ?)',
      [plantId, co.id, orderId, impact.priceDeltaCents, impact.costDelta.totalCents],
    );
  }

  const touched = new Map<string, { workCenterId: string; date: string }>();
  for (const a of oldAllocations) touched.set(`${a.workCenterId}|${a.date}`, a);
  for (const j of jobs) for (const a of j.allocations) touched.set(`${j.workCenterId}|${fromDay(a.day)}`, { workCenterId: j.workCenterId, date: fromDay(a.day) });
  const { jobs: jobRows, buckets } = await scheduleChangeOf(em, plantId, [orderId], [...touched.values()]);
  w.emit({
    type: 'SCHEDULE_CHANGED',
    changeOrderId: co.id,
    orderIds: [orderId],
    jobs: jobRows,
    removedJobIds: removedJobIds.filter((id) => !jobRows.some((j) => j.id === id)),
    buckets,
  });
}

/**
 * Inserts new jobs and updates kept ones, with their allocations, in one statement (the
 * allocations' foreign key is checked at its end, when the new jobs exist).
 */
async function upsertJobs(em: EntityManager, plantId: string, jobs: readonly Job[]): Promise<void> {
  const planned = jobs.filter((j) => j.allocations.length > 0);
  if (planned.length === 0) return;
  const allocations = planned.flatMap((j) => j.allocations.map((a) => [j.id, fromDay(a.day), j.workCenterId, plantId, a.minutes]));
  await em.execute(
    `with j as (
       insert into job (id, order_id, plant_id, seq, work_center_id, minutes, status, start_date, end_date)
       values ${planned.map(() => '(?::uuid, ?::uuid, ?::uuid, ?::int, ?::uuid, ?::int, ?, ?::date, ?::date)').join(', ')}
       on conflict (id) do update set minutes = excluded.minutes, status = excluded.status, start_date = excluded.start_date,
         end_date = excluded.end_date, version = job.version + 1)
     insert into allocation (job_id, date, work_center_id, plant_id, minutes) values ${allocations.map(() => '(?, ?::date, ?, ?, ?)').join(', ')}`,
    [
      ...planned.flatMap((j) => [j.id, j.orderId, plantId, j.seq, j.workCenterId, j.minutes, j.status,
        fromDay(j.allocations[0]!.day), fromDay(j.allocations[j.allocations.length - 1]!.day)]),
      ...allocations.flat(),
    ],
  );
}

/** After a partial delete, a job's minutes and dates follow its remaining allocations. */
async function refreshJobSpans(em: EntityManager, orderId: string): Promise<void> {
  await em.execute(
    `update job j set minutes = s.minutes, start_date = s.first, end_date = s.last, version = j.version + 1
       from (select job_id, sum(minutes)::int as minutes, min(date) as first, max(date) as last from allocation group by job_id) s
      where s.job_id = j.id and j.order_id = ?`,
    [orderId],
  );
}
