/**
 * The realtime protocol's constants, mirrored one to one in docs/realtime.md. Change both together.
 * The WebSocket close codes, shared with the client, are in schema/realtime-close-codes.ts.
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
