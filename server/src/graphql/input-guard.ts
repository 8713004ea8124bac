import { getNullableType, isInputObjectType, isListType, isScalarType, type GraphQLArgument, type GraphQLInputType } from 'graphql';
import { badInput } from '../shared/errors.ts';

/** No text argument is longer than this (comments allow 4,000; the request body limit is 256 KiB). */
export const MAX_STRING_LENGTH = 10_000;
/** No list argument is longer than this (option lists, status filters). */
export const MAX_LIST_LENGTH = 1_000;

/**
 * The generic part of input validation, run for every root field before its resolver (after the
 * permission check): text that PostgreSQL cannot store (NUL characters, lone surrogates) or that
 * is absurdly long, and over-long lists, are BAD_USER_INPUT naming the argument. Each module still
 * validates meaning (quantities, date ranges, lengths, ids of its plant); this only makes sure no
 * argument can reach the database as a driver error.
 */
export function guardArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>): void {
  for (const arg of args) walk(arg.type, values[arg.name], arg.name);
}

function walk(type: GraphQLInputType, value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (!Array.isArray(value)) return;
    if (value.length > MAX_LIST_LENGTH) throw badInput(`"${path}" may hold at most ${MAX_LIST_LENGTH} values.`, path);
    value.forEach((v, i) => walk(t.ofType, v, `${path}[${i}]`));
  } else if (isInputObjectType(t)) {
    const fields = t.getFields();
    for (const [name, field] of Object.entries(fields)) walk(field.type, (value as Record<string, unknown>)[name], `${path}.${name}`);
  } else if (isScalarType(t) && typeof value === 'string') {
    if (value.length > MAX_STRING_LENGTH) throw badInput(`"${path}" is too long (at most ${MAX_STRING_LENGTH} characters).`, path);
    if (/\u0000/.test(value) || /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
      throw badInput(`"${path}" contains characters that cannot be stored (NUL or a broken surrogate pair).`, path);
    }
  }
}
