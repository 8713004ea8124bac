import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, type ErrorCode } from '../shared/errors.ts';
import { ENGINE_ERROR_CLASS, EngineError } from '../engine/index.ts';
import type { Logger } from '../shared/logger.ts';

// Apollo's own codes for requests that never reached a resolver: all are the client's input.
const CLIENT_INPUT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_NOT_FOUND',
]);

/**
 * The one mapper from failures to `extensions.code` (STYLE §4). Expected errors keep their code
 * and message; anything else is logged with a request id and reaches the client as INTERNAL
 * with no internals.
 */
export function createFormatError(log: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return { message: original.message, path: formatted.path, extensions: { ...original.extensions, code: original.code } };
    }
    // The engine's closed codes map to their GraphQL class; plant-data faults fall through to INTERNAL.
    if (original instanceof EngineError && ENGINE_ERROR_CLASS[original.code] !== 'INTERNAL') {
      return { message: original.message, path: formatted.path, extensions: { code: ENGINE_ERROR_CLASS[original.code], reason: original.code } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_INPUT_CODES.has(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode } };
    }
    if (original instanceof GraphQLError && typeof original.extensions?.code === 'string' && original.extensions.code !== 'INTERNAL_SERVER_ERROR') {
      return { message: original.message, path: formatted.path, extensions: { code: original.extensions.code } };
    }
    // A GraphQL request error (a variable that does not coerce, over WebSocket where Apollo does
    // not label it): it came from no resolver, so it is the client's input. A scalar's own
    // rejection ("Int cannot represent …") arrives wrapped as its original error.
    if (original instanceof GraphQLError && !original.path && (!original.originalError || original.originalError instanceof GraphQLError)) {
      return { message: original.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode } };
    }
    // PostgreSQL's data exceptions (class 22: bad text, out-of-range numbers or dates) are input
    // that got past validation: the client gets BAD_USER_INPUT, and we get a warning to close the gap.
    const sqlState = (original as { code?: unknown } | null)?.code;
    if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
      log.warn({ err: original, path: formatted.path, sqlState }, 'input reached the database unvalidated');
      return { message: 'A value in the request is out of range or malformed.', path: formatted.path, extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode } };
    }
    // lock_timeout (55P03) and statement_timeout (57014, query_canceled): the pool's bounds
    // (db/orm.ts) stopped a statement that waited or ran too long; the transaction rolled back
    if (sqlState === '55P03' || sqlState === '57014') {
      log.warn({ path: formatted.path, sqlState, reason: (original as Error).message }, 'database statement stopped by its time limit');
      const what = sqlState === '55P03' ? 'The data it needs is locked by another operation' : 'It took longer than the server allows';
      return { message: `${what}; it was stopped and nothing of it was kept. Try again in a moment.`, path: formatted.path, extensions: { code: 'UNAVAILABLE' satisfies ErrorCode } };
    }
    const requestId = crypto.randomUUID();
    log.error({ err: original, requestId, path: formatted.path }, 'unexpected error');
    return {
      message: `Something went wrong on our side (reference ${requestId}). Please try again.`,
      path: formatted.path,
      extensions: { code: 'INTERNAL' satisfies ErrorCode, requestId, ...(production ? {} : { detail: String(original) }) },
    };
  };
}
