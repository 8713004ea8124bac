import type { EntityManager } from '@mikro-orm/postgresql';
import { fromDay, type Job, type Order } from '../../engine/index.ts';
import { pgArray } from '../../db/sql.ts';
import { scheduleChangeOf } from '../events/event-store.ts';
import type { PlantWrite } from '../events/write-path.ts';

/** A bucket a write touched, for the board event. */
export interface BucketKey {
  workCenterId: string;
  date: string;
}

/**
 * Writes re-planned jobs (their allocations replaced, minutes and span following them) in two
 * statements, and returns the buckets whose load changed: the jobs' old days and their new ones.
 */
export async function writeReplannedJobs(em: EntityManager, plantId: string, before: readonly Order[], jobs: readonly Job[]): Promise<BucketKey[]> {
  if (jobs.length === 0) return [];
  const old = new Map(before.flatMap((o) => o.jobs).map((j) => [j.id, j]));
  const touched: BucketKey[] = [];
  for (const j of jobs) {
    for (const a of old.get(j.id)?.allocations ?? []) touched.push({ workCenterId: j.workCenterId, date: fromDay(a.day) });
    for (const a of j.allocations) touched.push({ workCenterId: j.workCenterId, date: fromDay(a.day) });
  }
  const ids = jobs.map((j) => j.id);
  const rows = jobs.flatMap((j) => j.allocations.map((a) => ({ jobId: j.id, date: fromDay(a.day), workCenterId: j.workCenterId, minutes: a.minutes })));
  await em.execute(
    `with d as (delete from allocation where job_id = any(?::uuid[]))
     update job j set minutes = n.minutes, start_date = n.first, end_date = n.last, version = j.version + 1
       from (select * from unnest(?::uuid[], ?::int[], ?::date[], ?::date[]) as n(id, minutes, first, last)) n
      where j.id = n.id`,
    [pgArray(ids), pgArray(ids), pgArray(jobs.map((j) => j.minutes)),
      pgArray(jobs.map((j) => fromDay(j.allocations[0]!.day))), pgArray(jobs.map((j) => fromDay(j.allocations.at(-1)!.day)))],
  );
  // arrays rather than a VALUES row per allocation: a day turn writes hundreds under the plant lock
  if (rows.length) {
    await em.execute(
      `insert into allocation (job_id, date, work_center_id, plant_id, minutes)
       select a.job_id, a.date, a.work_center_id, ?::uuid, a.minutes from unnest(?::uuid[], ?::date[], ?::uuid[], ?::int[]) as a(job_id, date, work_center_id, minutes)`,
      [plantId, pgArray(rows.map((r) => r.jobId)), pgArray(rows.map((r) => r.date)), pgArray(rows.map((r) => r.workCenterId)), pgArray(rows.map((r) => r.minutes))],
    );
  }
  return touched;
}

/**
 * Emits the SCHEDULE_CHANGED event of a floor write (no change order): the orders' jobs as they
 * are now, with their allocations, progress and status, and every bucket whose load changed.
 */
export async function emitScheduleChange(w: PlantWrite, orderIds: readonly string[], touched: readonly BucketKey[]): Promise<void> {
  if (orderIds.length === 0 && touched.length === 0) return;
  const { jobs, buckets } = await scheduleChangeOf(w.em, w.plantId, orderIds, touched);
  w.emit({ type: 'SCHEDULE_CHANGED', changeOrderId: null, orderIds: [...orderIds], jobs, removedJobIds: [], buckets });
}
