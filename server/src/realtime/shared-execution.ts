import { createSourceEventStream, execute, Kind, visit, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { GraphQLContext } from '../graphql/context.ts';

/**
 * graphql-ws's `subscribe` (app/ws.ts) with each live event executed once per process
 * for every subscription that asks the same thing, instead of once per subscriber.
 *
 * The hub hands the same frozen event object to every stream of a plant (docs/realtime.md,
 * "Fan-out"), and graphql-js would then run the whole selection (jobs, allocations, buckets) for
 * each subscriber: at 1,000 wall screens that was ~1,000 executions of the same event, most of
 * the fan-out's CPU (bench: `pnpm bench --suite live --profile`, docs/performance.md). Here the
 * result is memoized per event object and per *share key*: the query text, the operation, the
 * variables, and the actor's kind, role and plant. Only root fields are authorized
 * (graphql/schema.ts) and nested resolvers of events do not depend on the actor, so subscribers
 * with the same key get the same result; keying on role and kind anyway keeps it safe if a
 * nested field ever becomes role-dependent.
 *
 * `since` is left out of the key when it is used only as the `since` argument of a root field:
 * it decides which events a stream yields, never how an event resolves. Replayed events are
 * read per stream (distinct objects), so they are executed per subscriber as before.
 */

/** Per document: the variable names that may be left out of the share key. */
const streamPositionVariables = new WeakMap<DocumentNode, Set<string>>();

function positionOnly(document: DocumentNode): Set<string> {
  let names = streamPositionVariables.get(document);
  if (names) return names;
  const asSince = new Set<string>();
  const elsewhere = new Set<string>();
  let depth = 0;
  let inOperation = false;
  let inDirective = 0;
  visit(document, {
    OperationDefinition: { enter: () => void (inOperation = true), leave: () => void (inOperation = false) },
    Field: { enter: () => void depth++, leave: () => void depth-- },
    Directive: { enter: () => void inDirective++, leave: () => void inDirective-- },
    Argument(arg) {
      if (arg.value.kind !== Kind.VARIABLE) return;
      const rootField = inOperation && depth === 1 && inDirective === 0;
      (rootField && arg.name.value === 'since' ? asSince : elsewhere).add(arg.value.name.value);
    },
    // a variable anywhere else (inside a list or object value); its declaration does not count
    Variable(node, _key, parent) {
      const kind = parent && !Array.isArray(parent) ? (parent as { kind?: string }).kind : undefined;
      if (kind === Kind.ARGUMENT || kind === Kind.VARIABLE_DEFINITION) return;
      elsewhere.add(node.name.value);
    },
  });
  names = new Set([...asSince].filter((n) => !elsewhere.has(n)));
  streamPositionVariables.set(document, names);
  return names;
}

function shareKey(args: ExecutionArgs): string | null {
  const body = args.document.loc?.source.body;
  const actor = (args.contextValue as GraphQLContext | undefined)?.actor;
  if (body === undefined || !actor) return null;
  const skip = positionOnly(args.document);
  const variables = Object.entries(args.variableValues ?? {}).filter(([name]) => !skip.has(name));
  return JSON.stringify([actor.kind, actor.role, actor.plantId, args.operationName ?? null, body, variables]);
}

/** Results of one event object, by share key (collected with the event). */
const results = new WeakMap<object, Map<string, ExecutionResult | Promise<ExecutionResult>>>();

function executeShared(args: ExecutionArgs, key: string, event: unknown): ExecutionResult | Promise<ExecutionResult> {
  if (typeof event !== 'object' || event === null) return execute({ ...args, rootValue: event });
  let byKey = results.get(event);
  if (!byKey) results.set(event, (byKey = new Map()));
  let result = byKey.get(key);
  if (!result) {
    result = execute({ ...args, rootValue: event });
    byKey.set(key, result);
  }
  return result;
}

/**
 * A source stream that can hand a live event straight to a writer while its consumer is idle
 * (BoardStream): the writer returns false when it cannot take it, and the stream queues it for its
 * consumer as usual.
 */
export interface DirectSource {
  deliverDirectly(write: (event: unknown) => boolean): void;
}

const isDirectSource = (iterator: object): iterator is DirectSource => typeof (iterator as Partial<DirectSource>).deliverDirectly === 'function';

/**
 * Drop-in for graphql-js `subscribe`: the same source stream, each event's result shared. Over a
 * WebSocket a shared result without errors whose stream is idle is written as the subscription's
 * frame at once (ws-frames.ts, 3.), skipping graphql-ws's per-message promise chain; a result that
 * would need async resolvers or carries errors goes through graphql-ws.
 */
export async function sharedSubscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult, void, void> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const key = shareKey(args);
  const iterator = source[Symbol.asyncIterator]();
  const sendNext = (args.contextValue as GraphQLContext | undefined)?.sendNext;
  if (key !== null && sendNext && isDirectSource(iterator))
    iterator.deliverDirectly((event) => {
      const result = executeShared(args, key, event);
      return !(result instanceof Promise) && !result.errors && sendNext(result);
    });
  const map = async (step: IteratorResult<unknown>): Promise<IteratorResult<ExecutionResult, void>> =>
    step.done ? { done: true, value: undefined } : { done: false, value: await (key === null ? execute({ ...args, rootValue: step.value }) : executeShared(args, key, step.value)) };
  const mapped: AsyncGenerator<ExecutionResult, void, void> = {
    next: async () => map(await iterator.next()),
    return: async () => {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    throw: async (err?: unknown) => {
      if (iterator.throw) return map(await iterator.throw(err));
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    [Symbol.asyncDispose]: async () => {
      await iterator.return?.();
    },
  };
  return mapped;
}
