import { ErrorCode } from '@takt/schema/generated/enums.ts';

// The closed set of `extensions.code` values, generated from schema/common.graphql `ErrorCode`
// (schema/generated/enums.ts, shared with the server).
export { ErrorCode };

/** Client-side failures that never reached a GraphQL response. */
export type TransportCode = 'NETWORK' | 'BAD_RESPONSE';

/** A failed API call, typed by code so callers branch on the code and never on message text. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode | TransportCode;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode | TransportCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.extensions = extensions;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (Object.values(ErrorCode) as string[]).includes(value);
}

/**
 * What to show a person for an error, by code. The server's message is used where it is the most
 * specific thing we have (it names the bad argument, the conflict, …).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (error.code) {
    case 'NETWORK':
      return 'Cannot reach the Takt server. Check your connection and try again.';
    case 'BAD_RESPONSE':
      return 'The server sent an unexpected response. Please try again.';
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Please sign in again.';
    case 'FORBIDDEN':
      return 'Your role does not allow this action.';
    case 'RATE_LIMITED': {
      const wait = Number(error.extensions.retryAfterSeconds);
      return Number.isFinite(wait) && wait > 0
        ? `Too many attempts. Try again in ${Math.ceil(wait)} seconds.`
        : 'Too many attempts. Please wait a moment and try again.';
    }
    case 'INTERNAL': {
      const id = error.extensions.requestId;
      return typeof id === 'string'
        ? `The server hit an unexpected error (reference ${id}).`
        : 'The server hit an unexpected error.';
    }
    case 'UNAVAILABLE':
    case 'BAD_USER_INPUT':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'INFEASIBLE':
      return error.message;
  }
}
