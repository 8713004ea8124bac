import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '../../shared/errors.ts';
import { todayIn } from '../../shared/dates.ts';
import type { Clock } from '../../shared/clock.ts';

export interface PlantDto {
  id: string;
  name: string;
  timeZone: string;
  shipBufferDays: number;
  currency: string;
  eventSeq: number;
  version: number;
  today: string;
}

export interface WorkCenterDto {
  id: string;
  code: string;
  name: string;
  weeklyMinutes: number[];
  overtimeMinutesPerDay: number;
  rateCentsPerHour: number;
  overtimePremiumCentsPerHour: number;
  active: boolean;
  version: number;
}

/** The currency of a plant created without one (the demo plant's; the column's default). */
export const DEFAULT_CURRENCY = 'EUR';

/** A plant with "today" in its own time zone. */
export async function plantById(em: EntityManager, clock: Clock, id: string): Promise<PlantDto> {
  const rows = await em.execute<Omit<PlantDto, 'today'>[]>(
    `select id, name, time_zone as "timeZone", ship_buffer_days as "shipBufferDays", currency, event_seq as "eventSeq", version
       from plant where id = ?`,
    [id],
  );
  const p = rows[0];
  if (!p) throw notFound('Plant', id);
  return { ...p, eventSeq: Number(p.eventSeq), today: todayIn(p.timeZone, clock.now()) };
}

/** The plant's work centers in board order. */
export async function workCentersOf(em: EntityManager, plantId: string): Promise<WorkCenterDto[]> {
  const rows = await em.execute<WorkCenterDto[]>(
    `select id, code, name, weekly_minutes as "weeklyMinutes", overtime_minutes_per_day as "overtimeMinutesPerDay",
            rate_cents_per_hour as "rateCentsPerHour", overtime_premium_cents_per_hour as "overtimePremiumCentsPerHour", active, version
       from work_center where plant_id = ? order by sort, code`,
    [plantId],
  );
  return rows.map((w) => ({
    ...w,
    rateCentsPerHour: Number(w.rateCentsPerHour),
    overtimePremiumCentsPerHour: Number(w.overtimePremiumCentsPerHour),
  }));
}
