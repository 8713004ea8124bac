import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { describeError } from '../api/errors';
import { request } from '../api/graphql';
import { onBoardEvent, onReconnected } from '../realtime/event-bus';
import { BellMarkReadDocument, BellNotificationsDocument, BellUnreadCountDocument, type BellNotificationsQuery } from '../gql/graphql';

export type Notification = BellNotificationsQuery['notifications']['nodes'][number];

const POLL_MS = 20_000;

/**
 * My notifications for the header bell: the unread count (polled while a page is open, and
 * refreshed when the tab comes back), the latest ones when the bell opens, marking read.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const unread = ref(0);
  const items = shallowRef<Notification[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let timer: ReturnType<typeof setInterval> | null = null;
  let holders = 0;

  async function refreshCount(): Promise<void> {
    try {
      unread.value = (await request(BellUnreadCountDocument)).unreadNotificationCount;
    } catch {
      // the bell is secondary: a failed poll waits for the next one
    }
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const data = await request(BellNotificationsDocument, { first: 15 });
      unread.value = data.unreadNotificationCount;
      items.value = data.notifications.nodes;
      error.value = null;
    } catch (e) {
      error.value = describeError(e);
    } finally {
      loading.value = false;
    }
  }

  async function markRead(ids: string[] | 'all'): Promise<void> {
    try {
      if (ids === 'all') await request(BellMarkReadDocument, { all: true });
      else await request(BellMarkReadDocument, { ids });
      const now = new Date().toISOString();
      items.value = items.value.map((n) => (ids === 'all' || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n));
      await refreshCount();
    } catch (e) {
      error.value = describeError(e);
    }
  }

  // A change order moved: a notification may be mine; ask for the count a moment later, once.
  let soon: ReturnType<typeof setTimeout> | null = null;
  const refreshSoon = () => {
    if (holders === 0 || soon) return;
    soon = setTimeout(() => {
      soon = null;
      void refreshCount();
    }, 300);
  };
  onBoardEvent((event) => {
    if (event.type === 'CHANGE_ORDER_UPDATED') refreshSoon();
  });
  onReconnected(refreshSoon);

  const onVisible = () => {
    if (document.visibilityState === 'visible') void refreshCount();
  };

  /** Poll while someone shows the bell; returns the release. */
  function watch(): () => void {
    holders++;
    if (holders === 1) {
      void refreshCount();
      timer = setInterval(() => void refreshCount(), POLL_MS);
      document.addEventListener('visibilitychange', onVisible);
    }
    return () => {
      holders--;
      if (holders === 0) {
        if (timer) clearInterval(timer);
        timer = null;
        document.removeEventListener('visibilitychange', onVisible);
      }
    };
  }

  return { unread, items, loading, error, load, markRead, refreshCount, watch };
});
