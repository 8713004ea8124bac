import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { request } from '../api/graphql';
import {
  AdminCalendarExceptionsDocument, AdminCreateCalendarExceptionDocument, AdminPlantCalendarDocument, AdminRetireCalendarExceptionDocument,
  type AdminCalendarExceptionFragment, type CalendarExceptionInput,
} from '../gql/graphql';
import { addDays, type IsoDate } from '../shared/dates';
import { useRecordList } from './busy';
import { monthWeeks, type Month } from './calendar-month';

export type AdminCalendarException = AdminCalendarExceptionFragment;

/**
 * The plant's calendar exceptions (PLANNER, OPS_MANAGER, PLANT_MANAGER, ADMIN): holidays, maintenance
 * and extra shifts, for one work center or the whole plant. Adding or removing one changes capacity
 * on every open board at once. The month view reads each day's hours from the plant's calendar, as
 * the server applies the exceptions, and reads it again after every change.
 */
export const useCalendarStore = defineStore('admin-calendar', () => {
  const list = useRecordList<AdminCalendarException>((a, b) => a.dateFrom.localeCompare(b.dateFrom));
  /** Hours by date and work center for the month shown (its whole weeks). */
  const capacity = shallowRef<Map<IsoDate, Map<string, number>>>(new Map());
  let shown: { plantId: string; month: Month } | null = null;

  const load = (plantId: string) => list.load(async () => (await request(AdminCalendarExceptionsDocument, { plantId })).calendarExceptions);

  /** Reads the calendar of the weeks that show `month`. */
  function loadMonth(plantId: string, month: Month): Promise<boolean> {
    shown = { plantId, month };
    const weeks = monthWeeks(month);
    const from = weeks[0]![0]!;
    return list.run('month', async () => {
      const { plants } = await request(AdminPlantCalendarDocument, { from, to: addDays(from, weeks.length * 7 - 1) });
      if (shown?.month !== month) return; // a later month was asked for meanwhile
      const days = plants.find((p) => p.id === plantId)?.calendar ?? [];
      capacity.value = new Map(days.map((d) => [d.date, new Map(d.workCenters.map((w) => [w.workCenterId, w.capacityHours]))]));
    });
  }

  const reloadMonth = () => (shown ? loadMonth(shown.plantId, shown.month) : Promise.resolve(true));

  async function add(plantId: string, input: CalendarExceptionInput): Promise<boolean> {
    const saved = await list.save('create', async () => (await request(AdminCreateCalendarExceptionDocument, { plantId, input })).createCalendarException);
    if (saved) await reloadMonth();
    return saved;
  }

  async function remove(e: AdminCalendarException): Promise<boolean> {
    const saved = await list.save(e.id, async () => (await request(AdminRetireCalendarExceptionDocument, { id: e.id, expectedVersion: e.version })).retireCalendarException);
    if (saved) await reloadMonth();
    return saved;
  }

  return { exceptions: list.items, capacity, loading: list.loading, busy: list.busy, error: list.error, load, loadMonth, add, remove };
});
