import { createServer, type Server } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { MetricsConfig } from '../config.ts';
import { registry } from './metrics.ts';

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * One scrape: the registry in Prometheus's text format, when the request may have it. With
 * TAKT_METRICS_TOKEN set, only `Authorization: Bearer <token>` may (on either port). Without it,
 * the main port serves metrics in development only — in production they would tell anyone who
 * can reach the board how busy each plant is — and the separate port serves them to whoever can
 * reach it (bind it to an internal network).
 */
async function scrape(config: MetricsConfig, authorization: string | undefined, openWithoutToken: boolean): Promise<Answer> {
  const text = (status: number, body: string): Answer => ({ status, contentType: 'text/plain; charset=utf-8', body });
  if (config.token) {
    const given = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1] ?? '';
    if (!timingSafeEqual(digest(given), digest(config.token))) return text(401, 'Send the metrics token (TAKT_METRICS_TOKEN) as "Authorization: Bearer <token>".\n');
  } else if (!openWithoutToken) {
    return text(403, 'Metrics are off on this port in production: set TAKT_METRICS_TOKEN, or TAKT_METRICS_PORT for a port of their own.\n');
  }
  return { status: 200, contentType: registry.contentType, body: await registry.metrics() };
}

/** GET /metrics on the main port. */
export function registerMetricsRoute(fastify: FastifyInstance, config: MetricsConfig, production: boolean): void {
  fastify.get('/metrics', async (request, reply) => {
    const answer = await scrape(config, request.headers.authorization, !production);
    if (answer.status === 401) void reply.header('www-authenticate', 'Bearer realm="metrics"');
    return reply.code(answer.status).type(answer.contentType).send(answer.body);
  });
}

/** A port of its own that serves only /metrics (TAKT_METRICS_PORT). */
export async function startMetricsServer(config: MetricsConfig & { port: number }, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Only GET /metrics is served on this port.\n');
      return;
    }
    scrape(config, request.headers.authorization, true).then(
      (a) => response.writeHead(a.status, { 'content-type': a.contentType }).end(a.body),
      (err: unknown) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`Collecting metrics failed: ${String(err)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.port, host, resolve));
  return server;
}
