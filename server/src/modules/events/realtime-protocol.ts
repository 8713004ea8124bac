/**
 * The realtime protocol's constants, mirrored one to one in docs/realtime.md. Change both together.
 */

/** PostgreSQL NOTIFY channels. Payloads are tiny pointers; the data is always read from the tables. */
export const Channel = {
  /** `plantId:seq` — the last sequence number a committed write transaction appended. */
  BOARD: 'takt_board',
  /** `plantId` — someone's presence in that plant changed (joined, left, looks elsewhere, expired). */
  PRESENCE: 'takt_presence',
  /**
   * `[plantId, key, phase, done, total]` as JSON — how far an import is. The one payload that is
   * the data itself: progress is never stored, and a lost one is superseded by the next.
   */
  IMPORT_PROGRESS: 'takt_import_progress',
} as const;

/**
 * WebSocket close codes Takt uses (graphql-ws's own codes, 4400/4403/4409/4429/4500, keep their
 * meaning). A client reconnects after 1001, 1006 and 1011, and stops on 4401 and 4403.
 */
export const CloseCode = {
  /** The process is shutting down; reconnect (to any process) and resume with `since`. */
  GOING_AWAY: 1001,
  /** graphql-ws: a malformed protocol message. Do not retry the same message. */
  BAD_REQUEST: 4400,
  /** The session behind the socket expired or was ended (logout, revoked) while it was open. */
  UNAUTHENTICATED: 4401,
  /** graphql-ws: connection_init carried no valid session cookie or token. */
  FORBIDDEN: 4403,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Event types only the stream produces; they are never stored. */
export const StreamOnlyEventType = { RESYNC: 'RESYNC' } as const;

/** Why a RESYNC was sent. */
export const ResyncReason = {
  /** `since` is older than the oldest retained event. */
  RETENTION: 'RETENTION',
  /** `since` is newer than the plant's last event (e.g. the database was restored from a backup). */
  UNKNOWN_SINCE: 'UNKNOWN_SINCE',
} as const;

/** How many events one read of the table returns (replay and catch-up page through). */
export const READ_PAGE = 500;
/**
 * A subscriber whose socket cannot keep up buffers at most this many live events; beyond it the
 * buffer is dropped and the subscriber reads on from the table when it drains (no event is lost:
 * the table is the buffer).
 */
export const MAX_LIVE_BUFFER = 2_000;
