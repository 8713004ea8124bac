import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { ApolloServer } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { stringifyResult } from './graphql/serialized-json.ts';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { buildSchema } from './graphql/schema.ts';
import { createFormatError } from './graphql/format-error.ts';
import { createLoaders, type Loaders } from './graphql/loaders.ts';
import type { GraphQLContext } from './graphql/context.ts';
import type { Services } from './services.ts';
import type { Logger } from './shared/logger.ts';
import type { Actor } from './modules/auth/actor.ts';
import { credentialFrom, hashSecret, type Credential } from './modules/auth/credentials.ts';
import { CredentialWatch } from './modules/auth/credential-watch.ts';
import { loadSecurityConfig } from './modules/auth/security.config.ts';
import { CloseCode } from './modules/events/realtime-protocol.ts';
import { sharedSubscribe } from './realtime/shared-execution.ts';
import { nextFrameWriter, preSerialized, writeFramesPerTurn } from './realtime/ws-frames.ts';
import { databaseRoleWarnings } from './db/roles.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerHttpErrors } from './http/errors.ts';
import { registerCompression, staticAssetOptions } from './http/compression.ts';
import { foreignOrigin } from './http/origin-check.ts';
import { APOLLO_PARSE_OPTIONS, graphqlArmor, wsOperationGuard } from './http/graphql-limits.ts';
import { subscriptionsOverWebSocketOnly } from './http/http-operations.ts';
import { RequestConcurrency } from './http/request-concurrency.ts';
import { countingErrors, graphqlMetricsPlugin } from './metrics/graphql-metrics.ts';
import { registerMetricsRoute } from './metrics/metrics-endpoint.ts';
import { observeProcess } from './metrics/process-gauges.ts';
import { recordLiveLag } from './metrics/live-lag.ts';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';

export const SESSION_COOKIE = 'takt_session';
/** A browser that signed in successfully before (modules/auth/login-throttle.ts). */
export const DEVICE_COOKIE = 'takt_device';
const DEVICE_COOKIE_DAYS = 180;
/** Set by the SPA on requests nobody asked for just now (client/src/api/graphql.ts). */
const BACKGROUND_HEADER = 'x-takt-background';
/** Largest GraphQL request body accepted (docs/product.md §7: request size limit). */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface App {
  fastify: FastifyInstance;
  schema: GraphQLSchema;
  /** Stops accepting work, closes WebSockets (1001 going away) and drains HTTP. */
  close(): Promise<void>;
}

/** Stops accepting connections and waits for requests in flight, cutting what is left after `graceMs`. */
async function drainHttp(fastify: FastifyInstance, graceMs: number): Promise<void> {
  const cut = setTimeout(() => fastify.server.closeAllConnections(), graceMs);
  try {
    await fastify.close();
  } finally {
    clearTimeout(cut);
  }
}

/**
 * One port serves everything: GraphQL over HTTP and WebSocket at /graphql, /healthz, /readyz, and
 * the built client at / with SPA fallback (so /wall and other client routes load the app).
 */
export async function createApp(services: Services, log: Logger): Promise<App> {
  const { config } = services;
  const security = loadSecurityConfig();
  const fastify: FastifyInstance = Fastify({
    trustProxy: security.trustProxy,
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
  });
  await fastify.register(fastifyCookie);
  await registerSecurityHeaders(fastify, { production: config.production });
  await registerCompression(fastify);
  registerHttpErrors(fastify, log);

  const schema = buildSchema();
  // every formatted error is counted by its code (takt_graphql_errors_total)
  const formatError = countingErrors(createFormatError(log, config.production));
  // the same error mapping over WebSocket as over HTTP (Apollo applies it there)
  const formatErrors = (errors: readonly (GraphQLError | GraphQLFormattedError)[]) =>
    errors.map((e) => (e instanceof GraphQLError ? formatError(e.toJSON(), e) : e));
  // permessage-deflate stays off (ws's default for servers): the frames are small, and deflating
  // each one per socket would cost more CPU than the whole fan-out
  const wss = new WebSocketServer({ server: fastify.server, path: '/graphql', maxPayload: BODY_LIMIT_BYTES, perMessageDeflate: false });
  writeFramesPerTurn(wss);
  observeProcess({ services, wss });
  recordLiveLag();

  /**
   * The actor behind a credential, or null when it is unknown, expired or revoked. `used`: the
   * request is the person's own doing, which keeps a session from its idle timeout.
   */
  const actorFrom = (credential: Credential | null, used = false): Promise<Actor | null> => {
    if (!credential) return Promise.resolve(null);
    const em = services.orm.em.fork();
    return credential.kind === 'token' ? services.tokens.actorForSecret(em, credential.secret) : services.auth.actorForSession(em, credential.secret, used);
  };
  const sessionTokenOf = (credential: Credential | null | undefined) => (credential?.kind === 'session' ? credential.secret : null);
  // Closes sockets whose session or token ended, within a second or two (docs/security.md).
  const credentialWatch = new CredentialWatch(services.orm, services.clock, log, security.credentialRecheckMs);
  const armor = graphqlArmor(config.production);
  const guardWsOperation = wsOperationGuard(schema, armor.validationRules);

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
        ctx.extra.actor = await actorFrom(credential);
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
      // Identity is re-checked for every subscription, not only at connect. A subscription keeps its context as long as it runs, and live events rarely touch the
      // database: the entity manager and loaders are made on first use, not per idle wall
      // screen (bench memory suite, docs/performance.md).
      context: async (ctx, id): Promise<GraphQLContext> => {
        let em: EntityManager | null = null;
        let loaders: Loaders | null = null;
        const lazyEm = () => (em ??= services.orm.em.fork());
        return {
          actor: await actorFrom(ctx.extra.credential ?? null),
          get em() {
            return lazyEm();
          },
          services,
          log,
          requestId: randomUUID(),
          sessionToken: sessionTokenOf(ctx.extra.credential),
          credential: ctx.extra.credential ?? null,
          get loaders() {
            return (loaders ??= createLoaders(lazyEm()));
          },
          sendNext: nextFrameWriter(ctx.extra.socket, id),
        };
      },
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

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !config.production || process.env.TAKT_INTROSPECTION === '1',
    includeStacktraceInErrorResponses: false,
    formatError,
    // splices in JSON serialized once and shared, e.g. a cached packed board's columns
    stringifyResult,
    csrfPrevention: true,
    stopOnTerminationSignals: false, // main.ts owns shutdown: drain first, then the database
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    parseOptions: APOLLO_PARSE_OPTIONS,
    plugins: [
      ...armor.plugins,
      subscriptionsOverWebSocketOnly,
      graphqlMetricsPlugin,
      // the default landing page loads scripts from a CDN, which the CSP (rightly) refuses
      ApolloServerPluginLandingPageDisabled(),
      // Takt sends no HTTP cache hints; the plugin's per-field hook cost ~6% of a big board query.
      ApolloServerPluginCacheControlDisabled(),
      // Drain (main.ts, on SIGTERM): the listener closes, requests in flight finish and are answered,
      // for at most TAKT_SHUTDOWN_GRACE_MS before their connections are cut. (The integration's
      // fastifyApolloDrainPlugin does the same with a fixed 10 s.)
      { async serverWillStart() { return { async drainServer() { await Promise.all([drainHttp(fastify, config.shutdownGraceMs), wsServer.dispose()]); } }; } },
    ],
  });
  await apollo.start();

  const httpContext = async (request: FastifyRequest, reply: FastifyReply): Promise<GraphQLContext> => {
    const credential = credentialFrom({ cookie: request.cookies[SESSION_COOKIE], authorization: request.headers.authorization });
    const em = services.orm.em.fork();
    return {
      // the SPA marks the requests it makes on its own (polls, refetches) when nobody has used
      // the page for a while: they do not keep the session from its idle timeout
      actor: await actorFrom(credential, request.headers[BACKGROUND_HEADER] !== '1'),
      em,
      services,
      log,
      requestId: request.id,
      sessionToken: sessionTokenOf(credential),
      credential,
      clientIp: request.ip,
      deviceCookie: request.cookies[DEVICE_COOKIE] ?? null,
      setDeviceCookie: (value) =>
        reply.setCookie(DEVICE_COOKIE, value, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: config.production,
          maxAge: DEVICE_COOKIE_DAYS * 86_400,
        }),
      loaders: createLoaders(em),
      setSessionCookie: (value, expiresAt) => {
        if (value === null) reply.clearCookie(SESSION_COOKIE, { path: '/' });
        else
          reply.setCookie(SESSION_COOKIE, value, {
            path: '/',
            httpOnly: true,
            sameSite: 'lax',
            secure: config.production,
            // Max-Age, not Expires: a browser whose clock differs from the server's (or a server
            // on a shifted test clock) keeps the session exactly as long as the server does.
            ...(expiresAt ? { maxAge: Math.max(0, Math.floor((expiresAt.getTime() - services.clock.now().getTime()) / 1000)) } : {}),
          });
      },
    };
  };
  // CSRF defence in depth (http/origin-check.ts): a browser request from another site is refused
  // unless it authenticates with a bearer token (which a browser never adds by itself).
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/graphql') || /^Bearer\s/i.test(request.headers.authorization ?? '')) return;
    const origin = foreignOrigin(request.headers, request.host, security.allowedOrigins);
    if (origin === null) return;
    await reply.code(403).send({ errors: [{ message: `Requests from ${origin.slice(0, 100)} are not accepted; use Takt from its own address.`, extensions: { code: 'FORBIDDEN' } }] });
  });
  // Work per identity (http/request-concurrency.ts): a session is one browser; a display token is
  // shared by every wall screen it opens, so it counts per address; no credential: per address.
  const concurrency = new RequestConcurrency({ running: security.requestsRunning, queued: security.requestsQueued });
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/graphql')) return;
    const credential = credentialFrom({ cookie: request.cookies[SESSION_COOKIE], authorization: request.headers.authorization });
    const identity = credential ? `${hashSecret(credential.secret)}${credential.kind === 'token' ? `|${request.ip}` : ''}` : `ip|${request.ip}`;
    const release = await concurrency.acquire(identity);
    if (!release) {
      const message = 'Too many requests of yours are in progress; wait for them to finish.';
      await reply.code(429).header('retry-after', '1').send({ errors: [{ message, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } }] });
      return;
    }
    // 'close' comes after the response is sent or when the client goes away, whichever is first
    if (reply.raw.closed) release();
    else reply.raw.once('close', release);
  });
  fastify.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler: fastifyApolloHandler(apollo, { context: httpContext }) });

  fastify.get('/healthz', async () => ({ status: 'ok' }));
  fastify.get('/readyz', async (_, reply) => {
    try {
      // `warnings`: a runtime database role that can bypass the append-only triggers (db/roles.ts)
      return { status: 'ready', warnings: await databaseRoleWarnings(services.orm.em.fork()) };
    } catch (err) {
      log.warn({ err }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable', reason: 'database' });
    }
  });

  registerMetricsRoute(fastify, config.metrics, config.production);

  const hasClient = existsSync(config.clientDist);
  if (hasClient) await fastify.register(fastifyStatic, { root: config.clientDist, wildcard: false, ...staticAssetOptions });
  fastify.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/graphql') && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && hasClient) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: 'NOT_FOUND', message: `${request.method} ${request.url} does not exist.` });
  });

  return {
    fastify,
    schema,
    async close() {
      credentialWatch.stop();
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await apollo.stop();
      await fastify.close();
    },
  };
}
