import { onBeforeUnmount, ref, watch, type Ref, type WatchSource } from 'vue';

/**
 * True once `source` has been true for `delayMs` (300 ms by default): progress indication for
 * anything slow, without flashing a spinner on every quick answer.
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
