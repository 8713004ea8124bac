import { ref } from 'vue';
import { request } from '../api/graphql';
import { useSessionStore } from '../auth/session.store';
import { LiveHeadDocument } from '../gql/graphql';
import { connectRealtime, type BoardEvent, type ConnectionState, type RealtimeConnection } from '../realtime/connection';
import { publishBoardEvent, publishReconnected } from '../realtime/event-bus';
import { graphqlWsUrl } from '../realtime/realtime.store';

/**
 * A board-event feed for the decision screens (inbox, change-order detail, policy), shared by
 * whoever holds it: the first `acquire()` connects, the last release disconnects. It resumes after
 * the plant's head at connect time, so it only says what changed since the screen loaded. Events
 * go to the event bus (realtime/event-bus.ts), where the entity stores listen; a RESYNC or a
 * reconnect tells them to refetch.
 */
export function useLiveFeed() {
  const session = useSessionStore();
  const state = ref<ConnectionState>('offline');
  let holders = 0;
  let connection: RealtimeConnection | null = null;
  let wasLive = false;

  async function head(plantId: string, today: string): Promise<number> {
    return (await request(LiveHeadDocument, { plantId, day: today })).board.lastEventSeq;
  }

  async function open(): Promise<void> {
    const plant = session.plant;
    if (!plant || connection) return;
    const since = await head(plant.id, plant.today);
    if (holders === 0 || connection) return;
    wasLive = false;
    connection = connectRealtime({
      url: graphqlWsUrl,
      plantId: plant.id,
      since,
      presence: false,
      onEvent: publishBoardEvent,
      onResync: async (event: BoardEvent | null) => {
        if (event) publishBoardEvent(event);
        return head(plant.id, plant.today);
      },
      onState: (next) => {
        const back = next === 'live' && wasLive && state.value !== 'live';
        if (next === 'live') wasLive = true;
        state.value = next;
        if (back) publishReconnected();
      },
    });
  }

  /** Keep the feed open until the returned function is called. */
  function acquire(): () => void {
    holders++;
    if (holders === 1) void open().catch(() => (state.value = 'offline'));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      holders--;
      if (holders === 0) {
        connection?.stop();
        connection = null;
      }
    };
  }

  return { state, acquire };
}
