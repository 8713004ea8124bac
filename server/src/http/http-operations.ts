import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../graphql/context.ts';

/**
 * A subscription sent over HTTP would run its root field once without an event stream and fail
 * as "Cannot return null for non-nullable field" (INTERNAL): it is the client's mistake, so it is
 * refused before execution with BAD_USER_INPUT saying where subscriptions run.
 */
export const subscriptionsOverWebSocketOnly: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError('Subscriptions run over the WebSocket at /graphql (protocol graphql-transport-ws), not over HTTP.', {
          extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
        });
      },
    };
  },
};
