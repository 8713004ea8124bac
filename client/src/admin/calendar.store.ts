import { defineStore } from 'pinia';
import { request } from '../api/graphql';
import {
  AdminCalendarExceptionsDocument, AdminCreateCalendarExceptionDocument, AdminRetireCalendarExceptionDocument,
  type AdminCalendarExceptionFragment, type CalendarExceptionInput,
} from '../gql/graphql';
import { useRecordList } from './busy';

export type AdminCalendarException = AdminCalendarExceptionFragment;

/**
 * The plant's calendar exceptions (PLANNER, OPS_MANAGER, PLANT_MANAGER, ADMIN): holidays, maintenance
 * and extra shifts, for one work center or the whole plant. Adding or removing one changes capacity
 * on every open board at once.
 */
export const useCalendarStore = defineStore('admin-calendar', () => {
  const list = useRecordList<AdminCalendarException>((a, b) => a.dateFrom.localeCompare(b.dateFrom));

  const load = (plantId: string) => list.load(async () => (await request(AdminCalendarExceptionsDocument, { plantId })).calendarExceptions);

  const add = (plantId: string, input: CalendarExceptionInput) =>
    list.save('create', async () => (await request(AdminCreateCalendarExceptionDocument, { plantId, input })).createCalendarException);

  const remove = (e: AdminCalendarException) =>
    list.save(e.id, async () => (await request(AdminRetireCalendarExceptionDocument, { id: e.id, expectedVersion: e.version })).retireCalendarException);

  return { exceptions: list.items, loading: list.loading, busy: list.busy, error: list.error, load, add, remove };
});
