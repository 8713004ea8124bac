import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import type { Services } from '../services.ts';
import type { Logger } from '../shared/logger.ts';
import { hashSecret } from '../modules/auth/credentials.ts';
import type { SecurityConfig } from '../config.ts';
import { databaseRoleWarnings } from '../db/roles.ts';
import { registerSecurityHeaders } from '../http/security-headers.ts';
import { registerHttpErrors } from '../http/errors.ts';
import { registerCompression, staticAssetOptions } from '../http/compression.ts';
import { foreignOrigin } from '../http/origin-check.ts';
import { RequestConcurrency } from '../http/request-concurrency.ts';
import { registerMetricsRoute } from '../metrics/metrics-endpoint.ts';
import { httpCredential } from './context.ts';

/** Largest GraphQL request body accepted, over HTTP and per WebSocket frame (docs/product.md §7: request size limit). */
export const BODY_LIMIT_BYTES = 256 * 1024;

/** Fastify with cookies, security headers, compression and the HTTP error shape. */
export async function createHttpServer(services: Services, security: SecurityConfig, log: Logger): Promise<FastifyInstance> {
  const fastify: FastifyInstance = Fastify({
    trustProxy: security.trustProxy,
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
  });
  await fastify.register(fastifyCookie);
  await registerSecurityHeaders(fastify, { production: services.config.production });
  await registerCompression(fastify);
  registerHttpErrors(fastify, log);
  return fastify;
}

/** The routes that act for an identity: GraphQL and the uploads an import reads (app/uploads.ts). */
const guarded = (url: string) => url.startsWith('/graphql') || url.startsWith('/api/');

/** What a request to /graphql or /api/ passes before it runs: the Origin check, then its identity's turn. */
export function guardApiRequests(fastify: FastifyInstance, security: SecurityConfig): void {
  // CSRF defence in depth (http/origin-check.ts): a browser request from another site is refused
  // unless it authenticates with a bearer token (which a browser never adds by itself).
  fastify.addHook('onRequest', async (request, reply) => {
    if (!guarded(request.url) || /^Bearer\s/i.test(request.headers.authorization ?? '')) return;
    const origin = foreignOrigin(request.headers, request.host, security.allowedOrigins);
    if (origin === null) return;
    await reply.code(403).send({ errors: [{ message: `Requests from ${origin.slice(0, 100)} are not accepted; use Takt from its own address.`, extensions: { code: 'FORBIDDEN' } }] });
  });
  // Work per identity (http/request-concurrency.ts): a session is one browser; a display token is
  // shared by every wall screen it opens, so it counts per address; no credential: per address.
  const concurrency = new RequestConcurrency({ running: security.requestsRunning, queued: security.requestsQueued });
  fastify.addHook('onRequest', async (request, reply) => {
    if (!guarded(request.url)) return;
    const credential = httpCredential(request);
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
}

/** Health, readiness, /metrics (when served on the main port) and the built client with SPA fallback. */
export async function registerPages(fastify: FastifyInstance, services: Services, log: Logger): Promise<void> {
  const { config } = services;
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

  // the client's routes (/wall, /inbox, …) are pages of the SPA: a browser asking for one gets index.html
  const hasClient = existsSync(config.clientDist);
  if (hasClient) await fastify.register(fastifyStatic, { root: config.clientDist, wildcard: false, ...staticAssetOptions });
  fastify.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/graphql') && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && hasClient) return reply.type('text/html').sendFile('index.html');
    return reply.code(404).send({ error: 'NOT_FOUND', message: `${request.method} ${request.url} does not exist.` });
  });
}

/** Stops accepting connections and waits for requests in flight, cutting what is left after `graceMs`. */
export async function drainHttp(fastify: FastifyInstance, graceMs: number): Promise<void> {
  const cut = setTimeout(() => fastify.server.closeAllConnections(), graceMs);
  try {
    await fastify.close();
  } finally {
    clearTimeout(cut);
  }
}
