import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { describeError } from '../api/errors';
import { request } from '../api/graphql';
import { AdminCreatePlantDocument, type AdminPlantFragment, type PlantInput } from '../gql/graphql';

export type AdminPlant = AdminPlantFragment;

/**
 * Plants created in this visit (ADMIN). A session belongs to one plant and the API lists only it,
 * so a new plant is set up by its own first admin, created here right after the plant.
 */
export const usePlantsStore = defineStore('admin-plants', () => {
  const created = shallowRef<AdminPlant[]>([]);
  const busy = ref(false);
  const error = ref<string | null>(null);

  async function create(input: PlantInput): Promise<AdminPlant | null> {
    busy.value = true;
    error.value = null;
    try {
      const plant = (await request(AdminCreatePlantDocument, { input })).createPlant;
      created.value = [plant, ...created.value];
      return plant;
    } catch (e) {
      error.value = describeError(e);
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { created, busy, error, create };
});
