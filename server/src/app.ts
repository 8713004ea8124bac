import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { ApolloServer } from '@apollo/server';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { buildSchema } from './graphql/schema.ts';
import { createFormatError } from './graphql/format-error.ts';
import { createLoaders } from './graphql/loaders.ts';
import type { GraphQLContext } from './graphql/context.ts';
import type { Services } from './services.ts';
import type { Logger } from './logger.ts';
import type { Actor } from './modules/auth/actor.ts';

export const SESSION_COOKIE = 'takt_session';
/** Largest GraphQL request body accepted (SPEC §7: request size limit). */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface App {
  fastify: FastifyInstance;
  schema: GraphQLSchema;
  /** Stops accepting work, closes WebSockets (1001 going away) and drains HTTP. */
  close(): Promise<void>;
}

/**
 * One port serves everything: GraphQL over HTTP and WebSocket at /graphql, /healthz, /readyz, and
 * the built client at / with SPA fallback (so /wall and other client routes load the app).
 */
export async function createApp(services: Services, log: Logger): Promise<App> {
  const { config } = services;
  const fastify: FastifyInstance = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
  });
  await fastify.register(fastifyCookie);

  const schema = buildSchema();
  const formatError = createFormatError(log, config.production);
  // the same error mapping over WebSocket as over HTTP (Apollo applies it there)
  const formatErrors = (errors: readonly (GraphQLError | GraphQLFormattedError)[]) =>
    errors.map((e) => (e instanceof GraphQLError ? formatError(e.toJSON(), e) : e));
  const wss = new WebSocketServer({ server: fastify.server, path: '/graphql', maxPayload: BODY_LIMIT_BYTES });

  const actorFromToken = (token: string | null): Promise<Actor | null> =>
    token ? services.auth.actorForSession(services.orm.em.fork(), token) : Promise.resolve(null);

  const wsServer = useServer<Record<string, unknown>, { actor: Actor | null; token: string | null }>(
    {
      schema,
      // connection_init authenticates the socket (cookie, or a token in the payload);
      // returning false closes it with 4403 Forbidden.
      onConnect: async (ctx) => {
        const cookies = fastify.parseCookie(ctx.extra.request.headers.cookie ?? '');
        const payloadToken = typeof ctx.connectionParams?.token === 'string' ? ctx.connectionParams.token : null;
        const token = cookies[SESSION_COOKIE] ?? payloadToken;
        ctx.extra.token = token;
        ctx.extra.actor = await actorFromToken(token);
        return ctx.extra.actor !== null;
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatErrors(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
      // Identity is re-checked for every subscription, not only at connect.
      context: async (ctx): Promise<GraphQLContext> => {
        const em = services.orm.em.fork();
        return {
          actor: await actorFromToken(ctx.extra.token ?? null),
          em,
          services,
          log,
          requestId: randomUUID(),
          sessionToken: ctx.extra.token ?? null,
          loaders: createLoaders(em),
          closeConnection: (code, reason) => ctx.extra.socket.close(code, reason),
        };
      },
    },
    wss,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !config.production || process.env.TAKT_INTROSPECTION === '1',
    includeStacktraceInErrorResponses: false,
    formatError,
    csrfPrevention: true,
    plugins: [
      fastifyApolloDrainPlugin(fastify),
      { async serverWillStart() { return { async drainServer() { await wsServer.dispose(); } }; } },
    ],
  });
  await apollo.start();

  const httpContext = async (request: FastifyRequest, reply: FastifyReply): Promise<GraphQLContext> => {
    const token = request.cookies[SESSION_COOKIE] ?? null;
    const em = services.orm.em.fork();
    return {
      actor: await actorFromToken(token),
      em,
      services,
      log,
      requestId: request.id,
      sessionToken: token,
      loaders: createLoaders(em),
      setSessionCookie: (value, expiresAt) => {
        if (value === null) reply.clearCookie(SESSION_COOKIE, { path: '/' });
        else
          reply.setCookie(SESSION_COOKIE, value, {
            path: '/',
            httpOnly: true,
            sameSite: 'lax',
            secure: config.production,
            ...(expiresAt ? { expires: expiresAt } : {}),
          });
      },
    };
  };
  fastify.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler: fastifyApolloHandler(apollo, { context: httpContext }) });

  fastify.get('/healthz', async () => ({ status: 'ok' }));
  fastify.get('/readyz', async (_, reply) => {
    try {
      await services.orm.em.fork().execute('select 1');
      return { status: 'ready' };
    } catch (err) {
      log.warn({ err }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable', reason: 'database' });
    }
  });

  const hasClient = existsSync(config.clientDist);
  if (hasClient) await fastify.register(fastifyStatic, { root: config.clientDist, wildcard: false });
  fastify.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/graphql') && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && hasClient) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: 'NOT_FOUND', message: `${request.method} ${request.url} does not exist.` });
  });

  return {
    fastify,
    schema,
    async close() {
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await apollo.stop();
      await fastify.close();
    },
  };
}
