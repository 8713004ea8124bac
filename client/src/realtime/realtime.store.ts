import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { request } from '../api/graphql';
import { SetPresenceVisibilityDocument, type PresenceViewingInput } from '../gql/graphql';
import {
  connectRealtime,
  type BoardEvent,
  type ConnectionState,
  type OfflineReason,
  type PresenceSnapshot,
  type RealtimeConnection,
} from './connection';
import { publishBoardEvent, publishReconnected } from './event-bus';

export type { BoardEvent, ConnectionState, PresenceSnapshot } from './connection';

export interface StartOptions {
  plantId: string;
  /** The board's `lastEventSeq`. */
  since: number;
  /** Patch the board with one event (SCHEDULE_CHANGED, CHANGE_ORDER_UPDATED, POLICY_UPDATED, BOARD_RESET). */
  onEvent(event: BoardEvent): void;
  /** Refetch the board and return its `lastEventSeq` (RESYNC, BOARD_RESET is the caller's call). */
  onResync(): Promise<number>;
}

/** Same-origin WebSocket URL of the GraphQL endpoint; the session cookie goes with it. */
export function graphqlWsUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

/**
 * The live connection of the board (docs/realtime.md): state for the connection indicator,
 * the last sequence number applied, and who else is looking (presence). The board store
 * starts it after loading the board and patches itself in `onEvent`.
 */
export const useRealtimeStore = defineStore('realtime', () => {
  const state = ref<ConnectionState>('offline');
  const offlineReason = ref<OfflineReason | null>('stopped');
  const attempt = ref(0);
  const lastSeq = ref(0);
  const presence = shallowRef<PresenceSnapshot | null>(null);
  let connection: RealtimeConnection | null = null;
  let removeListeners: (() => void) | null = null;
  /** Whether this connection was live before (a later `live` is a reconnect). */
  let wasLive = false;

  const live = computed(() => state.value === 'live');
  /** Other people, one entry per person (their most recent view first). */
  const people = computed(() => {
    const byUser = new Map<string, PresenceSnapshot['users'][number][]>();
    for (const entry of presence.value?.users ?? []) {
      const list = byUser.get(entry.userId);
      if (list) list.push(entry);
      else byUser.set(entry.userId, [entry]);
    }
    return [...byUser.values()].map((views) => ({
      userId: views[0]!.userId,
      name: views[0]!.name,
      role: views[0]!.role,
      views: [...views].sort((a, b) => b.since.localeCompare(a.since)),
    }));
  });

  /** Opens the connection (closing any previous one). */
  function start(opts: StartOptions): void {
    stop();
    wasLive = false;
    lastSeq.value = opts.since;
    connection = connectRealtime({
      url: graphqlWsUrl,
      plantId: opts.plantId,
      since: opts.since,
      presence: true,
      onEvent: (event) => {
        opts.onEvent(event);
        lastSeq.value = event.seq;
        publishBoardEvent(event);
      },
      onResync: async () => {
        const seq = await opts.onResync();
        lastSeq.value = seq;
        publishReconnected(); // what was missed cannot be replayed: every store refetches
        return seq;
      },
      onPresence: (snapshot) => (presence.value = snapshot),
      onState: (next, detail) => {
        const back = next === 'live' && state.value !== 'live' && wasLive;
        if (next === 'live') wasLive = true;
        state.value = next;
        if (back) publishReconnected();
        attempt.value = detail.attempt;
        offlineReason.value = next === 'offline' ? (detail.reason ?? 'error') : null;
      },
    });
    // the browser knows about the network before the socket does
    const online = () => connection?.reconnectNow();
    window.addEventListener('online', online);
    removeListeners = () => window.removeEventListener('online', online);
  }

  function stop(): void {
    removeListeners?.();
    removeListeners = null;
    connection?.stop();
    connection = null;
    presence.value = null;
  }

  /** Tell others what this user has open (re-sent after every reconnect). */
  function setViewing(viewing: PresenceViewingInput): void {
    connection?.setViewing(viewing);
  }

  /** The board was reloaded (another range): resume from its `lastEventSeq`. */
  function setBaseline(seq: number): void {
    lastSeq.value = seq;
    connection?.setBaseline(seq);
  }

  /** Appear in presence or stay invisible (a setting of the user). */
  async function setVisible(visible: boolean): Promise<boolean> {
    return (await request(SetPresenceVisibilityDocument, { visible })).setPresenceVisibility;
  }

  return { state, offlineReason, attempt, lastSeq, presence, people, live, start, stop, setViewing, setBaseline, setVisible };
});
