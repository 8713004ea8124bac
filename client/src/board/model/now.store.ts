import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { daysBetween } from '../../shared/dates';
import { useBoardStore } from './board.store';

/** How often the "now" line moves: once a minute is finer than any column shows. */
const TICK_MS = 60_000;

/** Minutes since midnight at `at` in a time zone (the plant's: its day is the board's today). */
export function minuteOfDay(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/**
 * The present on the board (docs/product.md §12): today's day column and how far into the plant's
 * day it is now, for the "now" line drawn across the rows. The day itself turns with the server's
 * plant today (a board reload), the minute with the browser's clock.
 */
export const useNowStore = defineStore('boardNow', () => {
  const board = useBoardStore();
  const now = ref(Date.now());
  setInterval(() => (now.value = Date.now()), TICK_MS);

  /** Today's day column (1-based), or -1 when today is not on the board. */
  const column = computed(() => {
    const data = board.data;
    if (!data || !board.today || board.today < data.from || board.today > data.to) return -1;
    return daysBetween(data.from, board.today) + 1;
  });
  const minute = computed(() => {
    const zone = board.data?.plant.timeZone;
    return zone ? minuteOfDay(zone, new Date(now.value)) : 0;
  });
  return { column, minute };
});
