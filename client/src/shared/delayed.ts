import { onBeforeUnmount, ref, watch, type Ref, type WatchSource } from 'vue';

/**
 * True once `source` has stayed true for `delayMs` (300 ms by default; docs/product.md §9: progress
 * indication on anything slower than 300 ms), so quick answers never flash a spinner.
 */
export function useDelayedFlag(source: WatchSource<boolean>, delayMs = 300): Ref<boolean> {
  const shown = ref(false);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  watch(
    source,
    (on) => {
      clear();
      if (!on) shown.value = false;
      else timer = setTimeout(() => (shown.value = true), delayMs);
    },
    { immediate: true },
  );
  onBeforeUnmount(clear);
  return shown;
}
