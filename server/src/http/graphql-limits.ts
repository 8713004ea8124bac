import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLContext } from '../graphql/context.ts';
import { GraphQLError, parse, specifiedRules, validate, type ASTVisitor, type DocumentNode, type ExecutionArgs, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * Query limits (docs/product.md §7), the same over HTTP and WebSocket. No type in the schema refers back to
 * itself, so depth is bounded by the schema (8 today) and `maxDepth` is a backstop should a cycle
 * appear. Width is stopped by aliases, directives, tokens and graphql-armor's static cost (objects
 * 2, scalars 1, ×1.5 per level of depth, fragments counted at every spread): the cost is what stops
 * a "fragment bomb", a few tokens that spread nested fragments into millions of fields. The
 * client's own operations stay well inside every limit (tests/api/security-limits.test.ts sends
 * each one; the largest, the wall's change-order queue, costs about 18,500). List sizes are
 * bounded by the resolvers (bounded pages, boards of at most 26 weeks), not here.
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  maxCost: 50_000,
  maxAliases: 20,
  maxDirectives: 20,
  maxTokens: 5_000,
} as const;

/**
 * Root fields whose work grows with the plant and the range asked for (a board is days × work
 * centers × jobs; a report scans the range's buckets and change orders; a preview runs the
 * planner), and which the static cost above prices like any object. One request may ask for at
 * most one of them: 20 aliased 26-week boards once passed every other limit (2.4 s of the event
 * loop, 4.95 MB). The client never asks for two in one operation (security-limits.test.ts).
 */
export const HEAVY_ROOT_FIELDS: ReadonlySet<string> = new Set(['board', 'capacityReport', 'changeOrderReport', 'previewChangeOrder']);

/**
 * A validation rule: BAD_USER_INPUT when a document selects heavy root fields under more than one
 * response name (the same field under the same name merges and runs once, so only distinct
 * names, aliases included, count; fragments are visited once, as their fields merge too).
 */
export function heavyFieldsOnce(context: ValidationContext): ASTVisitor {
  const names = new Set<string>();
  const roots = new Set([context.getSchema().getQueryType(), context.getSchema().getMutationType()]);
  return {
    Field(node) {
      if (!HEAVY_ROOT_FIELDS.has(node.name.value) || !roots.has(context.getParentType() as never)) return;
      names.add(node.alias?.value ?? node.name.value);
      if (names.size === 2)
        context.reportError(
          new GraphQLError(`A request may ask for one board, report or preview (${[...HEAVY_ROOT_FIELDS].join(', ')}); send them as separate requests.`, { nodes: [node] }),
        );
    },
  };
}

/** Apollo's parse options: the token limit, so that a token bomb is a 400 like any syntax error. */
export const APOLLO_PARSE_OPTIONS = { maxTokens: GRAPHQL_LIMITS.maxTokens } as const;

/** Largest number of live subscriptions one WebSocket may hold (the board needs two). */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

const rejected = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * graphql-armor's protections: an Apollo plugin (field suggestions blocked in production, so a
 * closed introspection cannot be worked around by guessing) and validation rules (depth, cost,
 * aliases, directives). Rejections reach the client as BAD_USER_INPUT naming the limit.
 */
export function graphqlArmor(production: boolean): { plugins: ApolloServerPlugin<GraphQLContext>[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    // the token limit is graphql-js's own parse option (APOLLO_PARSE_OPTIONS): armor's plugin throws
    // from parsingDidStart, which Apollo answers with a 500
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  // armor's declarations name Apollo's CommonJS types; the plugins are the same objects
  return { plugins: plugins as unknown as ApolloServerPlugin<GraphQLContext>[], validationRules: [...validationRules, heavyFieldsOnce] };
}

/**
 * graphql-ws's `onSubscribe`: parses with the token limit and validates with the same rules as
 * HTTP, so a WebSocket is no way around the limits. Syntax errors become an error of that one
 * operation (graphql-ws alone would close the socket with 4500 and log an internal error).
 */
export function wsOperationGuard(schema: GraphQLSchema, rules: readonly ValidationRule[]) {
  const allRules = [...specifiedRules, ...rules];
  // Valid documents by query text. A subscription holds its document for as long as it runs
  // (~25 KB parsed with locations for the board's subscription): thousands of wall screens
  // sending the same text share one document, parsed and validated once (docs/performance.md).
  const valid = new Map<string, DocumentNode>();
  return (payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null }, activeSubscriptions: number): ExecutionArgs | readonly GraphQLError[] => {
    if (activeSubscriptions >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
      return [rejected(`At most ${MAX_SUBSCRIPTIONS_PER_SOCKET} operations may be open on one connection.`)];
    }
    let document = valid.get(payload.query);
    if (!document) {
      try {
        document = parse(payload.query, { maxTokens: GRAPHQL_LIMITS.maxTokens });
      } catch (err) {
        return [rejected(err instanceof GraphQLError ? err.message : 'The query could not be parsed.')];
      }
      const errors = validate(schema, document, allRules);
      if (errors.length > 0) return errors.map((e) => rejected(e.message));
      if (valid.size >= VALID_DOCUMENTS_KEPT) valid.delete(valid.keys().next().value!);
      valid.set(payload.query, document);
    }
    return { schema, document, operationName: payload.operationName ?? null, variableValues: payload.variables ?? null };
  };
}

/** Distinct valid WebSocket documents kept (the oldest is dropped first). */
const VALID_DOCUMENTS_KEPT = 500;
