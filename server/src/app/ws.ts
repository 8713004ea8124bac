import type { FastifyInstance } from 'fastify';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Services } from '../services.ts';
import type { Logger } from '../shared/logger.ts';
import type { Actor } from '../modules/auth/actor.ts';
import { credentialFrom, type Credential } from '../modules/auth/credentials.ts';
import { CredentialWatch } from '../modules/auth/credential-watch.ts';
import type { SecurityConfig } from '../config.ts';
import { CloseCode } from '../../../schema/realtime-close-codes.ts';
import { wsOperationGuard, type graphqlArmor } from '../http/graphql-limits.ts';
import { foreignOrigin } from '../http/origin-check.ts';
import { sharedSubscribe } from '../realtime/shared-execution.ts';
import { preSerialized, writeFramesPerTurn } from '../realtime/ws-frames.ts';
import type { ApolloFormatError } from './apollo.ts';
import { SESSION_COOKIE, type ContextBuilder } from './context.ts';
import { BODY_LIMIT_BYTES } from './http.ts';

export interface GraphqlWebSocket {
  wss: WebSocketServer;
  /** graphql-ws's own shutdown (completes subscriptions). */
  dispose(): Promise<void> | void;
  /** Stops watching the sockets' credentials. */
  stopWatching(): void;
}

/**
 * GraphQL over WebSocket (graphql-ws) at /graphql on the HTTP server's port: connection_init
 * authenticates, every subscription re-resolves the identity and goes through the permission
 * table, and live results are serialized once for all their subscribers (docs/realtime.md).
 */
export function serveGraphqlWebSocket(
  fastify: FastifyInstance,
  deps: { schema: GraphQLSchema; services: Services; log: Logger; security: SecurityConfig; contexts: ContextBuilder; formatError: ApolloFormatError; armor: ReturnType<typeof graphqlArmor> },
): GraphqlWebSocket {
  const { schema, services, log, security, contexts, formatError } = deps;
  // the same error mapping over WebSocket as over HTTP (Apollo applies it there)
  const formatErrors = (errors: readonly (GraphQLError | GraphQLFormattedError)[]) =>
    errors.map((e) => (e instanceof GraphQLError ? formatError(e.toJSON(), e) : e));
  // permessage-deflate stays off (ws's default for servers): the frames are small, and deflating
  // each one per socket would cost more CPU than the whole fan-out
  const wss = new WebSocketServer({ server: fastify.server, path: '/graphql', maxPayload: BODY_LIMIT_BYTES, perMessageDeflate: false });
  writeFramesPerTurn(wss);
  // Closes sockets whose session or token ended, within a second or two (docs/security.md).
  const credentialWatch = new CredentialWatch(services.orm, services.clock, log, security.credentialRecheckMs);
  const guardWsOperation = wsOperationGuard(schema, deps.armor.validationRules);

  const wsServer = useServer<Record<string, unknown>, { actor: Actor | null; credential: Credential | null; unwatch?: () => void }>(
    {
      schema,
      // one execution per live event and share key, not per subscriber (shared-execution.ts)
      subscribe: sharedSubscribe,
      // connection_init authenticates the socket (a token in the payload, or the cookie);
      // returning false closes it with 4403 Forbidden.
      onConnect: async (ctx) => {
        const { request, socket } = ctx.extra;
        const cookies = fastify.parseCookie(request.headers.cookie ?? '');
        const credential = credentialFrom({ cookie: cookies[SESSION_COOKIE], connectionToken: ctx.connectionParams?.token });
        // a cookie-authenticated socket opened by another site's page is refused (cross-site WebSocket hijacking)
        if (credential?.source === 'cookie' && foreignOrigin(request.headers, request.headers.host, security.allowedOrigins)) return false;
        ctx.extra.credential = credential;
        ctx.extra.actor = await contexts.actorFrom(credential);
        if (ctx.extra.actor === null || credential === null) return false;
        ctx.extra.unwatch = credentialWatch.watch(credential, () =>
          socket.close(CloseCode.UNAUTHENTICATED, credential.kind === 'token' ? 'The token was revoked.' : 'Your session has ended; sign in again.'),
        );
        return true;
      },
      onClose: (ctx) => ctx.extra.unwatch?.(),
      onSubscribe: (ctx, _id, payload) => guardWsOperation(payload, Object.keys(ctx.subscriptions).length),
      // a result without errors is serialized once for all its subscribers (ws-frames.ts)
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatErrors(result.errors) } : preSerialized(result)),
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
      context: (ctx, id) => contexts.ws(ctx.extra.credential ?? null, ctx.extra.socket, id),
    },
    wss,
  );
  // A client's protocol error on a socket (a frame over maxPayload, a bad opcode) has already
  // closed it with the matching code (1009, 1002) when ws emits it; graphql-ws's listener (added
  // just above) would print it to stderr with a stack as an internal error. A warning is enough.
  wss.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (err: Error & { code?: string }) => log.warn({ code: err.code, reason: err.message }, 'WebSocket closed on a protocol error from the client'));
  });
  return { wss, dispose: () => wsServer.dispose(), stopWatching: () => credentialWatch.stop() };
}
