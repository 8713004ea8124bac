import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../graphql/errors.ts';
import { daysBetween, isIsoDate } from '../shared/dates.ts';
import { plantById, workCentersOf, type PlantDto, type WorkCenterDto } from '../plant/plant.service.ts';
import { jobsInRange, ordersByIds } from '../order/order.service.ts';
import type { JobDto, OrderDto } from '../order/order.dto.ts';
import type { Clock } from '../shared/clock.ts';

/** The longest range one board query may ask for (SPEC §9: up to 26 weeks). */
export const MAX_BOARD_DAYS = 26 * 7;

export interface BucketDto {
  workCenterId: string;
  date: string;
  capacityMinutes: number;
  overtimeMinutes: number;
  loadMinutes: number;
}

export interface BoardDto {
  plant: PlantDto;
  from: string;
  to: string;
  workCenters: WorkCenterDto[];
  buckets: BucketDto[];
  jobs: JobDto[];
  orders: OrderDto[];
  lastEventSeq: number;
}

/** Rejects malformed, reversed or over-long ranges with BAD_USER_INPUT. */
export function validateRange(from: string, to: string, maxDays = MAX_BOARD_DAYS): void {
  if (!isIsoDate(from)) throw badInput(`"from" must be a date in the form YYYY-MM-DD, got "${from}".`, 'from');
  if (!isIsoDate(to)) throw badInput(`"to" must be a date in the form YYYY-MM-DD, got "${to}".`, 'to');
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw badInput(`"to" (${to}) is before "from" (${from}).`, 'to');
  if (days > maxDays) throw badInput(`The range has ${days} days; at most ${maxDays} (26 weeks) fit on one board.`, 'to');
}

/**
 * Buckets are derived in one SQL aggregate: capacity is the dated exception or the weekday's
 * hours, load the sum of allocations. They are never stored, so they can never disagree with the
 * allocations they come from. Reads run in one REPEATABLE READ snapshot so that `lastEventSeq`
 * matches the data exactly (a client resumes the live stream after it).
 */
export async function loadBoard(em: EntityManager, clock: Clock, plantId: string, from: string, to: string): Promise<BoardDto> {
  validateRange(from, to);
  return em.transactional(
    async (tx) => {
      const plant = await plantById(tx, clock, plantId);
      const workCenters = await workCentersOf(tx, plantId);
      const buckets = await tx.execute<BucketDto[]>(
        `with days as (select d::date as date from generate_series(?::date, ?::date, interval '1 day') d),
              load as (select work_center_id, date, sum(minutes)::int as minutes from allocation
                        where plant_id = ? and date between ?::date and ?::date group by 1, 2)
         select wc.id as "workCenterId", days.date::text as date,
                coalesce(ex.minutes, wc.weekly_minutes[extract(dow from days.date)::int + 1]) as "capacityMinutes",
                case when coalesce(ex.minutes, wc.weekly_minutes[extract(dow from days.date)::int + 1]) > 0
                     then wc.overtime_minutes_per_day else 0 end as "overtimeMinutes",
                coalesce(load.minutes, 0) as "loadMinutes"
           from work_center wc cross join days
           left join work_center_exception ex on ex.work_center_id = wc.id and ex.date = days.date
           left join load on load.work_center_id = wc.id and load.date = days.date
          where wc.plant_id = ?
          order by wc.sort, wc.code, days.date`,
        [from, to, plantId, from, to, plantId],
      );
      const jobs = await jobsInRange(tx, plantId, from, to);
      const orders = await ordersByIds(tx, plantId, [...new Set(jobs.map((j) => j.orderId))]);
      return { plant, from, to, workCenters, buckets, jobs, orders, lastEventSeq: plant.eventSeq };
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}
