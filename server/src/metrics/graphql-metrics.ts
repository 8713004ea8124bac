import { performance } from 'node:perf_hooks';
import { Kind, type GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlDuration, graphqlErrors } from './metrics.ts';

/** An error code as label value: codes are a closed set of upper-case names; anything else is "other". */
const CODE = /^[A-Z][A-Z_]{0,39}$/;

/**
 * Times each GraphQL request over HTTP by operation type and root field. The root field, not the
 * client's operation name, is the label: it is bounded by the schema, whoever the client is (an
 * ERP integration names its operations as it likes). Requests that never resolve an operation
 * (a parse error, a refused one) count as type "none", operation "other".
 */
export const graphqlMetricsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    const started = performance.now();
    let type = 'none';
    let operation = 'other';
    return {
      async didResolveOperation({ operation: op }) {
        if (!op) return;
        type = op.operation;
        const first = op.selectionSet.selections[0];
        if (first?.kind === Kind.FIELD) operation = first.name.value;
      },
      async willSendResponse() {
        graphqlDuration.observe({ type, operation }, (performance.now() - started) / 1000);
      },
    };
  },
};

/** `format` that also counts each error it formats by its code (HTTP and WebSocket share it). */
export function countingErrors<A extends unknown[]>(format: (formatted: GraphQLFormattedError, ...rest: A) => GraphQLFormattedError) {
  return (formatted: GraphQLFormattedError, ...rest: A): GraphQLFormattedError => {
    const result = format(formatted, ...rest);
    const code = result.extensions?.code;
    graphqlErrors.inc({ code: typeof code === 'string' && CODE.test(code) ? code : 'other' });
    return result;
  };
}
