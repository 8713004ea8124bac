import type { EntityManager } from '@mikro-orm/postgresql';
import type { BucketDto } from './board.service.ts';
import { pgArray } from '../../db/sql.ts';

/**
 * The one definition of a bucket's capacity in SQL: the dated exception, else the weekday's
 * minutes. Expects the aliases `wc` (work_center) and `ex` (its exception row for the date).
 */
export const capacitySql = (date: string) => `coalesce(ex.minutes, wc.weekly_minutes[extract(dow from ${date})::int + 1])`;

/** Overtime minutes available in a bucket: the work center's daily overtime, on working days only. */
export const overtimeSql = (date: string) => `case when ${capacitySql(date)} > 0 then wc.overtime_minutes_per_day else 0 end`;

/**
 * Buckets (capacity, overtime, load) for a set of work centers over a date range, derived from
 * the calendar and the allocations in one SQL aggregate. Buckets are never stored, so they can
 * never disagree with the allocations they come from.
 */
export async function bucketsBetween(
  em: EntityManager,
  plantId: string,
  from: string,
  to: string,
  workCenterIds: readonly string[] | null = null,
): Promise<BucketDto[]> {
  const onlyCenters = workCenterIds ? 'and wc.id = any(?::uuid[])' : '';
  const centerParam = workCenterIds ? [pgArray(workCenterIds)] : [];
  return em.execute<BucketDto[]>(
    `with days as (select d::date as date from generate_series(?::date, ?::date, interval '1 day') d),
          load as (select work_center_id, date, sum(minutes)::int as minutes from allocation
                    where plant_id = ? and date between ?::date and ?::date group by 1, 2)
     select wc.id as "workCenterId", days.date::text as date,
            ${capacitySql('days.date')} as "capacityMinutes",
            ${overtimeSql('days.date')} as "overtimeMinutes",
            coalesce(load.minutes, 0) as "loadMinutes"
       from work_center wc cross join days
       left join work_center_exception ex on ex.work_center_id = wc.id and ex.date = days.date
       left join load on load.work_center_id = wc.id and load.date = days.date
      where wc.plant_id = ? ${onlyCenters}
      order by wc.sort, wc.code, days.date`,
    [from, to, plantId, from, to, plantId, ...centerParam],
  );
}
