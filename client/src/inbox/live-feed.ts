import { ref } from 'vue';
import { request } from '../api/graphql';
import { useSessionStore } from '../auth/session.store';
import { LiveHeadDocument } from '../gql/graphql';
import { connectRealtime, type BoardEvent, type ConnectionState, type RealtimeConnection } from '../realtime/connection';
import { graphqlWsUrl } from '../realtime/realtime.store';

/**
 * A board-event feed for the decision screens (inbox, change-order detail, policy), shared by
 * whoever holds it: the first `acquire()` connects, the last release disconnects. It resumes after
 * the plant's head at connect time, so it only says what changed since the screen loaded; a
 * RESYNC is passed on for the caller to refetch.
 */
export function useLiveFeed(onEvent: (event: BoardEvent) => void) {
  const session = useSessionStore();
  const state = ref<ConnectionState>('offline');
  let holders = 0;
  let connection: RealtimeConnection | null = null;

  async function head(plantId: string, today: string): Promise<number> {
    return (await request(LiveHeadDocument, { plantId, day: today })).board.lastEventSeq;
  }

  async function open(): Promise<void> {
    const plant = session.plant;
    if (!plant || connection) return;
    const since = await head(plant.id, plant.today);
    if (holders === 0 || connection) return;
    connection = connectRealtime({
      url: graphqlWsUrl,
      plantId: plant.id,
      since,
      presence: false,
      onEvent,
      onResync: async (event) => {
        if (event) onEvent(event);
        return head(plant.id, plant.today);
      },
      onState: (next) => (state.value = next),
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
