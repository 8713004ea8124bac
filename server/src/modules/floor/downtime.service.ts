import {
  buildSchedule, capacityOn, fromDay, relieveBucket, toDay, type Job, type Order,
} from '../../engine/index.ts';
import { badInput, notFound } from '../../shared/errors.ts';
import { pgArray } from '../../db/sql.ts';
import type { Services } from '../../services.ts';
import type { Actor } from '../auth/actor.ts';
import { bucketsForEvent } from '../events/event-store.ts';
import { withPlantWrite } from '../events/write-path.ts';
import { jobsOfOrders, ordersByIds } from '../order/order.service.ts';
import { isUuid } from '../../shared/ids.ts';
import type { JobDto, OrderDto } from '../order/order.dto.ts';
import { plantById } from '../plant/plant.service.ts';
import type { BucketDto } from '../schedule/board.view.ts';
import { loadScheduleInput } from '../schedule/schedule.loader.ts';
import { daysBetween, isIsoDate } from '../../shared/dates.ts';
import { emitScheduleChange, writeReplannedJobs, type BucketKey } from './job-writes.ts';
import { refreshRisk } from './risk.ts';

export interface DowntimeInput {
  workCenterId: string;
  from: string;
  to: string;
  hoursLost: number;
  reason: string;
}

export interface DowntimeResult {
  workCenterId: string;
  days: BucketDto[];
  movedJobs: JobDto[];
  ordersAtRisk: OrderDto[];
}

const MAX_DAYS = 31;

/**
 * Downtime (docs/product.md §12): the lost hours become calendar exceptions on the work center's
 * working days, earliest first; each day whose load no longer fits sheds open orders' work, least
 * urgent first, which rolls forward within regular capacity (work approved into overtime keeps its
 * overtime). One write: exceptions, moved jobs, at-risk flags and the reps' notifications commit
 * together; the board hears the moved work and then a reset, since the calendar itself changed.
 */
export async function reportDowntime(services: Services, actor: Actor, input: DowntimeInput): Promise<DowntimeResult> {
  const reason = input.reason.trim();
  if (!isIsoDate(input.from) || !isIsoDate(input.to) || input.to < input.from) throw badInput('from and to must be dates with from ≤ to.', 'to');
  if (daysBetween(input.from, input.to) >= MAX_DAYS) throw badInput(`A downtime report covers at most ${MAX_DAYS} days; report a longer one in parts.`, 'to');
  if (!Number.isFinite(input.hoursLost) || input.hoursLost <= 0) throw badInput('hoursLost must be more than 0.', 'hoursLost');
  if (reason.length < 1 || reason.length > 255) throw badInput('Give a reason of 1 to 255 characters (e.g. "laser head broken").', 'reason');

  const { value } = await withPlantWrite(services.orm, actor.plantId, actor, async (w) => {
    const { em, plantId } = w;
    const plant = await plantById(em, services.clock, plantId);
    if (input.from < plant.today) throw badInput(`Downtime cannot start before today (${plant.today}); the past is history.`, 'from');
    const [wc] = isUuid(input.workCenterId)
      ? await em.execute<{ id: string; code: string }[]>('select id, code from work_center where id = ? and plant_id = ?', [input.workCenterId, plantId])
      : [];
    if (!wc) throw notFound('Work center', input.workCenterId);

    const today = toDay(plant.today);
    const first = buildSchedule(await loadScheduleInput(em, plantId));
    const compiled = first.workCenters.get(wc.id)!;
    let lost = Math.round(input.hoursLost * 60);
    const days: { day: number; capacity: number; allowed: number }[] = [];
    for (let day = toDay(input.from); day <= toDay(input.to) && lost > 0; day++) {
      const capacity = capacityOn(compiled, day);
      if (capacity <= 0) continue;
      const take = Math.min(capacity, lost);
      lost -= take;
      // work approved into overtime above the old capacity keeps it while the day still works
      const left = capacity - take;
      days.push({ day, capacity: left, allowed: left === 0 ? 0 : left + Math.max(0, first.load.loadOn(wc.id, day) - capacity) });
    }
    if (lost > 0) throw badInput(`${wc.code} has only ${input.hoursLost - lost / 60} h of capacity from ${input.from} to ${input.to}.`, 'hoursLost');
    await em.execute(
      `insert into work_center_exception (work_center_id, date, minutes, reason)
       select ?, d, m, ? from unnest(?::date[], ?::int[]) as x(d, m)
       on conflict (work_center_id, date) do update set minutes = excluded.minutes, reason = excluded.reason`,
      [wc.id, reason, pgArray(days.map((d) => fromDay(d.day))), pgArray(days.map((d) => d.capacity))],
    );

    const schedule = buildSchedule(await loadScheduleInput(em, plantId));
    const before = new Map(schedule.orders);
    const moved = new Map<string, Job>();
    const orderIds = new Set<string>();
    for (const d of days) {
      const relief = relieveBucket(schedule, wc.id, d.day, d.allowed, today);
      for (const j of relief.jobs) moved.set(j.id, j);
      for (const id of relief.orderIds) orderIds.add(id);
    }
    const touched: BucketKey[] = [
      ...days.map((d) => ({ workCenterId: wc.id, date: fromDay(d.day) })),
      ...(await writeReplannedJobs(em, plantId, [...orderIds].map((id) => before.get(id)!), [...moved.values()])),
    ];
    const orders = [...orderIds].map((id) => schedule.orders.get(id)!) as Order[];
    const atRisk = await refreshRisk(w, services, schedule, orders, plant.today);
    await emitScheduleChange(w, [...orderIds], touched);
    w.emit({ type: 'BOARD_RESET', reason: `downtime on ${wc.code}: its calendar changed` });
    w.audit({
      action: 'DOWNTIME_REPORTED', entityType: 'WorkCenter', entityId: wc.id, comment: reason,
      data: { from: input.from, to: input.to, hoursLost: input.hoursLost, days: days.map((d) => fromDay(d.day)), movedJobs: [...moved.keys()], ordersAtRisk: atRisk },
    });
    return {
      days: await bucketsForEvent(em, plantId, days.map((d) => ({ workCenterId: wc.id, date: fromDay(d.day) }))),
      movedJobIds: [...moved.keys()],
      orderIds: [...orderIds],
      atRisk,
    };
  });
  const em = services.orm.em.fork();
  const jobs = await jobsOfOrders(em, value.orderIds);
  return {
    workCenterId: input.workCenterId,
    days: value.days,
    movedJobs: jobs.filter((j) => value.movedJobIds.includes(j.id)),
    ordersAtRisk: await ordersByIds(em, actor.plantId, value.atRisk),
  };
}
