import { defineStore } from 'pinia';
import { request } from '../api/graphql';
import {
  AdminCreateWorkCenterDocument, AdminRetireWorkCenterDocument, AdminUpdateWorkCenterDocument, AdminWorkCentersDocument,
  type AdminWorkCenterFragment, type WorkCenterInput,
} from '../gql/graphql';
import { useRecordList } from './busy';

export type AdminWorkCenter = AdminWorkCenterFragment;

/** `WorkCenter.weeklyHours` reads Sunday first, `WorkCenterInput.weeklyHours` takes Monday first: the page shows Monday first. */
export function mondayFirst(sundayFirst: readonly number[]): number[] {
  return [...sundayFirst.slice(1), ...sundayFirst.slice(0, 1)];
}

/** The work centers of my plant (PLANT_MANAGER, ADMIN): list, create, change (with its version), retire. */
export const useWorkCentersStore = defineStore('admin-work-centers', () => {
  const list = useRecordList<AdminWorkCenter>((a, b) => a.code.localeCompare(b.code));

  const load = (plantId: string) => list.load(async () => (await request(AdminWorkCentersDocument, { plantId })).workCenters);

  const save = (plantId: string, input: WorkCenterInput, existing: AdminWorkCenter | null) =>
    list.save(existing?.id ?? 'create', async () => existing
      ? (await request(AdminUpdateWorkCenterDocument, { id: existing.id, input, expectedVersion: existing.version })).updateWorkCenter
      : (await request(AdminCreateWorkCenterDocument, { plantId, input })).createWorkCenter);

  const retire = (wc: AdminWorkCenter) =>
    list.save(wc.id, async () => (await request(AdminRetireWorkCenterDocument, { id: wc.id, expectedVersion: wc.version })).retireWorkCenter);

  return { workCenters: list.items, loading: list.loading, busy: list.busy, error: list.error, load, save, retire };
});
