import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { CloseCode } from '@takt/schema/realtime-close-codes.ts';
import {
  BoardEventsDocument,
  PresenceDocument,
  UpdatePresenceDocument,
  type BoardEventsSubscription,
  type PresenceSubscription,
  type PresenceViewingInput,
} from '../gql/graphql.ts';

export type BoardEvent = BoardEventsSubscription['boardEvents'];
export type PresenceSnapshot = PresenceSubscription['presence'];

/** What the UI shows: `live` (connected, streaming), `reconnecting` (trying), `offline` (stopped). */
export type ConnectionState = 'live' | 'reconnecting' | 'offline';

/** Why the connection is offline, when it is. */
export type OfflineReason = 'stopped' | 'unauthenticated' | 'forbidden' | 'error';


export interface RealtimeOptions {
  /** The WebSocket URL, or a function asked before every attempt (tests switch servers with it). */
  url: string | (() => string);
  plantId: string;
  /** The board's `lastEventSeq`: the stream resumes after it. */
  since: number;
  /** Applies one event to the board; called in sequence order, each seq once, never concurrently. */
  onEvent(event: BoardEvent): void;
  /**
   * The server cannot replay what was missed (RESYNC) or a hole was seen: refetch the board and
   * return its `lastEventSeq`; events up to it are then skipped.
   */
  onResync(event: BoardEvent | null): Promise<number>;
  onPresence?(snapshot: PresenceSnapshot): void;
  onState?(state: ConnectionState, detail: { attempt: number; reason?: OfflineReason; closeCode?: number }): void;
  /** Sent in connection_init: a wall screen's `{ token }` (display token); a browser tab sends its cookie instead. */
  connectionParams?: Record<string, unknown>;
  /** A WebSocket constructor (Node tests pass `ws` with a cookie header); the browser's by default. */
  webSocketImpl?: unknown;
  /** Reconnect delays: exponential from `minMs` to `maxMs`, with full jitter. */
  backoff?: { minMs: number; maxMs: number };
  /** Whether to subscribe to presence (and send `viewing`). */
  presence?: boolean;
  random?: () => number;
}

export interface RealtimeConnection {
  /** Last sequence number applied. */
  readonly lastSeq: number;
  readonly state: ConnectionState;
  /** Says what this user has open; re-sent after every reconnect. */
  setViewing(viewing: PresenceViewingInput): void;
  /** The board was refetched at `seq`: resume from there (restarts the stream when it goes back). */
  setBaseline(seq: number): void;
  /** Drops the current socket and reconnects at once (e.g. the browser came back online). */
  reconnectNow(): void;
  stop(): void;
}

const BOARD_EVENTS = print(BoardEventsDocument);
const PRESENCE = print(PresenceDocument);
const UPDATE_PRESENCE = print(UpdatePresenceDocument);

/**
 * The board's live connection (docs/realtime.md, "Client behaviour"). One graphql-ws socket per
 * attempt carrying `boardEvents(since: lastSeq)` and `presence`. When the socket drops it waits
 * (exponential backoff with jitter) and opens a new one that resumes after the last sequence
 * number applied — graphql-ws's own retry would resend the first `since`. Events are applied
 * strictly in order: an event at or below `lastSeq` is skipped, a hole or RESYNC refetches.
 */
export function connectRealtime(opts: RealtimeOptions): RealtimeConnection {
  const { minMs, maxMs } = opts.backoff ?? { minMs: 500, maxMs: 30_000 };
  const random = opts.random ?? Math.random;
  let lastSeq = opts.since;
  let state: ConnectionState = 'reconnecting';
  let stopped = false;
  let attempt = 0;
  let client: Client | null = null;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let viewing: PresenceViewingInput = { kind: 'BOARD' };
  // events are applied one after another, also across an awaited resync
  let chain: Promise<void> = Promise.resolve();

  const setState = (next: ConnectionState, detail: { reason?: OfflineReason; closeCode?: number } = {}) => {
    state = next;
    opts.onState?.(next, { attempt, ...detail });
  };

  const resync = async (event: BoardEvent | null) => {
    const seq = await opts.onResync(event);
    lastSeq = Math.max(seq, event?.seq ?? 0);
  };

  const apply = (event: BoardEvent) => {
    chain = chain.then(async () => {
      if (event.type === 'RESYNC') return resync(event);
      if (event.seq <= lastSeq) return;
      if (event.seq > lastSeq + 1) return resync(null); // cannot happen with a correct server
      opts.onEvent(event);
      lastSeq = event.seq;
    });
    chain = chain.catch(() => {
      // a failed refetch: reconnecting resumes from the last sequence number applied
      restart();
    });
  };

  const teardown = () => {
    generation++;
    const c = client;
    client = null;
    // dispose rejects when the socket never opened; that failure was already handled
    if (c) Promise.resolve(c.dispose()).catch(() => {});
  };

  const schedule = () => {
    if (stopped || timer) return;
    const ceiling = Math.min(maxMs, minMs * 2 ** attempt);
    const delay = attempt === 0 ? 0 : ceiling * (0.5 + random() / 2);
    attempt++;
    setState('reconnecting');
    timer = setTimeout(() => {
      timer = null;
      connect();
    }, delay);
  };

  const fail = (gen: number, error: unknown) => {
    if (gen !== generation || stopped) return;
    const code = (error as { code?: unknown } | null)?.code;
    teardown();
    // the two close codes that end retrying (docs/realtime.md); any other one reconnects
    if (code === CloseCode.UNAUTHENTICATED) return stop('unauthenticated', code);
    if (code === CloseCode.FORBIDDEN) return stop('forbidden', code);
    if (Array.isArray(error)) {
      // GraphQL errors on the operation itself (NOT_FOUND plant, FORBIDDEN role): retrying will not help
      const ext = (error[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code;
      return stop(ext === 'UNAUTHENTICATED' ? 'unauthenticated' : ext === 'FORBIDDEN' ? 'forbidden' : 'error');
    }
    schedule();
  };

  const sendViewing = () => {
    if (!client || !opts.presence) return;
    client.subscribe(
      { query: UPDATE_PRESENCE, variables: { plantId: opts.plantId, viewing } },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
  };

  function connect() {
    if (stopped) return;
    const gen = ++generation;
    const url = typeof opts.url === 'function' ? opts.url() : opts.url;
    let healthy: ReturnType<typeof setTimeout> | null = null;
    client = createClient({
      url,
      webSocketImpl: opts.webSocketImpl,
      ...(opts.connectionParams ? { connectionParams: opts.connectionParams } : {}),
      lazy: false,
      // failures reach `on.closed` / `on.error` below; graphql-ws would also console.error them
      onNonLazyError: () => {},
      retryAttempts: 0,
      keepAlive: 10_000,
      on: {
        connected: () => {
          if (gen !== generation) return;
          setState('live');
          // reset the backoff only once the connection has proved itself
          healthy = setTimeout(() => (attempt = 0), 5_000);
          if (viewing.kind !== 'BOARD') sendViewing();
        },
        closed: (event) => {
          if (healthy) clearTimeout(healthy);
          fail(gen, event);
        },
        error: (err) => fail(gen, err),
      },
    });
    client.subscribe<BoardEventsSubscription>(
      { query: BOARD_EVENTS, variables: { plantId: opts.plantId, since: lastSeq } },
      {
        next: (result) => {
          if (gen !== generation) return;
          if (result.errors?.length) return fail(gen, result.errors);
          if (result.data) apply(result.data.boardEvents);
        },
        error: (err) => fail(gen, err),
        complete: () => fail(gen, null),
      },
    );
    if (opts.presence) {
      client.subscribe<PresenceSubscription>(
        { query: PRESENCE, variables: { plantId: opts.plantId } },
        {
          next: (result) => {
            if (gen === generation && result.data) opts.onPresence?.(result.data.presence);
          },
          error: (err) => fail(gen, err),
          complete: () => {},
        },
      );
    }
  }

  function restart() {
    if (stopped) return;
    teardown();
    if (timer) clearTimeout(timer);
    timer = null;
    schedule();
  }

  function stop(reason: OfflineReason = 'stopped', closeCode?: number) {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    teardown();
    setState('offline', { reason, ...(closeCode ? { closeCode } : {}) });
  }

  schedule();

  return {
    get lastSeq() {
      return lastSeq;
    },
    get state() {
      return state;
    },
    setViewing(next) {
      viewing = next;
      if (state === 'live') sendViewing();
    },
    setBaseline(seq) {
      chain = chain.then(() => {
        const back = seq < lastSeq;
        lastSeq = seq;
        if (back) restart(); // events after `seq` must be replayed onto the refetched board
      });
    },
    reconnectNow() {
      attempt = 0;
      restart();
    },
    stop: () => stop(),
  };
}
