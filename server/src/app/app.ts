import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Services } from '../services.ts';
import type { Logger } from '../shared/logger.ts';
import { buildSchema } from '../graphql/schema.ts';
import { createFormatError } from '../graphql/format-error.ts';
import { CloseCode } from '../../../schema/realtime-close-codes.ts';
import { graphqlArmor } from '../http/graphql-limits.ts';
import { countingErrors } from '../metrics/graphql-metrics.ts';
import { observeProcess } from '../metrics/process-gauges.ts';
import { recordLiveLag } from '../metrics/live-lag.ts';
import { routeGraphqlHttp, startApollo } from './apollo.ts';
import { contextBuilder } from './context.ts';
import { createHttpServer, drainHttp, guardApiRequests, registerPages } from './http.ts';
import { serveGraphqlWebSocket } from './ws.ts';
import { routeUploads } from './uploads.ts';

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
  const { security } = config;
  const fastify = await createHttpServer(services, security, log);
  const schema = buildSchema();
  // every formatted error is counted by its code (takt_graphql_errors_total)
  const formatError = countingErrors(createFormatError(log, config.production));
  const armor = graphqlArmor(config.production);
  const contexts = contextBuilder(services, log);

  const ws = serveGraphqlWebSocket(fastify, { schema, services, log, security, contexts, formatError, armor });
  observeProcess({ services, wss: ws.wss });
  recordLiveLag();
  const apollo = await startApollo({
    schema,
    config,
    formatError,
    armor,
    drain: async () => {
      await Promise.all([drainHttp(fastify, config.shutdownGraceMs), ws.dispose()]);
    },
  });
  guardApiRequests(fastify, security);
  routeGraphqlHttp(fastify, apollo, contexts);
  await routeUploads(fastify, services, contexts);
  await registerPages(fastify, services, log);

  return {
    fastify,
    schema,
    async close() {
      ws.stopWatching();
      for (const client of ws.wss.clients) client.close(CloseCode.GOING_AWAY, 'Server shutting down');
      await apollo.stop();
      await fastify.close();
    },
  };
}
