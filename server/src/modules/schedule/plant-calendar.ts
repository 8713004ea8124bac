import type { EntityManager } from '@mikro-orm/postgresql';
import {
  capacityOn, compileWorkCenter, fromDay, isWorkCenterWorkingDay, overtimeOn, PlantCalendar, planningWindow, toDay,
} from '../../engine/index.ts';
import type { PlantDto } from '../plant/plant.service.ts';
import { currentPolicy, toEnginePolicy } from '../policy/policy.service.ts';
import { validateRange } from './board.service.ts';
import { workCentersWithCalendars } from './schedule.loader.ts';

/** The longest calendar one query may ask for: two years and a leap day either way. */
export const MAX_CALENDAR_DAYS = 732;

/** One work center on one date, in minutes. */
export interface WorkCenterDayDto {
  workCenterId: string;
  workCenterCode: string;
  working: boolean;
  exception: boolean;
  capacityMinutes: number;
  overtimeMinutes: number;
}

/** One date of a plant's calendar. */
export interface CalendarDayDto {
  date: string;
  plantWorkingDay: boolean;
  inFreezeWindow: boolean;
  workCenters: WorkCenterDayDto[];
}

/**
 * A plant's calendar as the engine reads it: the same compiled work-center calendars, the same
 * plant working-day rule and the same freeze window (planningWindow under the current policy), so
 * what this returns is what verdicts were computed from (docs/product.md §2.1).
 */
export async function plantCalendar(em: EntityManager, plant: PlantDto, from: string, to: string): Promise<CalendarDayDto[]> {
  validateRange(from, to, MAX_CALENDAR_DAYS, 'fit in one calendar');
  const workCenters = (await workCentersWithCalendars(em, plant.id)).map(compileWorkCenter);
  const calendar = new PlantCalendar(workCenters);
  const policy = toEnginePolicy(await currentPolicy(em, plant.id), plant.shipBufferDays);
  const today = toDay(plant.today);
  const { freezeEnd } = planningWindow(calendar, policy, today);
  const days: CalendarDayDto[] = [];
  for (let day = toDay(from); day <= toDay(to); day++) {
    days.push({
      date: fromDay(day),
      plantWorkingDay: calendar.isWorkingDay(day),
      inFreezeWindow: day > today && day <= freezeEnd,
      workCenters: workCenters.map((wc) => ({
        workCenterId: wc.id,
        workCenterCode: wc.code,
        working: isWorkCenterWorkingDay(wc, day),
        exception: wc.exceptions.has(day),
        capacityMinutes: capacityOn(wc, day),
        overtimeMinutes: overtimeOn(wc, day),
      })),
    });
  }
  return days;
}
