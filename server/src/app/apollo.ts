import type { FastifyInstance } from 'fastify';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { GraphQLContext } from '../graphql/context.ts';
import { stringifyResult } from '../graphql/serialized-json.ts';
import { APOLLO_PARSE_OPTIONS, type graphqlArmor } from '../http/graphql-limits.ts';
import { subscriptionsOverWebSocketOnly } from '../http/http-operations.ts';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.ts';
import type { Config } from '../config.ts';
import type { ContextBuilder } from './context.ts';

/** Maps an error to what the client sees (graphql/format-error.ts), shared by HTTP and WebSocket. */
export type ApolloFormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Apollo Server for GraphQL over HTTP at /graphql (queries and mutations; subscriptions are
 * WebSocket-only). `drain` runs when main.ts drains the process on SIGTERM.
 */
export async function startApollo(
  deps: { schema: GraphQLSchema; config: Config; formatError: ApolloFormatError; armor: ReturnType<typeof graphqlArmor>; drain: () => Promise<void> },
): Promise<ApolloServer<GraphQLContext>> {
  const { schema, config, formatError, armor, drain } = deps;
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.introspection,
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
      { async serverWillStart() { return { drainServer: drain }; } },
    ],
  });
  await apollo.start();
  return apollo;
}

/** The /graphql route over HTTP; registered after the request guards (app.ts). */
export function routeGraphqlHttp(fastify: FastifyInstance, apollo: ApolloServer<GraphQLContext>, contexts: ContextBuilder): void {
  fastify.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler: fastifyApolloHandler(apollo, { context: contexts.http }) });
}
