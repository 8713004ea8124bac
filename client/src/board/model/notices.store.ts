import { defineStore } from 'pinia';
import { ref } from 'vue';

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
}

/** Short messages at the bottom of the board (read out through an aria-live region). */
export const useNoticesStore = defineStore('boardNotices', () => {
  const items = ref<Notice[]>([]);
  let next = 1;

  function push(text: string, tone: Notice['tone'] = 'info', ttlMs = 6_000): void {
    const id = next++;
    items.value = [...items.value.slice(-3), { id, tone, text }];
    setTimeout(() => dismiss(id), ttlMs);
  }

  function dismiss(id: number): void {
    items.value = items.value.filter((n) => n.id !== id);
  }

  return { items, push, dismiss };
});
