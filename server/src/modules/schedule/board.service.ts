import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../graphql/errors.ts';
import { daysBetween, isIsoDate } from '../shared/dates.ts';
import { plantById, workCentersOf, type PlantDto, type WorkCenterDto } from '../plant/plant.service.ts';
import { jobsInRange, ordersByIds } from '../order/order.service.ts';
import type { JobDto, OrderDto } from '../order/order.dto.ts';
import type { Clock } from '../shared/clock.ts';
import { bucketsBetween } from './buckets.ts';

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
  if (days > maxDays) {
    const limit = maxDays === MAX_BOARD_DAYS ? `${maxDays} (26 weeks) fit on one board` : `${maxDays} fit in one report`;
    throw badInput(`The range has ${days} days; at most ${limit}.`, 'to');
  }
}

/**
 * The board over a range. Reads run in one REPEATABLE READ snapshot so that `lastEventSeq`
 * matches the data exactly (a client resumes the live stream after it).
 */
export async function loadBoard(em: EntityManager, clock: Clock, plantId: string, from: string, to: string): Promise<BoardDto> {
  validateRange(from, to);
  return em.transactional(
    async (tx) => {
      const plant = await plantById(tx, clock, plantId);
      const workCenters = await workCentersOf(tx, plantId);
      const buckets = await bucketsBetween(tx, plantId, from, to);
      const jobs = await jobsInRange(tx, plantId, from, to);
      const orders = await ordersByIds(tx, plantId, [...new Set(jobs.map((j) => j.orderId))]);
      return { plant, from, to, workCenters, buckets, jobs, orders, lastEventSeq: plant.eventSeq };
    },
    { isolationLevel: 'repeatable read', readOnly: true },
  );
}
