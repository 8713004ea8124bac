import type { FastifyError, FastifyInstance } from 'fastify';
import type { Logger } from '../shared/logger.ts';

/**
 * Failures that happen before GraphQL runs (malformed JSON, an oversized body, a wrong content
 * type) answer in the GraphQL error shape with a code, like every other rejection (docs/product.md §7).
 * A 5xx here is a fault of ours: logged, and answered without details.
 */
export function registerHttpErrors(fastify: FastifyInstance, log: Logger): void {
  fastify.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      const requestId = request.id;
      log.error({ err: error, requestId, url: request.url }, 'unexpected error');
      return reply.code(500).send({ errors: [{ message: `Something went wrong on our side (reference ${requestId}). Please try again.`, extensions: { code: 'INTERNAL', requestId } }] });
    }
    const message =
      status === 413
        ? 'The request is too large.'
        : status === 415
          ? 'Send GraphQL requests as application/json.'
          : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
            ? 'The request body is not valid JSON.'
            : error.message;
    return reply.code(status).send({ errors: [{ message, extensions: { code: status === 429 ? 'RATE_LIMITED' : 'BAD_USER_INPUT' } }] });
  });
}
