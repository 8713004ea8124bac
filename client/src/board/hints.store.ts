import { defineStore } from 'pinia';
import { ref } from 'vue';

/** Remembered per browser: the board's first-visit hint was read. */
const SEEN_KEY = 'takt.board.hint-seen';

function seen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false; // storage blocked: show the hint, it can be dismissed for this page
  }
}

/**
 * Help on the board (docs/product.md §9.2): a first-visit hint of what the colours and the ghost
 * blocks mean, and the keyboard shortcut sheet (`?`).
 */
export const useBoardHintsStore = defineStore('boardHints', () => {
  const hintShown = ref(!seen());
  const sheetOpen = ref(false);

  function dismissHint(): void {
    hintShown.value = false;
    try {
      localStorage.setItem(SEEN_KEY, '1');
    } catch {
      // not remembered: it shows again next visit
    }
  }

  function toggleSheet(open = !sheetOpen.value): void {
    sheetOpen.value = open;
  }

  return { hintShown, sheetOpen, dismissHint, toggleSheet };
});
