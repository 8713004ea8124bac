import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLContext } from '../graphql/context.ts';
import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema, type ValidationRule } from 'graphql';

/**
 * Query limits (SPEC §7), the same over HTTP and WebSocket. They are far above what the client
 * sends (its largest operation, the change-order fields, has depth 5 and a cost near 300) and far
 * below what hurts the server. Introspection is exempt from depth and cost where it is enabled.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxCost: 5_000,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 5_000,
} as const;

/** Largest number of live subscriptions one WebSocket may hold (the board needs two). */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

const rejected = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * graphql-armor's protections: Apollo plugins (token limit at parse time, field suggestions
 * blocked in production so a closed introspection cannot be worked around) and validation rules
 * (depth, cost, aliases, directives). Rejections reach the client as BAD_USER_INPUT with a message
 * that names the limit.
 */
export function graphqlArmor(production: boolean): { plugins: ApolloServerPlugin<GraphQLContext>[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    maxTokens: { n: GRAPHQL_LIMITS.maxTokens },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  // armor's declarations name Apollo's CommonJS types; the plugins are the same objects
  return { plugins: plugins as unknown as ApolloServerPlugin<GraphQLContext>[], validationRules };
}

/**
 * graphql-ws's `onSubscribe`: parses with the token limit and validates with the same rules as
 * HTTP, so a WebSocket is no way around the limits. Syntax errors become an error of that one
 * operation (graphql-ws alone would close the socket with 4500 and log an internal error).
 */
export function wsOperationGuard(schema: GraphQLSchema, rules: readonly ValidationRule[]) {
  const allRules = [...specifiedRules, ...rules];
  return (payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null }, activeSubscriptions: number): ExecutionArgs | readonly GraphQLError[] => {
    if (activeSubscriptions >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
      return [rejected(`At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} operations may be open on one connection.`)];
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: GRAPHQL_LIMITS.maxTokens });
    } catch (err) {
      return [rejected(err instanceof GraphQLError ? err.message : 'The query could not be parsed.')];
    }
    const errors = validate(schema, document, allRules);
    if (errors.length > 0) return errors.map((e) => rejected(e.message));
    return { schema, document, operationName: payload.operationName ?? null, variableValues: payload.variables ?? null };
  };
}
