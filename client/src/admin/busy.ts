import { ref, shallowRef } from 'vue';
import { describeError } from '../api/errors';

/**
 * What an admin store shows while it calls the API: which action runs (`busy`, a key such as
 * 'create' or a row's id, so only that row's button spins) and the last failure as a sentence.
 */
export function useBusy() {
  const busy = ref<string | null>(null);
  const error = ref<string | null>(null);

  /** Runs `action` under `key`; true when it succeeded, else `error` says why. */
  async function run(key: string, action: () => Promise<void>): Promise<boolean> {
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

  return { busy, error, run };
}

/**
 * A list of master-data records an admin page edits: loaded once, then each saved or retired
 * record returned by the API replaces its row (kept in `order`), so the page never refetches.
 */
export function useRecordList<T extends { id: string }>(order: (a: T, b: T) => number) {
  const items = shallowRef<T[]>([]);
  const loading = ref(false);
  const { busy, error, run } = useBusy();

  function put(item: T): void {
    items.value = [...items.value.filter((i) => i.id !== item.id), item].sort(order);
  }

  async function load(fetch: () => Promise<T[]>): Promise<void> {
    loading.value = true;
    await run('load', async () => {
      items.value = [...(await fetch())].sort(order);
    });
    loading.value = false;
  }

  /** Runs `action` under `key` and puts the record it returns. */
  function save(key: string, action: () => Promise<T>): Promise<boolean> {
    return run(key, async () => put(await action()));
  }

  return { items, loading, busy, error, run, load, save };
}
