import type { GraphQLContext } from '../../graphql/context.ts';
import { CloseCode } from './realtime-protocol.ts';

/**
 * While a stream is open, re-checks every `sessionRecheckMs` that the socket's session still
 * exists; when it has expired or was ended (logout, revoked) the socket is closed with 4401 and
 * every stream on it ends. Returns the function that stops watching.
 */
export function watchSession(ctx: GraphQLContext): () => void {
  const token = ctx.sessionToken;
  const close = ctx.closeConnection;
  if (!token || !close) return () => {};
  const { services } = ctx;
  const timer = setInterval(() => {
    services.auth
      .actorForSession(services.orm.em.fork(), token)
      .then((actor) => {
        if (!actor) close(CloseCode.UNAUTHENTICATED, 'Your session has ended; sign in again.');
      })
      .catch((err) => ctx.log.warn({ err }, 'session re-check failed'));
  }, services.realtime.config.sessionRecheckMs);
  timer.unref();
  return () => clearInterval(timer);
}
