/**
 * WebSocket close codes of Takt's realtime protocol: the one list the server and the client both
 * import (docs/realtime.md, "Close codes", explains what each side does). graphql-ws's own codes
 * (4400, 4403, 4409, 4429, 4500) keep graphql-ws's meaning.
 */
export const CloseCode = {
  /** The process is shutting down; the client reconnects (to any process) and resumes with `since`. */
  GOING_AWAY: 1001,
  /**
   * graphql-ws: a malformed protocol message. The client treats it like a dropped connection
   * (reconnects with backoff): a fresh socket sends a fresh `connection_init`.
   */
  BAD_REQUEST: 4400,
  /** The session behind the socket expired or was ended (logout, revoked) while it was open; the client stops. */
  UNAUTHENTICATED: 4401,
  /** graphql-ws: connection_init carried no valid session cookie or token; the client stops. */
  FORBIDDEN: 4403,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];
