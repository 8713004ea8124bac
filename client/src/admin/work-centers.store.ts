import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { describeError } from '../api/errors';
import { request } from '../api/graphql';
import {
  AdminCreateWorkCenterDocument, AdminRetireWorkCenterDocument, AdminUpdateWorkCenterDocument, AdminWorkCentersDocument,
  type AdminWorkCenterFragment, type WorkCenterInput,
} from '../gql/graphql';

export type AdminWorkCenter = AdminWorkCenterFragment;

/** `WorkCenter.weeklyHours` reads Sunday first, `WorkCenterInput.weeklyHours` takes Monday first: the page shows Monday first. */
export function mondayFirst(sundayFirst: readonly number[]): number[] {
  return [...sundayFirst.slice(1), ...sundayFirst.slice(0, 1)];
}

/** The work centers of my plant (PLANT_MANAGER, ADMIN): list, create, change (with its version), retire. */
export const useWorkCentersStore = defineStore('admin-work-centers', () => {
  const workCenters = shallowRef<AdminWorkCenter[]>([]);
  const loading = ref(false);
  const busy = ref<string | null>(null);
  const error = ref<string | null>(null);

  async function guarded(key: string, action: () => Promise<void>): Promise<boolean> {
    busy.value = key;
    error.value = null;
    try {
      await action();
      return true;
    } catch (e) {
      error.value = describeError(e);
      return false;
    } finally {
      busy.value = null;
    }
  }

  function put(wc: AdminWorkCenter): void {
    const others = workCenters.value.filter((w) => w.id !== wc.id);
    workCenters.value = [...others, wc].sort((a, b) => a.code.localeCompare(b.code));
  }

  async function load(plantId: string): Promise<void> {
    loading.value = true;
    await guarded('load', async () => {
      workCenters.value = (await request(AdminWorkCentersDocument, { plantId })).workCenters;
    });
    loading.value = false;
  }

  function save(plantId: string, input: WorkCenterInput, existing: AdminWorkCenter | null): Promise<boolean> {
    return guarded(existing?.id ?? 'create', async () => {
      put(existing
        ? (await request(AdminUpdateWorkCenterDocument, { id: existing.id, input, expectedVersion: existing.version })).updateWorkCenter
        : (await request(AdminCreateWorkCenterDocument, { plantId, input })).createWorkCenter);
    });
  }

  function retire(wc: AdminWorkCenter): Promise<boolean> {
    return guarded(wc.id, async () => {
      put((await request(AdminRetireWorkCenterDocument, { id: wc.id, expectedVersion: wc.version })).retireWorkCenter);
    });
  }

  return { workCenters, loading, busy, error, load, save, retire };
});
